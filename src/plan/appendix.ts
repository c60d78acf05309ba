/**
 * The rest of the plan beside the nine data indicators: the agencies that lead and support
 * its tasks, the appendix "NHIỆM VỤ CỤ THỂ…" (sections I–VII, their items and tasks) and every
 * numeric target of the body (section II, parts 1–7, "Mục tiêu") and of the appendix.
 * The format is documented in docs/plan-format.md; this file is its executable form.
 *
 * Per-object rules (a deadline's kind and due date agree, a target computed from data names
 * an indicator…) live on the object schemas. Rules that cross the file (ids exist, are
 * unique, counterparts point both ways) are in `checkAppendix`, which `PlanSchema` runs.
 */
import { z } from 'zod';
import { daysInMonth } from '../util/dates.js';
import { fold } from '../util/text.js';
import { CATALOG_MEASURES, UNIT_MEASURES } from '../model/side.js';
import type { Lang } from '../model/lang.js';

const text = z.string().trim().min(1);
/** An editor's note or a discrepancy: in both languages ({ vi, en }), or one text for both. */
const localized = z.union([text, z.strictObject({ vi: text, en: text })]);
export type Localized = z.infer<typeof localized>;

/** A localized text in a language. */
export const inLang = (t: Localized, lang: Lang): string => (typeof t === 'string' ? t : t[lang]);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  }, 'not a calendar date');

/** `so-noi-vu`, `ubnd-cap-huyen`: lower-case ASCII words joined by hyphens. */
export const AGENCY_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Appendix section: a Roman numeral (I … VII). */
export const SECTION_ID = /^[IVX]+$/;
/** A group heading inside a section: `II.3` ("3. Đẩy mạnh chuyển đổi số…"). */
export const GROUP_ID = /^[IVX]+\.\d+$/;
/** An item (a numbered row with a goal): `I.1`, `II.3.4`. */
export const ITEM_ID = /^[IVX]+(\.\d+)+$/;
/** A task: its item's id, a dot, and a letter in table order: `II.3.4.a`, `II.3.4.b`. */
export const TASK_ID = /^[IVX]+(\.\d+)+\.[a-z]$/;
/** A target: `body-` or `app-`, the clause, and a slug: `app-II.3.4-digitization-so`. */
export const TARGET_ID = /^(body|app)-[IVX]+(\.\d+)*(\.[a-z])?-[a-z0-9]+(-[a-z0-9]+)*$/;
/** A body clause: `body II.2.1` (part 2 of body section II, "2.1. Mục tiêu"). */
export const BODY_CLAUSE = /^body [IVX]+\.\d+\.\d+$/;

export const AGENCY_TIERS = ['so', 'huyen', 'xa', 'other'] as const;
export const DEADLINE_KINDS = ['date', 'month', 'quarter', 'half', 'year', 'recurring', 'conditional', 'other'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
/** Kinds whose `due` is required (and checked against the kind). */
export const DATED_KINDS: ReadonlySet<DeadlineKind> = new Set(['date', 'month', 'quarter', 'half', 'year']);
export const MERGEABLE = ['lead', 'partners', 'deadline'] as const;

export const TARGET_TIERS = ['so', 'huyen', 'xa', 'all', 'province'] as const;
export const TARGET_UNITS = ['percent', 'count', 'rank', 'change'] as const;
export const COMPARISONS = ['>=', '<=', '=', '>', '<'] as const;
export const COMPUTABLE = ['data', 'catalog', 'units', 'no'] as const;

export const AgencySchema = z.strictObject({
  id: z.string().regex(AGENCY_ID, 'expected a lower-case id such as so-noi-vu'),
  name: text,
  aliases: z.array(text).optional(),
  tier: z.enum(AGENCY_TIERS).optional(),
  collective: z.boolean().optional(),
});

function lastDayOfMonth(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export const DeadlineSchema = z
  .strictObject({
    text,
    kind: z.enum(DEADLINE_KINDS),
    due: isoDate.optional(),
    note: localized.optional(),
  })
  .superRefine((d, ctx) => {
    if (DATED_KINDS.has(d.kind)) {
      if (d.due === undefined) {
        ctx.addIssue({ code: 'custom', path: ['due'], message: `a ${d.kind} deadline needs a due date` });
        return;
      }
      const [y, m] = d.due.split('-').map(Number) as [number, number];
      const ok =
        d.kind === 'date' ||
        (d.kind === 'month' && d.due === lastDayOfMonth(y, m)) ||
        (d.kind === 'quarter' && m % 3 === 0 && d.due === lastDayOfMonth(y, m)) ||
        (d.kind === 'half' && m % 6 === 0 && d.due === lastDayOfMonth(y, m)) ||
        (d.kind === 'year' && d.due === `${y}-12-31`);
      if (!ok) ctx.addIssue({ code: 'custom', path: ['due'], message: `a ${d.kind} deadline is due on the last day of its ${d.kind}` });
    } else if (d.kind === 'conditional' && d.due !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['due'], message: 'a conditional deadline has no due date' });
    } else if (d.due !== undefined && d.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `a ${d.kind} deadline with a due date needs a note saying what is due` });
    }
  });

