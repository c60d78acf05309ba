/** `tasks --format table`, the default: the tasks by group, each with its state and deadline, the totals, then the status file's problems. */
import type { ChalkInstance } from 'chalk';
import { LABELS, TASK_LABELS } from '../../i18n/messages.js';
import type { TrackedTask } from '../../evaluate/tasks.js';
import { MARK, countParts, stateText } from './labels.js';
import { formatIso, formatVi } from '../../util/dates.js';
import { problemLine } from '../lines.js';
import type { Render } from '../render.js';
import type { TasksRenderOptions, TasksView } from './view.js';

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

export const render: Render<TasksView, TasksRenderOptions> = (v, { lang, chalk: c, options }) => {
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
    const shown = Math.min(options.problems, v.problems.length);
    out.push('', `${LABELS[lang].problemsHeading(shown, v.problems.length)}`);
    for (const p of v.problems.slice(0, shown)) out.push(`  ${problemLine(p, lang)}`);
  }
  return `${out.join('\n')}\n`;
};
