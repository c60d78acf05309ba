/**
 * What a run lists of its results: each result's shortfall; unit and district results with a
 * zero denominator left out (they would only say "no data"; --all-units keeps them); and, for
 * --failing and --top, the failing results only and the first N units per tier, units ordered
 * by shortfall (largest first). The summary and the exit code are over every result computed,
 * those --failing and --top leave out included: what is shown does not change the verdict.
 */
import { shortfall } from './shortfall.js';
import { summarize } from './evaluate.js';
import type { Listing, Result, Summary } from '../model/result.js';
import type { Target } from '../plan/appendix.js';

export interface ListingOptions {
  /** Keep only failing results. */
  failing?: boolean;
  /** Keep the first N units (districts) per indicator, tier and month, by shortfall. */
  top?: number;
  /** Keep unit and district results with a zero denominator. */
  allUnits?: boolean;
}

/** Each result's shortfall (0 when it passes; null with no data, no target, or a target it does not apply to). */
export function withShortfall(results: readonly Result[]): Result[] {
  return results.map((r) => ({ ...r, shortfall: shortfall(r.numerator, r.denominator, r.target, (r.comparison ?? '>=') as Target['comparison'], r.scale ?? 'percent') }));
}

/** A result under a tier: a unit's or a district's. */
const isPlace = (r: Result) => r.unit !== null || (r.district ?? null) !== null;

/** Unit and district results with a zero denominator, on the percent scale (a change of 0 copies is a figure). */
const noDataPlace = (r: Result) => isPlace(r) && r.denominator === 0 && (r.scale ?? 'percent') === 'percent';

/** The results of a run as listed, the summary (of all but the no-data units) and what was left out. */
export function list(results: readonly Result[], opts: ListingOptions): { results: Result[]; summary: Summary; listing: Listing } {
  const kept = opts.allUnits ? [...results] : results.filter((r) => !noDataPlace(r));
  const summary = summarize(kept);
  const listing: Listing = { failing: opts.failing ?? false, top: opts.top ?? null, allUnits: opts.allUnits ?? false, omitted: 0, noDataUnits: results.length - kept.length };
  if (!opts.failing && opts.top === undefined) return { results: kept, summary, listing };
  const listed = rank(opts.failing ? kept.filter((r) => r.status === 'fail') : kept, opts.top);
  listing.omitted = kept.length - listed.length;
  return { results: listed, summary, listing };
}

/**
 * Units (and districts) ordered by shortfall, largest first (no shortfall last; ties keep their
 * order), each group — an indicator's units of one tier and month — where its first member
 * stood; with `top`, its first `top` only.
 */
function rank(results: readonly Result[], top: number | undefined): Result[] {
  const groups = new Map<string, Result[]>();
  const out: Array<Result | Result[]> = [];
  for (const r of results) {
    if (!isPlace(r)) {
      out.push(r);
      continue;
    }
    const key = [r.indicator, r.clause, r.tier, r.month ?? '', r.unit !== null ? 'u' : 'd'].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(r);
    else {
      const fresh = [r];
      groups.set(key, fresh);
      out.push(fresh);
    }
  }
  const by = (r: Result) => r.shortfall ?? -1;
  return out.flatMap((x) => {
    if (!Array.isArray(x)) return [x];
    const sorted = x.map((r, i) => ({ r, i })).sort((a, b) => by(b.r) - by(a.r) || a.i - b.i).map(({ r }) => r);
    return top === undefined ? sorted : sorted.slice(0, top);
  });
}
