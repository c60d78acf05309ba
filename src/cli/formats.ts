/**
 * Each command's output formats (report/<command>/formats.ts): `--format` takes its choices, its
 * help and its README row from here. The commands are the keys.
 */
import { SCORE_FORMATS } from '../report/score/formats.js';
import { VALIDATE_FORMATS } from '../report/validate/formats.js';
import { PLAN_FORMATS } from '../report/plan/formats.js';
import { TASKS_FORMATS } from '../report/tasks/formats.js';
import { EXPLAIN_FORMATS } from '../report/explain/formats.js';
import { OVERDUE_FORMATS } from '../report/overdue/formats.js';

export const FORMATS = {
  score: SCORE_FORMATS,
  validate: VALIDATE_FORMATS,
  plan: PLAN_FORMATS,
  tasks: TASKS_FORMATS,
  explain: EXPLAIN_FORMATS,
  overdue: OVERDUE_FORMATS,
} as const;

/** The format `-o FILE` names by its extension for a command: its name, null when no format has that extension, undefined when the file has none. */
export function formatOfFile(command: CommandName, file: string): string | null | undefined {
  const ext = /(\.[^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === undefined) return undefined;
  return FORMATS[command].find((f) => f.extensions?.includes(ext))?.name ?? null;
}

/** The extensions a command's formats are chosen by, for messages (`.txt, .json, .md`). */
export function extensionsOf(command: CommandName): string[] {
  return FORMATS[command].flatMap((f) => f.extensions ?? []);
}

/** The commands, in the order of the help. */
export type CommandName = keyof typeof FORMATS;
export const COMMAND_NAMES = Object.keys(FORMATS) as CommandName[];
