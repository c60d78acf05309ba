/**
 * The scoring pipeline, as a library call: plan + inputs + period → a Score (counts per
 * tier and unit, statuses, row accounting, problems). It never prints and never exits;
 * input faults are thrown as CcchError.
 */
import { CsvError, recordLineEnd, sniffDelimiter, type CsvByteSink, type CsvRow, type CsvSink, type CsvStats } from '../ingest/csv.js';
import { readTable, takeStats, type TableOptions, type TableStats } from '../ingest/table.js';
import { detectKind, matchHeaders, type ColumnMap } from '../ingest/headers.js';
import { FactDecoder, RowDecoder, SummaryDecoder, type UnitTierLookup } from '../ingest/records.js';
import type { InputSource } from '../ingest/source.js';
import { FIELDS, fieldSpec } from '../ingest/contract.js';
import { RULE_FIELDS, RULE_NEEDS } from '../indicators/rules.js';
import { Tally, type CodeIndex } from '../indicators/tally.js';
import { FACT_FIELDS, FACT_RULES, FactStore, type FactFile } from '../indicators/facts.js';
import { SummaryStore } from '../indicators/summary.js';
import { evaluate, summarize } from '../evaluate/evaluate.js';
import { readCatalog, catalogNotComputed, type CatalogCounts } from '../ingest/side/catalog.js';
import { readUnits, type UnitsTable } from '../ingest/side/units.js';
import { catalogResults, districtResults, unitsResults } from '../evaluate/measure.js';
import type { SideProblem, SideReport } from '../ingest/side/sidefile.js';
import type { Plan } from '../plan/schema.js';
import type { NamedPeriod } from '../model/period.js';
import { CcchError, inputError, type ErrorKind, type Where } from '../model/errors.js';
import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { SPLIT_MIN_BYTES, SPLIT_WORKER, alive, spawnSplitWorker } from '../ingest/parallel/workers.js';
import { lineOffset, rangeSource, splitPoints } from '../ingest/parallel/split.js';
import { fileSource } from '../ingest/source.js';
import { utf16Bom } from '../ingest/decode.js';
import { emptyAccounting } from '../model/accounting.js';
import type { Warning } from '../model/problem.js';
import { FACT_KINDS, isFactKind, type Dataset, type FactKind, type Field, type Kind } from '../model/kinds.js';
import type { Result } from '../model/result.js';
import type { IndicatorSources, InputReport, SourceUse } from '../model/accounting.js';
import type { Problem } from '../model/problem.js';
import type { Score } from '../model/result.js';


export interface ScoreOptions {
  plan: Plan;
  period: NamedPeriod;
  inputs: InputSource[];
  /** Add one result per unit. */
  byUnit?: boolean;
  /** How many problems to keep (all are counted). */
  maxProblems?: number;
  /** Tier of a unit from a units file (domain.md tier rule 2). */
  unitTier?: UnitTierLookup;
  codeIndex?: () => CodeIndex;
  /**
   * For tests of the fast path: 'strings' feeds delimited text to the decoders as strings
   * (readCsv's string sink) instead of bytes; a function replaces the CSV reader altogether
   * (test/ingest/reference-reader.ts, on csv-parse, is the oracle).
   */
  csvReader?: 'strings' | ((input: AsyncIterable<Buffer | string>, sink: CsvSink) => Promise<CsvStats>);
  /** The procedures catalog: checks the plan's catalog targets. */
  catalog?: InputSource;
  /** The units file: a tier source (read before the exports), the plan's units targets, districts. */
  units?: InputSource;
  /** Add per-district results (needs `units`). */
  byDistrict?: boolean;
  onProgress?: (file: string, bytes: number) => void;
  /** Told when a file was read in `ranges` byte ranges ('split'), or will be read again on one thread ('again'; see ingest/split.ts). */
  onSplit?: (file: string, ranges: number, outcome: 'split' | 'again') => void;
  /** Delimiter of delimited text (default: sniffed per file). */
  delimiter?: string;
  /** Encoding of delimited text, as decode.ts canonicalEncoding() gives it (default: UTF-8 or UTF-16 by BOM). */
  encoding?: string;
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
  /**
   * Threads to read a big delimited-text record list with, in byte ranges (default 1: this
   * thread only). See ingest/split.ts; the results are the same either way.
   */
  threads?: number;
  /** Smallest file read in byte ranges (default SPLIT_MIN_BYTES). */
  splitMinBytes?: number;
  /** For tests: where to cut files read on several threads (byte offsets; see ingest/split.ts splitPoints). */
  cuts?: number[];
  /** The tally to count into (a split worker's RecordBatcher); default a new Tally. */
  makeTally?: (indicators: Plan['indicators'], period: NamedPeriod) => Tally;
}

/** How many rows (blank ones aside) may stand above the header as title rows. */
export const MAX_TITLE_ROWS = 20;

export const DEFAULT_MAX_PROBLEMS = 100_000;

/** What one pass over the inputs produced, before evaluation (shared by score and validate). */
export interface Ingested {
  tally: Tally;
  /** Per input (in command-line order, side files aside): where its text ended and its total row, as readTable saw them. */
  read: Array<{ endLine: number | null; totalLine: number | null }>;
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
  sources: IndicatorSources[];
  catalog?: CatalogCounts;
  units?: UnitsTable;
}

class Peeked {
  constructor(readonly kind: Kind) {}
}

type Chunk = Buffer | string;

/**
 * An opened input whose first chunks can be read twice: once to learn the file's kind from its
 * header, then again, followed by the rest, for the full read. A source that opens afresh (a
 * file) is reopened for the full read and the chunks held for the peek are dropped; a source
 * that gives back the same stream (standard input) replays them. Nothing is lost either way.
 */
