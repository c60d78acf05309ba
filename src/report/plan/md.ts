/** `plan --format md`: Markdown, one heading per section and item, a table of targets and one of tasks. */
import { PLAN_LABELS } from '../../i18n/messages.js';
import type { ListedTarget, PlanListing } from '../../plan/listing.js';
import type { Render } from '../render.js';
import { computedBy, deadline, filterLine, oneLine, targetValue, tiers, totals } from './common.js';

const cell = (s: string) => oneLine(s).replace(/\|/g, '\\|');

/** Markdown: one heading per section and item, a table of targets and one of tasks. */
export const render: Render<PlanListing> = (l, { lang }) => {
  const L = PLAN_LABELS[lang];
  const names = new Map(l.agencies.map((a) => [a.id, a.name]));
  const byId = new Map(l.targets.map((t) => [t.id, t]));
  const out: string[] = [];
  const targetTable = (ts: ListedTarget[]) => {
    out.push(`| ${L.id} | ${L.targets} | ${L.value} | ${L.tiers} | ${L.by} |`, '|---|---|---|---|---|');
    for (const t of ts) out.push(`| \`${t.id}\` | ${cell(t.text)} | ${cell(targetValue(t, lang))} | ${cell(tiers(t, lang))} | ${cell(computedBy(t, lang))} |`);
  };
  out.push(`# ${lang === 'vi' ? 'Kế hoạch' : 'Plan'} ${l.plan.id} — ${l.plan.title}`, '');
  const f = filterLine(l, lang);
  if (f) out.push(`${f}  `);
  out.push(totals(l, lang));
  if (l.sections.length === 0 && l.targets.length === 0) out.push('', L.nothing);
  for (const s of l.sections) {
    out.push('', `## ${s.id}. ${cell(s.title)}`);
    for (const item of s.items) {
      const group = s.groups.find((g) => g.id === item.parent);
      if (group && s.items.find((i) => i.parent === group.id) === item) out.push('', `### ${group.id}. ${cell(group.title)}`);
      // Under its group's heading, else straight under the section's: no level skipped.
      out.push('', `${group ? '####' : '###'} ${item.id}`, '', `**${L.goal}:** ${cell(item.goal)}`);
      if (item.targets.length) {
        out.push('');
        targetTable(item.targets.map((id) => byId.get(id)!));
      }
      if (item.tasks.length) {
        out.push('', `| ${L.id} | ${L.tasks} | ${L.output} | ${L.lead} | ${L.partners} | ${L.deadline} |`, '|---|---|---|---|---|---|');
        for (const t of item.tasks) {
          out.push(
            `| ${t.id} | ${cell(t.activity)} | ${cell(t.output)} | ${cell(t.lead.map((id) => names.get(id) ?? id).join('; '))} | ${cell(t.partnersText ?? '')} | ${cell(deadline(t, lang))} |`,
          );
        }
      }
    }
  }
  const body = l.targets.filter((t) => t.source === 'body');
  if (body.length) {
    out.push('', `## ${L.body}`, '');
    targetTable(body);
  }
  if (l.indicators.length) {
    out.push('', `## ${L.definitions}`, '', `| ${L.id} | ${L.targets} | ${L.numerator} | ${L.denominator} |`, '|---|---|---|---|');
    for (const i of l.indicators) out.push(`| \`${i.id}\` | ${cell(i.name[lang])} | ${cell(i.numerator[lang])} | ${cell(i.denominator[lang])} |`);
    if (l.indicators.some((i) => i.rule === 'on-time')) out.push('', L.judging);
  }
  return `${out.join('\n')}\n`;
};
