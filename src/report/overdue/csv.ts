/** `overdue --format csv`: one line per item, most overdue first, the JSON rows' members as columns. */
import { csvLine, isoDay } from '../listing.js';
import type { Render } from '../render.js';
import type { OverdueView } from './view.js';

export function* csvRows(v: OverdueView): Generator<string> {
  yield csvLine(['file', 'line', 'dataset', 'code', 'unit', 'tier', 'received', 'due', 'state', 'daysOverdue']);
  for (const r of v.list.rows) yield csvLine([r.file, r.line, r.dataset, r.code, r.unit, r.tier, isoDay(r.received), isoDay(r.due, r.dueTime), r.state, r.daysOverdue]);
}

export const render: Render<OverdueView> = (v) => csvRows(v);
