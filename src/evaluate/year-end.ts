/**
 * The rest of the year (issue 16): for a year-to-date run — from the plan year's first day to a
 * judging moment J before its last — what the rest of the year needs for the year's figure to
 * reach its target, at the same daily volume as so far. An estimate: the denominator to come is
 * projected, round(N × daysLeft / daysElapsed); the numerator it needs is the year's shortfall
 * over N plus that (evaluate/shortfall.ts, exact); as a rate of the projected denominator, and
 * whether it is reachable (at most all of it).
 */
import { shortfall } from './shortfall.js';
import { daysFromCivil } from '../util/dates.js';
import type { Result, YearEnd } from '../model/result.js';
import type { Period } from '../model/period.js';
import type { Target } from '../plan/appendix.js';

/** The days of the plan year before and after J's end, when the run is year to date (starts on the year's first day, J before its last); else null. */
export function yearToDate(year: number, period: Period, judgedAt: number | null): { elapsed: number; left: number } | null {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  if (judgedAt === null || period.from !== first || judgedAt >= last || period.to > last) return null;
  return { elapsed: judgedAt - first + 1, left: last - judgedAt };
}

/**
 * A result's need for the rest of the year; null for what it does not apply to: no target, no
 * data, a month's result, a catalog or units measure (not a flow of items over days), a target
 * that moving items into the numerator does not serve.
 */
export function yearEnd(r: Result, days: { elapsed: number; left: number }): YearEnd | null {
  if (r.target === null || r.denominator === 0 || (r.month ?? null) !== null || (r.source ?? 'data') !== 'data') return null;
  const comparison = (r.comparison ?? '>=') as Target['comparison'];
  // Rounded half up, in integers.
  const rest = Math.floor((2 * r.denominator * days.left + days.elapsed) / (2 * days.elapsed));
  const need = shortfall(r.numerator, r.denominator + rest, r.target, comparison, r.scale ?? 'percent');
  if (need === null) return null;
  return {
    estimate: true,
    daysElapsed: days.elapsed,
    daysLeft: days.left,
    denominator: rest,
    numerator: need,
    rate: rest === 0 ? null : (need / rest) * 100,
    reachable: need <= rest,
  };
}

/** The results, each with its yearEnd (null where it does not apply) when the run is year to date. */
export function withYearEnd(results: readonly Result[], days: { elapsed: number; left: number } | null): Result[] {
  if (!days) return [...results];
  return results.map((r) => ({ ...r, yearEnd: yearEnd(r, days) }));
}
