/**
 * `overdue` as a library call: the dossiers and PAKN items open at the end of the as-of day and
 * past their due date (or due within N days), superseding applied, grouped by unit. The pass is
 * `score`'s (ingest.ts) on one thread, judged at the as-of day; never prints, never exits.
 */
import { ingest } from '../ingest/ingest.js';
import type { IngestOptions } from '../ingest/options.js';
import { OverdueCollector } from '../indicators/overdue.js';
import type { OverdueList, OverdueUnit } from '../model/listing.js';
import { formatIso } from '../util/dates.js';
import { compareVi, fold } from '../util/text.js';
import { TIERS } from '../model/tier.js';

export interface OverdueOptions extends Omit<IngestOptions, 'period' | 'asOf'> {
  asOf: number;
  within: number | null;
}

export async function overdue(opts: OverdueOptions): Promise<OverdueList> {
  const collector = new OverdueCollector(opts.asOf, opts.within);
  // Open records are judged at the end of the as-of day: the period is that day.
  const period = { from: opts.asOf, to: opts.asOf, label: formatIso(opts.asOf) };
  const ing = await ingest({ ...opts, period, asOf: opts.asOf, threads: 1, observer: () => collector });
  const rows = collector.rows();
  const units = new Map<string, OverdueUnit>();
  for (const r of rows) {
    const key = `${r.tier}|${fold(r.unit)}`;
    let u = units.get(key);
    if (!u) units.set(key, (u = { unit: r.unit, tier: r.tier, overdue: 0, dueSoon: 0 }));
    if (r.state === 'overdue') u.overdue++;
    else u.dueSoon++;
  }
  const overdueCount = rows.filter((r) => r.state === 'overdue').length;
  return {
    plan: { id: opts.plan.plan.id, title: opts.plan.plan.title },
    asOf: opts.asOf,
    within: opts.within,
    rows,
    units: [...units.values()].sort(
      (a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || compareVi(a.unit, b.unit),
    ),
    counts: { overdue: overdueCount, dueSoon: rows.length - overdueCount },
    inputs: ing.inputs,
    problems: ing.problems,
    problemCount: ing.problemCount,
  };
}
