/**
 * What an ingest pass is given: the plan and period, the inputs (exports and side files), how to
 * read them, and hooks. Commands build these from their options (cli/options.ts).
 */
import type { CsvSink, CsvStats } from './csv.js';
import type { InputSource } from './source.js';
import type { UnitTierLookup } from './kinds/decoding.js';
import type { CodeIndex } from '../indicators/code-index.js';
import type { Tally } from '../indicators/tally.js';
import type { TallyObserver } from '../indicators/observer.js';
import type { Plan } from '../plan/schema.js';
import type { NamedPeriod, Period } from '../model/period.js';
import type { SideContext } from './side/read.js';
import type { Mapping } from '../model/mapping.js';
import type { DateOrder } from '../util/dates.js';
import type { SetAside } from './date-columns.js';

/** How tabular inputs are read (the same for the header peek and the full read). */
export interface ReaderOptions {
  /** Delimiter of delimited text (default: sniffed per file). */
  delimiter?: string;
  /** Encoding of delimited text, as decode.ts canonicalEncoding() gives it (default: UTF-8 or UTF-16 by BOM). */
  encoding?: string;
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
  /** --date-order: slashed dates day first (the default) or month first. */
  dateOrder?: DateOrder;
}

/**
 * Hooks for tests and for the split workers, grouped so that no caller mistakes them for
 * options: they change how the pass is run, never what it finds.
 */
export interface IngestInternals {
  /** The code index of a new Tally (default CompactCodeIndex). */
  codeIndex?: () => CodeIndex;
  /**
   * 'strings' feeds delimited text to the decoders as strings (readCsv's string sink) instead of
   * bytes; a function replaces the CSV reader altogether (test/ingest/reference-reader.ts, on
   * csv-parse, is the oracle).
   */
  csvReader?: 'strings' | ((input: AsyncIterable<Buffer | string>, sink: CsvSink) => Promise<CsvStats>);
  /** Tier of a unit by name, instead of a units file's (docs/domain.md tier rule 2). */
  unitTier?: UnitTierLookup;
  /** Where to cut files read on several threads (byte offsets; see parallel/split.ts splitPoints). */
  cuts?: number[];
  /** Smallest file read in byte ranges (default SPLIT_MIN_BYTES). */
  splitMinBytes?: number;
  /** A split worker's file's date columns set aside, as the main thread judged them (date-columns.ts); its peek then judges none. */
  setAside?: readonly SetAside[];
  /** The tally to count into (a split worker's RecordBatcher), given the counting period; default a new Tally. */
  makeTally?: (indicators: Plan['indicators'], period: Period) => Tally;
}

export interface IngestOptions extends ReaderOptions {
  plan: Plan;
  period: NamedPeriod;
  /**
   * The period was not named (it is the plan's year by default): the first summary report whose
   * title lines give a period makes that the period scored (README "Summary reports as units
   * file them").
   */
  defaultPeriod?: boolean;
  /** --unit: the reporting unit of summary reports whose rows are fields of work. */
  reportingUnit?: string;
  /**
   * --as-of (a day number): record rows received after it are left out (counted as excluded),
   * and those resolved after it are taken as open at it (docs/domain.md "The judging moment J").
   */
  asOf?: number;
  /**
   * Count each calendar month of the period as a period of its own too (`score --by month`): every
   * record is given to each month's tally as well, on this thread.
   */
  byMonth?: boolean;
  /** --map: a mapping file's headers, values and units (ingest/mapping.ts). */
  mapping?: Mapping;
  /** The exports, in command-line order (it matters for duplicates). */
  inputs: InputSource[];
  /** The procedures catalog: checks the plan's catalog targets. */
  catalog?: InputSource;
  /** The units file: a tier source (read before the exports), the plan's units targets, districts. */
  units?: InputSource;
  /** The task status file (validate checks it against `tasks`). */
  status?: InputSource;
  /**
   * validate: side files among `inputs`, recognised by their headers, are read as side files (a
   * units file is then the tier source when none is given by --units); without it (score) such a
   * file is refused, naming its option.
   */
  sideInputs?: boolean;
  /** The plan's task ids and the day completion dates may not pass, for a task status file. */
  tasks?: SideContext;
  /** How many problems to keep (all are counted). */
  maxProblems?: number;
  /**
   * Threads to read a big delimited-text record list with, in byte ranges (default 1: this
   * thread only). See parallel/split.ts; the results are the same either way.
   */
  threads?: number;
  /**
   * validate: an input that cannot be taken (unreadable, of no known kind, lacking a required
   * column, counting a unit twice) is refused on its own and the pass goes on without it
   * (ingest/refusals.ts); without it (score), the first such input stops the pass.
   */
  keepGoing?: boolean;
  onProgress?: (file: string, bytes: number) => void;
  /** Made with the tally: told of every record it counts and takes back (explain, overdue); the pass then runs on one thread. */
  observer?: (tally: Tally) => TallyObserver;
  /** Told when a file was read in `ranges` byte ranges ('split'), or will be read again on one thread ('again'). */
  onSplit?: (file: string, ranges: number, outcome: 'split' | 'again') => void;
  internal?: IngestInternals;
}