class Replay {
  private buffered: Chunk[] = [];
  private done = false;
  private closed = false;
  private readonly it: AsyncIterator<Chunk>;
  private fresh: AsyncIterable<Chunk> | null = null;

  private constructor(
    private readonly source: InputSource,
    private readonly first: AsyncIterable<Chunk>,
  ) {
    this.it = first[Symbol.asyncIterator]();
  }

  static async open(source: InputSource, reuse: boolean): Promise<Replay> {
    const r = new Replay(source, await source.open());
    r.reuse = reuse;
    return r;
  }

  /** Whether the full read may reuse its chunk buffer (OpenOptions.reuse): the CSV reader's does. */
  private reuse = false;

  /** The stream from the start, remembering what is read (abandoning it keeps the input open). */
  peek(): AsyncIterable<Chunk> {
    return (async function* (self: Replay) {
      for (const c of self.buffered) yield c;
      while (!self.done) {
        const r = await self.it.next();
        if (r.done) {
          self.done = true;
          return;
        }
        self.buffered.push(r.value);
        yield r.value;
      }
    })(this);
  }

  /**
   * Where the data begins in the bytes read so far (the peek's): the first data row's line and
   * offset, the header's delimiter (as given, or sniffed from the header's line as the CSV reader
   * does) and width; null past them, for text given as strings, or for a workbook or UTF-16 text.
   */
  dataStart(header: { line: number; width: number }, firstRow: number, delimiter: string | undefined): DataStart | null {
    if (this.buffered.some((c) => typeof c === 'string')) return null;
    const b = Buffer.concat(this.buffered as Buffer[]);
    const offset = lineOffset(b, firstRow);
    // Only plain text: not a workbook (zip, OLE) nor UTF-16.
    if ((b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf) || utf16Bom(b)) return null;
    const from = lineOffset(b, header.line);
    if (offset < 0 || from < 0) return null;
    const eol = recordLineEnd(b, from, offset);
    const start = from === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : from;
    const delim = delimiter ?? sniffDelimiter(b, start, eol);
    return { line: firstRow, offset, delimiter: delim.charCodeAt(0), width: header.width };
  }

  /** After the peek: reopen the source when it opens afresh, dropping the chunks held. */
  async settle(): Promise<void> {
    const again = await this.source.open({ reuse: this.reuse });
    if (again === this.first) return;
    this.fresh = again;
    this.buffered = [];
    await this.closeFirst();
  }

  /** The whole stream, once; the input is closed at its end. */
  all(): AsyncIterable<Chunk> {
    if (this.fresh) {
      const f = this.fresh;
      this.fresh = null;
      return f;
    }
    return (async function* (self: Replay) {
      try {
        const head = self.buffered;
        self.buffered = [];
        for (const c of head) yield c;
        while (!self.done) {
          const r = await self.it.next();
          if (r.done) return;
          yield r.value;
        }
      } finally {
        await self.closeFirst();
      }
    })(this);
  }

  private async closeFirst(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.it.return?.();
  }

  /** Closes whatever is still open (after an error stopped the run). */
  async close(): Promise<void> {
    await this.closeFirst();
    if (this.fresh) {
      // A file stream closes itself once started; start it, then stop it.
      const it = this.fresh[Symbol.asyncIterator]();
      this.fresh = null;
      try {
        await it.next();
      } catch {
        // closing anyway
      }
      await it.return?.();
    }
  }
}

export async function score(opts: ScoreOptions): Promise<Score> {
  const { plan } = opts;
  const ing = await ingest(opts);
  const head = { plan: plan.plan, period: opts.period, inputs: ing.inputs, problems: ing.problems, problemCount: ing.problemCount, sources: ing.sources };
  const evaluated = evaluate(plan, ing.tally, opts.byUnit ?? false);
  const { catalog, units } = ing;
  if (!catalog && !units) return { ...head, results: evaluated.results, summary: evaluated.summary };
  const base = [...evaluated.results, ...(catalog ? catalogResults(plan, catalog) : []), ...(units ? unitsResults(plan, units, opts.byUnit ?? false) : [])];
  const district = units && opts.byDistrict ? districtResults(plan, ing.tally, units) : undefined;
  // Each indicator's (or measure's) district rows follow its tier and unit rows.
  const key = (r: Result) => `${r.indicator}|${r.clause}`;
  const results: Result[] = [];
  for (const k of [...new Set(base.map(key))]) {
    results.push(...base.filter((r) => key(r) === k), ...(district?.results.filter((r) => key(r) === k) ?? []));
  }
  const unplacedUnits = district?.unplaced;
  return { ...head, results, summary: summarize(results), ...(unplacedUnits ? { unplacedUnits } : {}) };
}

// ---------------------------------------------------------------------------------------
// Reading one big file on several threads (ingest/split.ts): range 0 in this thread, through
// the ordinary read; ranges 1… in worker threads (ingest/split-worker.ts), whose accepted
// records come back in batches and are counted in the one Tally as they arrive (Tally.range
// keeps superseding exact in any interleaving). Problems, accounting and line numbers are put
// together at the end. A cut that turns out to fall inside a quoted cell, or a total row above
// the last range, makes the whole run read again on one thread (SplitFailed).

/** A byte range of a file to read as a file of its own (its header, then its records). */
export interface RangeJob {
  plan: Plan;
  period: NamedPeriod;
  path: string;
  name: string;
  ranges: Array<[number, number]>;
  /** The units file, read again by the worker (its problems are the main read's to report). */
  units?: { path: string; name: string };
  delimiter?: string;
  maxProblems: number;
}

