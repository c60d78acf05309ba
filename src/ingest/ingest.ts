/**
 * The ingest pass: every input into one Tally (and the fact and summary stores), with every
 * row accounted for. Order (README "Joined exports"): the side files; every export's header,
 * to know its kind (peek.ts); then the fact exports in full; then the record lists and summary
 * reports, in command-line order; then the settle step; then the judging moment J is settled
 * (Tally.judge: the data's dates are known only now). A big record list may be read on
 * several threads (parallel/split-read.ts); a split that cannot give the one-thread result
 * makes the whole pass run again on one thread. With keepGoing (validate), an input that cannot
 * be taken is refused on its own and the pass goes on without it (refusals.ts).
 */
import { Replay, peekKind, type DataStart } from './peek.js';
import { readFile, type ReadEnd } from './read-file.js';
import { settle } from './settle.js';
import { FileProblems, ProblemLog, DEFAULT_MAX_PROBLEMS } from './problems.js';
import { NO_SIDE_FILES, NO_TASKS, SIDE_SPECS, readSide, readSideFiles, type SideFiles } from './side/read.js';
import { sideFileAsExport } from './errors.js';
import type { InputSource } from './source.js';
import { SplitFailed, splittable, startSplit, type SplitRead } from './parallel/split-read.js';
import { ReadAgain, Refusals } from './refusals.js';
import { poolFor, type WorkerPool } from './parallel/pool.js';
import type { IngestOptions } from './options.js';
import type { FileContext, IngestState } from './kinds/handler.js';
import type { CatalogCounts, UnitsTable } from '../model/side.js';
import { Tally } from '../indicators/tally.js';
import { MonthTally } from '../indicators/month-tally.js';
import { FactStore } from '../indicators/facts.js';
import { SummaryStore } from '../indicators/summary.js';
import { CcchError } from '../model/errors.js';
import { emptyReport, type IndicatorSources, type InputReport, type UnknownValues } from '../model/accounting.js';
import { isFactKind, isSideKind, type InputKind, type Kind } from '../model/kinds.js';
import type { Problem } from '../model/problem.js';
import { countingPeriod, monthsOf, namePeriod, type Judging, type NamedPeriod, type Period } from '../model/period.js';
import { contractWith, type Contract } from './mapping.js';
import { judgeDates, type SetAside } from './date-columns.js';
import { fieldSpec } from './contract.js';

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
  unknownValues: UnknownValues[];
  catalog?: CatalogCounts;
  units?: UnitsTable;
  /** Per input of `inputs`: the error that refused it (keepGoing), else null. */
  refused: Array<CcchError | null>;
  /** When open records were judged, and the data's dates (set by `ingest`, not by a split worker's `ingestFiles`). */
  judging: Judging;
  /** With `byMonth`: each calendar month of the period up to J, its tally and the day it was judged at. */
  months: MonthCount[];
}

/** One month of a run by month: its tally (a period of its own) and J for it. */
export interface MonthCount {
  month: string;
  period: Period;
  tally: Tally;
  judgedAt: number;
}

/** What ingestFiles gives: the pass before J is settled, and each export's tally file (-1 for none). */
type Read = Omit<Ingested, 'judging' | 'months'> & { fileNo: number[]; monthTallies: MonthTally[] };

