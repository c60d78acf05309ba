/** `overdue --format table`, the default: the counts, per unit (most overdue first), then every item, most overdue first. */
import { LISTING_LABELS } from '../../i18n/listing.js';
import { LABELS } from '../../i18n/messages.js';
import { formatInt } from '../format.js';
import { columns, shownDay } from '../listing.js';
import { inputLine } from '../lines.js';
import { formatIso } from '../../util/dates.js';
import type { Render } from '../render.js';
import type { OverdueView } from './view.js';

export const render: Render<OverdueView> = (v, { lang, chalk: c }) => {
  const o = v.list;
  const L = LISTING_LABELS[lang];
  const S = LABELS[lang];
  const H = L.head;
  const out: string[] = [c.bold(`${S.plan} ${o.plan.id} — ${o.plan.title}`)];
  out.push(`${L.asOf} ${shownDay(o.asOf, null, lang)}${o.within !== null ? ` (${L.within(o.within)})` : ''}: ${L.counts(o.counts.overdue, o.counts.dueSoon)}`);
  out.push(`${L.inputs}:`, ...o.inputs.map((i) => `  ${inputLine(i, lang, formatIso(o.asOf), o.asOf)}`));
  if (o.rows.length > 0) {
    out.push('', c.bold(L.byUnit));
    const units = o.units.map((u) => [S.tier[u.tier] ?? u.tier, u.unit, formatInt(u.overdue, lang), ...(o.within !== null ? [formatInt(u.dueSoon, lang)] : [])]);
    const head = [H.tier, H.unit, L.state.overdue!, ...(o.within !== null ? [L.state['due-soon']!] : [])];
    const lines = columns([head, ...units]);
    out.push(c.bold(lines[0]!), ...lines.slice(1));
    out.push('');
    const rows = o.rows.map((r) => [
      `${r.file}:${r.line}`,
      L.dataset[r.dataset] ?? r.dataset,
      r.code,
      r.unit,
      shownDay(r.received, null, lang),
      shownDay(r.due, r.dueTime, lang),
      r.state === 'overdue' ? L.daysOverdue(r.daysOverdue) : L.daysLeft(-r.daysOverdue),
    ]);
    const listed = columns([[H.where, H.kind, H.code, H.unit, H.received, H.due, H.days], ...rows]);
    out.push(c.bold(listed[0]!), ...listed.slice(1).map((l, i) => (o.rows[i]!.state === 'overdue' ? c.red(l) : c.yellow(l))));
  }
  if (o.problemCount > 0) out.push('', c.dim(L.problems(o.problemCount)));
  return `${out.join('\n')}\n`;
};
