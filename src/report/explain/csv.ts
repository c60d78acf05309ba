/** `explain --format csv`: one line per row, the JSON rows' members as columns (a value column per field the rule reads). */
import { csvLine, isoDay } from '../listing.js';
import type { Render } from '../render.js';
import type { ExplainView } from './view.js';

export function* csvRows(v: ExplainView): Generator<string> {
  const e = v.explanation;
  const fields = [...new Set(e.rows.flatMap((r) => Object.keys(r.values)))];
  yield csvLine(['file', 'line', 'code', 'unit', 'tier', 'received', 'due', 'resolved', ...fields, 'numerator', 'open', 'reason', 'supersededBy']);
  for (const r of e.rows) {
    const values = fields.map((f) => (r.values as Record<string, string | number>)[f] ?? null);
    yield csvLine([r.file, r.line, r.code, r.unit, r.tier, isoDay(r.received), isoDay(r.due, r.dueTime), isoDay(r.resolved, r.resolvedTime), ...values, r.numerator, r.open, r.reason, r.by]);
  }
}

export const render: Render<ExplainView> = (v) => csvRows(v);
