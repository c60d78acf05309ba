/**
 * The command line: builds the commander program, runs it, and turns every outcome into an
 * exit code: 0 all targets met, 1 some target failed, 2 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CcchError } from '../model/errors.js';
import { errorLine } from '../i18n/errors.js';
import { colorLevel, makeChalk, type Cli } from './context.js';
import { register as registerScore } from './commands/score.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerPlan } from './commands/plan.js';
import { register as registerTasks } from './commands/tasks.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const EXIT = { OK: 0, FAILED: 1, ERROR: 2 } as const;

const ENV_HELP = `
Biến môi trường / environment: NO_COLOR, FORCE_COLOR.`;

/** Each command's exit codes, shown at the end of its --help (validate writes its own). */
const EXIT_HELP: Record<string, string> = {
  score: `
Mã thoát / exit codes:
  0  mọi chỉ tiêu đạt (hoặc không có dữ liệu) / no target failed
  1  có chỉ tiêu không đạt / some target failed
  2  lỗi cách dùng hoặc dữ liệu vào / usage or input error
${ENV_HELP}
Ví dụ / example:
  ccch score ho-so-2023.csv pakn-2023.csv --period 2023-Q1
  ccch score ho-so-2023.csv --format json --lang en | jq .summary`,
  plan: `
Mã thoát / exit codes:
  0  đã in kế hoạch / the plan was listed
  2  lỗi cách dùng hoặc tệp kế hoạch / usage or plan error
${ENV_HELP}
Ví dụ / example:
  ccch plan --section II --computable
  ccch plan --lead "Sở Nội vụ" --format md > nhiem-vu-so-noi-vu.md`,
  tasks: `
Mã thoát / exit codes:
  0  không nhiệm vụ nào quá hạn / no task overdue
  1  có nhiệm vụ quá hạn / some task overdue
  2  lỗi cách dùng hoặc dữ liệu vào / usage or input error
${ENV_HELP}
Ví dụ / example:
  ccch tasks --status trang-thai.csv --as-of 2023-06-30 --group lead`,
};

const PROGRAM_HELP = `
Mã thoát / exit codes (chi tiết: ccch COMMAND --help / details per command):
  0  đạt: không chỉ tiêu nào không đạt, tệp sạch, không nhiệm vụ quá hạn / all good
  1  score: có chỉ tiêu không đạt; validate: có dòng bị loại hoặc không khớp; tasks: có nhiệm vụ quá hạn
     score: some target failed; validate: rows rejected or unmatched; tasks: some task overdue
  2  lỗi cách dùng hoặc dữ liệu vào / usage or input error
${ENV_HELP}
Ví dụ / example:
  ccch score ho-so-2023.csv pakn-2023.csv --period 2023-Q1
  ccch validate ho-so-2023.csv --format json
  ccch plan --computable
  ccch tasks --status trang-thai.csv`;

export function buildProgram(cli: Cli): Command {
  const program = new Command();
  program
    .name('ccch')
    .description(
      'Tính chỉ tiêu cải cách hành chính (CCHC) từ dữ liệu hệ thống một cửa điện tử.\n' +
        'Computes administrative-reform (CCHC) indicators from one-stop-system exports.',
    )
    .version(VERSION, '-V, --version')
    .helpOption('-h, --help', 'trợ giúp / help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => cli.stdout(s),
      writeErr: (s) => cli.stderr(s),
      outputError: () => {},
    })
    .addHelpText('after', PROGRAM_HELP);
  registerScore(program, cli);
  registerValidate(program, cli);
  registerPlan(program, cli);
  registerTasks(program, cli);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => cli.stdout(s), writeErr: (s) => cli.stderr(s), outputError: () => {} });
    const help = EXIT_HELP[cmd.name()];
    if (help) cmd.addHelpText('after', help);
  }
  return program;
}

/** Commander's usage errors, on one line, in the user's language. */
export function usageMessage(raw: string, lang: 'vi' | 'en'): string {
  const en = raw.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  if (lang === 'en') return en;
  const suggest = (s: string | undefined) =>
    s ? ` (có phải ý bạn là ${s.replace(/^\(Did you mean (one of )?/, '').replace(/\?\)$/, '')}?)` : '';
  const rules: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/^unknown option '([^']*)'(?: (\(Did you mean.*\)))?$/, (m) => `tùy chọn không biết: ${m[1]}${suggest(m[2])}`],
    [/^unknown command '([^']*)'(?: (\(Did you mean.*\)))?$/, (m) => `lệnh không biết: ${m[1]}${suggest(m[2])}`],
    [/^missing required argument '([^']*)'$/, (m) => `thiếu đối số bắt buộc: ${m[1]}`],
    [/^option '([^']*)' argument missing$/, (m) => `tùy chọn ${m[1]} cần một giá trị`],
    [/^too many arguments.*got (\d+)\.$/, (m) => `thừa đối số (nhận ${m[1]})`],
  ];
  for (const [re, vi] of rules) {
    const m = en.match(re);
    if (m) return vi(m);
  }
  return en;
}

function langFromArgv(argv: string[]): 'vi' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v?.trim().toLowerCase() === 'en' ? 'en' : 'vi';
}

export async function main(argv: string[]): Promise<number> {
  const stdout = process.stdout;
  let broken = false;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`ccch … | head`): stop quietly.
    if (e.code === 'EPIPE') {
      broken = true;
      process.exit(process.exitCode ?? cli.exitCode);
    }
    throw e;
  });
  const cli: Cli = {
    version: VERSION,
    lang: langFromArgv(argv),
    chalk: makeChalk(colorLevel(process.env, Boolean(stdout.isTTY))),
    exitCode: EXIT.OK,
    stdout: (s) => {
      if (!broken) stdout.write(s);
    },
    stdoutChunks: async (chunks) => {
      for (const s of chunks) {
        if (broken) return;
        if (!stdout.write(s)) await new Promise<void>((resolve) => stdout.once('drain', resolve));
      }
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
    stdin: process.stdin,
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  const program = buildProgram(cli);
  try {
    await program.parseAsync(argv);
    return cli.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.OK;
      // `ccch` with no command: commander has shown the help on stderr as an error.
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
      // One line: the message, then where the help is (the command's own, when one was named).
      const sub = e.code === 'commander.unknownCommand' ? undefined : program.commands.find((c) => argv.slice(2).includes(c.name()));
      const help = `ccch${sub ? ` ${sub.name()}` : ''} --help`;
      cli.stderr(`ccch: ${usageMessage(e.message, cli.lang)} (${cli.lang === 'vi' ? 'xem' : 'see'} '${help}')\n`);
      return EXIT.ERROR;
    }
    if (e instanceof CcchError) {
      cli.stderr(`ccch: ${errorLine(e, cli.lang)}\n`);
      return EXIT.ERROR;
    }
    const err = e as Error;
    cli.stderr(`ccch: ${cli.lang === 'vi' ? 'lỗi nội bộ' : 'internal error'}: ${err?.message ?? String(e)}\n`);
    if (process.env.CCCH_DEBUG) cli.stderr(`${err?.stack ?? ''}\n`);
    return EXIT.ERROR;
  }
}
