/**
 * `ccch tasks`: every plan task as done, done late, on track, overdue, not dated or not
 * reported, at a day (--as-of), from a status file: the options → trackTasks() → a renderer.
 * Exit 1 when a task is overdue.
 */
import { TASKS_FORMATS } from '../../report/tasks/formats.js';
import type { Problem } from '../../model/problem.js';
import type { CommandDef } from '../command.js';
import { inputSources, planOf } from '../inputs.js';
import { today } from '../period.js';

export const tasks: CommandDef<'tasks'> = {
  name: 'tasks',
  summary: { vi: 'theo dõi tiến độ nhiệm vụ', en: 'track the plan tasks against their deadlines' },
  description: {
    vi: 'Cho biết mỗi nhiệm vụ của kế hoạch đã hoàn thành, hoàn thành trễ hạn, đúng tiến độ, quá hạn, không có hạn cụ thể hay chưa báo cáo, tính đến một ngày, theo tệp trạng thái.',
    en: 'Shows every plan task as done, done late, on track, overdue, not dated or not reported at a given day, from a status file. Exit 1 when a task is overdue.',
  },
  async run(_files, o, cli) {
    const asOf = o.asOf ?? today();
    const plan = await planOf(o.plan, cli);
    // Loaded here, not at start-up: other commands need none of it.
    const { readStatus } = await import('../../ingest/side/status.js');
    const { planTasks, trackTasks } = await import('../../evaluate/tasks.js');
    const problems: Problem[] = [];
    const ids = planTasks(plan).map((t) => t.task.id);
    const status = o.status !== undefined ? await readStatus(inputSources([o.status], cli)[0]!, ids, asOf, problems) : null;
    const board = trackTasks(plan, status?.entries ?? new Map(), asOf, o.group);
    cli.setExitCode(board.counts.overdue > 0 && !o.exitZero ? 1 : 0);
    await cli.render(TASKS_FORMATS, o, { plan: plan.plan, board, status: status?.report ?? null, problems }, { problems: o.problems ? Infinity : 10 });
  },
};