export async function ingest(opts: IngestOptions): Promise<Ingested> {
  // By month, every record goes to each month's tally too: read on this thread.
  const pool = splittable(opts) && !opts.byMonth ? await poolFor(opts.inputs, opts.threads ?? 1, opts.internal?.splitMinBytes) : null;
  try {
    const refusals = new Refusals(opts.keepGoing ?? false);
    const side = await readSideFiles(opts, opts.maxProblems ?? DEFAULT_MAX_PROBLEMS, refusals, opts.tasks);
    let o = opts;
    let p = pool;
    let ing: Read | null = null;
    while (!ing) {
      try {
        ing = await ingestFiles(o, side, p, refusals);
      } catch (e) {
        if (e instanceof ReadAgain) continue;
        if (!(e instanceof SplitFailed) || p === null) throw e;
        o.onSplit?.(e.file, e.ranges, 'again');
        o = { ...o, threads: 1 };
        p = null;
      }
    }
    const { fileNo, monthTallies, ...rest } = ing;
    const judging = judge(ing.tally, ing.inputs.slice(side.reports.length), fileNo, opts.asOf);
    return { ...rest, judging, months: judgeMonths(monthTallies, judging) };
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
    rep.receivedTo = d.receivedTo;
  });
  const none = judged.from !== null && judged.inPeriod === 0; // counted record rows, none in the period
  return { asOf: asOf ?? null, judgedAt: none ? null : judged.judgedAt, dataFrom: judged.from, dataTo: judged.to, inPeriod: judged.inPeriod, recordLists };
}

/**
 * Each month's J (Tally.judge: the end of the month, or of the data's last day or --as-of when
 * earlier); the months after the run's J are left out: nothing of them is in the data.
 */
function judgeMonths(tallies: readonly MonthTally[], judging: Judging): MonthCount[] {
  const j = judging.judgedAt;
  if (j === null) return [];
  return tallies.filter((t) => t.period.from <= j).map((t) => ({ month: t.month, period: t.period, tally: t, judgedAt: t.judge().judgedAt }));
}

/** The exports' part of the pass, with the side files already read (a split worker reads its range through here). */
export async function ingestFiles(opts: IngestOptions, side: SideFiles = NO_SIDE_FILES, pool: WorkerPool | null = null, refusals = new Refusals(false)): Promise<Read> {
  const opened: Array<Replay | null> = [];
  const splits: SplitRead[] = [];
  try {
    // Every input's kind first (from its header), so that the fact exports can be read first.
    const kinds: Array<InputKind | null> = [];
    const dataStarts: Array<DataStart | null> = [];
    const setAside: SetAside[][] = [];
    const dateWarnings: Array<Peeks['dateWarnings'][number]> = [];
    const workbooks: boolean[] = [];
    let titled: { period: Period; file: string; line: number } | null = null;
    const contract = contractWith(opts.mapping, opts.dateOrder);
    // A split worker is given its file's date columns as the main thread judged them.
    const given = opts.internal?.setAside;
    for (const [idx, source] of opts.inputs.entries()) {
      let r: Replay | null = null;
      let peeked: Awaited<ReturnType<typeof peekKind>> | null = null;
      let aside: SetAside[] = [];
      if (!refusals.exports.has(idx)) {
        try {
          r = await Replay.open(source, !opts.internal?.csvReader);
          // A workbook from a stream is read from a copy on disk: r.source.
          peeked = await peekKind(r.source, r, opts, contract.fields, given === undefined);
          await r.settle();
          if (isSideKind(peeked.kind) && !opts.sideInputs) throw sideFileAsExport(source.name, peeked.kind, SIDE_SPECS[peeked.kind].option);
          aside = given ? [...given] : peeked.dates ? judgeDates(peeked.dates, contract.fields, source.name, contract.mdy === true, peeked.workbook) : [];
        } catch (e) {
          refusals.exports.set(idx, { error: refusals.fault(e), kind: null });
          await r?.close();
          r = peeked = null;
          aside = [];
        }
      }
      opened.push(r);
      kinds.push(peeked?.kind ?? null);
      dataStarts.push(peeked?.dataStart ?? null);
      workbooks.push(peeked?.workbook ?? false);
      setAside.push(aside);
      const header = peeked?.dates?.line;
      if (header !== undefined && !given) dateWarnings.push(...aside.map((s) => ({ s, idx, file: source.name, line: header })));
      if (peeked?.titlePeriod && !titled) titled = { period: peeked.titlePeriod, file: source.name, line: peeked.titlePeriod.line };
    }
    // No period named: a summary report's title gives it.
    if (opts.defaultPeriod && titled) opts = { ...opts, period: { ...namePeriod(titled.period), fromTitle: { file: titled.file, line: titled.line } } };
    return await readAll(opts, contract, side, pool, refusals, { kinds, dataStarts, setAside, dateWarnings, workbooks }, opened, splits);
  } finally {
    for (const sp of splits) sp.stop();
    for (const r of opened) await r?.close();
  }
}

