/**
 * Summary reports (README "Summary reports" and "Summary reports as units file them"). A summary
 * is small (a row per unit or per field of work), so its rows are kept as read and the report is
 * read at the end of the file, when everything about it is known: its header (a form's rows, the
 * workbook's merged ranges), its title lines (period, reporting unit), which body rows are groups,
 * totals and subtotals. The unit rows' counts are then added to the summary store; they reach the
 * tally when the pass settles (after the double-counting check against the record lists).
 */
import { SummaryDecoder, type SumMismatch } from './summary-decoder.js';
import { classifyRows, type Classified } from './summary-rows.js';
import { describeColumns, type FileContext, type IngestState, type KindHandler } from './handler.js';
import { readFormHeader, reportingUnit, type RawRow } from '../form.js';
import { FIELD_OF_WORK_HEADERS, UNIT_OR_FIELD_HEADERS, fieldSpec } from '../contract.js';
import { headerKey, matchHeaders } from '../headers.js';
import { KIND_NAMES, missingRequired } from '../errors.js';
import { titlePeriod, type TitleLine } from '../report-period.js';
import type { CellRange } from '../csv.js';
import { inputError } from '../../model/errors.js';
import { namePeriod, type Period } from '../../model/period.js';
import type { SkippedRow, SummaryReading } from '../../model/accounting.js';
import type { Tier } from '../../model/tier.js';
import { formatIso } from '../../util/dates.js';

/** The most rows a summary report may have (it is kept in memory until its end). */
export const MAX_SUMMARY_ROWS = 100_000;
/** Columns read of a summary report. */
const MAX_COLUMNS = 256;
/** Skipped rows listed in the report (all are counted). */
const MAX_LISTED = 200;

const FIELD_HEADERS = new Set(FIELD_OF_WORK_HEADERS.map(headerKey));
const EITHER_HEADERS = new Set(UNIT_OR_FIELD_HEADERS.map(headerKey));

export interface SummaryFileOptions {
  /** The header row that named the file a summary report, and its line. */
  first: { fields: string[]; line: number };
  /** Its first header row looks like a form's (headers.ts detectKind). */
  form: boolean;
  /** The rows above its header. */
  titles: readonly TitleLine[];
  /** --unit: the reporting unit of a report whose rows are fields of work. */
  reportingUnit?: string;
}

export class SummariesHandler implements KindHandler {
  private readonly rows: RawRow[] = [];
  private ranges: CellRange[] | null = null;

  constructor(
    private readonly state: IngestState,
    private readonly ctx: FileContext,
    private readonly opts: SummaryFileOptions,
  ) {
    ctx.report.dataset = 'summary';
  }

  columns(): number[] {
    return Array.from({ length: MAX_COLUMNS }, (_, i) => i);
  }

  row(fields: string[], line: number): void {
    this.raw(fields, fields.length, line, false);
  }

  raw(fields: string[], count: number, line: number, malformed: boolean): void {
    if (this.rows.length >= MAX_SUMMARY_ROWS) throw inputError({ file: this.ctx.source.name, line }, 'input.summaryTooLong', { max: MAX_SUMMARY_ROWS });
    this.rows.push({ fields: fields.slice(0, Math.min(count, MAX_COLUMNS)), count, line, malformed });
  }

  merges(ranges: CellRange[]): void {
    this.ranges = ranges;
  }

