/** `plan --format table`, the default: the terminal listing of sections, items, targets and tasks, then the body's targets. */
import { PLAN_LABELS } from '../../i18n/messages.js';
import type { ListedTarget, PlanListing } from '../../plan/listing.js';
import { wrap } from '../lines.js';
import type { Render } from '../render.js';
import { computedBy, deadline, filterLine, oneLine, targetValue, tiers, totals } from './common.js';

/** The terminal listing: sections, items with their goal, targets and tasks, then the body's targets. */
export const render: Render<PlanListing> = (l, { lang, chalk: c }) => {
  const L = PLAN_LABELS[lang];
  const out: string[] = [];
  const names = new Map(l.agencies.map((a) => [a.id, a.name]));
  const byId = new Map(l.targets.map((t) => [t.id, t]));
  const block = (indent: string, text: string, width = 96) => wrap(oneLine(text), width - indent.length).map((s) => indent + s);
  const hanging = (indent: string, head: string, text: string, width = 96) => {
    const lines = wrap(oneLine(text), width - indent.length - head.length);
    return lines.map((x, i) => (i === 0 ? indent + head : ' '.repeat(indent.length + head.length)) + x);
  };
  const targetLines = (indent: string, t: ListedTarget, goal?: string) => {
    out.push(`${indent}${c.bold(targetValue(t, lang))} · ${tiers(t, lang)} · ${computedBy(t, lang)}  ${c.dim(t.id)}`);
    if (goal === undefined || oneLine(t.text) !== oneLine(goal)) out.push(...block(`${indent}  `, t.text));
    if (t.discrepancy) out.push(...block(`${indent}  `, `${L.discrepancy}: ${t.discrepancy}`).map((s) => c.dim(s)));
  };

  out.push(c.bold(`${lang === 'vi' ? 'Kế hoạch' : 'Plan'} ${l.plan.id} — ${l.plan.title}`));
  const f = filterLine(l, lang);
  if (f) out.push(f);
  out.push(totals(l, lang));
  if (l.sections.length === 0 && l.targets.length === 0) out.push('', L.nothing);

  for (const s of l.sections) {
    out.push('', c.bold(`${s.id}. ${s.title}`));
    for (const item of s.items) {
      const group = s.groups.find((g) => g.id === item.parent);
      if (group && s.items.find((i) => i.parent === group.id) === item) out.push('', c.bold(`  ${group.id}. ${group.title}`));
      out.push('');
      const head = `  ${item.id}  `;
      const goal = wrap(oneLine(item.goal), 96 - head.length);
      out.push(c.bold(head) + (goal[0] ?? ''), ...goal.slice(1).map((g) => ' '.repeat(head.length) + g));
      if (item.targets.length) {
        out.push(`    ${L.targets}:`);
        for (const id of item.targets) targetLines('      ', byId.get(id)!, item.goal);
      }
      if (item.tasks.length) {
        out.push(`    ${L.tasks}:`);
        for (const t of item.tasks) {
          const head = `${t.id}  `;
          const pad = ' '.repeat(6 + head.length);
          out.push(...hanging('      ', head, t.activity));
          out.push(...block(pad, `${L.output}: ${t.output}`).map((x) => c.dim(x)));
          out.push(...block(pad, `${L.lead}: ${t.lead.map((id) => names.get(id) ?? id).join('; ')} · ${L.deadline}: ${deadline(t, lang)}`));
        }
      }
    }
  }
  const body = l.targets.filter((t) => t.source === 'body');
  if (body.length) {
    out.push('', c.bold(L.body));
    let clause = '';
    for (const t of body) {
      if (t.clause !== clause) {
        clause = t.clause;
        out.push('', `  ${c.bold(clause)}`);
      }
      targetLines('    ', t);
    }
  }
  if (l.indicators.length) {
    out.push('', c.bold(L.definitions));
    for (const i of l.indicators) {
      out.push('', `  ${c.bold(i.name[lang])}  ${c.dim(i.id)}`);
      out.push(...hanging('    ', `${L.numerator}: `, i.numerator[lang]));
      out.push(...hanging('    ', `${L.denominator}: `, i.denominator[lang]));
    }
    if (l.indicators.some((i) => i.rule === 'on-time')) out.push('', ...block('  ', L.judging));
  }
  return `${out.join('\n')}\n`;
};