/** What reading one byte range gave, besides its records. */
export interface RangeRead {
  report: InputReport;
  problems: Problem[];
  problemCount: number;
  endLine: number | null;
  totalLine: number | null;
}

/** Reads one byte range in a worker thread, its records going to the tally `makeTally` makes. */
export async function readRange(
  job: RangeJob,
  hooks: { gate: () => Promise<void>; makeTally: (indicators: Plan['indicators'], period: NamedPeriod) => Tally; onProgress: (bytes: number) => void },
): Promise<RangeRead> {
  const opts: ScoreOptions = {
    plan: job.plan,
    period: job.period,
    inputs: [rangeSource(job.path, job.name, job.ranges, hooks.gate)],
    maxProblems: job.maxProblems,
    delimiter: job.delimiter,
    units: job.units ? fileSource(job.units.path, job.units.name) : undefined,
    onProgress: (_f, b) => hooks.onProgress(b),
    makeTally: hooks.makeTally,
  };
  const side = await readSideFiles(opts, 0);
  const r = await ingestWith(opts, { units: side.units, catalog: undefined, reports: [], problems: [], problemCount: 0 }, null);
  return { report: r.inputs[0]!, problems: r.problems, problemCount: r.problemCount, endLine: r.read[0]!.endLine, totalLine: r.read[0]!.totalLine };
}


/** Whether the options let files be read in byte ranges on several threads. */
function splittable(opts: ScoreOptions): boolean {
  return (
    (opts.threads ?? 1) > 1 &&
    !opts.csvReader &&
    !opts.codeIndex &&
    !opts.unitTier &&
    !opts.makeTally &&
    // A failed split reads everything again: every input must be a file.
    opts.inputs.every((s) => s.path !== undefined) &&
    (!opts.units || opts.units.path !== undefined) &&
    (opts.encoding === undefined || opts.encoding === 'utf-8') &&
    SPLIT_WORKER.protocol === 'file:' &&
    existsSync(fileURLToPath(SPLIT_WORKER))
  );
}

/** A split read that cannot give the one-thread result: read everything again on one thread. */
class SplitFailed extends Error {
  constructor(
    readonly file: string,
    readonly ranges: number,
  ) {
    super(`${file}: read again on one thread`);
  }
}

interface SplitRead {
  file: number;
  ranges: number;
  /** Range 0, for the ordinary read. */
  first: InputSource;
  /** Bytes read so far, all ranges together (range 0's as given). */
  bytes(range0: number): number;
  /** Waits for the workers and puts their problems and accounting into `report`. */
  finish(report: InputReport, range0: { endLine: number | null; totalLine: number | null }): Promise<{ problems: Problem[]; problemCount: number; totalLine: number | null }>;
  stop(): void;
}

/**
 * Starts reading a record list in byte ranges: workers for ranges 1…, whose records go into
 * `tally` as file `file` as they come; range 0 is left to the caller. Null when the file is
 * not worth splitting or cannot be (not plain UTF-8 text, no record start near a cut).
 */
async function startSplit(
  pool: WorkerPool,
  opts: ScoreOptions,
  source: InputSource,
  ds: DataStart,
  maxProblems: number,
  tally: Tally,
  onProgress: (total: number) => void,
): Promise<SplitRead | null> {
  const path = source.path!;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return null; // the one-thread read reports it
  }
  if (size < (opts.splitMinBytes ?? SPLIT_MIN_BYTES)) return null;
  const points = await splitPoints(path, size, ds.offset, Math.floor(opts.threads ?? 1), ds.delimiter, ds.width, opts.cuts);
  if (points.length === 0) return null;
  const bounds = [0, ...points, size];
  const n = bounds.length - 1;
  const file = tally.addFile();
  const units = opts.units?.path !== undefined ? { path: opts.units.path, name: opts.units.name } : undefined;
  const seen = new Array<number>(n).fill(0);
  const workers: RangeWorker[] = [];
  for (let k = 1; k < n; k++) {
    const unitMap: number[] = [];
    workers.push(
      runRangeWorker(
        pool,
        {
          plan: opts.plan,
          period: opts.period,
          path,
          name: source.name,
          ranges: [
            [0, ds.offset],
            [bounds[k]!, bounds[k + 1]!],
          ],
          units,
          delimiter: opts.delimiter,
          maxProblems,
        },
        (batch) => tally.addBatch(batch, file, k, unitMap),
        (b) => {
          seen[k] = Math.max(0, b - ds.offset);
          onProgress(seen.reduce((a, c) => a + c, 0));
        },
      ),
    );
  }
  const stop = () => workers.forEach((w) => w.stop());
  return {
    file,
    ranges: n,
    first: rangeSource(path, source.name, [[0, bounds[1]!]]),
    bytes(range0) {
      seen[0] = range0;
      return seen.reduce((a, b) => a + b, 0);
    },
    stop,
    async finish(report, range0) {
      const reads: RangeRead[] = [];
      let start = range0.endLine!; // the line range 1 begins on
      for (let k = 1; k < n; k++) {
        // A total row above this range would make it footer: not what was counted.
        const above = k === 1 ? range0.totalLine : reads[k - 2]!.totalLine;
        if (above !== null) throw new SplitFailed(source.name, n);
        let r: RangeRead;
        try {
          r = await workers[k - 1]!.result;
        } catch (e) {
          stop();
          if (k < n - 1 && e instanceof CcchError && e.reason === 'unclosedQuote') throw new SplitFailed(source.name, n);
          if (e instanceof CcchError && e.where.line !== undefined) e.where.line += start - ds.line;
          throw e;
        }
        reads.push(r);
        const shift = start - ds.line;
        if (k < n - 1) start = r.endLine! + shift;
      }
      const problems: Problem[] = [];
      let problemCount = 0;
      let totalLine = range0.totalLine;
      let begin = range0.endLine!;
      reads.forEach((r, i) => {
        const shift = begin - ds.line;
        report.rows += r.report.rows;
        report.rejected += r.report.rejected;
        report.warnings += r.report.warnings;
        report.skipped.total += r.report.skipped.total;
        report.skipped.footer += r.report.skipped.footer;
        for (const p of r.problems) if (problems.length < maxProblems) problems.push({ ...p, line: p.line + shift });
        problemCount += r.problemCount;
        if (r.totalLine !== null) totalLine = r.totalLine + shift;
        if (i < reads.length - 1) begin = r.endLine! + shift;
      });
      report.bytes = size;
      return { problems, problemCount, totalLine };
    },
  };
}

