/**
 * The plan's catalog and units targets → results, in the same shape as the indicators'
 * (numerator, denominator, value, target, status). Driven by the plan: every target with
 * `computable: catalog` or `units` names its measure; targets with the same measure, figure,
 * comparison and tiers (a body target and its appendix counterpart) share one set of results,
 * which lists them all. Tier and province figures are sums of counts, never averages.
 *
 * Also `--by district`: for each district of the units file, the sums of its district-level
 * units and of its communes, for every indicator and units measure.
 */
import type { Plan } from '../plan/schema.js';
import type { Target } from '../plan/appendix.js';
import type { Tally } from '../indicators/tally.js';
import { DATASET_BIT } from '../indicators/tally-types.js';
import { compareTarget, indicatorResult, type MissingByIndicator } from './evaluate.js';
import { compareVi } from '../util/text.js';
import { TIERS, type Tier } from '../model/tier.js';
import type { Result, ResultTier, Status } from '../model/result.js';
import type { CatalogCounts, CatalogMeasure, UnitEntry, UnitsTable } from '../model/side.js';

interface TargetGroup {
  computable: 'catalog' | 'units';
  measure: string;
  value: number;
  comparison: Target['comparison'];
  scale: 'percent' | 'change';
  tiers: Target['tiers'];
  targets: Target[];
}

/** The plan's catalog/units targets, grouped (plan order of first appearance). */
export function targetGroups(plan: Plan): TargetGroup[] {
  const groups: TargetGroup[] = [];
  for (const t of plan.targets ?? []) {
    if ((t.computable !== 'catalog' && t.computable !== 'units') || t.measure === undefined) continue;
    const scale = t.unit === 'change' ? 'change' : 'percent';
    const g = groups.find(
      (x) => x.computable === t.computable && x.measure === t.measure && x.value === t.value && x.comparison === t.comparison && x.scale === scale && x.tiers.join() === t.tiers.join(),
    );
    if (g) g.targets.push(t);
    else groups.push({ computable: t.computable, measure: t.measure, value: t.value, comparison: t.comparison, scale, tiers: t.tiers, targets: [t] });
  }
  return groups;
}

/** "appendix II.1.3; body II.2.1": appendix clauses first, as the indicators' clauses read. */
function clauseOf(g: TargetGroup): string {
  const app = g.targets.filter((t) => t.source === 'appendix').map((t) => `appendix ${t.clause}`);
  const body = g.targets.filter((t) => t.source === 'body').map((t) => t.clause);
  return [...new Set([...app, ...body])].join('; ');
}

function statusOf(n: number, d: number, counted: number, g: TargetGroup): Status {
  if (g.scale === 'percent' ? d === 0 : counted === 0) return 'no-data';
  return compareTarget(n, d, g.value, g.comparison, g.scale) ? 'pass' : 'fail';
}

function make(g: TargetGroup, tier: ResultTier, unit: string | null, n: number, d: number, counted: number, district: string | null = null): Result {
  const status = statusOf(n, d, counted, g);
  return {
    indicator: g.measure,
    clause: clauseOf(g),
    tier,
    unit,
    numerator: n,
    denominator: d,
    value: status === 'no-data' ? null : g.scale === 'change' ? n - d : (n / d) * 100,
    target: g.value,
    status,
    source: g.computable,
    targets: g.targets.map((t) => t.id),
    comparison: g.comparison,
    scale: g.scale,
    ...(district !== null ? { district } : {}),
  };
}

/** The tiers a group's results are given for: its own, or every tier for `all`; then the province. */
function rowTiers(g: TargetGroup, available: readonly Tier[]): Tier[] {
  if (g.tiers.includes('all') || g.tiers.includes('province')) return [...available];
  return available.filter((t) => (g.tiers as readonly string[]).includes(t));
}

/** A unit's contribution to a units measure: [numerator, denominator], or null when it is out. */
function unitCounts(measure: string, u: UnitEntry): [number, number] | null {
  if (!u.inScope) return null;
  if (measure === 'e-certification') return u.eCert < 0 ? null : [u.eCert, 1];
  if (measure === 'e-certified-copies-increase') return u.copies < 0 || u.copiesLastYear < 0 ? null : [u.copies, u.copiesLastYear];
  return null;
}

