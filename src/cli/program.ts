/**
 * The commander program, built from the command definitions (commands/), the option table
 * (options.ts) and the help's ends (help.ts); and commander's own usage errors as coded errors.
 */
import { Command, CommanderError, Option } from 'commander';
import { usageError, type CcchError, type ErrorParams } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import type { CommandDef } from './command.js';
import { COMMANDS } from './commands/index.js';
import { checkTarget, type Cli, type Target } from './context.js';
import { COMMAND_NAMES, FORMATS, type CommandName } from './formats.js';
import { commandHelp, programHelp } from './help.js';
import { helpLine, textLine } from './option-spec.js';
import { optionsFor, parseOptions } from './options.js';

export function buildProgram(cli: Cli, version: string): Command {
  const program = new Command()
    .name('ccch')
    .description(
      'Tính chỉ tiêu cải cách hành chính (CCHC) từ dữ liệu hệ thống một cửa điện tử.\n' +
        'Computes administrative-reform (CCHC) indicators from one-stop-system exports.',
    )
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'trợ giúp / help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .addHelpText('after', programHelp());
  quiet(program, cli);
  for (const name of COMMAND_NAMES) addCommand(program, COMMANDS[name] as CommandDef<CommandName>, cli);
  return program;
}

/** Output through the run's streams; errors are thrown (main.ts reports them), never printed by commander or exited on. */
function quiet(cmd: Command, cli: Cli): void {
  const { stdout, stderr } = cli.io;
  cmd.exitOverride().configureOutput({
    writeOut: (s) => cli.stdout(s),
    writeErr: (s) => cli.stderr(s),
    outputError: () => {},
    // Commander wraps at 80 columns when this is undefined (its types say number).
    getOutHelpWidth: () => (stdout.isTTY ? stdout.columns : undefined) as number,
    getErrHelpWidth: () => (stderr.isTTY ? stderr.columns : undefined) as number,
    getOutHasColors: () => cli.chalk.level > 0,
    getErrHasColors: () => false,
  });
}

function addCommand<C extends CommandName>(program: Command, def: CommandDef<C>, cli: Cli): void {
  const cmd = program
    .command(def.name)
    .summary(textLine(def.summary))
    .description(`${def.description.vi}\n${def.description.en}`);
  if (def.argument) cmd.argument(`<${def.argument.name}>`, textLine(def.argument.help));
  if (def.files) cmd.argument('<files...>', textLine(def.files.help));
  for (const [, spec] of optionsFor(def.name)) {
    const o = new Option(spec.flags, helpLine(spec, def.name));
    if (spec.default !== undefined) o.default(spec.default);
    if (spec.repeatable) o.argParser((v: string, prev: string | undefined) => (prev === undefined ? v : `${prev},${v}`));
    cmd.addOption(o);
  }
  quiet(cmd, cli);
  cmd.addHelpText('after', commandHelp(def.name));
  cmd.action(async (...args: unknown[]) => {
    const arg = def.argument ? (args.shift() as string) : undefined;
    const files = def.files ? (args[0] as string[]) : [];
    const command = args[args.length - 1] as Command;
    // An option that can be inferred from others is taken as given only when given.
    const raw = { ...command.opts() };
    for (const [key, spec] of optionsFor(def.name)) if (spec.inferred && command.getOptionValueSource(key) === 'default') delete raw[key];
    const options = parseOptions(def.name, raw, (lang) => {
      cli.lang = lang as Lang;
    });
    checkTarget(FORMATS[def.name], options as unknown as Target, cli.io);
    await def.run(files, options, cli, arg);
  });
}

/** Commander's usage errors (unknown option, missing argument…) as coded errors, in the user's language. */
export function commanderError(e: CommanderError): CcchError {
  const text = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  const named = /'([^']*)'/.exec(text)?.[1] ?? '';
  const did = /\(Did you mean (one of )?(.*)\?\)$/.exec(text);
  const suggestion: ErrorParams = did ? { suggestion: did[2]!, several: did[1] ? 1 : 0 } : {};
  switch (e.code) {
    case 'commander.unknownOption':
      return usageError('usage.unknownOption', { option: named, ...suggestion });
    case 'commander.unknownCommand':
      return usageError('usage.unknownCommand', { command: named, ...suggestion });
    case 'commander.missingArgument':
      return usageError('usage.missingArgument', { argument: named });
    case 'commander.optionMissingArgument':
      return usageError('usage.optionValueMissing', { option: named });
    case 'commander.excessArguments': {
      const m = /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text);
      if (m) return usageError('usage.excessArguments', { command: m[1] ?? '', expected: Number(m[2]), count: Number(m[3]) });
      return usageError('usage.commandLine', { message: text });
    }
    default:
      return usageError('usage.commandLine', { message: text });
  }
}
