/**
 * The scoring pipeline, as a library call: plan + inputs + period → a Score (counts per
 * tier and unit, statuses, row accounting, problems). It never prints and never exits;
 * input faults are thrown as CcchError.
 */
import { CsvError, type CsvByteSink, type CsvRow, type CsvSink, type CsvStats } from './ingest/csv.js';
import { emptyAccounting, readTable, type FileAccounting, type TableOptions, type TableStats } from './ingest/table.js';
import { detectKind, matchHeaders, type ColumnMap } from './ingest/headers.js';
import { FactDecoder, RowDecoder, SummaryDecoder, type UnitTierLookup, type Warning } from './ingest/records.js';
import type { InputSource } from './ingest/source.js';
import { FACT_KINDS, FIELDS, fieldSpec, isFactKind, type Dataset, type FactKind, type Field, type Kind } from './ingest/contract.js';
import { RULE_FIELDS, RULE_NEEDS } from './indicators/rules.js';
import { Tally, type CodeIndex } from './indicators/tally.js';
import { FACT_FIELDS, FACT_RULES, FactStore, type FactFile } from './indicators/facts.js';
import { SummaryStore } from './indicators/summary.js';
import { evaluate, summarize, type Result, type Summary } from './evaluate/evaluate.js';
import { readCatalog, catalogNotComputed, type CatalogCounts } from './catalog/catalog.js';
import { readUnits, type UnitsTable } from './catalog/units.js';
import { catalogResults, districtResults, unitsResults } from './catalog/measure.js';
import type { SideProblem, SideReport } from './ingest/sidefile.js';
import type { Plan } from './plan/schema.js';
import type { NamedPeriod } from './period.js';
import { inputError } from './errors.js';
import { stat } from 'node:fs/promises';


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

export interface Score {
  plan: Plan['plan'];
  period: NamedPeriod;
  inputs: InputReport[];
  results: Result[];
  summary: Summary;
  problems: Problem[];
  /** Problems found in all, including those beyond `maxProblems` that were not kept. */
  problemCount: number;
  /** Per plan indicator, the inputs its counts came from. */
  sources: IndicatorSources[];
  /** With --by district: units of the exports that the units file places in no district. */
  unplacedUnits?: string[];
}

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
  /** Delimiter of delimited text (default: sniffed per file). */
  delimiter?: string;
  /** Encoding of delimited text, as decode.ts canonicalEncoding() gives it (default: UTF-8 or UTF-16 by BOM). */
  encoding?: string;
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
}

/** How many rows (blank ones aside) may stand above the header as title rows. */
export const MAX_TITLE_ROWS = 20;

export const DEFAULT_MAX_PROBLEMS = 100_000;

/** What one pass over the inputs produced, before evaluation (shared by score and validate). */
export interface Ingested {
  tally: Tally;
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

  static async open(source: InputSource): Promise<Replay> {
    return new Replay(source, await source.open());
  }

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

  /** After the peek: reopen the source when it opens afresh, dropping the chunks held. */
  async settle(): Promise<void> {
    const again = await this.source.open();
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
  const { plan, period } = opts;
  const tally = new Tally(plan.indicators, period, opts.codeIndex);
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
  const sideFiles = await readSideFiles(opts, maxProblems);
  const unitTier = opts.unitTier ?? sideFiles.units?.tierOf;
  const unitName = sideFiles.units?.nameOf;

  // Every input's kind first (from its header), so that the fact exports can be read first.
  const opened: Replay[] = [];
  try {
    const kinds: Kind[] = [];
    for (const source of opts.inputs) {
      const r = await Replay.open(source);
      opened.push(r);
      kinds.push(await peekKind(source, r, opts));
      await r.settle();
    }
    const order = [
      ...opts.inputs.flatMap((_, i) => (isFactKind(kinds[i]!) ? [i] : [])),
      ...opts.inputs.flatMap((_, i) => (isFactKind(kinds[i]!) ? [] : [i])),
    ];

    for (const idx of order) {
      const source = opts.inputs[idx]!;
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
      const stream = opened[idx]!.all();
      const size = source.path ? await stat(source.path).then((st) => st.size, () => 0) : 0;
      let distinctBefore = 0;
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
              f = tally.addFile();
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
          (b) => {
            // Distinct codes so far over the share of the file read: the code index's growth hint.
            if (size > 0 && f >= 0 && b > 0) {
              const ds = map!.dataset as Dataset;
              const d = tally.distinct(ds) - distinctBefore;
              if (d > 0) tally.expect(ds, distinctBefore + (d * size * 1.1) / b);
            }
            opts.onProgress?.(source.name, b);
          },
        );
        report.bytes = stats.bytes;
        report.format = stats.format;
        report.delimiter = stats.delimiter;
        report.encoding = stats.encoding;
        report.sheet = stats.sheet;
        report.skipped = stats.skipped;
        if (!map) titles.end();
        if (!map) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
      } catch (e) {
        if (e instanceof CsvError) throw csvError(e, source.name);
        throw e;
      }
      inputs[idx] = report;
    }
  } finally {
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
    return { format: 'csv', bytes: st.bytes, delimiter: st.delimiter, encoding: 'utf-8', sheet: null, skipped: { title: 0, total: 0, footer: 0 }, totalLine: null };
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

/** Reads just the header of a source, for its kind; throws the same errors a full read would. */
async function peekKind(source: InputSource, replay: Replay, opts: ScoreOptions): Promise<Kind> {
  const titles = new TitleRows(source.name);
  try {
    await readRows(
      { name: source.name, path: source.path, open: async () => replay.peek() },
      {
        header(fields, line) {
          const d = detectKind(fields);
          if (!d.kind) return titles.title(fields, line, d.ambiguous);
          throw new Peeked(d.kind);
        },
        row() {},
      },
      opts,
    );
    titles.end();
  } catch (e) {
    if (e instanceof Peeked) return e.kind;
    if (e instanceof CsvError) throw csvError(e, source.name);
    throw e;
  }
  throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
}

export function csvError(e: CsvError, file: string) {
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

