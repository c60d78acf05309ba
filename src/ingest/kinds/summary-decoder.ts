/**
 * Summary reports: one row per unit with counts (README "Summary reports"), decoded into the
 * counts of COUNT_FIELDS' order; parts that exceed their total reject the row.
 */
import { SUMMARY_PARTS, fieldSpec } from '../contract.js';
import type { ColumnMap } from '../headers.js';
import { parseReportPeriod } from '../report-period.js';
import { resolveTier, unitNamer, type UnitNameLookup, type UnitTierLookup } from './decoding.js';
import { tierFromName } from '../tier.js';
import { FoldCache, tidy } from '../../util/text.js';
import { parseCount } from '../../util/numbers.js';
import { COUNT_FIELDS, COUNT_INDEX, type Field } from '../../model/kinds.js';
import type { Period } from '../../model/period.js';
import type { Tier } from '../../model/tier.js';
import type { Rejection } from '../../model/problem.js';

export class SummaryDecoder {
  unit = '';
  tier: Tier = 'so';
  /** The row's period, or null when the file has no period column. */
  period: Period | null = null;
  /** Count per COUNT_FIELDS index; NaN when the column is absent or the cell blank. */
  readonly counts = new Float64Array(COUNT_FIELDS.length);
  private readonly col: Partial<Record<Field, number>>;
  private readonly tierCache: FoldCache<Tier | null>;

  private readonly unitOf: (tidied: string) => string;

  constructor(map: ColumnMap, unitTier?: UnitTierLookup, unitName?: UnitNameLookup) {
    this.col = map.columns;
    this.tierCache = new FoldCache((name) => unitTier?.(name) ?? tierFromName(name));
    this.unitOf = unitNamer(unitName);
  }

  columns(): number[] {
    return Object.values(this.col).filter((v): v is number => v !== undefined);
  }

  private cell(fields: string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : fields[i];
  }

  decode(fields: string[]): Rejection | null {
    const unit = this.unitOf(tidy(this.cell(fields, 'unit') ?? ''));
    if (unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };
    const tier = resolveTier(this.cell(fields, 'tier'), unit, this.tierCache);
    if (typeof tier !== 'string') return tier;

    let period: Period | null = null;
    const periodRaw = this.cell(fields, 'period');
    if (periodRaw !== undefined) {
      if (periodRaw.trim() === '') return { code: 'row.noPeriod', field: 'period', params: {} };
      period = parseReportPeriod(periodRaw);
      if (period === null) return { code: 'row.badPeriod', field: 'period', params: { value: periodRaw.trim() } };
    }

    const c = this.counts;
    for (let i = 0; i < COUNT_FIELDS.length; i++) {
      const f = COUNT_FIELDS[i]!;
      const raw = this.cell(fields, f);
      if (raw === undefined || raw.trim() === '') {
        c[i] = NaN;
        continue;
      }
      const v = parseCount(raw);
      if (Number.isNaN(v)) {
        const spec = fieldSpec('summary', f);
        return { code: 'row.badCount', field: f, params: { fieldVi: spec.vi, fieldEn: spec.en, value: raw.trim() } };
      }
      c[i] = v;
    }
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
    this.unit = unit;
    this.tier = tier;
    this.period = period;
    return null;
  }
}
