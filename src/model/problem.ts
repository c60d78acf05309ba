/**
 * Problems: what went wrong with a row or a cell, as codes and parameters (texts in i18n.ts).
 * A Rejection takes a row out; a Warning leaves it in; a Problem is either, placed in its file.
 *
 * Severity (README "Severity"): an error takes rows out of the counts — a rejected row, or rows
 * whose key matches nothing (unmatched); a warning leaves the row counted. Every error comes
 * with rejected or unmatched rows in its file's accounting, every warning with one count in
 * its `warnings`: `validate`'s exit code follows from them (1 on any error; on warnings only
 * past --max-warnings).
 */
import type { Field } from './kinds.js';

export interface Problem {
  file: string;
  /** The row's line; null for a problem about the whole file (validate's coverage warnings). */
  line: number | null;
  /** 1-based column number of the field's column, when the problem is about one field. */
  column: number | null;
  /** The column's header as written in the file. */
  header: string | null;
  /** error: the row is rejected; warning: it stays in; info: it is excluded as the data says (a dossier never accepted). */
  severity: 'error' | 'warning' | 'info';
  /** The contract field (of the exports, the catalog or the units file), or null. */
  field: string | null;
  /** Message code (see i18n.ts) and its parameters. */
  code: string;
  params: Record<string, string | number>;
}

export interface Rejection {
  code: string;
  field: Field | null;
  params: Record<string, string | number>;
}

export interface Warning {
  code: 'value.unknown' | 'value.blank' | 'status.withdrawnOpen';
  field: Field;
  value: string;
}

/** The codes of problems about rows whose key matches nothing (errors, shown as "unmatched" rather than "rejected"). */
export const UNMATCHED_CODES: ReadonlySet<string> = new Set(['row.unmatched', 'task.unknown']);