const agencyRef = z.string().regex(AGENCY_ID, 'expected an agency id');

export const TaskSchema = z.strictObject({
  id: z.string().regex(TASK_ID, 'expected a task id such as II.3.4.a'),
  /** The item's second goal that this task serves, when the item's goal cell holds more than one. */
  goal: text.optional(),
  activity: text,
  output: text,
  lead: z.array(agencyRef).min(1, 'a task needs at least one lead agency'),
  leadText: text,
  partners: z.array(agencyRef).default([]),
  partnersText: text.optional(),
  deadline: DeadlineSchema,
  /** Cells that span this row and the one above in the seed: their values are the previous task's. */
  merged: z.array(z.enum(MERGEABLE)).min(1).optional(),
  note: localized.optional(),
});

export const GroupSchema = z.strictObject({
  id: z.string().regex(GROUP_ID, 'expected a group id such as II.3'),
  title: text,
});

export const ItemSchema = z.strictObject({
  id: z.string().regex(ITEM_ID, 'expected an item id such as II.3.4'),
  parent: z.string().regex(GROUP_ID, 'expected a group id such as II.3').optional(),
  goal: text,
  tasks: z.array(TaskSchema).min(1, 'an item needs at least one task'),
});

export const SectionSchema = z.strictObject({
  id: z.string().regex(SECTION_ID, 'expected a Roman numeral such as II'),
  title: text,
  groups: z.array(GroupSchema).optional(),
  items: z.array(ItemSchema).min(1, 'a section needs at least one item'),
});

