/**
 * Counts vs targets. Tier figures are sums of their units' counts and the province's the
 * sum of the tiers' (never averages of rates). A result passes when
 * numerator / denominator ≥ target, compared exactly on integers: 20 of 100 against 20%
 * passes, 19 of 100 does not.
 */
import type { Tally } from '../indicators/tally.js';
import { DATASET_BIT } from '../indicators/tally-types.js';
import { TIERS } from '../model/tier.js';
import type { MissingColumns, Result, ResultTier, Status, Summary } from '../model/result.js';
import type { InputReport } from '../model/accounting.js';
import type { Indicator, Plan } from '../plan/schema.js';
import type { Target } from '../plan/appendix.js';
import { compareVi } from '../util/text.js';
import type { Tier } from '../model/tier.js';

/** The target for a tier; the province's is `all` when given, else the tiers' common target. */
export function targetFor(ind: Indicator, tier: ResultTier): number | null {
  const t = ind.targets;
  if (tier !== 'all') return t[tier];
  if (t.all !== undefined) return t.all;
  return t.so !== null && t.so === t.huyen && t.so === t.xa ? t.so : null;
}

/**
 * The one comparison of a result with its target, exactly on integers: n/d as a percentage
 * (targets with up to 6 decimals: n·100·10⁶ against target·10⁶·d) or n − d (a change). The
 * indicators compare with `>=`; the catalog and units targets take comparison and scale from
 * the plan.
 */
export function compareTarget(n: number, d: number, target: number, comparison: Target['comparison'], scale: 'percent' | 'change'): boolean {
  let sign: number; // sign of (value − target)
  if (scale === 'change') sign = Math.sign(n - d - target);
  else {
    const t = BigInt(Math.round(target * 1_000_000));
    const lhs = BigInt(n) * 100n * 1_000_000n;
    const rhs = t * BigInt(d);
    sign = lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
  }
  switch (comparison) {
    case '>=':
      return sign >= 0;
    case '>':
      return sign > 0;
    case '<=':
      return sign <= 0;
    case '<':
      return sign < 0;
    case '=':
      return sign === 0;
  }
}

/** An indicator's status: no target, no data (nothing counted), or n/d ≥ target%. */
export function status(numerator: number, denominator: number, target: number | null): Status {
  if (target === null) return 'no-target';
  if (denominator === 0) return 'no-data';
  return compareTarget(numerator, denominator, target, '>=', 'percent') ? 'pass' : 'fail';
}

/** Tallies a summary over results. */
export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = { pass: 0, fail: 0, noData: 0, noTarget: 0 };
  for (const r of results) {
    if (r.status === 'pass') summary.pass++;
    else if (r.status === 'fail') summary.fail++;
    else if (r.status === 'no-data') summary.noData++;
    else summary.noTarget++;
  }
  return summary;
}

/** An indicator's result from its counts; `left` records left out for want of the columns `missing` names. */
export function indicatorResult(ind: Indicator, tier: ResultTier, unit: string | null, n: number, d: number, left = 0, missing: readonly MissingColumns[] = []): Result {
  const target = targetFor(ind, tier);
  const r: Result = {
    indicator: ind.id,
    clause: ind.clause,
    tier,
    unit,
    numerator: n,
    denominator: d,
    value: d === 0 ? null : (n / d) * 100,
    target,
    status: status(n, d, target),
  };
  if (left > 0) {
    r.leftOut = { records: left, missing: [...missing] };
    if (d === 0) r.reason = 'not-computed';
  }
  return r;
}

const TIER_ORDER: Record<Tier, number> = { so: 0, huyen: 1, xa: 2 };

/** Per indicator id, the files lacking a column it needs (InputReport.missingFor). */
export type MissingByIndicator = ReadonlyMap<string, readonly MissingColumns[]>;

export function evaluate(plan: Plan, tally: Tally, byUnit: boolean, missing: MissingByIndicator = new Map()): { results: Result[]; summary: Summary } {
  const results: Result[] = [];
  const unitOrder = tally.units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => TIER_ORDER[a.u.tier] - TIER_ORDER[b.u.tier] || compareVi(a.u.name, b.u.name));
  plan.indicators.forEach((ind, k) => {
    const miss = missing.get(ind.id) ?? [];
    const sums: Record<Tier, [number, number, number]> = { so: [0, 0, 0], huyen: [0, 0, 0], xa: [0, 0, 0] };
    tally.units.forEach((u, i) => {
      const [n, d] = tally.get(i, k);
      const s = sums[u.tier];
      s[0] += n;
      s[1] += d;
      s[2] += tally.leftOut(i, k);
    });
    const all: [number, number, number] = [0, 0, 0];
    for (const tier of TIERS) {
      const [n, d, l] = sums[tier];
      results.push(indicatorResult(ind, tier, null, n, d, l, miss));
      all[0] += n;
      all[1] += d;
      all[2] += l;
    }
    results.push(indicatorResult(ind, 'all', null, all[0], all[1], all[2], miss));
    if (byUnit) {
      for (const { u, i } of unitOrder) {
        if (!(u.seen & DATASET_BIT[ind.dataset])) continue; // the unit has no records of this dataset
        const [n, d] = tally.get(i, k);
        results.push(indicatorResult(ind, u.tier, u.name, n, d, tally.leftOut(i, k), miss));
      }
    }
  });
  return { results, summary: summarize(results) };
}

/** The files lacking a column each indicator needs, from the inputs' reports. */
export function missingByIndicator(inputs: readonly InputReport[]): Map<string, MissingColumns[]> {
  const m = new Map<string, MissingColumns[]>();
  for (const i of inputs) {
    for (const [id, columns] of Object.entries(i.missingFor)) {
      const list = m.get(id) ?? [];
      list.push({ file: i.file, columns });
      m.set(id, list);
    }
  }
  return m;
}
