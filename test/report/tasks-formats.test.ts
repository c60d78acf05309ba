/** `tasks --format md|csv`: the JSON's tasks, states and accounting, each task once in CSV. */
import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ccch } from '../helpers.js';

const ARGS = ['tasks', '--status', 'fixtures/tasks/trang-thai-2023.csv', '--as-of', '2023-06-30'];

interface TasksJson {
  counts: Record<string, number>;
  inputs: Array<Record<string, number | string>>;
  groups: Array<{ id: string; name: string; tasks: Array<{ id: string; state: string; deadline: { due: string | null }; completed: string | null }> }>;
  problems: Array<Record<string, unknown>>;
}

const json = async (extra: string[] = []) => JSON.parse((await ccch([...ARGS, ...extra, '--format', 'json'])).stdout) as TasksJson;

describe('tasks --format csv', () => {
  it('lists each task once with its state, the status file and its problems, as the JSON does', async () => {
    const r = await ccch([...ARGS, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('\ufeffrecord,plan,asOf,id,')).toBe(true);
    const j = await json();
    const rows = parse(r.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    const tasks = rows.filter((x) => x.record === 'task');
    expect(tasks).toHaveLength(j.counts.total!);
    const byState = (s: string) => tasks.filter((t) => t.state === s).length;
    expect([byState('done'), byState('done-late'), byState('on-track'), byState('overdue'), byState('not-dated'), byState('no-report')]).toEqual([
      j.counts.done,
      j.counts.doneLate,
      j.counts.onTrack,
      j.counts.overdue,
      j.counts.notDated,
      j.counts.noReport,
    ]);
    const want = new Map(j.groups.flatMap((g) => g.tasks.map((t) => [t.id, t])));
    for (const t of tasks) {
      const w = want.get(t.id!)!;
      expect([t.state, t.due || null, t.completed || null]).toEqual([w.state, w.deadline.due, w.completed]);
    }
    const input = rows.find((x) => x.record === 'input')!;
    expect([input.file, Number(input.rows), Number(input.counted), Number(input.rejected)]).toEqual([j.inputs[0]!.file, j.inputs[0]!.rows, j.inputs[0]!.counted, j.inputs[0]!.rejected]);
    expect(rows.filter((x) => x.record === 'problem').map((p) => p.message)).toEqual(j.problems.map((p) => p.message));
  });
});

describe('tasks --format md', () => {
  it('has a table per group listing its tasks, and the totals', async () => {
    const r = await ccch([...ARGS, '--format', 'md', '--group', 'section']);
    const j = await json(['--group', 'section']);
    expect(r.stdout).toContain('**Tính đến ngày:** 30/06/2023');
    const rows = r.stdout.split('\n').filter((l) => /^\| [✓…✗·?] /.test(l));
    expect(rows).toHaveLength(j.groups.reduce((n, g) => n + g.tasks.length, 0));
    expect(r.stdout).toContain('| ✓ Hoàn thành trễ hạn | VII.2.a | Quý I/2023 | 31/03/2023 | xong 10/04/2023 |');
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([...j.groups.map((g) => `## ${g.id}. ${g.name}`), '## Lỗi dữ liệu']);
  });
});