interface RangeWorker {
  result: Promise<RangeRead>;
  stop(): void;
}

/**
 * Worker threads started before they are needed: a worker takes ~0.1–0.2 s to load its modules,
 * which it does while this thread reads the side files and the headers. Each waits for its job
 * (a {type: 'job'} message); those left unused are stopped by close().
 */
class WorkerPool {
  private readonly idle: Worker[] = [];
  constructor(n: number) {
    for (let i = 0; i < n; i++) this.idle.push(spawnSplitWorker());
  }

  take(): Worker {
    for (let w = this.idle.pop(); w; w = this.idle.pop()) if (alive(w)) return w;
    return spawnSplitWorker();
  }

  close(): void {
    for (const w of this.idle.splice(0)) void w.terminate();
  }
}

/**
 * The worker threads a run may use: threads − 1 when some input is a file big enough to be
 * read in byte ranges (its kind is not known yet; an unused worker costs only its start-up).
 */
async function poolFor(opts: ScoreOptions): Promise<WorkerPool | null> {
  if (!splittable(opts)) return null;
  const min = opts.splitMinBytes ?? SPLIT_MIN_BYTES;
  let big = false;
  for (const src of opts.inputs) {
    const size = await stat(src.path!).then(
      (st) => st.size,
      () => 0,
    );
    if (size >= min) big = true;
  }
  return big ? new WorkerPool(Math.floor(opts.threads ?? 1) - 1) : null;
}

/** Starts a worker thread reading one range; its errors come back as the CcchError they were. */
function runRangeWorker(pool: WorkerPool, job: RangeJob, onBatch: (batch: Uint8Array) => void, onProgress: (bytes: number) => void): RangeWorker {
  const worker = pool.take();
  worker.postMessage({ type: 'job', job });
  let settled = false;
  const result = new Promise<RangeRead>((resolve, reject) => {
    worker.on('message', (m: SplitMessage) => {
      if (m.type === 'batch') {
        if (settled) return;
        onBatch(m.batch);
        const buffer = m.batch.buffer as ArrayBuffer;
        worker.postMessage({ type: 'ack', buffer }, [buffer]);
      } else if (m.type === 'progress') onProgress(m.bytes);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(reviveError(m.error));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`split worker stopped (exit code ${code})`));
    });
  });
  result.catch(() => {}); // a failure after stop() is not an unhandled rejection
  return {
    result,
    stop() {
      settled = true;
      void worker.terminate();
    },
  };
}

/** What a split worker posts (ingest/split-worker.ts). */
export type SplitMessage =
  | { type: 'batch'; batch: Uint8Array }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; result: RangeRead }
  | { type: 'error'; error: { kind?: string; text?: { vi: string; en: string }; where?: Where; reason?: string; message: string } };

function reviveError(e: Extract<SplitMessage, { type: 'error' }>['error']): Error {
  if (e.kind && e.text) {
    const err = new CcchError(e.kind as ErrorKind, e.text, e.where ?? {});
    err.reason = e.reason;
    return err;
  }
  return new Error(e.message);
}

/** Reads the side files (--units, --catalog) before the exports: the units file is a tier source for them. */
async function readSideFiles(opts: ScoreOptions, maxProblems: number) {
  const side: SideProblem[] = [];
  const reports: InputReport[] = [];
  const sideReport = (r: SideReport<string>, dataset: 'catalog' | 'units', notComputed: string[]): InputReport => ({
    ...r,
    dataset,
    notComputed,
    ignoredColumns: [],
    joined: null,
    summaryPeriod: null,
  });
  let units: UnitsTable | undefined;
  let catalog: CatalogCounts | undefined;
  if (opts.units) {
    units = await readUnits(opts.units, side);
    const nc = [...(units.has.eCert ? [] : ['e-certification']), ...(units.has.copies ? [] : ['e-certified-copies-increase'])];
    reports.push(sideReport(units.report, 'units', nc));
  }
  if (opts.catalog) {
    catalog = await readCatalog(opts.catalog, side);
    reports.push(sideReport(catalog.report, 'catalog', catalogNotComputed(catalog)));
  }
  return { units, catalog, reports, problems: side.slice(0, maxProblems), problemCount: side.length };
}

/**
 * Reads every input into a Tally. Order (README "Joined exports"): every input's header first,
 * to know its kind (see Replay); then the fact exports in full; then the record lists and
 * summary reports, in command-line order.
 */
