/**
 * Accounting: what became of every input row. For every file, rows read = counted + rejected +
 * superseded + unmatched (README "Nothing is lost"); printed reports' extra rows are `skipped`.
 */
import type { Kind } from './kinds.js';

export interface Skipped {
  /** Rows above the header. */
  title: number;
  /** Total rows ("Tổng cộng"): 0 or 1. */
  total: number;
  /** Rows below the total row. */
  footer: number;
}

/** What became of a file's data rows: rows = counted + rejected + superseded + unmatched. */
export interface RowCounts {
  rows: number;
  counted: number;
  rejected: number;
  superseded: number;
  /** Rows whose key matched nothing they refer to (a fact export's dossier code, a status file's task id). */
  unmatched: number;
  warnings: number;
}

/** How one input was read, and what became of its rows (every report of a file starts with this). */
export interface FileAccounting extends RowCounts {
  /** The file as given on the command line ("-" for stdin). */
  file: string;
  /** How the file was read: delimited text or an XLSX workbook. */
  format: 'csv' | 'xlsx';
  /** Delimited text: the delimiter; XLSX: null. */
  delimiter: string | null;
  /** Delimited text: the encoding it was read in; XLSX: null. */
  encoding: string | null;
  /** XLSX: the sheet read; delimited text: null. */
  sheet: string | null;
  /** Rows of a printed report that are not data: title rows, the total row, rows below it. */
  skipped: Skipped;
  bytes: number;
}

/** A file's accounting before it is read: every count zero. */
export function emptyAccounting(file: string): FileAccounting {
  return {
    file,
    format: 'csv',
    delimiter: ',',
    encoding: 'utf-8',
    sheet: null,
    skipped: { title: 0, total: 0, footer: 0 },
    bytes: 0,
    rows: 0,
    counted: 0,
    rejected: 0,
    superseded: 0,
    unmatched: 0,
    warnings: 0,
  };
}

/** One input's report; `unmatched`: fact-export rows whose dossier code matches no accepted dossier row (0 for other kinds). */
export interface InputReport extends FileAccounting {
  /** The export's kind (README "Which kind a file is"), or a side file given with --catalog / --units. */
  dataset: Kind | 'catalog' | 'units';
  /** Field → header as written, for the columns recognized. */
  columns: Partial<Record<string, string>>;
  /** Fields of the contract with no column in this file. */
  missingColumns: string[];
  /** Indicators not computed from this file for want of a column. */
  notComputed: string[];
  /** Headers of the file that name no field of its kind (ignored), as written. */
  ignoredColumns: string[];
  /** Fact exports: joined to dossier lists (false when no dossier list was given); null for other kinds. */
  joined: boolean | null;
  /** Summary reports: the period from a "Kỳ báo cáo" column, or assumed to be the scored period; null for other kinds. */
  summaryPeriod: 'column' | 'assumed' | null;
}

/** Where an indicator's counts came from. */
export interface SourceUse {
  file: string;
  /** records: a record list's own column; join: a separate export joined by dossier code; summary: a summary report. */
  via: 'records' | 'join' | 'summary';
  /** join: dossiers whose fact came from this file. */
  dossiers?: number;
}

export interface IndicatorSources {
  indicator: string;
  inputs: SourceUse[];
}
