/**
 * `overdue --format json`: the contract documented in README ("ccch overdue: JSON output");
 * bump OVERDUE_SCHEMA_VERSION on any change that is not a pure addition.
 */
import type { OverdueList, OverdueRow } from '../../model/listing.js';
import { formatIso } from '../../util/dates.js';
import { inputJson, problemJson } from '../json.js';
import { isoDay } from '../listing.js';
import type { Render } from '../render.js';
import type { Lang } from '../../model/lang.js';
import type { OverdueView } from './view.js';

export const OVERDUE_SCHEMA_VERSION = 1;

export const overdueRowJson = (r: OverdueRow) => ({
  file: r.file,
  line: r.line,
  dataset: r.dataset,
  code: r.code,
  unit: r.unit,
  tier: r.tier,
  received: isoDay(r.received),
  due: isoDay(r.due, r.dueTime),
  state: r.state,
  daysOverdue: r.daysOverdue,
});

export function overdueJson(o: OverdueList, lang: Lang, version: string) {
  return {
    schemaVersion: OVERDUE_SCHEMA_VERSION,
    kind: 'overdue',
    tool: { name: 'ccch', version },
    plan: o.plan,
    asOf: formatIso(o.asOf),
    within: o.within,
    counts: o.counts,
    units: o.units,
    rows: o.rows.map(overdueRowJson),
    inputs: o.inputs.map(inputJson),
    problemCount: o.problemCount,
    problems: o.problems.map((p) => problemJson(p, lang)),
  };
}

export const render: Render<OverdueView> = (v, { lang, version }) => `${JSON.stringify(overdueJson(v.list, lang, version), null, 2)}\n`;
