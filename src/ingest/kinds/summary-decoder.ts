/**
 * Summary reports: a body row's cells (README "Summary reports"), read first for telling its kind
 * (summary-rows.ts: unit, group, total …), then, for a unit's row, decoded into the counts of
 * COUNT_FIELDS' order. Parts that exceed their total reject the row; sums of the form that do not
 * add up (SUMMARY_SUMS) are warnings naming the cells.
 */
import { SUMMARY_PARTS, SUMMARY_SUMS, fieldSpec } from '../contract.js';
import type { ColumnMap } from '../headers.js';
import { parseReportPeriod } from '../report-period.js';
import { resolveTier, unitNamer, type UnitNameLookup, type UnitTierLookup } from './decoding.js';
import type { BodyRow } from './summary-rows.js';
import { tierFromColumn, tierFromName } from '../tier.js';
import { FoldCache, tidy } from '../../util/text.js';
import { parseCount } from '../../util/numbers.js';
import { COUNT_FIELDS, COUNT_INDEX, type CountField, type Field } from '../../model/kinds.js';
import type { Period } from '../../model/period.js';
import type { Tier } from '../../model/tier.js';
import type { Rejection } from '../../model/problem.js';

/** A unit row, decoded. */
export interface SummaryUnit {
  unit: string;
  tier: Tier;
  /** The row's period, or null when the file has no period column. */
  period: Period | null;
  /** Count per COUNT_FIELDS index; NaN when the column is absent (or, outside forms, the cell blank). */
  counts: Float64Array;
  /** The sums of the form that do not add up (warnings). */
  mismatches: SumMismatch[];
}

/** A sum of the form that does not add up, for a warning. */
export interface SumMismatch {
  total: CountField;
  value: number;
  parts: CountField[];
  sum: number;
}

export interface DecoderOptions {
  /** A form's blank count cell is 0 (printed forms leave zeros blank); elsewhere it is a missing count. */
  blankIsZero: boolean;
  /** Fields of work of one unit: every row is this unit's. */
  reportingUnit: string | null;
  unitTier?: UnitTierLookup;
  unitName?: UnitNameLookup;
}

export class SummaryDecoder {
  /** The COUNT_FIELDS indexes that have a column, in that order (a BodyRow's counts follow it). */
  readonly present: number[];
  private readonly col: Partial<Record<Field, number>>;
  private readonly tierCache: FoldCache<Tier | null>;
  private readonly unitOf: (tidied: string) => string;

  constructor(
    map: ColumnMap,
    private readonly opts: DecoderOptions,
  ) {
    this.col = map.columns;
    this.present = COUNT_FIELDS.flatMap((f, i) => (map.columns[f] !== undefined ? [i] : []));
    this.tierCache = new FoldCache((name) => opts.unitTier?.(name) ?? tierFromName(name));
    this.unitOf = unitNamer(opts.unitName);
  }

  private cell(fields: readonly string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : (fields[i] ?? '');
  }

  /** A body row's STT, name and counts, for telling its kind. */
  body(fields: readonly string[], line: number): BodyRow {
    const counts = new Float64Array(this.present.length);
    let numbers = 0;
    let bad = false;
    this.present.forEach((ci, k) => {
      const raw = fields[this.col[COUNT_FIELDS[ci]!]!] ?? '';
      if (raw.trim() === '') {
        counts[k] = NaN;
        return;
      }
      const v = parseCount(raw);
      counts[k] = v;
      if (Number.isNaN(v)) bad = true;
      else numbers++;
    });
    return { line, stt: (this.cell(fields, 'stt') ?? '').trim(), name: tidy(this.cell(fields, 'unit') ?? ''), counts, numbers, bad };
  }

