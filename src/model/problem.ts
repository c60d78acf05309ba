/**
 * Problems: what went wrong with a row or a cell, as codes and parameters (texts in i18n.ts).
 * A Rejection takes a row out; a Warning leaves it in; a Problem is either, placed in its file.
 */
import type { Field } from './kinds.js';

export interface Problem {
  file: string;
  line: number;
  /** 1-based column number of the field's column, when the problem is about one field. */
  column: number | null;
  /** The column's header as written in the file. */
  header: string | null;
  severity: 'error' | 'warning';
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
  code: 'value.unknown' | 'value.blank';
  field: Field;
  value: string;
}