export async function ingest(opts: ScoreOptions): Promise<Ingested> {
  const pool = await poolFor(opts);
  try {
    const side = await readSideFiles(opts, opts.maxProblems ?? DEFAULT_MAX_PROBLEMS);
    try {
      return await ingestWith(opts, side, pool);
    } catch (e) {
      if (!(e instanceof SplitFailed)) throw e;
      opts.onSplit?.(e.file, e.ranges, 'again');
      return await ingestWith({ ...opts, threads: 1 }, side, null);
    }
  } finally {
    pool?.close();
  }
}

type SideFiles = Awaited<ReturnType<typeof readSideFiles>>;

/** ingest() with the side files already read (a byte range of a file is read with its file's). */
async function ingestWith(opts: ScoreOptions, sideFiles: SideFiles, pool: WorkerPool | null): Promise<Ingested> {
  const { plan, period } = opts;
  const tally = opts.makeTally ? opts.makeTally(plan.indicators, period) : new Tally(plan.indicators, period, opts.codeIndex);
  const maxProblems = opts.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems: Problem[] = [];
  let problemCount = 0;
  const inputs: InputReport[] = new Array(opts.inputs.length);
  const fileNo: number[] = new Array(opts.inputs.length).fill(-1);
  const facts = new FactStore();
  const factOf = new Map<number, FactFile>();
  const codeColumn = new Map<number, number>();
  const summaries = new SummaryStore();
  /** Per plan indicator: inputs feeding it from their own columns. */
  const byColumns = plan.indicators.map(() => new Set<number>());
  let dossierLists = 0;
  const read: Array<{ endLine: number | null; totalLine: number | null }> = opts.inputs.map(() => ({ endLine: null, totalLine: null }));
  const unitTier = opts.unitTier ?? sideFiles.units?.tierOf;
  const unitName = sideFiles.units?.nameOf;

  // Every input's kind first (from its header), so that the fact exports can be read first.
  const opened: Replay[] = [];
  const splits: SplitRead[] = [];
  try {
    const kinds: Kind[] = [];
    const dataStarts: Array<DataStart | null> = [];
    for (const source of opts.inputs) {
      const r = await Replay.open(source, !opts.csvReader);
      opened.push(r);
      const peeked = await peekKind(source, r, opts);
      kinds.push(peeked.kind);
      dataStarts.push(peeked.dataStart);
      await r.settle();
    }
    const order = [
      ...opts.inputs.flatMap((_, i) => (isFactKind(kinds[i]!) ? [i] : [])),
      ...opts.inputs.flatMap((_, i) => (isFactKind(kinds[i]!) ? [] : [i])),
    ];

    for (const idx of order) {
      const source = opts.inputs[idx]!;
      const kind = kinds[idx]!;
      const ds = dataStarts[idx];
      let split: SplitRead | null = null;
      if (pool && ds && (kind === 'dossiers' || kind === 'feedback') && facts.empty) {
        split = await startSplit(pool!, opts, source, ds, maxProblems, tally, (total) => opts.onProgress?.(source.name, total));
        if (split) splits.push(split);
      }
      let map: ColumnMap | undefined;
      let decoder: RowDecoder | undefined;
      let factDecoder: FactDecoder | undefined;
      let factFile: FactFile | undefined;
      let summaryDecoder: SummaryDecoder | undefined;
      let enabled = 0;
      let f = -1;
      const report: InputReport = {
        ...emptyAccounting(source.name),
        dataset: 'dossiers',
        columns: {},
        missingColumns: [],
        notComputed: [],
        ignoredColumns: [],
        joined: null,
        summaryPeriod: null,
      };

      const problem = (p: Omit<Problem, 'file' | 'column' | 'header' | 'field'> & { field: Field | null }) => {
        problemCount++;
        if (problems.length >= maxProblems) return;
        const col = p.field !== null ? map?.columns[p.field] : undefined;
        problems.push({
          file: source.name,
          column: col === undefined ? null : col + 1,
          header: p.field !== null ? (map?.headers[p.field] ?? null) : null,
          ...p,
        });
      };
      const warn = (line: number, warnings: readonly Warning[]) => {
        for (const w of warnings) {
          report.warnings++;
          const spec = fieldSpec(map!.dataset, w.field);
          problem({ line, severity: 'warning', field: w.field, code: w.code, params: { fieldVi: spec.vi, fieldEn: spec.en, value: w.value } });
        }
      };

      let wantedCols: number[] = [];
      const rowText: string[] = [];
      const accept = (fields: string[], bytes: CsvRow | null, count: number, line: number, malformed: boolean): void => {
        report.rows++;
        if (malformed) {
          report.rejected++;
          problem({ line, severity: 'error', field: null, code: 'row.malformed', params: {} });
          return;
        }
        if (count !== map!.width) {
          report.warnings++;
          problem({ line, severity: 'warning', field: null, code: 'row.fieldCount', params: { got: count, want: map!.width } });
        }
        if (factDecoder) {
          const rejection = factDecoder.decode(fields);
          if (rejection) {
            report.rejected++;
            problem({ line, severity: 'error', field: rejection.field, code: rejection.code, params: rejection.params });
            return;
          }
          warn(line, factDecoder.warnings);
          factFile!.add(factDecoder.code, factDecoder.bits, line);
          return;
        }
        if (summaryDecoder) {
          const rejection = summaryDecoder.decode(fields);
          const p = summaryDecoder.period;
          if (!rejection && p !== null && (p.from !== period.from || p.to !== period.to)) {
            report.rejected++;
            const value = (fields[map!.columns.period!] ?? '').trim();
            problem({ line, severity: 'error', field: 'period', code: 'row.otherPeriod', params: { value, period: period.label } });
            return;
          }
          if (rejection) {
            report.rejected++;
            problem({ line, severity: 'error', field: rejection.field, code: rejection.code, params: rejection.params });
            return;
          }
          summaries.add(tally, idx, line, summaryDecoder.unit, summaryDecoder.tier, summaryDecoder.counts);
          return;
        }
        const rejection = bytes ? decoder!.decodeBytes(bytes) : decoder!.decode(fields);
        if (rejection) {
          report.rejected++;
          problem({ line, severity: 'error', field: rejection.field, code: rejection.code, params: rejection.params });
          return;
        }
        warn(line, decoder!.warnings);
        if (!facts.empty && map!.dataset === 'dossiers') facts.apply(decoder!.record);
        tally.add(map!.dataset as Dataset, f, decoder!.record, enabled);
      };
      if (split) await opened[idx]!.close();
      const stream = split ? await split.first.open({ reuse: true }) : opened[idx]!.all();
      const size = source.size ?? (source.path ? await stat(source.path).then((st) => st.size, () => 0) : 0);
      let distinctBefore = 0;
      let counted = 0; // bytes read before the latest chunk
      const titles = new TitleRows(source.name);
      try {
        const stats = await readRows(
          { name: source.name, path: source.path, open: async () => stream },
          {
            header(fields, line) {
              const detection = detectKind(fields);
              if (!detection.kind) return titles.title(fields, line, detection.ambiguous);
              const dataset = detection.kind;
              map = matchHeaders(dataset, fields);
              if (map.missingRequired.length) throw missingRequired(source.name, line, map);
              report.dataset = dataset;
              report.columns = map.headers;
              report.missingColumns = map.missing;
              const used = new Set(Object.values(map.columns));
              report.ignoredColumns = fields.flatMap((h, i) => (used.has(i) || h.trim() === '' ? [] : [h.trim()]));
              if (isFactKind(dataset)) {
                factFile = facts.addFile(dataset, idx);
                factOf.set(idx, factFile);
                codeColumn.set(idx, map.columns.code!);
                factDecoder = new FactDecoder(dataset, map);
                wantedCols = factDecoder.columns();
                return wantedCols;
              }
              if (dataset === 'summary') {
                report.summaryPeriod = map.columns.period !== undefined ? 'column' : 'assumed';
                summaryDecoder = new SummaryDecoder(map, unitTier, unitName);
                wantedCols = summaryDecoder.columns();
                return wantedCols;
              }
              f = split ? split.file : tally.addFile();
              distinctBefore = tally.distinct(dataset);
              fileNo[idx] = f;
              if (dataset === 'dossiers') dossierLists++;
              // A fact export given for this dataset stands in for a missing column.
              const provided = new Set<Field>();
              if (dataset === 'dossiers') for (const k of FACT_KINDS) if (facts.has(k)) for (const fld of FACT_FIELDS[k]) provided.add(fld);
              const slots = tally.slots(dataset);
              slots.forEach((k, s) => {
                const ind = plan.indicators[k]!;
                const own = RULE_FIELDS[ind.rule].some((fld) => map!.columns[fld] !== undefined);
                const ok = RULE_NEEDS[ind.rule].every((group) => group.some((fld) => map!.columns[fld] !== undefined || provided.has(fld)));
                if (ok) enabled |= 3 << (2 * s);
                else report.notComputed.push(ind.id);
                const joined = dataset === 'dossiers' && FACT_KINDS.some((fk) => facts.has(fk) && FACT_RULES[fk].includes(ind.rule));
                // With a fact export the own column still serves the dossiers the export does not list.
                if (own) byColumns[k]!.add(idx);
                else if (ok && !joined) byColumns[k]!.add(idx);
              });
              decoder = new RowDecoder(dataset, map, unitTier, unitName);
              return decoder.columns();
            },
            row(fields, count, line, malformed) {
              accept(fields, null, count, line, malformed);
            },
            rowBytes(row, line, malformed) {
              if (factDecoder || summaryDecoder) {
                // Only dossier and feedback lists have a byte decoder: the others get strings.
                for (const k of wantedCols) rowText[k] = row.text(k);
                accept(rowText, null, row.count, line, malformed);
              } else accept(rowText, row, row.count, line, malformed);
            },
          },
          opts,
          (range0) => {
            const b = split ? split.bytes(range0) : range0;
            // Distinct codes so far over the share of the file counted: the code index's growth
            // hint. The bytes just read are not counted yet (this is called as a chunk arrives):
            // the share is the bytes of the call before.
            if (size > 0 && f >= 0 && counted > 0) {
              const ds = map!.dataset as Dataset;
              const d = tally.distinct(ds) - distinctBefore;
              if (d > 0) tally.expect(ds, distinctBefore + (d * size * 1.1) / counted);
            }
            counted = b;
            opts.onProgress?.(source.name, b);
          },
        );
        takeStats(report, stats);
        read[idx] = { endLine: stats.endLine, totalLine: stats.totalLine };
        if (!map) titles.end();
        if (!map) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
      } catch (e) {
        split?.stop();
        const err = e instanceof CsvError ? csvError(e, source.name) : e;
        // Range 0 ends inside a quoted cell: the cut was not a record start (or the quote is never closed).
        if (split && err instanceof CcchError && err.reason === 'unclosedQuote') throw new SplitFailed(source.name, split.ranges);
        throw err;
      }
      if (split) {
        const rest = await split.finish(report, read[idx]!);
        for (const p of rest.problems) if (problems.length < maxProblems) problems.push(p);
        problemCount += rest.problemCount;
        read[idx] = { endLine: null, totalLine: rest.totalLine };
        opts.onSplit?.(source.name, split.ranges, 'split');
      }
      inputs[idx] = report;
    }
  } finally {
    for (const sp of splits) sp.stop();
    for (const r of opened) await r.close();
  }

  // Superseding can reach back into earlier files: settle the accounting at the end.
  inputs.forEach((rep, i) => {
    if (fileNo[i]! < 0) return;
    const fc = tally.files[fileNo[i]!]!;
    rep.superseded = fc.superseded;
    rep.counted = fc.accepted - fc.superseded;
  });

  // Fact exports: counted when their code matched a dossier, else unmatched.
  const joinedBy = new Map<number, number>();
  for (const ff of facts.files) {
    const rep = inputs[ff.input]!;
    rep.superseded = ff.superseded;
    rep.joined = dossierLists > 0;
    if (dossierLists === 0) {
      rep.counted = ff.accepted();
      continue;
    }
    const st = ff.settle(Math.max(0, maxProblems - problems.length));
    rep.counted = st.counted;
    rep.unmatched = st.unmatched;
    joinedBy.set(ff.input, st.matchedCodes);
    rep.warnings += st.listed;
    problemCount += st.listed;
    for (const u of st.list) {
      const col = codeColumn.get(ff.input);
      problems.push({
        file: rep.file,
        line: u.line,
        column: col === undefined ? null : col + 1,
        header: rep.columns.code ?? null,
        severity: 'warning',
        field: 'code',
        code: 'row.unmatched',
        params: { code: u.code, rows: u.rows },
      });
    }
  }

  // Summary reports: refuse double counting, then add the counts.
  const dc = summaries.doubleCount(tally);
  if (dc) throw doubleCounted(inputs[dc.input]!.file, dc.line, dc.unit, dc.dataset, period.label);
  const summaryCounted = summaries.counted();
  for (const [i, n] of summaryCounted) inputs[i]!.counted = n;
  for (const [i, n] of summaries.superseded) inputs[i]!.superseded = n;
  const fedBySummary = summaries.apply(tally, plan.indicators);

  const sources: IndicatorSources[] = plan.indicators.map((ind, k) => {
    const uses: SourceUse[] = [];
    opts.inputs.forEach((_, i) => {
      const rep = inputs[i]!;
      if (byColumns[k]!.has(i)) uses.push({ file: rep.file, via: 'records' });
      const ff = factOf.get(i);
      if (ff && ind.dataset === 'dossiers' && FACT_RULES[ff.kind].includes(ind.rule) && dossierLists > 0) {
        uses.push({ file: rep.file, via: 'join', dossiers: joinedBy.get(i) ?? 0 });
      }
      if (fedBySummary.get(k)?.has(i)) uses.push({ file: rep.file, via: 'summary' });
    });
    return { indicator: ind.id, inputs: uses };
  });

  // Problems in command-line order of their files, by line (the sort is stable).
  const fileOrder = new Map<string, number>();
  opts.inputs.forEach((src, i) => {
    if (!fileOrder.has(src.name)) fileOrder.set(src.name, i);
  });
  problems.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);

  // The side files' problems come first, as their files were read first.
  const allProblems = [...sideFiles.problems, ...problems].slice(0, Math.max(maxProblems, sideFiles.problems.length));
  return {
    tally,
    read,
    inputs: [...sideFiles.reports, ...inputs],
    problems: allProblems,
    problemCount: problemCount + sideFiles.problemCount,
    sources,
    catalog: sideFiles.catalog,
    units: sideFiles.units,
  };
}

