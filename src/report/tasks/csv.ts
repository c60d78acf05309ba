/**
 * `tasks --format csv`: one table in long form (report/csv.ts: RFC 4180, UTF-8 with BOM, CRLF,
 * formula-guarded text). Rows: `task` — each task of the plan once, whatever the grouping (its
 * id, section, item, lead agencies, deadline as written, its kind and due day, state, the status
 * file's status, completion day, days overdue, note, the status file's line, the activity);
 * `input` — the status file's accounting; `problem` — each of its problems. Every row carries
 * the plan and the as-of day. Column names and values are the JSON's (tasksJson).
 */
import { csvText, type CsvCell } from '../csv.js';
import type { Render } from '../render.js';
import { tasksJson } from './json.js';
import type { TasksRenderOptions, TasksView } from './view.js';

const TASK = ['id', 'section', 'item', 'lead', 'deadline', 'deadlineKind', 'due', 'state', 'reported', 'completed', 'daysOverdue', 'note', 'statusLine', 'activity'] as const;
const INPUT = ['file', 'rows', 'counted', 'rejected', 'superseded', 'unmatched', 'warnings'] as const;
const PROBLEM = ['line', 'column', 'header', 'severity', 'code', 'message'] as const;

export const render: Render<TasksView, TasksRenderOptions> = (v, { lang, version }) => {
  const doc = tasksJson(v, lang, version);
  const header = ['record', 'plan', 'asOf', ...TASK, ...INPUT.filter((f) => f !== 'file'), 'file', ...PROBLEM];
  const at = new Map(header.map((h, i) => [h, i]));
  const row = (record: string, cells: Record<string, CsvCell>): CsvCell[] => {
    const out: CsvCell[] = [record, doc.plan.id, doc.asOf, ...Array<CsvCell>(header.length - 3).fill(null)];
    for (const [k, val] of Object.entries(cells)) out[at.get(k)!] = val;
    return out;
  };
  function* rows(): Generator<CsvCell[]> {
    const seen = new Set<string>();
    for (const g of doc.groups) {
      for (const t of g.tasks) {
        if (seen.has(t.id)) continue; // a task with several leads is in several groups
        seen.add(t.id);
        yield row('task', {
          id: t.id,
          section: t.section,
          item: t.item,
          lead: t.leadText,
          deadline: t.deadline.text,
          deadlineKind: t.deadline.kind,
          due: t.deadline.due,
          state: t.state,
          reported: t.reported,
          completed: t.completed,
          daysOverdue: t.daysOverdue,
          note: t.note,
          statusLine: t.line,
          activity: t.activity,
        });
      }
    }
    for (const i of doc.inputs) yield row('input', Object.fromEntries(INPUT.map((f) => [f, i[f]])));
    for (const p of doc.problems) yield row('problem', { file: p.file, ...Object.fromEntries(PROBLEM.map((f) => [f, p[f]])) });
  }
  return csvText(header, rows());
};
