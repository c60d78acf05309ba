/**
 * `explain` as a library call: the rows behind one result of `score` — an indicator for a tier,
 * a unit or the province — as the tally counted them (indicators/explain.ts watches it). The
 * pass is `score`'s (ingest.ts), on one thread; the numerator and denominator are the tally's,
 * summed as evaluate sums them. Never prints, never exits.
 */
import { ingest } from '../ingest/ingest.js';
import { noDataInPeriod } from '../ingest/errors.js';
import type { IngestOptions } from '../ingest/options.js';
import { ExplainCollector, type ExplainScope } from '../indicators/explain.js';
import { inputError, usageError } from '../model/errors.js';
import type { Explanation, Which } from '../model/listing.js';
import type { Tier } from '../model/tier.js';
import { fold } from '../util/text.js';

export interface ExplainOptions extends IngestOptions {
  /** The indicator's id in the plan (`on-time-rate`), matched folded. */
  indicator: string;
  scope: ExplainScope;
  which: Which;
}

export async function explain(opts: ExplainOptions): Promise<Explanation> {
  const { plan } = opts;
  const k = plan.indicators.findIndex((ind) => fold(ind.id) === fold(opts.indicator));
  if (k < 0) throw usageError('usage.indicator', { value: opts.indicator, allowed: plan.indicators.map((i) => i.id).join(', ') });
  const ind = plan.indicators[k]!;
  let collector: ExplainCollector | null = null;
  const observer = (tally: ConstructorParameters<typeof ExplainCollector>[0]) =>
    (collector = new ExplainCollector(tally, k, opts.scope, opts.which, opts.period));
  const ing = await ingest({ ...opts, threads: 1, observer });
  const summary = ing.inputs.find((rep) => rep.summary !== null);
  if (summary) throw inputError({ file: summary.file }, 'input.explainSummary');
  const { judging, tally } = ing;
  if (judging.judgedAt === null) throw noDataInPeriod(ing.period, judging.dataFrom!, judging.dataTo!, ing.inputs);
  const c = collector as ExplainCollector | null;
  if (c === null) throw new Error('explain: the pass made no tally');
  let [n, d] = [0, 0];
  const tiers = new Set<Tier>();
  tally.units.forEach((u, i) => {
    if (!c.scoped(i)) return;
    const [un, ud] = tally.get(i, k);
    n += un;
    d += ud;
    tiers.add(u.tier);
  });
  const unit = opts.scope.unit;
  if (unit !== undefined && tiers.size === 0) throw usageError('usage.unitNotFound', { value: unit });
  if (unit !== undefined && tiers.size > 1) throw usageError('usage.unitAmbiguous', { value: unit, tiers: [...tiers].join(', ') });
  const tier = opts.scope.tier ?? (unit !== undefined ? [...tiers][0]! : 'all');
  const shown = unit !== undefined ? (tally.units.find((u, i) => c.scoped(i) && u.tier === tier)?.name ?? unit) : null;
  return {
    plan: { id: plan.plan.id, title: plan.plan.title },
    indicator: { id: ind.id, clause: ind.clause, name: ind.name, rule: ind.rule, dataset: ind.dataset },
    tier,
    unit: shown,
    which: opts.which,
    period: ing.period,
    judging,
    numerator: n,
    denominator: d,
    rows: c.rows(judging.judgedAt),
    inputs: ing.inputs,
    problems: ing.problems,
    problemCount: ing.problemCount,
  };
}