/**
 * The one place the ingest pass reads a table: the header peek and the full read both go
 * through here, so that reader options (delimiter, encoding, sheet) apply to both alike.
 */
async function readRows(
  source: InputSource,
  sink: CsvSink & Partial<Pick<CsvByteSink, 'rowBytes'>>,
  opts: ScoreOptions,
  onProgress?: (bytes: number) => void,
): Promise<TableStats> {
  const options: TableOptions = { delimiter: opts.delimiter, encoding: opts.encoding, sheet: opts.sheet, onProgress };
  if (opts.csvReader === 'strings') return readTable(source, { header: sink.header, row: sink.row }, options);
  if (opts.csvReader) {
    const st = await opts.csvReader(await source.open(), { header: sink.header, row: sink.row });
    return { format: 'csv', bytes: st.bytes, delimiter: st.delimiter, encoding: 'utf-8', sheet: null, skipped: { title: 0, total: 0, footer: 0 }, totalLine: null, endLine: st.endLine };
  }
  return readTable(source, sink, options);
}

/**
 * Rows above the header that match no kind: title rows of a printed report, up to
 * MAX_TITLE_ROWS of them; past that (or at the end of the input) the first such row is
 * reported as headers of no known kind.
 */
class TitleRows {
  private first: { line: number; fields: string[] } | undefined;
  private count = 0;
  constructor(private readonly file: string) {}

