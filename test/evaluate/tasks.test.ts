/** The task states, rule by rule (src/tasks/track.ts). */
import { describe, it, expect } from 'vitest';
import { stateOf } from '../../src/evaluate/tasks.js';
import type { StatusEntry } from '../../src/model/side.js';
import { parseIsoDate } from '../../src/util/dates.js';

const d = parseIsoDate;
const entry = (status: StatusEntry['status'], completed?: string): StatusEntry => ({ task: 'X.1.a', status, completed: completed ? d(completed) : NaN, note: null, line: 2 });

describe('stateOf', () => {
  const due = d('2023-03-31');
  it('a task not in the status file is no report until its due day has passed, then overdue', () => {
    expect(stateOf(due, undefined, d('2023-03-31'))).toBe('no-report');
    expect(stateOf(due, undefined, d('2023-04-01'))).toBe('overdue');
    expect(stateOf(NaN, undefined, d('2030-01-01'))).toBe('no-report');
  });
  it('done on the due day is on time; the day after is late; done with no date or no due is done', () => {
    expect(stateOf(due, entry('done', '2023-03-31'), d('2023-06-01'))).toBe('done');
    expect(stateOf(due, entry('done', '2023-04-01'), d('2023-06-01'))).toBe('done-late');
    expect(stateOf(due, entry('done'), d('2023-06-01'))).toBe('done');
    expect(stateOf(NaN, entry('done', '2023-12-31'), d('2024-01-01'))).toBe('done');
  });
  it('reported not done: on track through the due day, overdue after; not dated without a due date', () => {
    expect(stateOf(due, entry('in-progress'), d('2023-03-31'))).toBe('on-track');
    expect(stateOf(due, entry('not-started'), d('2023-04-01'))).toBe('overdue');
    expect(stateOf(NaN, entry('in-progress'), d('2024-01-01'))).toBe('not-dated');
  });
});
