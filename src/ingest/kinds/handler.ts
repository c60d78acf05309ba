/**
 * One handler per kind of export. The file reader (ingest/read-file.ts) reads a file's header,
 * asks HANDLERS for the handler of its kind, and hands it every data row; what is common to all
 * kinds (row accounting, malformed rows, ragged rows) stays in the reader. A handler owns its
 * file's state and decoder and writes what it finds into the pass's shared state (IngestState).
 * A new kind of export is one new handler and one entry in HANDLERS (ingest/read-file.ts). Summary
 * reports take their rows as read (`raw`) and are read at the end of the file (`finish`).
 */
import type { CellRange, CsvRow } from '../csv.js';
import { headerText, type ColumnMap, type HeaderCell } from '../headers.js';
import type { FileProblems } from '../problems.js';
import type { InputSource } from '../source.js';
import type { UnitNameLookup, UnitTierLookup } from './decoding.js';
import type { Tally } from '../../indicators/tally.js';
import type { FactFile, FactStore } from '../../indicators/facts.js';
import type { SummaryStore } from '../../indicators/summary.js';
import type { Plan } from '../../plan/schema.js';
import type { NamedPeriod } from '../../model/period.js';
import type { InputReport } from '../../model/accounting.js';
import type { Contract } from '../mapping.js';

/** What every file of one ingest pass writes into, read by the settle step at the end. */
export interface IngestState {
  plan: Plan;
  /** The data contract of the run: the contract's aliases and vocabularies, with a mapping file's. */
  contract: Contract;
  period: NamedPeriod;
  /** --as-of as a day number; Infinity without it. */
  asOf: number;
  tally: Tally;
  /** With --by month: one tally per calendar month of the counting period, given every record too. */
  months: readonly Tally[];
  /** Fact exports (read first), joined to the dossier lists by code. */
  facts: FactStore;
  summaries: SummaryStore;
  /** Per plan indicator: the inputs feeding it from their own columns. */
  byColumns: Array<Set<number>>;
  /** Per input: its file number in the tally (record lists), else -1. */
  fileNo: number[];
  /** Per fact-export input: its file of facts, and its code column. */
  factOf: Map<number, FactFile>;
  codeColumn: Map<number, number>;
  /** Dossier lists read so far. */
  dossierLists: number;
  unitTier?: UnitTierLookup;
  unitName?: UnitNameLookup;
}

/** One file being read. */
export interface FileContext {
  /** The input's place on the command line. */
  idx: number;
  source: InputSource;
  report: InputReport;
  problems: FileProblems;
  /** The tally's file number when the file is read in byte ranges (the split gave it one already). */
  tallyFile?: number;
  /** Set once the file's handler exists: from then on its rows count in the pass's shared state. */
  started?: boolean;
  /** The file is a workbook (XLSX), as its first bytes say. */
  workbook?: boolean;
}

export interface KindHandler {
  /** The columns the handler decodes (the CSV reader decodes no others). */
  columns(): number[];
  /** A data row, as strings (the columns() cells at least). */
  row(fields: string[], line: number): void;
  /**
   * A handler that keeps its rows until the end of the file (a summary report) takes every row
   * here, with what the reader knows of it, and does its rows' accounting itself in finish().
   */
  raw?(fields: string[], count: number, line: number, malformed: boolean): void;
  /** XLSX: the sheet's merged ranges, after its last row. */
  merges?(ranges: CellRange[]): void;
  /** At the end of the file, after the reader's own accounting (title rows, format). */
  finish?(): void;
  /** A data row as the CSV scanner's bytes; a handler without it gets strings. */
  rowBytes?(row: CsvRow, line: number): void;
  /** Told as the file's bytes arrive: `before`, the bytes read before this chunk, of `size`. */
  progress?(before: number, size: number): void;
}

export type HandlerFactory = (state: IngestState, file: FileContext, map: ColumnMap) => KindHandler;

/** Puts a file's columns into its report (matched, missing, ignored) and its problems' column map. */
export function describeColumns(ctx: FileContext, map: ColumnMap, header: readonly HeaderCell[]): void {
  const { report, problems } = ctx;
  report.dataset = map.dataset;
  report.columns = map.headers;
  report.missingColumns = map.missing;
  const used = new Set(Object.values(map.columns));
  report.ignoredColumns = header.flatMap((h, i) => {
    const text = headerText(h);
    return used.has(i) || text === '' ? [] : [text];
  });
  problems.map = map;
}
