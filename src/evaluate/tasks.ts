/**
 * `ccch tasks`: every task of the plan at a given day, from its deadline and the status file.
 *
 * - done: reported done, on or before its due date (or it has none);
 * - done-late: reported done after its due date;
 * - on-track: reported not done, due date not yet passed;
 * - overdue: not done (reported so, or not reported at all) and the due date has passed;
 * - not-dated: reported not done, and the deadline has no date (recurring, conditional);
 * - no-report: missing from the status file, and not overdue.
 * "Passed" means as-of is after the due day: a task due 31/03 is on track on 31/03.
 */
import type { Plan } from '../plan/schema.js';
import type { Task } from '../plan/appendix.js';
import type { StatusEntry, ReportedStatus } from '../model/side.js';
import { formatIso, parseIsoDate, type DayNumber } from '../util/dates.js';

export const TASK_STATES = ['done', 'done-late', 'on-track', 'overdue', 'not-dated', 'no-report'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export type TaskGrouping = 'lead' | 'section';

export interface TrackedTask {
  id: string;
  section: string;
  item: string;
  activity: string;
  lead: string[];
  leadText: string;
  deadline: { text: string; kind: string; due: string | null };
  state: TaskState;
  /** The status file's status; null when the task is not in it. */
  reported: ReportedStatus | null;
  completed: string | null;
  note: string | null;
  /** Line of the status file's row, or null. */
  line: number | null;
  /** Days past the due date for overdue tasks, else null. */
  daysOverdue: number | null;
}

export type StateCounts = Record<TaskState, number> & { total: number };

export interface TaskGroup {
  id: string;
  name: string;
  counts: StateCounts;
  tasks: TrackedTask[];
}

export interface TaskBoard {
  asOf: DayNumber;
  grouping: TaskGrouping;
  /** Counts over the plan's tasks (each once, however many groups it is in). */
  counts: StateCounts;
  groups: TaskGroup[];
}

export function emptyCounts(): StateCounts {
  return { done: 0, 'done-late': 0, 'on-track': 0, overdue: 0, 'not-dated': 0, 'no-report': 0, total: 0 };
}

export function stateOf(due: DayNumber, entry: StatusEntry | undefined, asOf: DayNumber): TaskState {
  const dated = !Number.isNaN(due);
  if (entry === undefined) return dated && asOf > due ? 'overdue' : 'no-report';
  if (entry.status === 'done') return dated && !Number.isNaN(entry.completed) && entry.completed > due ? 'done-late' : 'done';
  if (!dated) return 'not-dated';
  return asOf > due ? 'overdue' : 'on-track';
}

export function planTasks(plan: Plan): Array<{ task: Task; section: string; item: string }> {
  return (plan.sections ?? []).flatMap((s) => s.items.flatMap((i) => i.tasks.map((task) => ({ task, section: s.id, item: i.id }))));
}

export function trackTasks(plan: Plan, entries: ReadonlyMap<string, StatusEntry>, asOf: DayNumber, grouping: TaskGrouping): TaskBoard {
  const counts = emptyCounts();
  const tracked: TrackedTask[] = planTasks(plan).map(({ task, section, item }) => {
    const due = task.deadline.due !== undefined ? parseIsoDate(task.deadline.due) : NaN;
    const entry = entries.get(task.id);
    const state = stateOf(due, entry, asOf);
    counts[state]++;
    counts.total++;
    return {
      id: task.id,
      section,
      item,
      activity: task.activity,
      lead: task.lead,
      leadText: task.leadText,
      deadline: { text: task.deadline.text, kind: task.deadline.kind, due: task.deadline.due ?? null },
      state,
      reported: entry?.status ?? null,
      completed: entry && !Number.isNaN(entry.completed) ? formatIso(entry.completed) : null,
      note: entry?.note ?? null,
      line: entry?.line ?? null,
      daysOverdue: state === 'overdue' ? asOf - due : null,
    };
  });
  const groups: TaskGroup[] = [];
  const add = (id: string, name: string, t: TrackedTask) => {
    let g = groups.find((x) => x.id === id);
    if (!g) {
      g = { id, name, counts: emptyCounts(), tasks: [] };
      groups.push(g);
    }
    g.tasks.push(t);
    g.counts[t.state]++;
    g.counts.total++;
  };
  if (grouping === 'section') {
    for (const s of plan.sections ?? []) for (const t of tracked) if (t.section === s.id) add(s.id, s.title, t);
  } else {
    for (const a of plan.agencies ?? []) for (const t of tracked) if (t.lead.includes(a.id)) add(a.id, a.name, t);
  }
  return { asOf, grouping, counts, groups };
}
