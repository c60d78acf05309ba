/**
 * `ccch plan`: the plan as a listing — appendix sections, their items, the targets set on
 * them, the tasks with lead and deadline, and the body's targets — with filters. A pure
 * function of the validated plan; the renderers (report/plan-*.ts) turn it into text.
 *
 * Filters compose (AND):
 * - `section`: an appendix section (`II`), group (`II.3`) or item (`II.3.4`): the items whose
 *   id is it or starts with it and a dot; `body` lists only the body's targets. Any appendix
 *   selector leaves the body's targets out.
 * - `lead`: an agency (id, name or alias, folded): only the tasks it leads, and the items that
 *   have such a task; the body's targets (which have no lead) are left out.
 * - `computable`: only targets some input can check (data, catalog or units file), and the
 *   items that have one.
 */
import type { Plan } from './schema.js';
import type { Agency, Deadline, Target, Task } from './appendix.js';
import { SECTION_ID, GROUP_ID, ITEM_ID, inLang } from './appendix.js';
import type { Lang } from '../model/lang.js';
import { usageError } from '../model/errors.js';
import { fold } from '../util/text.js';

export interface ListingFilter {
  section?: string | undefined;
  lead?: string | undefined;
  computable?: boolean | undefined;
}

export interface ListedTask {
  id: string;
  activity: string;
  output: string;
  lead: string[];
  leadText: string;
  partners: string[];
  partnersText: string | null;
  deadline: { text: string; kind: Deadline['kind']; due: string | null; note: string | null };
}

export interface ListedItem {
  id: string;
  section: string;
  parent: string | null;
  goal: string;
  /** Ids of the listed targets set on this item (or on one of its tasks). */
  targets: string[];
  tasks: ListedTask[];
}

export interface ListedSection {
  id: string;
  title: string;
  groups: Array<{ id: string; title: string }>;
  items: ListedItem[];
}

export interface ListedTarget {
  id: string;
  source: Target['source'];
  clause: string;
  /** The appendix item the target is set on; null for a body target. */
  item: string | null;
  text: string;
  value: number;
  unit: Target['unit'];
  comparison: Target['comparison'];
  baseline: string | null;
  tiers: Target['tiers'];
  counts: string;
  computable: Target['computable'];
  /** What computes it: the indicator (data), or the measure (catalog, units); null when nothing does. */
  indicator: string | null;
  measure: string | null;
  counterparts: string[];
  discrepancy: string | null;
  note: string | null;
}

/** A data indicator's definition (the plan YAML's texts), for the targets it computes. */
export interface ListedIndicator {
  id: string;
  /** The counting rule (README "Indicators"). */
  rule: string;
  name: { vi: string; en: string };
  numerator: { vi: string; en: string };
  denominator: { vi: string; en: string };
}

export interface PlanListing {
  plan: Plan['plan'];
  /** The data indicators that compute a listed target, in plan order. */
  indicators: ListedIndicator[];
  filter: { section: string | null; lead: string | null; computable: boolean };
  agencies: Array<{ id: string; name: string; tier: string | null; collective: boolean }>;
  sections: ListedSection[];
  /** Every listed target, body and appendix, in plan order. */
  targets: ListedTarget[];
  counts: {
    sections: number;
    items: number;
    tasks: number;
    targets: number;
    computable: { data: number; catalog: number; units: number; no: number };
    deadlines: Record<string, number>;
  };
}

/** The agency that `query` names (id, name or alias, folded); a usage error otherwise. */
export function findAgency(agencies: readonly Agency[], query: string): Agency {
  const q = fold(query);
  const exact = agencies.find((a) => a.id === query.trim() || [a.name, ...(a.aliases ?? [])].some((s) => fold(s) === q));
  if (exact) return exact;
  const partial = agencies.filter((a) => [a.name, ...(a.aliases ?? [])].some((s) => fold(s).includes(q)));
  if (q !== '' && partial.length === 1) return partial[0]!;
  const list = (partial.length > 1 ? partial : agencies).map((a) => a.name).join('; ');
  if (partial.length > 1) throw usageError('usage.leadAmbiguous', { value: query, list });
  throw usageError('usage.leadUnknown', { value: query, list });
}

function checkSection(plan: Plan, s: string): string {
  const sel = s.trim();
  if (fold(sel) === 'body') return 'body';
  const up = sel.toUpperCase().replace(/\.$/, '');
  const known = (plan.sections ?? []).map((x) => x.id);
  const okShape = SECTION_ID.test(up) || GROUP_ID.test(up) || ITEM_ID.test(up);
  const exists =
    okShape &&
    (plan.sections ?? []).some((x) => x.id === up || x.items.some((i) => i.id === up || i.id.startsWith(`${up}.`) || i.parent === up));
  if (!exists) {
    throw usageError('usage.section', { value: s, known: known.join(', ') });
  }
  return up;
}

