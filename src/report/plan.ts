/**
 * Renderers of `ccch plan`: a text listing for the terminal (`table`), Markdown (`md`) and the
 * JSON contract (`json`, documented in README "ccch plan: JSON output"; bump
 * PLAN_SCHEMA_VERSION on any change that is not a pure addition).
 */
import type { ChalkInstance } from 'chalk';
import { PLAN_LABELS } from '../i18n/messages.js';
import type { ListedTarget, ListedTask, PlanListing } from '../plan/listing.js';
import { formatPercent } from './format.js';
import { wrap } from './table.js';
import type { Lang } from '../model/lang.js';

export const PLAN_SCHEMA_VERSION = 1;

export function planJson(l: PlanListing, version: string) {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    kind: 'plan',
    tool: { name: 'ccch', version },
    plan: { id: l.plan.id, title: l.plan.title, year: l.plan.year, date: l.plan.date, province: l.plan.province },
    filter: l.filter,
    counts: l.counts,
    agencies: l.agencies,
    sections: l.sections,
    targets: l.targets,
  };
}

export function renderPlanJson(l: PlanListing, version: string): string {
  return `${JSON.stringify(planJson(l, version), null, 2)}\n`;
}

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

function tiers(t: ListedTarget, lang: Lang): string {
  return t.tiers.map((x) => PLAN_LABELS[lang].tier[x] ?? x).join(', ');
}

function computedBy(t: ListedTarget, lang: Lang): string {
  return PLAN_LABELS[lang].computable(t.computable, t.indicator ?? t.measure);
}

function deadline(t: ListedTask, lang: Lang): string {
  const d = t.deadline;
  const kind = PLAN_LABELS[lang].kind[d.kind] ?? d.kind;
  const due = d.due === null ? '' : ` → ${lang === 'vi' ? d.due.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : d.due}`;
  return `${d.text.replace(/\s*\n\s*/g, ' ')} (${kind}${due})`;
}

function filterLine(l: PlanListing, lang: Lang): string | null {
  const L = PLAN_LABELS[lang];
  const parts: string[] = [];
  if (l.filter.section !== null) parts.push(L.filterSection(l.filter.section));
  if (l.filter.lead !== null) parts.push(L.filterLead(l.agencies.find((a) => a.id === l.filter.lead)?.name ?? l.filter.lead));
  if (l.filter.computable) parts.push(L.filterComputable);
  return parts.length ? `${L.filters}: ${parts.join('; ')}` : null;
}

function totals(l: PlanListing, lang: Lang): string {
  const c = l.counts;
  return PLAN_LABELS[lang].totals(c.sections, c.items, c.tasks, c.targets, c.computable);
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** The terminal listing: sections, items with their goal, targets and tasks, then the body's targets. */
export function renderPlanTable(l: PlanListing, lang: Lang, c: ChalkInstance): string {
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
  return `${out.join('\n')}\n`;
}

const cell = (s: string) => oneLine(s).replace(/\|/g, '\\|');

/** Markdown: one heading per section and item, a table of targets and one of tasks. */
export function renderPlanMd(l: PlanListing, lang: Lang): string {
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
      out.push('', `#### ${item.id}`, '', `**${L.goal}:** ${cell(item.goal)}`);
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
  return `${out.join('\n')}\n`;
}