  /** For the sink's header(): null (skip it as a title row), or throws. */
  title(fields: string[], line: number, ambiguous: FactKind[]): null {
    if (ambiguous.length) throw unknownKind(this.file, line, fields, ambiguous);
    this.first ??= { line, fields: [...fields] };
    if (++this.count < MAX_TITLE_ROWS) return null;
    throw unknownKind(this.file, this.first.line, this.first.fields);
  }

  /** At the end of the input with no header found. */
  end(): void {
    if (this.first) throw unknownKind(this.file, this.first.line, this.first.fields);
  }
}

/** Where a delimited-text file's first data row begins (its line and byte offset), and its header's delimiter and width. */
export interface DataStart {
  line: number;
  offset: number;
  delimiter: number;
  width: number;
}

/**
 * Reads just the header of a source, for its kind; throws the same errors a full read would.
 * For a UTF-8 text file it goes on to the first data row, to learn where the data begins (for
 * reading the file in byte ranges, see ingest/split.ts); an error past the header is left for
 * the full read to report, as it would be without the look ahead.
 */
async function peekKind(source: InputSource, replay: Replay, opts: ScoreOptions): Promise<{ kind: Kind; dataStart: DataStart | null }> {
  const titles = new TitleRows(source.name);
  let kind: Kind | null = null;
  let header: { line: number; width: number } | null = null;
  let firstRow: number | null = null;
  const lookAhead = source.path !== undefined && (opts.encoding === undefined || opts.encoding === 'utf-8');
  try {
    await readRows(
      { name: source.name, path: source.path, open: async () => replay.peek() },
      {
        header(fields, line) {
          const d = detectKind(fields);
          if (!d.kind) return titles.title(fields, line, d.ambiguous);
          kind = d.kind;
          header = { line, width: fields.length };
          if (!lookAhead) throw new Peeked(d.kind);
          return [];
        },
        row(_fields, _count, line) {
          firstRow = line;
          throw new Peeked(kind!);
        },
      },
      opts,
    );
    if (kind) return { kind, dataStart: null };
    titles.end();
  } catch (e) {
    if (e instanceof Peeked) {
      const h = header as { line: number; width: number } | null;
      return { kind: e.kind, dataStart: firstRow === null || h === null ? null : replay.dataStart(h, firstRow, opts.delimiter) };
    }
    if (kind) return { kind, dataStart: null };
    if (e instanceof CsvError) throw csvError(e, source.name);
    throw e;
  }
  throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
}

