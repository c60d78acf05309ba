/**
 * `ccch tasks`: every plan task as done, done late, on track, overdue, not dated or not
 * reported, at a day (--as-of), from a status file. Exit 1 when a task is overdue.
 */
import type { Command } from 'commander';
import { loadPlan, DEFAULT_PLAN } from '../../plan/load.js';
import type { TaskGrouping } from '../../evaluate/tasks.js';
import type { SideProblem } from '../../ingest/side/sidefile.js';
import { daysFromCivil, parseIsoDate } from '../../util/dates.js';
import { usageError } from '../../model/errors.js';
import { type Cli, inputSources, parseFormat, parseLang } from '../context.js';

interface TasksFlags {
  plan?: string;
  status?: string;
  asOf?: string;
  group: string;
  format: string;
  lang: string;
  problems?: boolean;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('tasks')
    .summary('theo dõi tiến độ nhiệm vụ / track the plan tasks against their deadlines')
    .description(
      'Cho biết mỗi nhiệm vụ của kế hoạch đã hoàn thành, hoàn thành trễ hạn, đúng tiến độ, quá hạn, không có hạn cụ thể hay chưa báo cáo, tính đến một ngày, theo tệp trạng thái.\n' +
        'Shows every plan task as done, done late, on track, overdue, not dated or not reported at a given day, from a status file. Exit 1 when a task is overdue.',
    )
    .option('--status <file>', 'tệp trạng thái CSV (- là đầu vào chuẩn) / status CSV (- reads stdin)')
    .option('--as-of <date>', 'tính đến ngày YYYY-MM-DD (mặc định: hôm nay) / as of YYYY-MM-DD (default: today)')
    .option('--group <by>', 'lead | section', 'lead')
    .option('--plan <file>', 'tệp kế hoạch YAML / plan YAML')
    .option('--format <format>', 'table | json', 'table')
    .option('--lang <lang>', 'vi | en', 'vi')
    .option('--problems', 'liệt kê mọi lỗi và cảnh báo / list every problem')
    .action(async (flags: TasksFlags) => {
      const lang = parseLang(flags.lang);
      cli.lang = lang;
      const format = parseFormat(flags.format, ['table', 'json']);
      const group = flags.group.trim().toLowerCase();
      if (group !== 'lead' && group !== 'section') {
        throw usageError('usage.group', { value: flags.group });
      }
      let asOf: number;
      if (flags.asOf !== undefined) {
        asOf = parseIsoDate(flags.asOf.trim());
        if (Number.isNaN(asOf)) throw usageError('usage.date', { option: '--as-of', value: flags.asOf });
      } else {
        const now = new Date();
        asOf = daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
      }
      const plan = await loadPlan(flags.plan ?? DEFAULT_PLAN, flags.plan ?? DEFAULT_PLAN);
      const problems: SideProblem[] = [];
      // Loaded here, not at start-up: other commands need none of it.
      const { readStatus } = await import('../../ingest/side/status.js');
      const { planTasks, trackTasks } = await import('../../evaluate/tasks.js');
      const { renderTasksJson, renderTasksTable } = await import('../../report/tasks.js');
      const ids = planTasks(plan).map((t) => t.task.id);
      const status = flags.status !== undefined ? await readStatus(inputSources([flags.status], cli)[0]!, ids, asOf, problems) : null;
      const board = trackTasks(plan, status?.entries ?? new Map(), asOf, group as TaskGrouping);
      const view = { plan: plan.plan, board, status: status?.report ?? null, problems };
      cli.stdout(format === 'json' ? renderTasksJson(view, lang, cli.version) : renderTasksTable(view, lang, cli.chalk, flags.problems ? Infinity : 10));
      cli.exitCode = board.counts.overdue > 0 ? 1 : 0;
    });
}
