/**
 * `explain --format json`: the contract documented in README ("ccch explain: JSON output");
 * bump EXPLAIN_SCHEMA_VERSION on any change that is not a pure addition.
 */
import type { ExplainedRow, Explanation } from '../../model/listing.js';
import { inputJson, periodJson, problemJson } from '../json.js';
import { isoDay } from '../listing.js';
import type { Render } from '../render.js';
import type { Lang } from '../../model/lang.js';
import type { ExplainView } from './view.js';

export const EXPLAIN_SCHEMA_VERSION = 1;

export const rowJson = (r: ExplainedRow) => ({
  file: r.file,
  line: r.line,
  code: r.code,
  unit: r.unit,
  tier: r.tier,
  received: isoDay(r.received),
  due: isoDay(r.due, r.dueTime),
  resolved: isoDay(r.resolved, r.resolvedTime),
  values: r.values,
  numerator: r.numerator,
  open: r.open,
  reason: r.reason,
  supersededBy: r.by,
});

export function explainJson(e: Explanation, lang: Lang, version: string) {
  return {
    schemaVersion: EXPLAIN_SCHEMA_VERSION,
    kind: 'explain',
    tool: { name: 'ccch', version },
    plan: e.plan,
    indicator: { id: e.indicator.id, clause: e.indicator.clause, name: e.indicator.name[lang], dataset: e.indicator.dataset, rule: e.indicator.rule },
    tier: e.tier,
    unit: e.unit,
    which: e.which,
    period: periodJson(e.period, e.judging),
    numerator: e.numerator,
    denominator: e.denominator,
    count: e.rows.length,
    rows: e.rows.map(rowJson),
    inputs: e.inputs.map(inputJson),
    problemCount: e.problemCount,
    problems: e.problems.map((p) => problemJson(p, lang)),
  };
}

export const render: Render<ExplainView> = (v, { lang, version }) => `${JSON.stringify(explainJson(v.explanation, lang, version), null, 2)}\n`;
