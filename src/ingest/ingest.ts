/**
 * The ingest pass: every input into one Tally (and the fact and summary stores), with every
 * row accounted for. Order (README "Joined exports"): the side files; every export's header,
 * to know its kind (peek.ts); then the fact exports in full; then the record lists and summary
 * reports, in command-line order; then the settle step; then the judging moment J is settled
 * (Tally.judge: the data's dates are known only now). A big record list may be read on
 * several threads (parallel/split-read.ts); a split that cannot give the one-thread result
 * makes the whole pass run again on one thread.
 */
import { Replay, peekKind, type DataStart } from './peek.js';
import { readFile, type ReadEnd } from './read-file.js';
import { settle } from './settle.js';
import { FileProblems, ProblemLog, DEFAULT_MAX_PROBLEMS } from './problems.js';
import { NO_SIDE_FILES, readSideFiles, type SideFiles } from './side/read.js';
import { SplitFailed, splittable, startSplit, type SplitRead } from './parallel/split-read.js';
import { poolFor, type WorkerPool } from './parallel/pool.js';
import type { IngestOptions } from './options.js';
import type { IngestState } from './kinds/handler.js';
import type { CatalogCounts, UnitsTable } from '../model/side.js';
import { Tally } from '../indicators/tally.js';
import { FactStore } from '../indicators/facts.js';
import { SummaryStore } from '../indicators/summary.js';
import { CcchError } from '../model/errors.js';
import { emptyAccounting, type IndicatorSources, type InputReport } from '../model/accounting.js';
import { isFactKind, type Kind } from '../model/kinds.js';
import type { Problem } from '../model/problem.js';
import { countingPeriod, namePeriod, type Judging, type NamedPeriod, type Period } from '../model/period.js';

/** What one pass over the inputs produced, before evaluation (shared by score and validate). */
export interface Ingested {
  tally: Tally;
  /** The period scored: as given, or (none given) a summary report's title's. */
  period: NamedPeriod;
  /** Per input (in command-line order, side files aside): where its text ended and its total row, as the table reader saw them. */
  read: ReadEnd[];
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
  sources: IndicatorSources[];
  catalog?: CatalogCounts;
  units?: UnitsTable;
  /** When open records were judged, and the data's dates (set by `ingest`, not by a split worker's `ingestFiles`). */
  judging: Judging;
}

/** What ingestFiles gives: the pass before J is settled, and each export's tally file (-1 for none). */
type Read = Omit<Ingested, 'judging'> & { fileNo: number[] };

export async function ingest(opts: IngestOptions): Promise<Ingested> {
  const pool = splittable(opts) ? await poolFor(opts.inputs, opts.threads ?? 1, opts.internal?.splitMinBytes) : null;
  try {
    const side = await readSideFiles(opts, opts.maxProblems ?? DEFAULT_MAX_PROBLEMS);
    let ing: Read;
    try {
      ing = await ingestFiles(opts, side, pool);
    } catch (e) {
      if (!(e instanceof SplitFailed)) throw e;
      opts.onSplit?.(e.file, e.ranges, 'again');
      ing = await ingestFiles({ ...opts, threads: 1 }, side, null);
    }
    const { fileNo, ...rest } = ing;
    return { ...rest, judging: judge(ing.tally, ing.inputs.slice(side.reports.length), fileNo, opts.asOf) };
  } finally {
    pool?.close();
  }
}

/**
 * Settles J once every record is in (Tally.judge), and puts each record list's data dates into
 * its report (`exports`: the exports' reports, in command-line order; `fileNo`: their tally files).
 */
function judge(tally: Tally, exports: InputReport[], fileNo: number[], asOf: number | undefined): Judging {
  const judged = tally.judge();
  let recordLists = 0;
  exports.forEach((rep, i) => {
    const f = fileNo[i]!;
    if (f < 0) return;
    recordLists++;
    const d = judged.files[f]!;
    rep.dataFrom = d.from;
    rep.dataTo = d.to;
    rep.inPeriod = d.inPeriod;
  });
  const none = judged.from !== null && judged.inPeriod === 0; // counted record rows, none in the period
  return { asOf: asOf ?? null, judgedAt: none ? null : judged.judgedAt, dataFrom: judged.from, dataTo: judged.to, inPeriod: judged.inPeriod, recordLists };
}