  finish(): void {
    const { ctx, opts } = this;
    const { report } = ctx;
    const file = ctx.source.name;
    const head = readFormHeader(opts.first, this.rows, this.ranges, opts.form);
    const map = matchHeaders('summary', head.paths, this.state.contract.fields);
    if (map.missingRequired.length) throw missingRequired(file, opts.first.line, { vi: KIND_NAMES.summary[0], en: KIND_NAMES.summary[1] }, map.missingRequired);
    map.width = head.width;
    describeColumns(ctx, map, head.paths);

    const reading: SummaryReading = {
      headerRows: head.lines,
      columnNumbers: head.columnNumbers,
      merged: head.merged,
      titlePeriod: null,
      rowsAre: 'units',
      reportingUnit: null,
      skippedRows: [],
    };
    report.summary = reading;
    this.checkPeriod(reading, map.columns.period !== undefined);

    // Units, or fields of work of one reporting unit.
    const nameKey = headerKey(map.headers.unit ?? '');
    const named = opts.reportingUnit !== undefined ? { name: opts.reportingUnit, from: 'option' as const, line: null } : (() => {
      const t = reportingUnit(opts.titles);
      return t ? { name: t.name, from: 'title' as const, line: t.line } : null;
    })();
    const fields = FIELD_HEADERS.has(nameKey) || (EITHER_HEADERS.has(nameKey) && named !== null);
    if (fields) {
      if (!named) throw inputError({ file, line: opts.first.line }, 'input.noReportingUnit', { header: map.headers.unit ?? '' });
      reading.rowsAre = 'fields';
      reading.reportingUnit = named;
    }

    const decoder = new SummaryDecoder(map, {
      blankIsZero: opts.form,
      reportingUnit: fields ? named!.name : null,
      unitTier: this.state.unitTier,
      unitName: this.state.unitName,
    });
    const body = this.rows.slice(head.bodyStart);
    const cells = body.map((r) => decoder.body(r.fields, r.line));
    const unitTier = this.state.unitTier;
    const kinds = classifyRows(cells, fields || !unitTier ? undefined : (name) => unitTier(name) !== undefined);
    const perTier = new Map<Tier, { line: number; rows: number; counts: Float64Array }>();
    body.forEach((r, i) => {
      const k = kinds[i]!;
      if (k.kind !== 'unit') return this.skip(reading, r, cells[i]!.stt, cells[i]!.name, k);
      report.rows++;
      if (r.malformed) {
        report.rejected++;
        ctx.problems.add({ line: r.line, severity: 'error', field: null, code: 'row.malformed', params: {} });
        return;
      }
      if (r.count > map.width || (report.format === 'csv' && r.count < map.width)) {
        report.warnings++;
        ctx.problems.add({ line: r.line, severity: 'warning', field: null, code: 'row.fieldCount', params: { got: r.count, want: map.width } });
      }
      const u = decoder.unit(r.fields, cells[i]!, k.tier);
      if ('code' in u) return ctx.problems.reject(r.line, u);
      if (u.period !== null && (u.period.from !== this.state.period.from || u.period.to !== this.state.period.to)) {
        const value = (r.fields[map.columns.period!] ?? '').trim();
        return ctx.problems.reject(r.line, { code: 'row.otherPeriod', field: 'period', params: { value, period: this.state.period.label } });
      }
      for (const m of u.mismatches) this.warnSum(r.line, m, map.columns);
      if (!fields) return this.state.summaries.add(this.state.tally, ctx.idx, r.line, u.unit, u.tier, u.counts);
      const acc = perTier.get(u.tier);
      if (!acc) perTier.set(u.tier, { line: r.line, rows: 1, counts: Float64Array.from(u.counts) });
      else {
        acc.rows++;
        u.counts.forEach((v, j) => {
          if (!Number.isNaN(v)) acc.counts[j] = (Number.isNaN(acc.counts[j]!) ? 0 : acc.counts[j]!) + v;
        });
      }
    });
    for (const [tier, acc] of perTier) this.state.summaries.add(this.state.tally, ctx.idx, acc.line, named!.name, tier, acc.counts, acc.rows);
  }

  /** The title's period must be the scored one (the pass made it the scored one when none was given). */
  private checkPeriod(reading: SummaryReading, column: boolean): void {
    const { report } = this.ctx;
    const tp = titlePeriod(this.opts.titles);
    const period = this.state.period;
    report.summaryPeriod = tp ? 'title' : column ? 'column' : 'assumed';
    if (!tp) return;
    reading.titlePeriod = { from: formatIso(tp.from), to: formatIso(tp.to), line: tp.line };
    if (tp.from === period.from && tp.to === period.to) return;
    throw inputError({ file: this.ctx.source.name, line: tp.line }, 'input.otherPeriod', {
      form: describe(tp),
      period: describe(period),
      text: tp.text,
    });
  }

  private skip(reading: SummaryReading, r: RawRow, stt: string, name: string, k: Classified): void {
    const sk = this.ctx.report.skipped;
    if (k.kind !== 'unit') sk[k.kind]++;
    if (reading.skippedRows.length >= MAX_LISTED) return;
    const row: SkippedRow = { line: r.line, kind: k.kind as SkippedRow['kind'], label: [stt, name].filter(Boolean).join(' ').slice(0, 80), tier: k.kind === 'group' ? k.tier : null };
    reading.skippedRows.push(row);
  }

  private warnSum(line: number, m: SumMismatch, columns: Partial<Record<string, number>>): void {
    const cell = (f: string) => `${columnLetters(columns[f]!)}${line}`;
    const part = (lang: 'vi' | 'en') => m.parts.map((f) => `${fieldSpec('summary', f)[lang]} ${cell(f)}`).join(' + ');
    const spec = fieldSpec('summary', m.total);
    this.ctx.report.warnings++;
    this.ctx.problems.add({
      line,
      severity: 'warning',
      field: m.total,
      code: 'row.sumMismatch',
      params: { fieldVi: spec.vi, fieldEn: spec.en, cell: cell(m.total), total: m.value, partsVi: part('vi'), partsEn: part('en'), sum: m.sum },
    });
  }
}

/** A period as "2023-Q1 (01/01/2023–31/03/2023)". */
function describe(p: Period): string {
  const named = namePeriod(p);
  const days = `${formatIso(p.from)}..${formatIso(p.to)}`;
  return named.label === days ? days : `${named.label} (${days})`;
}

/** 0 → "A", 26 → "AA": a column as a spreadsheet names it. */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
