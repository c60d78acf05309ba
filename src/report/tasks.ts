/**
 * Renderers of `ccch tasks`: the terminal listing and the JSON contract (README, "ccch tasks:
 * JSON output"; bump TASKS_SCHEMA_VERSION on any change that is not a pure addition).
 */
import type { ChalkInstance } from 'chalk';
import { LABELS, TASK_LABELS } from '../i18n/messages.js';
import type { SideProblem, SideReport } from '../ingest/side/sidefile.js';
import type { StateCounts, TaskBoard, TaskState, TrackedTask } from '../evaluate/tasks.js';
import { TASK_STATES } from '../evaluate/tasks.js';
import type { Plan } from '../plan/schema.js';
import { formatIso, formatVi } from '../util/dates.js';
import { problemLine } from './table.js';
import { problemJson } from './json.js';
import type { Lang } from '../model/lang.js';

export const TASKS_SCHEMA_VERSION = 1;

export interface TasksView {
  plan: Plan['plan'];
  board: TaskBoard;
  status: SideReport<string> | null;
  problems: SideProblem[];
}

const countsJson = (c: StateCounts) => ({
  total: c.total,
  done: c.done,
  doneLate: c['done-late'],
  onTrack: c['on-track'],
  overdue: c.overdue,
  notDated: c['not-dated'],
  noReport: c['no-report'],
});

export function tasksJson(v: TasksView, lang: Lang, version: string) {
  return {
    schemaVersion: TASKS_SCHEMA_VERSION,
    kind: 'tasks',
    tool: { name: 'ccch', version },
    plan: { id: v.plan.id, title: v.plan.title, year: v.plan.year },
    asOf: formatIso(v.board.asOf),
    group: v.board.grouping,
    inputs: v.status
      ? [
          {
            file: v.status.file,
            dataset: 'task-status',
            rows: v.status.rows,
            counted: v.status.counted,
            rejected: v.status.rejected,
            superseded: v.status.superseded,
            unmatched: v.status.unmatched,
            warnings: v.status.warnings,
            bytes: v.status.bytes,
            delimiter: v.status.delimiter,
            columns: v.status.columns,
            missingColumns: v.status.missingColumns,
          },
        ]
      : [],
    counts: countsJson(v.board.counts),
    groups: v.board.groups.map((g) => ({ id: g.id, name: g.name, counts: countsJson(g.counts), tasks: g.tasks })),
    problems: v.problems.map((p) => problemJson(p, lang)),
  };
}

export function renderTasksJson(v: TasksView, lang: Lang, version: string): string {
  return `${JSON.stringify(tasksJson(v, lang, version), null, 2)}\n`;
}

const MARK: Record<TaskState, string> = { done: '✓', 'done-late': '✓', 'on-track': '…', overdue: '✗', 'not-dated': '·', 'no-report': '?' };

function countParts(c: StateCounts, lang: Lang): string {
  const L = TASK_LABELS[lang];
  return TASK_STATES.map((s) => `${c[s]} ${L.state[s]!.toLowerCase()}`).join(', ');
}

function stateText(t: TrackedTask, lang: Lang): string {
  const L = TASK_LABELS[lang];
  let s = L.state[t.state]!;
  if (t.state === 'overdue' && t.reported === null) s += ` (${L.notReported})`;
  return s;
}

function color(t: TrackedTask, text: string, c: ChalkInstance): string {
  switch (t.state) {
    case 'overdue':
      return c.red.bold(text);
    case 'done':
      return c.green(text);
    case 'done-late':
      return c.yellow(text);
    case 'no-report':
      return c.yellow(text);
    default:
      return c.dim(text);
  }
}

const clip = (s: string, n: number) => {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
};

export function renderTasksTable(v: TasksView, lang: Lang, c: ChalkInstance, problemsShown: number): string {
  const L = TASK_LABELS[lang];
  const out: string[] = [];
  const vi = (iso: string) => (lang === 'vi' ? iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : iso);
  out.push(c.bold(`${LABELS[lang].plan} ${v.plan.id} — ${v.plan.title}`));
  out.push(`${L.asOf}: ${lang === 'vi' ? formatVi(v.board.asOf) : formatIso(v.board.asOf)}`);
  if (v.status) {
    const s = v.status;
    out.push(`${L.status}: ${s.file}: ${L.accounting(s.rows, s.counted, s.rejected, s.superseded, s.unmatched, s.warnings)}`);
  } else out.push(L.noStatus);
  const width = Math.max(0, ...v.board.groups.flatMap((g) => g.tasks.map((t) => stateText(t, lang).length + 2)));
  for (const g of v.board.groups) {
    const title = v.board.grouping === 'section' ? `${g.id}. ${g.name}` : g.name;
    out.push('', c.bold(title) + ` — ${L.counts(g.counts.total, countParts(g.counts, lang))}`);
    for (const t of g.tasks) {
      const due = t.deadline.due !== null ? ` → ${vi(t.deadline.due)}` : '';
      const extra =
        t.state === 'overdue' ? `, ${L.daysOverdue(t.daysOverdue!)}` : t.completed !== null ? `, ${L.completed} ${vi(t.completed)}` : '';
      out.push(
        `  ${color(t, `${MARK[t.state]} ${stateText(t, lang)}`.padEnd(width), c)} ${t.id.padEnd(9)} ${clip(t.deadline.text, 40)}${due}${extra}`,
      );
      out.push(`  ${' '.repeat(width)} ${' '.repeat(9)} ${c.dim(clip(t.activity, 80))}`);
      if (t.note) out.push(`  ${' '.repeat(width)} ${' '.repeat(9)} ${c.dim(clip(t.note, 80))}`);
    }
  }
  out.push('', c.bold(`${L.total}: ${L.counts(v.board.counts.total, countParts(v.board.counts, lang))}`));
  if (v.board.grouping === 'lead') out.push(c.dim(L.groupNote));
  if (v.problems.length) {
    const shown = Math.min(problemsShown, v.problems.length);
    out.push('', `${LABELS[lang].problemsHeading(shown, v.problems.length)}`);
    for (const p of v.problems.slice(0, shown)) out.push(`  ${problemLine(p, lang)}`);
  }
  return `${out.join('\n')}\n`;
}
