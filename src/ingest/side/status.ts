/**
 * The task status file (`ccch tasks --status FILE`): one row per plan task — its id as in the
 * plan (`II.3.4.a`), its status, the day it was completed, a note. Header contract and
 * vocabulary here (documented in README, "Task status file"); rows → StatusEntry by task id.
 */
import { vocabulary, lookup } from '../vocabulary.js';
import { STATUS_FIELDS } from './contract.js';
import { readSideFile, type SideProblem } from './sidefile.js';
import type { InputSource } from '../source.js';
import { parseDay, type DayNumber } from '../../util/dates.js';
import { fold } from '../../util/text.js';
import { BLANK, UNKNOWN } from '../../model/record.js';
import type { ReportedStatus, SideReport, StatusEntry, StatusField } from '../../model/side.js';

export const TaskStatus = { DONE: 1, IN_PROGRESS: 2, NOT_STARTED: 3 } as const;
const STATUS_NAME: Record<number, ReportedStatus> = { 1: 'done', 2: 'in-progress', 3: 'not-started' };

export const TASK_STATUS = vocabulary('task status', {
  done: [TaskStatus.DONE, ['Hoàn thành', 'Đã hoàn thành', 'Xong', 'Đã xong', 'Done', 'Completed']],
  'in progress': [TaskStatus.IN_PROGRESS, ['Đang thực hiện', 'Đang triển khai', 'Chưa hoàn thành', 'In progress']],
  'not started': [TaskStatus.NOT_STARTED, ['Chưa thực hiện', 'Chưa triển khai', 'Chưa bắt đầu', 'Not started']],
});

export interface StatusFile {
  report: SideReport<StatusField>;
  /** Task id (as in the plan) → its last accepted row. */
  entries: Map<string, StatusEntry>;
}

/** A task id as typed ("ii.3.4.A", " II.3.4.a ") → the key it is matched by. */
const taskKey = (s: string) => fold(s).replace(/\s+/g, '');

/**
 * Reads a status file against the plan's task ids (`taskIds`, in plan spelling) as of day
 * `asOf`. Rows naming no task of the plan are counted as unmatched and reported.
 */
export async function readStatus(source: InputSource, taskIds: readonly string[], asOf: DayNumber, problems: SideProblem[]): Promise<StatusFile> {
  const known = new Map(taskIds.map((id) => [taskKey(id), id]));
  const entries = new Map<string, StatusEntry>();
  let accepted = 0;
  let superseded = 0;
  const { report } = await readSideFile(
    source,
    {
      specs: STATUS_FIELDS,
      vi: 'trạng thái nhiệm vụ',
      en: 'task status',
      checkHeader: (m) =>
        m.columns.status === undefined && m.columns.completed === undefined
          ? 'input.statusOrCompleted'
          : null,
    },
    (row) => {
      const raw = (row.cell('task') ?? '').trim();
      if (raw === '') return { field: 'task', code: 'row.noCode' };
      const id = known.get(taskKey(raw));
      if (id === undefined) {
        row.unmatched('task', 'task.unknown', { value: raw });
        return null;
      }
      const completedRaw = (row.cell('completed') ?? '').trim();
      let completed = NaN;
      if (completedRaw !== '') {
        completed = parseDay(completedRaw);
        if (Number.isNaN(completed)) return { field: 'completed', code: 'row.badDate', params: { value: completedRaw } };
        if (completed > asOf) return { field: 'completed', code: 'task.completedAfterAsOf', params: { value: completedRaw } };
      }
      const statusRaw = row.cell('status') ?? '';
      const code = lookup(TASK_STATUS, statusRaw);
      if (code === UNKNOWN) return { field: 'status', code: 'task.badStatus', params: { value: statusRaw.trim() } };
      let status: ReportedStatus;
      if (code === BLANK) {
        if (Number.isNaN(completed)) return { field: 'status', code: 'task.noStatus' };
        status = 'done';
      } else status = STATUS_NAME[code]!;
      if (status !== 'done' && !Number.isNaN(completed)) row.warn('completed', 'task.dateNotDone', { value: completedRaw });
      const note = (row.cell('note') ?? '').trim();
      accepted++;
      if (entries.has(id)) superseded++;
      entries.set(id, { task: id, status, completed: status === 'done' ? completed : NaN, note: note === '' ? null : note, line: row.line });
      return null;
    },
    problems,
  );
  report.superseded = superseded;
  report.counted = accepted - superseded;
  return { report, entries };
}
