/** What the listing and the Markdown of `ccch plan` write alike: a target's value and tiers, what computes it, a deadline, the filter and totals lines. */
import { PLAN_LABELS } from '../../i18n/messages.js';
import type { ListedTarget, ListedTask, PlanListing } from '../../plan/listing.js';
import { formatPercent } from '../format.js';
import type { Lang } from '../../model/lang.js';

const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** "≥ 70%", "> 0 so với 2022", "≤ 20 (hạng)". */
export function targetValue(t: Pick<ListedTarget, 'value' | 'unit' | 'comparison' | 'baseline'>, lang: Lang): string {
  const L = PLAN_LABELS[lang];
  const sign = SIGN[t.comparison] ?? t.comparison;
  switch (t.unit) {
    case 'percent':
      return `${sign} ${formatPercent(t.value, lang)}`;
    case 'change':
      return `${sign} ${t.value} ${L.baseline(t.baseline ?? '')}`;
    case 'rank':
      return `${sign} ${t.value} (${L.rank})`;
    default:
      return `${sign} ${t.value}`;
  }
}

export function tiers(t: ListedTarget, lang: Lang): string {
  return t.tiers.map((x) => PLAN_LABELS[lang].tier[x] ?? x).join(', ');
}

export function computedBy(t: ListedTarget, lang: Lang): string {
  return PLAN_LABELS[lang].computable(t.computable, t.indicator ?? t.measure);
}

export function deadline(t: ListedTask, lang: Lang): string {
  const d = t.deadline;
  const kind = PLAN_LABELS[lang].kind[d.kind] ?? d.kind;
  const due = d.due === null ? '' : ` → ${lang === 'vi' ? d.due.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : d.due}`;
  return `${d.text.replace(/\s*\n\s*/g, ' ')} (${kind}${due})`;
}

export function filterLine(l: PlanListing, lang: Lang): string | null {
  const L = PLAN_LABELS[lang];
  const parts: string[] = [];
  if (l.filter.section !== null) parts.push(L.filterSection(l.filter.section));
  if (l.filter.lead !== null) parts.push(L.filterLead(l.agencies.find((a) => a.id === l.filter.lead)?.name ?? l.filter.lead));
  if (l.filter.computable) parts.push(L.filterComputable);
  return parts.length ? `${L.filters}: ${parts.join('; ')}` : null;
}

export function totals(l: PlanListing, lang: Lang): string {
  const c = l.counts;
  return PLAN_LABELS[lang].totals(c.sections, c.items, c.tasks, c.targets, c.computable);
}

export const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
