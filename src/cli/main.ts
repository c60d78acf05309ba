/**
 * The command line: `run` builds the program for one run and turns every outcome into an exit
 * code (0 all targets met, 1 some target failed, 2 usage or input error); `main` runs it on
 * the process — the only code that touches `process`.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { CcchError } from '../model/errors.js';
import { errorLine } from '../i18n/errors.js';
import type { Lang } from '../model/lang.js';
import { makeCli, type Io } from './context.js';
import { EXIT } from './help.js';
import { buildProgram, commanderError } from './program.js';
import { safeText } from '../util/safe-text.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The language of errors before --lang is parsed (commander's own errors come first). */
function langFromArgs(args: readonly string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return v?.trim().toLowerCase() === 'en' ? 'en' : 'vi';
}

/** One run of the program on `args` (the arguments after `ccch`), with the streams and environment of `io`. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const cli = makeCli(io, VERSION, langFromArgs(args));
  const program = buildProgram(cli, VERSION);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return cli.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.OK;
      // `ccch` with no command: commander has shown the help on stderr as an error.
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
      // One line: the message, then where the help is (the command's own, when one was named).
      const sub = e.code === 'commander.unknownCommand' ? undefined : program.commands.find((c) => args.includes(c.name()));
      const help = `ccch${sub ? ` ${sub.name()}` : ''} --help`;
      cli.stderr(`ccch: ${errorLine(commanderError(e), cli.lang)} (${cli.lang === 'vi' ? 'xem' : 'see'} '${help}')\n`);
      return EXIT.ERROR;
    }
    if (e instanceof CcchError) {
      cli.stderr(`ccch: ${errorLine(e, cli.lang)}\n`);
      return EXIT.ERROR;
    }
    const err = e as Error;
    cli.stderr(`ccch: ${cli.lang === 'vi' ? 'lỗi nội bộ' : 'internal error'}: ${safeText(err?.message ?? String(e), 300)}\n`);
    if (io.env.CCCH_DEBUG) cli.stderr(`${err?.stack ?? ''}\n`);
    return EXIT.ERROR;
  }
}

/** The program on this process: `argv` is process.argv. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`ccch … | head`): stop quietly, with the exit code set so far.
    if (e.code === 'EPIPE') process.exit();
    throw e;
  });
  return run(argv.slice(2), {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    exitCode: (code) => {
      process.exitCode = code;
    },
  });
}
