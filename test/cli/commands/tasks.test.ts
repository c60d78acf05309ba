/**
 * `ccch tasks` (the command line, in-process). fixtures/tasks/trang-thai-2023.csv, worked out by hand
 * (header on line 1; the plan's 25 dated tasks are listed in docs/plan-format.md):
 *
 *  2 VII.1.a done 25/01 (superseded by line 17)   10 VII.5.a "Sắp xong": rejected (status)
 *  3 VII.2.a done 10/04, due 31/03: done late      11 VII.3.b 32/13/2023: rejected (date)
 *  4 II.3.4.a in progress, due 31/03               12 IV.5.a not started, due 30/06
 *  5 "ii.3.4.B" "hoan thanh" 31/03 = due: done     13 IV.5.a done 20/06: rejected at as-of 15/04 (after it)
 *  6 VI.2.1.a in progress, due 30/06               14 VI.3.1.a not started + a date: warning; due 28/02
 *  7 I.2.a in progress, recurring: not dated       15 no id: rejected
 *  8 II.1.6.a blank status + 10/02: done (15/02)   16 II.2.1.c done, no date (recurring, due 31/03): done
 *  9 IX.1.a: no such task (unmatched)              17 VII.1.a done 30/01 (due 31/01): done
 *
 * As of 2023-04-15: 16 rows = 10 counted + 4 rejected + 1 superseded + 1 unmatched, 1 warning.
 * done 4 (VII.1.a, II.3.4.b, II.1.6.a, II.2.1.c), done late 1 (VII.2.a), on track 2 (VI.2.1.a,
 * IV.5.a), overdue 7 (II.3.4.a, VI.3.1.a reported; II.3.5.a, VI.2.2.b, VI.2.3.a, VI.2.4.b,
 * VI.3.1.b unreported, all due 31/03), not dated 1 (I.2.a), no report 87 − 10 − 5 = 72.
 *
 * As of 2023-03-31: line 3 (10/04) is also rejected: 9 counted + 5 rejected. II.3.4.a is on
 * track on its due day; only VI.3.1.a (due 28/02) is overdue; nothing unreported is overdue
 * (the earlier due dates, 31/01, 15/02 and 28/02, are all reported): done 4, done late 0,
 * on track 3, overdue 1, not dated 1, no report 78.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../../helpers.js';

const STATUS = 'fixtures/tasks/trang-thai-2023.csv';
const json = async (args: string[], code: number) => {
  const r = await ccch(['tasks', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(code);
  return JSON.parse(r.stdout);
};
const task = (j: { groups: Array<{ tasks: Array<{ id: string }> }> }, id: string) => j.groups.flatMap((g) => g.tasks).find((t) => t.id === id);

describe('ccch tasks --format json', () => {
  it('flags the tasks as of 2023-04-15 and exits 1 (overdue tasks)', async () => {
    const j = await json(['--status', STATUS, '--as-of', '2023-04-15', '--group', 'section'], 1);
    expect(j.schemaVersion).toBe(1);
    expect(j.kind).toBe('tasks');
    expect(j.asOf).toBe('2023-04-15');
    expect(j.inputs[0]).toMatchObject({ file: STATUS, dataset: 'task-status', rows: 16, counted: 10, rejected: 4, superseded: 1, unmatched: 1, warnings: 1 });
    expect(j.counts).toEqual({ total: 87, done: 4, doneLate: 1, onTrack: 2, overdue: 7, notDated: 1, noReport: 72 });
    expect(j.groups.map((g: { id: string }) => g.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(j.groups.reduce((n: number, g: { counts: { total: number } }) => n + g.counts.total, 0)).toBe(87);
    expect(task(j, 'VII.1.a')).toMatchObject({ state: 'done', reported: 'done', completed: '2023-01-30', note: 'Cập nhật', line: 17 });
    expect(task(j, 'VII.2.a')).toMatchObject({ state: 'done-late', completed: '2023-04-10', note: 'Trễ, do chờ hướng dẫn' });
    expect(task(j, 'II.3.4.a')).toMatchObject({ state: 'overdue', reported: 'in-progress', daysOverdue: 15 });
    expect(task(j, 'II.3.4.b')).toMatchObject({ state: 'done', completed: '2023-03-31' });
    expect(task(j, 'II.3.5.a')).toMatchObject({ state: 'overdue', reported: null, daysOverdue: 15 });
    expect(task(j, 'VI.3.1.a')).toMatchObject({ state: 'overdue', reported: 'not-started', completed: null, daysOverdue: 46 });
    expect(task(j, 'IV.5.a')).toMatchObject({ state: 'on-track', reported: 'not-started', line: 12 });
    expect(task(j, 'I.2.a')).toMatchObject({ state: 'not-dated' });
    expect(task(j, 'VII.5.a')).toMatchObject({ state: 'no-report', reported: null });
    expect(j.problems.map((p: { line: number; column: number | null; code: string; severity: string }) => `${p.line}:${p.column}:${p.severity}:${p.code}`)).toEqual([
      '9:1:error:task.unknown',
      '10:2:error:task.badStatus',
      '11:3:error:row.badDate',
      '13:3:error:task.completedAfterAsOf',
      '14:3:warning:task.dateNotDone',
      '15:1:error:row.noCode',
    ]);
  });

  it('as of 2023-03-31 a task is on track on its due day', async () => {
    const j = await json(['--status', STATUS, '--as-of', '2023-03-31'], 1);
    expect(j.inputs[0]).toMatchObject({ rows: 16, counted: 9, rejected: 5, superseded: 1, unmatched: 1 });
    expect(j.counts).toEqual({ total: 87, done: 4, doneLate: 0, onTrack: 3, overdue: 1, notDated: 1, noReport: 78 });
    expect(task(j, 'II.3.4.a')).toMatchObject({ state: 'on-track' });
  });

  it('groups by lead agency: a task is under each of its leads', async () => {
    const j = await json(['--status', STATUS, '--as-of', '2023-04-15'], 1);
    expect(j.group).toBe('lead');
    const noiVu = j.groups.find((g: { id: string }) => g.id === 'so-noi-vu');
    expect(noiVu.name).toBe('Sở Nội vụ');
    expect(noiVu.counts).toEqual({ total: 15, done: 1, doneLate: 1, onTrack: 1, overdue: 0, notDated: 0, noReport: 12 });
    const tttt = j.groups.find((g: { id: string }) => g.id === 'so-tttt');
    const cat = j.groups.find((g: { id: string }) => g.id === 'cong-an-tinh');
    // VI.2.2.b and VI.2.3.a are led by both.
    expect(tttt.tasks.map((t: { id: string }) => t.id)).toContain('VI.2.2.b');
    expect(cat.tasks.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['VI.2.2.b', 'VI.2.3.a']));
  });

  it('without a status file: nothing is overdue before the first due date (exit 0); after the year, the 25 dated tasks are', async () => {
    expect((await json(['--as-of', '2023-01-31'], 0)).counts).toEqual({ total: 87, done: 0, doneLate: 0, onTrack: 0, overdue: 0, notDated: 0, noReport: 87 });
    expect((await json(['--as-of', '2024-01-01'], 1)).counts).toMatchObject({ overdue: 25, noReport: 62 });
  });

  it('matches ASCII-folded headers and values, semicolons', async () => {
    const j = await json(['--status', 'fixtures/tasks/ascii-semicolon.csv', '--as-of', '2023-02-01'], 0);
    expect(j.inputs[0]).toMatchObject({ rows: 1, counted: 1, columns: { task: 'Ma nhiem vu', status: 'Tinh trang', completed: 'Ngay hoan thanh' } });
    expect(task(j, 'VII.1.a')).toMatchObject({ state: 'done', completed: '2023-01-20' });
  });
});

describe('ccch tasks table and errors', () => {
  it('prints the Vietnamese board with counts and problems', async () => {
    const r = await ccch(['tasks', '--status', STATUS, '--as-of', '2023-04-15']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Tính đến ngày: 15/04/2023');
    expect(r.stdout).toContain(`Tệp trạng thái: ${STATUS}: 16 dòng đọc = 10 được tính + 4 bị loại + 1 bị thay thế (trùng mã) + 1 không khớp nhiệm vụ; 1 cảnh báo`);
    expect(r.stdout).toContain('Sở Nội vụ — 15 nhiệm vụ: 1 hoàn thành, 1 hoàn thành trễ hạn, 1 đúng tiến độ, 0 quá hạn, 0 không có hạn cụ thể, 12 chưa báo cáo');
    expect(r.stdout).toMatch(/✗ Quá hạn \(chưa báo cáo\)\s+II\.3\.5\.a\s+Quý I\/2023 → 31\/03\/2023, quá 15 ngày/);
    expect(r.stdout).toContain('Tổng cộng: 87 nhiệm vụ: 4 hoàn thành, 1 hoàn thành trễ hạn, 2 đúng tiến độ, 7 quá hạn, 1 không có hạn cụ thể, 72 chưa báo cáo');
    expect(r.stdout).toContain(`${STATUS}:9:1: không khớp [Mã nhiệm vụ]: không có nhiệm vụ "IX.1.a" trong kế hoạch (bỏ qua dòng)`);
  });

  it('speaks English', async () => {
    const r = await ccch(['tasks', '--status', STATUS, '--as-of', '2023-04-15', '--group', 'section', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('VII. Chỉ đạo điều hành CCHC — 7 tasks:');
    expect(r.stdout).toContain('Total: 87 tasks: 4 done, 1 done late, 2 on track, 7 overdue, 1 not dated, 72 no report');
    expect(r.stdout).toMatch(/✓ Done late\s+VII\.2\.a\s+Quý I\/2023 → 2023-03-31, done 2023-04-10/);
  });

  it('exits 2 on usage and input errors, with one line on stderr', async () => {
    const bad = async (args: string[], re: RegExp) => {
      const r = await ccch(['tasks', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(re);
    };
    await bad(['--as-of', '31/04/2023'], /^ccch: --as-of: ngày không hợp lệ "31\/04\/2023" \(dùng 2023-04-15 hoặc 15\/04\/2023\)\n/);
    await bad(['--group', 'agency', '--lang', 'en'], /^ccch: --group: invalid value "agency" \(use lead or section\)\n/);
    await bad(['--status', 'fixtures/tasks/no-task-column.csv'], /^ccch: fixtures\/tasks\/no-task-column\.csv:1: tệp trạng thái nhiệm vụ thiếu cột bắt buộc: mã nhiệm vụ \(Mã nhiệm vụ \/ Mã NV/);
    await bad(['--status', 'fixtures/tasks/none.csv'], /^ccch: fixtures\/tasks\/none\.csv: không tìm thấy tệp\n$/);
  });

  it('reads the status file from stdin with -', async () => {
    const r = await ccch(['tasks', '--status', '-', '--as-of', '2023-02-01', '--format', 'json'], { input: 'Mã nhiệm vụ,Trạng thái,Ngày hoàn thành\nVII.1.a,Hoàn thành,02/02/2023\n' });
    // The row is rejected (completed after the as-of day), so VII.1.a (due 31/01) is overdue, unreported.
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.problems[0]).toMatchObject({ file: '-', line: 2, code: 'task.completedAfterAsOf' });
    expect(task(j, 'VII.1.a')).toMatchObject({ state: 'overdue', reported: null, daysOverdue: 1 });
  });
});