export function csvError(e: CsvError, file: string) {
  const err = csvErrorOf(e, file);
  err.reason = e.code;
  return err;
}

function csvErrorOf(e: CsvError, file: string) {
  const where = { file, line: e.line, column: e.column };
  switch (e.code) {
    case 'empty':
      return inputError({ file }, 'tệp rỗng', 'empty file');
    case 'noHeader':
      return inputError({ file }, 'không có dòng tiêu đề', 'no header row');
    case 'utf16':
      return inputError(
        where,
        'tệp mã hóa UTF-16; hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"',
        'file is UTF-16 encoded; save it again as "CSV UTF-8 (comma delimited)"',
      );
    case 'binary':
      return inputError(where, 'không phải tệp văn bản (có byte NUL; tệp Excel hay tệp nén?)', 'not a text file (NUL byte; an Excel or zip file?)');
    case 'encoding':
      return inputError(
        where,
        'không phải UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); hãy xuất lại dạng CSV UTF-8',
        'not UTF-8 (perhaps Windows-1258, TCVN3 or VNI); export it again as CSV UTF-8',
      );
    case 'unclosedQuote':
      return inputError(where, 'dấu ngoặc kép mở ở đây không được đóng', 'quote opened here is never closed');
  }
}

const KIND_NAMES: Record<Kind, [string, string]> = {
  dossiers: ['hồ sơ', 'dossier'],
  feedback: ['PAKN', 'feedback'],
  online: ['nộp trực tuyến', 'online-submission'],
  digitization: ['số hóa', 'digitization'],
  payments: ['thanh toán', 'payment'],
  summary: ['báo cáo tổng hợp', 'summary-report'],
};

function unknownKind(file: string, line: number, header: string[], ambiguous: FactKind[] = []) {
  if (ambiguous.length) {
    const names = (l: 0 | 1) => ambiguous.map((k) => KIND_NAMES[k][l]).join(l === 0 ? ' và ' : ' and ');
    return inputError(
      { file, line },
      `không rõ loại tệp: tiêu đề có cột của tệp ${names(0)}; hãy xuất riêng từng loại`,
      `ambiguous kind: the headers have columns of ${names(1)} exports; export each kind separately`,
    );
  }
  const codes = (d: Kind) => FIELDS[d].find((s) => s.field === 'code')!.aliases.join(', ');
  const shown = header.slice(0, 6).map((h) => `"${h.trim()}"`).join(', ') + (header.length > 6 ? ', …' : '');
  return inputError(
    { file, line },
    `không nhận ra loại tệp: cần cột mã hồ sơ (${codes('dossiers')}), mã PAKN (${codes('feedback')}), hoặc cột đơn vị và cột số liệu của báo cáo tổng hợp; tiêu đề là ${shown}`,
    `headers of no known kind: need a dossier-code column (${codes('dossiers')}), a feedback-code column (${codes('feedback')}), or a summary report's unit and count columns; found ${shown}`,
  );
}

function doubleCounted(file: string, line: number, unit: string, dataset: Dataset, period: string) {
  const what = dataset === 'dossiers' ? ['hồ sơ', 'dossier'] : ['PAKN', 'feedback'];
  return inputError(
    { file, line },
    `tính hai lần: đơn vị "${unit}" có cả danh sách ${what[0]} và báo cáo tổng hợp cho kỳ ${period}; chỉ dùng một trong hai`,
    `double counting: unit "${unit}" has both ${what[1]} records and a summary report for period ${period}; give only one of them`,
  );
}

function missingRequired(file: string, line: number, map: ColumnMap) {
  const list = (lang: 'vi' | 'en') =>
    map.missingRequired.map((s) => `${lang === 'vi' ? s.vi : s.en} (${s.aliases.join(' / ')})`).join('; ');
  const kind = KIND_NAMES[map.dataset];
  return inputError(
    { file, line },
    `tệp ${kind[0]} thiếu cột bắt buộc: ${list('vi')}`,
    `${kind[1]} file lacks required column: ${list('en')}`,
  );
}

