/**
 * What an entry of the option table (options.ts) declares, and how the help, the parser and the
 * README read it. One entry per option, shared by every command that takes it, in the spirit
 * of npm-check-updates' cli-options.
 */
import type { ErrorCode } from '../model/errors.js';
import type { CommandName } from './formats.js';

/** A text in both languages; help lines print it as `vi / en`. */
export interface Text {
  vi: string;
  en: string;
}

/** The same for every command, or told by the command. */
export type PerCommand<T> = T | ((command: CommandName) => T);

/** The option's row in the README's table of a command (English; plain text, `|` escaped when written). */
export interface ReadmeRow {
  /** How the README writes the option (`--period P`; several for a row of several options). Options with choices default to `--by unit|district`. */
  flags?: string | readonly string[];
  meaning: string;
  /** An example of use, shown as code. */
  example?: string;
  /** The README table it is listed in, when not the command's main one (`side`: `score`'s catalog and units section). */
  table?: string;
}

export interface OptionSpec {
  /** As commander takes them: `--period <period>`; a flag without `<value>` is a switch. */
  flags: string;
  /** The commands that take it, the first being where the README explains it in full. */
  commands: readonly CommandName[];
  /** The help line; for an option with choices, the choices (`table | json`) when not given. */
  help?: PerCommand<Text | string>;
  /** The value when the option is not given, as it would be typed (shown by the help). */
  default?: string;
  /**
   * The value when the option is not given, told by the other options (parsed), before the
   * default: `--format` by the extension of `-o FILE`. Undefined: the default. Throws a coded
   * usage error when they tell an impossible one.
   */
  inferred?: (values: Readonly<Record<string, unknown>>, command: CommandName) => string | undefined;
  /** The allowed values (compared trimmed and case-folded), and the error for any other. */
  choices?: { values: PerCommand<readonly string[]>; error: ErrorCode };
  /** The value as the commands take it; throws a coded usage error (model/errors.ts) on a bad one. */
  parse?: (raw: string) => unknown;
  /** Given more than once, its values are joined by commas (`--by unit --by month` is `--by unit,month`); else the last wins. */
  repeatable?: boolean;
  /** A rule with other options (`--by district` needs `--units`), checked once all are parsed. */
  check?: (values: Readonly<Record<string, unknown>>) => void;
  /** The README row; null when another option's row documents it (`--to` is in `--from`'s). */
  readme: PerCommand<ReadmeRow> | null;
}

/** Declares an entry, keeping its literal types (the commands, the parser's result) for OptionValues. */
export function option<const S extends OptionSpec>(spec: S): S {
  return spec;
}

type Parsed<S> = S extends { parse: (raw: string) => infer T }
  ? T
  : S extends { choices: { values: readonly (infer V)[] } }
    ? V
    : S extends { flags: `${string}<${string}>` }
      ? string
      : boolean;

/** The parsed value of an option: present when it has a default. */
export type ValueOf<S> = S extends { default: string } ? Parsed<S> : Parsed<S> | undefined;

export function perCommand<T>(v: PerCommand<T>, command: CommandName): T {
  return typeof v === 'function' ? (v as (c: CommandName) => T)(command) : v;
}

export const textLine = (t: Text | string) => (typeof t === 'string' ? t : `${t.vi} / ${t.en}`);

export function choicesOf(spec: OptionSpec, command: CommandName): readonly string[] | undefined {
  return spec.choices ? perCommand(spec.choices.values, command) : undefined;
}

/** The help line of an option for a command. */
export function helpLine(spec: OptionSpec, command: CommandName): string {
  if (spec.help !== undefined) return textLine(perCommand(spec.help, command));
  const choices = choicesOf(spec, command);
  if (choices) return choices.join(' | ');
  throw new Error(`option ${spec.flags}: no help`);
}
