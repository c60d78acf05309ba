/**
 * Accounting: what became of every input row. For every file, rows read = counted + rejected +
 * superseded + unmatched + excluded (README "Nothing is lost"); printed reports' extra rows are
 * `skipped`.
 */
import type { InputKind } from './kinds.js';
import type { Tier } from './tier.js';

export interface Skipped {
  /** Rows above the header. */
  title: number;
  /** Total rows ("Tổng cộng"): 0 or 1, or in a summary report as many as it has. */
  total: number;
  /** Rows below the total row (in a summary report: the rows without counts at its end). */
  footer: number;
  /** Summary reports: group rows (I, II, A, "Cấp huyện"); 0 for other kinds. */
  group: number;
  /** Summary reports: subtotal rows found by the sums rule; 0 for other kinds. */
  subtotal: number;
}

/** No row skipped. */
export const noneSkipped = (): Skipped => ({ title: 0, total: 0, footer: 0, group: 0, subtotal: 0 });

/** A summary report's row that is not a unit's: what it was taken for. */
export interface SkippedRow {
  line: number;
  kind: 'group' | 'total' | 'subtotal' | 'footer';
  /** Its STT and name cells as written. */
  label: string;
  /** A group row: the tier it sets for the rows below (null: none). */
  tier: Tier | null;
}

/** How a summary report was read (README "Summary reports as units file them"). */
export interface SummaryReading {
  /** The header's rows (1 to 3) and their lines. */
  headerRows: number[];
  /** The line of the row of column numbers (1, 2, 3 …) under the header, skipped; null when none. */
  columnNumbers: number | null;
  /** How a header of several rows was read: the workbook's merged ranges, or blank cells as continuations; null for one row. */
  merged: 'ranges' | 'blank' | null;
  /** The period its title lines give (yyyy-mm-dd), and the line; null when none. */
  titlePeriod: { from: string; to: string; line: number } | null;
  /** Whether each row is a unit's, or a field of work (lĩnh vực) of one reporting unit. */
  rowsAre: 'units' | 'fields';
  /** The reporting unit (fields of work): from a title line ("Đơn vị báo cáo: …") or --unit. */
  reportingUnit: { name: string; from: 'title' | 'option'; line: number | null } | null;
  /** The rows skipped as groups, totals, subtotals and footer, in line order (the first 200). */
  skippedRows: SkippedRow[];
}

/** What became of a file's data rows: rows = counted + rejected + superseded + unmatched + excluded. */
export interface RowCounts {
  rows: number;
  counted: number;
  rejected: number;
  superseded: number;
  /** Rows whose key matched nothing they refer to (a fact export's dossier code, a status file's task id). */
  unmatched: number;
  /**
   * Rows left out on purpose (excludedBy says why): record rows received after --as-of, and
   * dossiers whose status says they were never accepted.
   */
  excluded: number;
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
    skipped: noneSkipped(),
    bytes: 0,
    rows: 0,
    counted: 0,
    rejected: 0,
    superseded: 0,
    unmatched: 0,
    excluded: 0,
    warnings: 0,
  };
}

/**
 * The values of one field that its vocabulary does not know, with how many rows hold each, most
 * frequent first (the first of equals as first met): what a mapping file (--map) would name.
 */
export interface UnknownValues {
  field: string;
  values: Array<{ value: string; count: number }>;
  /** Rows holding values beyond the MAX_UNKNOWN_VALUES listed (of a file whose values are all different). */
  more: number;
}

/** Distinct unknown values listed per field and file. */
export const MAX_UNKNOWN_VALUES = 1000;

/** One input's report; `unmatched`: fact-export rows whose dossier code matches no accepted dossier row (0 for other kinds). */
export interface InputReport extends FileAccounting {
  /** The export's kind (README "Which kind a file is"), or the side file's (--units, --catalog, --status); null when `validate` could not tell (an input refused before its header was known). */
  dataset: InputKind | null;
  /** Field → header as written, for the columns recognized. */
  columns: Partial<Record<string, string>>;
  /** Fields of the contract with no column in this file. */
  missingColumns: string[];
  /** Indicators not computed from this file for want of a column. */
  notComputed: string[];
  /** Per indicator of notComputed, the fields it needs that the file has no column for. */
  missingFor: Record<string, string[]>;
  /** Headers of the file that name no field of its kind (ignored), as written. */
  ignoredColumns: string[];
  /** Fact exports: joined to dossier lists (false when no dossier list was given); null for other kinds. */
  joined: boolean | null;
  /**
   * Summary reports: the period from a "Kỳ báo cáo" column, from the title lines ("Từ ngày … đến
   * ngày …"), or assumed to be the scored period; null for other kinds.
   */
  summaryPeriod: 'column' | 'title' | 'assumed' | null;
  /** Summary reports: how the report was read; null for other kinds. */
  summary: SummaryReading | null;
  /**
   * Record lists: the first received and the latest received or resolved day of the rows counted
   * from this file (day numbers; null with none), and how many of them fall in the period
   * (received or resolved in it). Null for other kinds.
   */
  dataFrom: number | null;
  dataTo: number | null;
  inPeriod: number | null;
  /** Record lists: the latest received day of the rows counted (validate's coverage warning names it; not in the JSON). */
  receivedTo: number | null;
  /** Per field (in the contract's order), the values it did not know. */
  unknownValues: UnknownValues[];
  /** Why rows were excluded (they add up to `excluded`): received after --as-of; never accepted (the dossier's status). */
  excludedBy: { asOf: number; notAccepted: number };
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

/** An input's report before it is read (and of an input refused before it was): every count zero, no column known. */
export function emptyReport(file: string, dataset: InputKind | null): InputReport {
  return {
    ...emptyAccounting(file),
    dataset,
    columns: {},
    missingColumns: [],
    notComputed: [],
    missingFor: {},
    ignoredColumns: [],
    joined: null,
    summaryPeriod: null,
    summary: null,
    dataFrom: null,
    dataTo: null,
    inPeriod: null,
    receivedTo: null,
    unknownValues: [],
    excludedBy: { asOf: 0, notAccepted: 0 },
  };
}
