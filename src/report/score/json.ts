/**
 * `score --format json`: the scripting contract, documented in README ("JSON output"); bump
 * SCHEMA_VERSION (report/json.ts) on any change that is not a pure addition.
 */
import { inputJson, jsonText, LazyArray, periodJson, problemJson, SCHEMA_VERSION } from '../json.js';
import type { Render } from '../render.js';
import type { ScoreView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { Score } from '../../model/result.js';
import { formatIso } from '../../util/dates.js';

export function scoreJson(score: Score, lang: Lang, version: string) {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ccch', version },
    plan: { id: score.plan.id, title: score.plan.title, year: score.plan.year },
    period: periodJson(score.period, score.judging),
    inputs: score.inputs.map(inputJson),
    results: score.results.map((r) => ({
      indicator: r.indicator,
      clause: r.clause,
      tier: r.tier,
      unit: r.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      target: r.target,
      status: r.status,
      source: r.source ?? 'data',
      comparison: r.comparison ?? '>=',
      scale: r.scale ?? 'percent',
      district: r.district ?? null,
      month: r.month ?? null,
      shortfall: r.shortfall ?? null,
      yearEnd: r.yearEnd ?? null,
      leftOut: r.leftOut ?? null,
      reason: r.reason ?? null,
      ...(r.targets ? { targets: r.targets } : {}),
    })),
    problems: new LazyArray(score.problems, (p) => problemJson(p, lang)),
    problemsOmitted: score.problemCount - score.problems.length,
    sources: score.sources,
    unknownValues: score.unknownValues,
    summary: score.summary,
    listing: score.listing ?? { failing: false, top: null, allUnits: false, omitted: 0, noDataUnits: 0 },
    ...(score.unplacedUnits ? { unplacedUnits: score.unplacedUnits } : {}),
    ...(score.months ? { months: score.months.map((m) => ({ month: m.month, from: formatIso(m.from), to: formatIso(m.to), judgedAt: formatIso(m.judgedAt) })) } : {}),
  };
}

/** The JSON document, in chunks (see jsonText). */
export const render: Render<ScoreView> = ({ score }, { lang, version }) => jsonText(scoreJson(score, lang, version));