export const TargetSchema = z
  .strictObject({
    id: z.string().regex(TARGET_ID, 'expected a target id such as app-II.3.4-digitization-so'),
    source: z.enum(['body', 'appendix']),
    clause: text,
    text,
    // Counts and ranks are small; the bound keeps every comparison exact (evaluate.ts scales by 10^6).
    value: z.number().min(-1e9, 'a target is between -1,000,000,000 and 1,000,000,000').max(1e9, 'a target is between -1,000,000,000 and 1,000,000,000'),
    unit: z.enum(TARGET_UNITS),
    comparison: z.enum(COMPARISONS),
    baseline: text.optional(),
    tiers: z.array(z.enum(TARGET_TIERS)).min(1),
    counts: text,
    indicator: z.string().optional(),
    computable: z.enum(COMPUTABLE),
    measure: z.enum([...CATALOG_MEASURES, ...UNIT_MEASURES]).optional(),
    counterparts: z.array(z.string()).optional(),
    discrepancy: localized.optional(),
    note: localized.optional(),
  })
  .superRefine((t, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const prefix = t.source === 'body' ? 'body-' : 'app-';
    if (!t.id.startsWith(prefix)) add('id', `a ${t.source} target's id starts with ${prefix}`);
    if (t.source === 'body' && !BODY_CLAUSE.test(t.clause)) add('clause', 'a body clause reads like "body II.2.1"');
    if (t.source === 'appendix' && !ITEM_ID.test(t.clause) && !TASK_ID.test(t.clause)) {
      add('clause', 'an appendix clause is an item or task id such as II.3.4 or II.2.2.a');
    }
    const bare = t.source === 'body' ? t.clause.slice('body '.length) : t.clause;
    if (!t.id.startsWith(`${prefix}${bare}-`)) add('id', `the id must begin with ${prefix}${bare}-`);
    if (t.unit === 'percent' && (t.value < 0 || t.value > 100)) add('value', 'a percentage is between 0 and 100');
    if ((t.unit === 'change') !== (t.baseline !== undefined)) add('baseline', 'a change is measured against a baseline, and only a change has one');
    if (new Set(t.tiers).size !== t.tiers.length) add('tiers', 'a tier is listed twice');
    if (t.tiers.length > 1 && (t.tiers.includes('all') || t.tiers.includes('province'))) add('tiers', '"all" and "province" stand alone');
    if ((t.computable === 'data') !== (t.indicator !== undefined)) add('indicator', 'a target computed from data names its indicator, and only such a target does');
    const measured = t.computable === 'catalog' || t.computable === 'units';
    if (measured !== (t.measure !== undefined)) add('measure', 'a catalog or units target names its measure, and only such a target does');
    if (t.computable === 'catalog' && t.measure && !(CATALOG_MEASURES as readonly string[]).includes(t.measure)) add('measure', `${t.measure} is not a catalog measure`);
    if (t.computable === 'units' && t.measure && !(UNIT_MEASURES as readonly string[]).includes(t.measure)) add('measure', `${t.measure} is not a units measure`);
  });

/** The new top-level keys. Each is optional so that a plan of indicators alone stays valid. */
export const appendixShape = {
  agencies: z.array(AgencySchema).optional(),
  sections: z.array(SectionSchema).optional(),
  targets: z.array(TargetSchema).optional(),
};

export type Agency = z.infer<typeof AgencySchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Target = z.infer<typeof TargetSchema>;

interface AppendixParts {
  indicators: ReadonlyArray<{ id: string }>;
  agencies?: Agency[] | undefined;
  sections?: Section[] | undefined;
  targets?: Target[] | undefined;
}

type Ctx = { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void };