export function catalogResults(plan: Plan, catalog: CatalogCounts): Result[] {
  const out: Result[] = [];
  for (const g of targetGroups(plan)) {
    if (g.computable !== 'catalog') continue;
    const c = catalog.counts[g.measure as CatalogMeasure];
    if (!c) continue;
    let an = 0;
    let ad = 0;
    const tiers = rowTiers(g, catalog.tiered ? TIERS : []);
    for (const t of TIERS) {
      an += c[t][0];
      ad += c[t][1];
    }
    for (const t of tiers) out.push(make(g, t, null, c[t][0], c[t][1], c[t][1]));
    out.push(make(g, 'all', null, an, ad, ad));
  }
  return out;
}

export function unitsResults(plan: Plan, units: UnitsTable, byUnit: boolean): Result[] {
  const out: Result[] = [];
  for (const g of targetGroups(plan)) {
    if (g.computable !== 'units') continue;
    const tiers = rowTiers(g, ['huyen', 'xa']);
    const sums = new Map<Tier, [number, number, number]>(tiers.map((t) => [t, [0, 0, 0]]));
    const perUnit: Result[] = [];
    for (const u of units.units) {
      const s = sums.get(u.tier);
      const c = unitCounts(g.measure, u);
      if (!s || !c) continue;
      s[0] += c[0];
      s[1] += c[1];
      s[2]++;
      if (byUnit) perUnit.push(make(g, u.tier, u.name, c[0], c[1], 1));
    }
    let an = 0;
    let ad = 0;
    let ac = 0;
    for (const t of tiers) {
      const [n, d, k] = sums.get(t)!;
      out.push(make(g, t, null, n, d, k));
      an += n;
      ad += d;
      ac += k;
    }
    out.push(make(g, 'all', null, an, ad, ac));
    out.push(...perUnit.sort((a, b) => a.tier.localeCompare(b.tier) || compareVi(a.unit!, b.unit!)));
  }
  return out;
}

/**
 * `--by district`: for each district (units file order), the district-level units and the
 * communes of that district, summed, for every indicator and every units measure. Units of
 * the exports that the units file does not place in a district are returned as `unplaced`.
 */
export function districtResults(plan: Plan, tally: Tally, units: UnitsTable, missing: MissingByIndicator = new Map()): { results: Result[]; unplaced: string[] } {
  const results: Result[] = [];
  const unplaced: string[] = [];
  const districtOfUnit = tally.units.map((u) => {
    const e = units.find(u.name);
    if (e === undefined || (e.district === null && e.tier !== 'so')) unplaced.push(u.name);
    return e?.district?.key ?? null;
  });
  const keys = [...units.districts.keys()];
  plan.indicators.forEach((ind, k) => {
    for (const key of keys) {
      for (const tier of ['huyen', 'xa'] as const) {
        let n = 0;
        let d = 0;
        let l = 0;
        let seen = false;
        tally.units.forEach((u, i) => {
          if (u.tier !== tier || districtOfUnit[i] !== key || !(u.seen & DATASET_BIT[ind.dataset])) return;
          const [a, b] = tally.get(i, k);
          n += a;
          d += b;
          l += tally.leftOut(i, k);
          seen = true;
        });
        if (!seen) continue;
        results.push({ ...indicatorResult(ind, tier, null, n, d, l, missing.get(ind.id)), district: units.districts.get(key)! });
      }
    }
  });
  for (const g of targetGroups(plan)) {
    if (g.computable !== 'units') continue;
    for (const key of keys) {
      for (const tier of rowTiers(g, ['huyen', 'xa'])) {
        let n = 0;
        let d = 0;
        let c = 0;
        for (const u of units.units) {
          if (u.tier !== tier || u.district?.key !== key) continue;
          const x = unitCounts(g.measure, u);
          if (!x) continue;
          n += x[0];
          d += x[1];
          c++;
        }
        if (c > 0) results.push(make(g, tier, null, n, d, c, units.districts.get(key)!));
      }
    }
  }
  return { results, unplaced };
}