function listTask(t: Task, lang: Lang): ListedTask {
  return {
    id: t.id,
    activity: t.activity,
    output: t.output,
    lead: t.lead,
    leadText: t.leadText,
    partners: t.partners,
    partnersText: t.partnersText ?? null,
    deadline: { text: t.deadline.text, kind: t.deadline.kind, due: t.deadline.due ?? null, note: t.deadline.note === undefined ? null : inLang(t.deadline.note, lang) },
  };
}

function listTarget(t: Target, item: string | null, lang: Lang): ListedTarget {
  return {
    id: t.id,
    source: t.source,
    clause: t.clause,
    item,
    text: t.text,
    value: t.value,
    unit: t.unit,
    comparison: t.comparison,
    baseline: t.baseline ?? null,
    tiers: t.tiers,
    counts: t.counts,
    computable: t.computable,
    indicator: t.indicator ?? null,
    measure: t.measure ?? null,
    counterparts: t.counterparts ?? [],
    discrepancy: t.discrepancy === undefined ? null : inLang(t.discrepancy, lang),
    note: t.note === undefined ? null : inLang(t.note, lang),
  };
}

/** The item an appendix clause (an item or task id) belongs to. */
function itemOf(clause: string, itemIds: ReadonlySet<string>): string | null {
  if (itemIds.has(clause)) return clause;
  const up = clause.replace(/\.[a-z]$/, '');
  return itemIds.has(up) ? up : null;
}

/** The listing; editors' notes and discrepancies in `lang`. */
export function listPlan(plan: Plan, filter: ListingFilter = {}, lang: Lang = 'vi'): PlanListing {
  const section = filter.section !== undefined ? checkSection(plan, filter.section) : null;
  const agencies = plan.agencies ?? [];
  const lead = filter.lead !== undefined ? findAgency(agencies, filter.lead) : null;
  const computable = filter.computable ?? false;

  const itemIds = new Set((plan.sections ?? []).flatMap((s) => s.items.map((i) => i.id)));
  const targetsByItem = new Map<string, Target[]>();
  for (const t of plan.targets ?? []) {
    if (t.source !== 'appendix') continue;
    const item = itemOf(t.clause, itemIds);
    if (item === null) continue;
    const list = targetsByItem.get(item) ?? [];
    list.push(t);
    targetsByItem.set(item, list);
  }
  const targetOk = (t: Target) => !computable || t.computable !== 'no';
  const inSection = (itemId: string, parent: string | undefined, sectionId: string) =>
    section === null || section === sectionId || section === parent || itemId === section || itemId.startsWith(`${section}.`);

  const sections: ListedSection[] = [];
  const listedTargetIds = new Set<string>();
  for (const s of plan.sections ?? []) {
    if (section === 'body') break;
    const items: ListedItem[] = [];
    for (const item of s.items) {
      if (!inSection(item.id, item.parent, s.id)) continue;
      const tasks = item.tasks.filter((t) => lead === null || t.lead.includes(lead.id));
      if (lead !== null && tasks.length === 0) continue;
      const targets = (targetsByItem.get(item.id) ?? []).filter(targetOk);
      if (computable && targets.length === 0) continue;
      targets.forEach((t) => listedTargetIds.add(t.id));
      items.push({ id: item.id, section: s.id, parent: item.parent ?? null, goal: item.goal, targets: targets.map((t) => t.id), tasks: tasks.map((t) => listTask(t, lang)) });
    }
    if (items.length === 0) continue;
    const groups = (s.groups ?? []).filter((g) => items.some((i) => i.parent === g.id));
    sections.push({ id: s.id, title: s.title, groups, items });
  }

  const bodyListed = (section === null || section === 'body') && lead === null;
  const targets: ListedTarget[] = [];
  for (const t of plan.targets ?? []) {
    if (t.source === 'body') {
      if (bodyListed && targetOk(t)) targets.push(listTarget(t, null, lang));
    } else if (listedTargetIds.has(t.id)) targets.push(listTarget(t, itemOf(t.clause, itemIds), lang));
  }

  const tasks = sections.flatMap((s) => s.items.flatMap((i) => i.tasks));
  const deadlines: Record<string, number> = {};
  for (const t of tasks) deadlines[t.deadline.kind] = (deadlines[t.deadline.kind] ?? 0) + 1;
  const comp = { data: 0, catalog: 0, units: 0, no: 0 };
  for (const t of targets) comp[t.computable]++;

  const computing = new Set(targets.map((t) => t.indicator));
  const indicators = plan.indicators
    .filter((i) => computing.has(i.id))
    .map((i) => ({ id: i.id, rule: i.rule, name: i.name, numerator: i.numerator, denominator: i.denominator }));

  return {
    plan: plan.plan,
    indicators,
    filter: { section, lead: lead?.id ?? null, computable },
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, tier: a.tier ?? null, collective: a.collective ?? false })),
    sections,
    targets,
    counts: {
      sections: sections.length,
      items: sections.reduce((n, s) => n + s.items.length, 0),
      tasks: tasks.length,
      targets: targets.length,
      computable: comp,
      deadlines,
    },
  };
}
