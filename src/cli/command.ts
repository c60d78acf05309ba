/**
 * What a command is: its name, texts, positional files, and `run` — thin: take the parsed
 * options (options.ts), call the core, hand its result to a renderer. program.ts builds the
 * command line from these.
 */
import type { Cli } from './context.js';
import type { CommandName } from './formats.js';
import type { ReadmeRow, Text } from './option-spec.js';
import type { OptionValues } from './options.js';

export interface CommandDef<C extends CommandName> {
  name: C;
  /** One line, for the program's list of commands. */
  summary: Text;
  /** The command's help, first in Vietnamese then in English. */
  description: Text;
  /** `<name>`: an argument before the files (`explain`'s indicator), given to `run` as `arg`. */
  argument?: { name: string; help: Text; readme: ReadmeRow };
  /** `<files...>`: the files the command reads, when it takes some. */
  files?: { help: Text; readme: ReadmeRow };
  run(files: string[], options: OptionValues<C>, cli: Cli, arg?: string): Promise<void>;
}
