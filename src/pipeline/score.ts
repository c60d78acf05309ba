/**
 * `score` as a library call: plan + inputs + period → a Score (counts per tier and unit,
 * statuses, row accounting, problems). Ingest, then evaluate the indicators and the catalog and
 * units measures, then put each indicator's district rows after its tier and unit rows. It never
 * prints and never exits; input faults are thrown as CcchError, and so is a run whose record
 * lists have no counted row in the period.
 */
import { ingest, type MonthCount } from '../ingest/ingest.js';
import { noDataInPeriod } from '../ingest/errors.js';
import type { IngestOptions } from '../ingest/options.js';
import { evaluate, missingByIndicator } from '../evaluate/evaluate.js';
import { catalogResults, districtResults, unitsResults } from '../evaluate/measure.js';
import { list, withShortfall, type ListingOptions } from '../evaluate/listing.js';
import { withYearEnd, yearToDate } from '../evaluate/year-end.js';
import type { Result, Score } from '../model/result.js';

export interface ScoreOptions extends IngestOptions, ListingOptions {
  /** Add one result per unit. */
  byUnit?: boolean;
  /** Add per-district results (needs `units`). */
  byDistrict?: boolean;
  /** Add per-month results (each calendar month of the period, judged as a period of its own). */
  byMonth?: boolean;
}

/** The results with their shortfall (and, year to date, what the rest of the year needs), as listed (evaluate/listing.ts), with the summary of all. */
function listed(head: Omit<Score, 'results' | 'summary'>, results: Result[], opts: ListingOptions): Score {
  const days = yearToDate(head.plan.year, head.period, head.judging.judgedAt);
  const l = list(withYearEnd(withShortfall(results), days), opts);
  return { ...head, results: l.results, summary: l.summary, listing: l.listing };
}

/**
 * Each month's indicator results (per tier, and per unit with --by unit), `month` set; none for an
 * indicator a summary report feeds (its counts are the report's whole period: no months in them).
 */
function monthResults(plan: ScoreOptions['plan'], months: readonly MonthCount[], byUnit: boolean, sources: Score['sources']): Result[] {
  const whole = new Set(sources.filter((s) => s.inputs.some((u) => u.via === 'summary')).map((s) => s.indicator));
  return months.flatMap((m) => evaluate(plan, m.tally, byUnit).results.flatMap((r) => (whole.has(r.indicator) ? [] : [{ ...r, month: m.month }])));
}

export async function score(opts: ScoreOptions): Promise<Score> {
  const { plan } = opts;
  const byUnit = opts.byUnit ?? false;
  const ing = await ingest({ ...opts, byMonth: opts.byMonth ?? false });
  const { judging } = ing;
  // Record rows counted, none of them in the period: no figure to give (docs/domain.md). (With no
  // row counted at all — every row rejected — the report says why, and every result has no data.)
  if (judging.judgedAt === null) throw noDataInPeriod(ing.period, judging.dataFrom!, judging.dataTo!, ing.inputs);
  const months = opts.byMonth ? ing.months.map((m) => ({ month: m.month, from: m.period.from, to: m.period.to, judgedAt: m.judgedAt })) : undefined;
  const head = { plan: plan.plan, period: ing.period, judging, inputs: ing.inputs, problems: ing.problems, problemCount: ing.problemCount, sources: ing.sources, unknownValues: ing.unknownValues, ...(months ? { months } : {}) };
  const missing = missingByIndicator(ing.inputs);
  const evaluated = evaluate(plan, ing.tally, byUnit, missing);
  const { catalog, units } = ing;
  const base = [...evaluated.results, ...(catalog ? catalogResults(plan, catalog) : []), ...(units ? unitsResults(plan, units, byUnit) : [])];
  const district = units && opts.byDistrict ? districtResults(plan, ing.tally, units, missing) : undefined;
  const monthly = monthResults(plan, ing.months, byUnit, ing.sources);
  if (!catalog && !units && monthly.length === 0) return listed(head, base, opts);
  // Each indicator's (or measure's) district rows follow its tier and unit rows, then its months.
  const key = (r: Result) => `${r.indicator}|${r.clause}`;
  const results: Result[] = [];
  for (const k of [...new Set(base.map(key))]) {
    results.push(...base.filter((r) => key(r) === k), ...(district?.results.filter((r) => key(r) === k) ?? []), ...monthly.filter((r) => key(r) === k));
  }
  const unplacedUnits = district?.unplaced;
  return listed({ ...head, ...(unplacedUnits ? { unplacedUnits } : {}) }, results, opts);
}