  /** A unit row (or a field of work's), decoded; `groupTier`: the tier of the group rows above it. */
  unit(fields: readonly string[], row: BodyRow, groupTier: Tier | null): SummaryUnit | Rejection {
    const reporting = this.opts.reportingUnit;
    const unit = reporting ?? this.unitOf(row.name);
    if (unit === '' || (reporting !== null && row.name === '')) return { code: 'row.noUnit', field: 'unit', params: {} };
    const tier = this.tier(this.cell(fields, 'tier'), unit, groupTier);
    if (typeof tier !== 'string') return tier;

    let period: Period | null = null;
    const periodRaw = this.cell(fields, 'period');
    if (periodRaw !== undefined) {
      if (periodRaw.trim() === '') return { code: 'row.noPeriod', field: 'period', params: {} };
      period = parseReportPeriod(periodRaw);
      if (period === null) return { code: 'row.badPeriod', field: 'period', params: { value: periodRaw.trim() } };
    }

    const c = new Float64Array(COUNT_FIELDS.length).fill(NaN);
    for (let k = 0; k < this.present.length; k++) {
      const ci = this.present[k]!;
      const v = row.counts[k]!;
      const f = COUNT_FIELDS[ci]!;
      if (Number.isNaN(v) && (fields[this.col[f]!] ?? '').trim() !== '') {
        const spec = fieldSpec('summary', f);
        return { code: 'row.badCount', field: f, params: { fieldVi: spec.vi, fieldEn: spec.en, value: fields[this.col[f]!]!.trim() } };
      }
      c[ci] = Number.isNaN(v) && this.opts.blankIsZero ? 0 : v;
    }
    const exceed = partsExceed(c);
    if (exceed) return exceed;
    const mismatches = this.sums(c);
    // Received in the period: new online + new in person and by post — a form's always (form 06:
    // carried-over dossiers were not received in the period), a one-row summary's without a column.
    const [tot, on, dir, post] = [COUNT_INDEX.receivedTotal, COUNT_INDEX.receivedOnline, COUNT_INDEX.receivedDirect, COUNT_INDEX.receivedPostal];
    if ((this.opts.blankIsZero || this.col.receivedTotal === undefined) && this.col.receivedOnline !== undefined && this.col.receivedDirect !== undefined) {
      const channels = c[on]! + c[dir]! + (Number.isNaN(c[post]!) ? 0 : c[post]!);
      if (this.col.receivedTotal !== undefined && c[tot] !== channels) {
        mismatches.push({ total: 'receivedTotal', value: c[tot]!, parts: (['receivedOnline', 'receivedDirect', 'receivedPostal'] as const).filter((f) => this.col[f] !== undefined), sum: channels });
      }
      c[tot] = channels;
    }
    return { unit, tier, period, counts: c, mismatches };
  }

  /** The tier column when not blank; else the groups above; else the units file or the name (domain.md, Tiers). */
  private tier(tierRaw: string | undefined, unit: string, groupTier: Tier | null): Tier | Rejection {
    if (groupTier !== null && (tierRaw === undefined || tierFromColumn(tierRaw) === null)) return groupTier;
    return resolveTier(tierRaw, unit, this.tierCache);
  }

  /** The form's sums that do not add up in a row's counts (SUMMARY_SUMS). */
  private sums(counts: Float64Array): SumMismatch[] {
    const out: SumMismatch[] = [];
    const has = (f: CountField) => this.col[f] !== undefined;
    const val = (f: CountField) => (Number.isNaN(counts[COUNT_INDEX[f]]!) ? 0 : counts[COUNT_INDEX[f]]!);
    for (const { total, ways } of SUMMARY_SUMS) {
      if (!has(total) || Number.isNaN(counts[COUNT_INDEX[total]]!)) continue;
      const tried = ways.map((w) => w.filter(has)).filter((w) => w.length > 0);
      if (!tried.length) continue;
      const sums = tried.map((w) => w.reduce((a, f) => a + val(f), 0));
      if (sums.includes(val(total))) continue;
      const k = tried.reduce((best, w, i) => (w.length > tried[best]!.length ? i : best), 0);
      out.push({ total, value: val(total), parts: tried[k]!, sum: sums[k]! });
    }
    return out;
  }
}

function partsExceed(c: Float64Array): Rejection | null {
  for (const { total, parts } of SUMMARY_PARTS) {
    const t = c[COUNT_INDEX[total]]!;
    if (Number.isNaN(t)) continue;
    let sum = 0;
    let any = false;
    for (const p of parts) {
      const v = c[COUNT_INDEX[p]]!;
      if (!Number.isNaN(v)) {
        sum += v;
        any = true;
      }
    }
    if (any && sum > t) {
      const spec = fieldSpec('summary', total);
      const names = (lang: 'vi' | 'en') => parts.map((p) => fieldSpec('summary', p)[lang]).join(' + ');
      return { code: 'row.partsExceedTotal', field: total, params: { fieldVi: spec.vi, fieldEn: spec.en, total: t, sum, partsVi: names('vi'), partsEn: names('en') } };
    }
  }
  return null;
}