/** What the peek learnt of each input (in command-line order; kind null: refused), and the warnings of the date columns set aside. */
interface Peeks {
  kinds: ReadonlyArray<InputKind | null>;
  dataStarts: ReadonlyArray<DataStart | null>;
  setAside: ReadonlyArray<readonly SetAside[]>;
  dateWarnings: ReadonlyArray<{ s: SetAside; idx: number; file: string; line: number }>;
  workbooks: readonly boolean[];
}

/** A date column set aside (date-columns.ts): one warning at its header, with a value that is no date. */
function setAsideWarning(w: Peeks['dateWarnings'][number], dataset: Kind): Problem {
  const spec = fieldSpec(dataset, w.s.field);
  return {
    file: w.file,
    line: w.line,
    column: w.s.column + 1,
    header: w.s.header,
    severity: 'warning',
    field: w.s.field,
    code: 'column.notDates',
    params: { fieldVi: spec.vi, fieldEn: spec.en, sample: w.s.sample },
  };
}

/** Reads every input in full, its kind known (null: refused), then settles the pass. */
async function readAll(
  opts: IngestOptions,
  contract: Contract,
  side: SideFiles,
  pool: WorkerPool | null,
  refusals: Refusals,
  peeks: Peeks,
  opened: ReadonlyArray<Replay | null>,
  splits: SplitRead[],
): Promise<Read> {
  const { plan, period } = opts;
  const { kinds, dataStarts } = peeks;
  const counting = countingPeriod(period, opts.asOf);
  const tally = opts.internal?.makeTally ? opts.internal.makeTally(plan.indicators, counting) : new Tally(plan.indicators, counting, opts.internal?.codeIndex);
  const monthTallies = opts.byMonth ? monthsOf(counting).map((m) => new MonthTally(plan.indicators, m, tally)) : [];
  if (opts.observer) tally.observer = opts.observer(tally);
  const log = new ProblemLog(opts.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const listed = await readListedSides(opts, kinds, opened, log, refusals);
  // A units file among the inputs is the tier source when --units gave none (split workers read it again).
  if (!side.units && listed.units) {
    side = { ...side, units: listed.units.table };
    opts = { ...opts, units: listed.units.source };
  }
  const unitsTier = side.units?.tierOf;
  const mapTier = contract.unitTier;
  const state: IngestState = {
    plan,
    contract,
    period,
    asOf: opts.asOf ?? Infinity,
    tally,
    months: monthTallies,
    facts: new FactStore(),
    summaries: new SummaryStore(),
    byColumns: plan.indicators.map(() => new Set<number>()),
    fileNo: new Array<number>(opts.inputs.length).fill(-1),
    factOf: new Map(),
    codeColumn: new Map(),
    dossierLists: 0,
    // Tier rule 2: a units file, then the mapping file's units.
    unitTier: opts.internal?.unitTier ?? (unitsTier && mapTier ? (name) => unitsTier(name) ?? mapTier(name) : (unitsTier ?? mapTier)),
    unitName: side.units?.nameOf,
  };
  const inputs: InputReport[] = opts.inputs.map((s, i) => listed.reports.get(i) ?? emptyReport(s.name, refusals.exports.get(i)?.kind ?? null));
  const read: ReadEnd[] = opts.inputs.map(() => ({ endLine: null, totalLine: null }));
  const exportKinds = kinds.map((k) => (k === null || isSideKind(k) ? null : k));
  const order = [...exportKinds.flatMap((k, i) => (k !== null && isFactKind(k) ? [i] : [])), ...exportKinds.flatMap((k, i) => (k !== null && !isFactKind(k) ? [i] : []))];
  /** Whether the pass can run again: every input it reads opens afresh. */
  const again = (but: number) => opened.every((r, i) => r === null || i === but || !r.once);

  for (const idx of order) {
    const source = opened[idx]!.source;
    const kind = exportKinds[idx]!;
    const ds = dataStarts[idx];
    const onProgress = (total: number) => opts.onProgress?.(source.name, total);
    let split: SplitRead | null = null;
    if (pool && ds && (kind === 'dossiers' || kind === 'feedback') && state.facts.empty) {
      split = await startSplit(pool, opts, source, ds, log.max, tally, onProgress, peeks.setAside[idx]!);
      if (split) splits.push(split);
    }
    const report = emptyReport(source.name, kind);
    const ctx: FileContext = {
      idx,
      source,
      report,
      problems: new FileProblems(log, source.name, report),
      started: split !== null,
      workbook: peeks.workbooks[idx]!,
      ...(split ? { tallyFile: split.file } : {}),
    };
    for (const w of peeks.dateWarnings) {
      if (w.idx !== idx) continue;
      log.push(setAsideWarning(w, kind));
      report.warnings++;
    }
    try {
      if (split) await opened[idx]!.close();
      const stream = split ? await split.first.open({ reuse: true }) : opened[idx]!.all();
      try {
        read[idx] = await readFile(state, ctx, stream, { ...opts, ...(split ? { totalBytes: split.bytes } : {}), onProgress, setAside: peeks.setAside[idx]! });
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
    } catch (e) {
      if (e instanceof SplitFailed) throw e;
      refusals.exports.set(idx, { error: refusals.fault(e), kind });
      if (ctx.started && again(idx)) throw new ReadAgain(source.name);
      // Nothing of it counted yet; or it cannot be read again, and its rows read so far stay.
    }
    inputs[idx] = report;
  }

  const settled = settle(state, opts.inputs, inputs, log, side, refusals, again);
  return { tally, period, read, ...settled, catalog: side.catalog, units: side.units, fileNo: state.fileNo, monthTallies };
}

/**
 * The side files among the inputs (validate: recognised by their headers), each read from its
 * peeked stream into its report, units files first; their problems go to the pass's log, to be
 * listed in their files' places. The first units file read is returned as a tier source.
 */
async function readListedSides(
  opts: IngestOptions,
  kinds: ReadonlyArray<InputKind | null>,
  opened: ReadonlyArray<Replay | null>,
  log: ProblemLog,
  refusals: Refusals,
): Promise<{ reports: Map<number, InputReport>; units?: { table: UnitsTable; source: InputSource } }> {
  const out: { reports: Map<number, InputReport>; units?: { table: UnitsTable; source: InputSource } } = { reports: new Map() };
  const sides = kinds.flatMap((k, i) => (k !== null && isSideKind(k) ? [{ idx: i, kind: k }] : []));
  sides.sort((a, b) => Number(b.kind === 'units') - Number(a.kind === 'units'));
  for (const { idx, kind } of sides) {
    const source = opts.inputs[idx]!;
    const replay = opened[idx]!;
    let first = true;
    // The peeked stream once (standard input has no other); the file afresh if read again (a workbook).
    const peeked: InputSource = { ...source, open: async (o) => (first ? ((first = false), replay.all()) : source.open(o)) };
    const problems: Problem[] = [];
    const r = await readSide(kind, peeked, problems, opts.tasks ?? NO_TASKS, refusals);
    for (const p of problems) log.push(p);
    if (r.error) refusals.exports.set(idx, { error: r.error, kind });
    out.reports.set(idx, r.report);
    if (r.units && !out.units) out.units = { table: r.units, source };
  }
  return out;
}
