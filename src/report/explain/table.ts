/** `explain --format table`, the default: the result as `score` gives it, then the rows, one a line. */
import { LISTING_LABELS } from '../../i18n/listing.js';
import { LABELS } from '../../i18n/messages.js';
import type { ExplainedRow, Explanation } from '../../model/listing.js';
import type { Lang } from '../../model/lang.js';
import { formatVi } from '../../util/dates.js';
import { formatInt, formatRate } from '../format.js';
import { inputLine, periodLine } from '../lines.js';
import { columns, shownDay } from '../listing.js';
import type { Render } from '../render.js';
import type { ExplainView } from './view.js';

function cells(r: ExplainedRow, e: Explanation, fields: string[], lang: Lang): string[] {
  const L = LISTING_LABELS[lang];
  const value = (v: string | number | undefined) => (v === undefined ? '' : typeof v === 'number' ? formatInt(v, lang) : (L.value[v] ?? v));
  const last =
    e.which === 'excluded'
      ? `${L.reason[r.reason!] ?? r.reason}${r.by !== null ? ` ${L.supersededBy(r.by)}` : ''}`
      : `${r.numerator ? L.inNumerator : L.notInNumerator}${r.open ? ` (${L.openAtJ})` : ''}`;
  return [
    `${r.file}:${r.line}`,
    r.code,
    r.unit,
    shownDay(r.received, null, lang),
    shownDay(r.due, r.dueTime, lang),
    shownDay(r.resolved, r.resolvedTime, lang),
    ...fields.map((f) => value((r.values as Record<string, string | number>)[f])),
    last,
  ];
}

export const render: Render<ExplainView> = (v, { lang, chalk: c }) => {
  const e = v.explanation;
  const L = LISTING_LABELS[lang];
  const S = LABELS[lang];
  const out: string[] = [c.bold(`${S.plan} ${e.plan.id} — ${e.plan.title}`)];
  out.push(`${L.indicator}: ${e.indicator.name[lang]} (${e.indicator.id} · ${e.indicator.clause})`);
  out.push(`${L.scope}: ${S.tier[e.tier] ?? e.tier}${e.unit !== null ? ` · ${e.unit}` : ''}`);
  out.push(periodLine(e.period, lang));
  const j = e.judging.judgedAt;
  if (j !== null && j < e.period.to) out.push(S.judgedAt(formatVi(j)));
  out.push(`${L.inputs}:`, ...e.inputs.map((i) => `  ${inputLine(i, lang, e.period.label, e.judging.asOf)}`));
  out.push(`${L.result}: ${formatRate(e.numerator, e.denominator, lang)} ${formatInt(e.numerator, lang)}/${formatInt(e.denominator, lang)}`);
  out.push('', c.bold(L.rows(L.which[e.which]!, e.rows.length)));
  if (e.rows.length === 0) out.push(L.none);
  else {
    const fields = [...new Set(e.rows.flatMap((r) => Object.keys(r.values)))];
    const H = L.head;
    const head = [H.where, H.code, H.unit, H.received, H.due, H.resolved, ...fields.map((f) => L.field[f] ?? f), e.which === 'excluded' ? H.reason : H.verdict];
    const lines = columns([head, ...e.rows.map((r) => cells(r, e, fields, lang))]);
    out.push(c.bold(lines[0]!), ...lines.slice(1));
  }
  if (e.problemCount > 0) out.push('', c.dim(L.problems(e.problemCount)));
  return `${out.join('\n')}\n`;
};
