/** How the formats of `tasks` for people write a task's state and a group's counts. */
import { TASK_LABELS } from '../../i18n/messages.js';
import type { StateCounts, TaskState, TrackedTask } from '../../evaluate/tasks.js';
import { TASK_STATES } from '../../evaluate/tasks.js';
import type { Lang } from '../../model/lang.js';

export const MARK: Record<TaskState, string> = { done: '✓', 'done-late': '✓', 'on-track': '…', overdue: '✗', 'not-dated': '·', 'no-report': '?' };

export function countParts(c: StateCounts, lang: Lang): string {
  const L = TASK_LABELS[lang];
  return TASK_STATES.map((s) => `${c[s]} ${L.state[s]!.toLowerCase()}`).join(', ');
}

export function stateText(t: TrackedTask, lang: Lang): string {
  const L = TASK_LABELS[lang];
  let s = L.state[t.state]!;
  if (t.state === 'overdue' && t.reported === null) s += ` (${L.notReported})`;
  return s;
}

