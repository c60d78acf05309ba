/**
 * One handler per kind of export. The file reader (ingest/read-file.ts) reads a file's header,
 * asks HANDLERS for the handler of its kind, and hands it every data row; what is common to all
 * kinds (row accounting, malformed rows, ragged rows) stays in the reader. A handler owns its
 * file's state and decoder and writes what it finds into the pass's shared state (IngestState).
 * A new kind of export is one new handler and one entry in HANDLERS (ingest/read-file.ts).
 */
import type { CsvRow } from '../csv.js';
import type { ColumnMap } from '../headers.js';
import type { FileProblems } from '../problems.js';
import type { InputSource } from '../source.js';
import type { UnitNameLookup, UnitTierLookup } from './decoding.js';
import type { Tally } from '../../indicators/tally.js';
import type { FactFile, FactStore } from '../../indicators/facts.js';
import type { SummaryStore } from '../../indicators/summary.js';
import type { Plan } from '../../plan/schema.js';
import type { NamedPeriod } from '../../model/period.js';
import type { InputReport } from '../../model/accounting.js';

/** What every file of one ingest pass writes into, read by the settle step at the end. */
export interface IngestState {
  plan: Plan;
  period: NamedPeriod;
  tally: Tally;
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
}

export interface KindHandler {
  /** The columns the handler decodes (the CSV reader decodes no others). */
  columns(): number[];
  /** A data row, as strings (the columns() cells at least). */
  row(fields: string[], line: number): void;
  /** A data row as the CSV scanner's bytes; a handler without it gets strings. */
  rowBytes?(row: CsvRow, line: number): void;
  /** Told as the file's bytes arrive: `before`, the bytes read before this chunk, of `size`. */
  progress?(before: number, size: number): void;
}

export type HandlerFactory = (state: IngestState, file: FileContext, map: ColumnMap) => KindHandler;