/** The exports' part of the pass, with the side files already read (a split worker reads its range through here). */
export async function ingestFiles(opts: IngestOptions, side: SideFiles = NO_SIDE_FILES, pool: WorkerPool | null = null): Promise<Read> {
  const opened: Replay[] = [];
  const splits: SplitRead[] = [];
  try {
    // Every input's kind first (from its header), so that the fact exports can be read first.
    const kinds: Kind[] = [];
    const dataStarts: Array<DataStart | null> = [];
    let titled: { period: Period; file: string; line: number } | null = null;
    for (const source of opts.inputs) {
      const r = await Replay.open(source, !opts.internal?.csvReader);
      opened.push(r);
      // A workbook from a stream is read from a copy on disk: r.source.
      const peeked = await peekKind(r.source, r, opts);
      kinds.push(peeked.kind);
      dataStarts.push(peeked.dataStart);
      if (peeked.titlePeriod && !titled) titled = { period: peeked.titlePeriod, file: source.name, line: peeked.titlePeriod.line };
      await r.settle();
    }
    // No period named: a summary report's title gives it.
    if (opts.defaultPeriod && titled) opts = { ...opts, period: { ...namePeriod(titled.period), fromTitle: { file: titled.file, line: titled.line } } };
    return await readAll(opts, side, pool, kinds, dataStarts, opened, splits);
  } finally {
    for (const sp of splits) sp.stop();
    for (const r of opened) await r.close();
  }
}

/** Reads every input in full, its kind known, then settles the pass. */
async function readAll(
  opts: IngestOptions,
  side: SideFiles,
  pool: WorkerPool | null,
  kinds: readonly Kind[],
  dataStarts: ReadonlyArray<DataStart | null>,
  opened: readonly Replay[],
  splits: SplitRead[],
): Promise<Read> {
  const { plan, period } = opts;
  const counting = countingPeriod(period, opts.asOf);
  const tally = opts.internal?.makeTally ? opts.internal.makeTally(plan.indicators, counting) : new Tally(plan.indicators, counting, opts.internal?.codeIndex);
  const log = new ProblemLog(opts.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const state: IngestState = {
    plan,
    period,
    asOf: opts.asOf ?? Infinity,
    tally,
    facts: new FactStore(),
    summaries: new SummaryStore(),
    byColumns: plan.indicators.map(() => new Set<number>()),
    fileNo: new Array<number>(opts.inputs.length).fill(-1),
    factOf: new Map(),
    codeColumn: new Map(),
    dossierLists: 0,
    unitTier: opts.internal?.unitTier ?? side.units?.tierOf,
    unitName: side.units?.nameOf,
  };
  const inputs: InputReport[] = new Array(opts.inputs.length);
  const read: ReadEnd[] = opts.inputs.map(() => ({ endLine: null, totalLine: null }));
  const order = [...kinds.flatMap((k, i) => (isFactKind(k) ? [i] : [])), ...kinds.flatMap((k, i) => (isFactKind(k) ? [] : [i]))];

  for (const idx of order) {
    const source = opened[idx]!.source;
    const kind = kinds[idx]!;
    const ds = dataStarts[idx];
    const onProgress = (total: number) => opts.onProgress?.(source.name, total);
    let split: SplitRead | null = null;
    if (pool && ds && (kind === 'dossiers' || kind === 'feedback') && state.facts.empty) {
      split = await startSplit(pool, opts, source, ds, log.max, tally, onProgress);
      if (split) splits.push(split);
    }
    const report: InputReport = {
      ...emptyAccounting(source.name),
      dataset: 'dossiers',
      columns: {},
      missingColumns: [],
      notComputed: [],
      ignoredColumns: [],
      joined: null,
      summaryPeriod: null,
      summary: null,
      dataFrom: null,
      dataTo: null,
      inPeriod: null,
    };
    const ctx = { idx, source, report, problems: new FileProblems(log, source.name, report), ...(split ? { tallyFile: split.file } : {}) };
    if (split) await opened[idx]!.close();
    const stream = split ? await split.first.open({ reuse: true }) : opened[idx]!.all();
    try {
      read[idx] = await readFile(state, ctx, stream, { ...opts, ...(split ? { totalBytes: split.bytes } : {}), onProgress });
    } catch (e) {
      split?.stop();
      // Range 0 ends inside a quoted cell: the cut was not a record start (or the quote is never closed).
      if (split && e instanceof CcchError && e.code === 'input.unclosedQuote') throw new SplitFailed(source.name, split.ranges);
      throw e;
    }
    if (split) {
      const rest = await split.finish(report, read[idx]!);
      log.merge(rest.problems, rest.problemCount);
      read[idx] = { endLine: null, totalLine: rest.totalLine };
      opts.onSplit?.(source.name, split.ranges, 'split');
    }
    inputs[idx] = report;
  }

  const settled = settle(state, opts.inputs, inputs, log, side);
  return { tally, period, read, ...settled, catalog: side.catalog, units: side.units, fileNo: state.fileNo };
}
