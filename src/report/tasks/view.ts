/** What `tasks`' renderers are given: the plan, the task board, the status file's accounting and problems. */
import type { TaskBoard } from '../../evaluate/tasks.js';
import type { SideReport } from '../../model/side.js';
import type { Plan } from '../../plan/schema.js';
import type { Problem } from '../../model/problem.js';

export interface TasksView {
  plan: Plan['plan'];
  board: TaskBoard;
  status: SideReport<string> | null;
  problems: Problem[];
}

export interface TasksRenderOptions {
  /** How many problems the listing shows (Infinity with --problems). */
  problems: number;
}
