/**
 * `tasks --format json`: the contract documented in README ("ccch tasks: JSON output"); bump
 * TASKS_SCHEMA_VERSION on any change that is not a pure addition.
 */
import type { StateCounts } from '../../evaluate/tasks.js';
import { formatIso } from '../../util/dates.js';
import { problemJson } from '../json.js';
import type { Render } from '../render.js';
import type { Lang } from '../../model/lang.js';
import type { TasksView } from './view.js';

export const TASKS_SCHEMA_VERSION = 1;

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

export const render: Render<TasksView> = (v, { lang, version }) => `${JSON.stringify(tasksJson(v, lang, version), null, 2)}\n`;