/** Cross-file rules: unique ids, references that resolve, the task-id scheme, merged cells. */
export function checkAppendix(plan: AppendixParts, ctx: Ctx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  // Agencies: unique ids, and no spelling (name or alias, folded) shared by two agencies.
  const agencyIds = new Set<string>();
  const spellings = new Map<string, string>();
  (plan.agencies ?? []).forEach((a, i) => {
    if (agencyIds.has(a.id)) issue(['agencies', i, 'id'], `duplicate agency id ${a.id}`);
    agencyIds.add(a.id);
    [a.name, ...(a.aliases ?? [])].forEach((s, k) => {
      const key = fold(s);
      const owner = spellings.get(key);
      if (owner !== undefined && owner !== a.id) {
        issue(['agencies', i, k === 0 ? 'name' : 'aliases'], `"${s}" already names agency ${owner}`);
      }
      spellings.set(key, a.id);
    });
  });

  // Sections, groups, items, tasks.
  const places = new Set<string>(); // item and task ids, for target clauses
  const sectionIds = new Set<string>();
  (plan.sections ?? []).forEach((s, si) => {
    const sp: PropertyKey[] = ['sections', si];
    if (sectionIds.has(s.id)) issue([...sp, 'id'], `duplicate section id ${s.id}`);
    sectionIds.add(s.id);
    const groups = new Set<string>();
    (s.groups ?? []).forEach((g, gi) => {
      if (!g.id.startsWith(`${s.id}.`)) issue([...sp, 'groups', gi, 'id'], `group ${g.id} is not in section ${s.id}`);
      if (groups.has(g.id)) issue([...sp, 'groups', gi, 'id'], `duplicate group id ${g.id}`);
      groups.add(g.id);
    });
    s.items.forEach((item, ii) => {
      const ip: PropertyKey[] = [...sp, 'items', ii];
      if (places.has(item.id)) issue([...ip, 'id'], `duplicate item id ${item.id}`);
      places.add(item.id);
      const under = item.parent ?? s.id;
      if (!item.id.startsWith(`${under}.`)) issue([...ip, 'id'], `item ${item.id} is not under ${under}`);
      if (item.parent !== undefined && !groups.has(item.parent)) issue([...ip, 'parent'], `no group ${item.parent} in section ${s.id}`);
      if (item.parent === undefined && groups.size > 0) issue([...ip, 'parent'], `section ${s.id} has groups: say which one item ${item.id} is in`);
      item.tasks.forEach((t, ti) => {
        const tp: PropertyKey[] = [...ip, 'tasks', ti];
        const expected = `${item.id}.${String.fromCharCode(97 + ti)}`;
        if (t.id !== expected) issue([...tp, 'id'], `task ${ti + 1} of item ${item.id} has id ${expected}, not ${t.id}`);
        if (places.has(t.id)) issue([...tp, 'id'], `duplicate task id ${t.id}`);
        places.add(t.id);
        t.lead.forEach((id, k) => {
          if (!agencyIds.has(id)) issue([...tp, 'lead', k], `no agency ${id} in agencies`);
        });
        t.partners.forEach((id, k) => {
          if (!agencyIds.has(id)) issue([...tp, 'partners', k], `no agency ${id} in agencies`);
        });
        if (t.partners.length > 0 && t.partnersText === undefined) issue([...tp, 'partnersText'], 'partners need their original wording');
        if (t.merged) {
          const prev = item.tasks[ti - 1];
          if (!prev) issue([...tp, 'merged'], 'the first task of an item has no row above to share a cell with');
          else {
            for (const f of t.merged) {
              const same =
                f === 'lead'
                  ? JSON.stringify([t.lead, t.leadText]) === JSON.stringify([prev.lead, prev.leadText])
                  : f === 'partners'
                    ? JSON.stringify([t.partners, t.partnersText]) === JSON.stringify([prev.partners, prev.partnersText])
                    : JSON.stringify(t.deadline) === JSON.stringify(prev.deadline);
              if (!same) issue([...tp, f], `merged ${f} must equal that of task ${prev.id}`);
            }
          }
        }
      });
    });
  });

  // Targets.
  const indicatorIds = new Set(plan.indicators.map((x) => x.id));
  const targets = plan.targets ?? [];
  const byId = new Map<string, Target>();
  targets.forEach((t, i) => {
    if (byId.has(t.id)) issue(['targets', i, 'id'], `duplicate target id ${t.id}`);
    byId.set(t.id, t);
  });
  targets.forEach((t, i) => {
    const tp: PropertyKey[] = ['targets', i];
    if (t.indicator !== undefined && !indicatorIds.has(t.indicator)) issue([...tp, 'indicator'], `no indicator ${t.indicator} in indicators`);
    if (t.source === 'appendix' && plan.sections !== undefined && !places.has(t.clause)) issue([...tp, 'clause'], `no item or task ${t.clause} in sections`);
    (t.counterparts ?? []).forEach((c, k) => {
      const other = byId.get(c);
      if (!other) issue([...tp, 'counterparts', k], `no target ${c}`);
      else if (other.source === t.source) issue([...tp, 'counterparts', k], `a counterpart comes from the other source (${t.source} → ${other.source})`);
      else if (!(other.counterparts ?? []).includes(t.id)) issue([...tp, 'counterparts', k], `target ${c} does not list ${t.id} back`);
    });
  });
}
