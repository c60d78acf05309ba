/**
 * `ccch overdue` (in-process). fixtures/overdue/, worked out by hand, as of 30/06/2023:
 *
 * ho-so.csv                                            pakn.csv
 *  2 O01 Sở Tư pháp, due 29/06, open: 1 day overdue      2 P01 Sở Tư pháp, due 15/06, open: 15 days
 *  3 O02 Sở Tư pháp, due 30/06 (a date alone), open:     3 P02 UBND xã Long Hưng, due 01/07, open:
 *    due on the as-of day, NOT overdue (due today)         due soon, 1 day left
 *  4 O03 Sở Tư pháp, due 30/06 10:00, open: overdue (a due with a time passes during its day,
 *    as score's on-time rate judges it), 0 days
 *  5 O04 Long Thành, resolved 20/05: not listed
 *  6 O05 Long Thành, due 20/05, resolved 05/07 (after the as-of day: open at it): 41 days
 *  7 O06 Long Thành, due 07/07, open: due within 7 days (7 left), not within 6
 *  8 O07 Long Thành, due 08/07: not within 7
 *  9 O08 Long Hưng, received 01/07 (after the as-of day): left out, counted as excluded
 * 10 O09 Long Hưng, no due date: never overdue
 * 11 O10 Long Hưng, due 10/06, open — superseded by line 13 (resolved 09/06): not listed
 * 12 O11 Long Hưng, due 25/06, open: 5 days
 * 14 O12 Long Hưng, resolved 30/06 (on the as-of day): not listed
 *
 * Overdue: O05 41, P01 15, O11 5, O01 1, O03 0. Per unit: Sở Tư pháp 3, Long Thành 1, Long Hưng 1.
 * With --within 7, due soon: O02 (0 left), P02 (1), O06 (7).
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../../helpers.js';

const FILES = ['fixtures/overdue/ho-so.csv', 'fixtures/overdue/pakn.csv'];
const json = async (args: string[], code: number) => {
  const r = await ccch(['overdue', ...FILES, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(code);
  return JSON.parse(r.stdout);
};
interface Row {
  code: string;
  state: string;
  daysOverdue: number;
  file: string;
  line: number;
}
const listed = (j: { rows: Row[] }) => j.rows.map((r) => `${r.code} ${r.state} ${r.daysOverdue}`);

describe('ccch overdue', () => {
  it('lists the overdue items at the as-of day, most overdue first, and exits 1', async () => {
    const j = await json(['--as-of', '2023-06-30'], 1);
    expect(j).toMatchObject({ schemaVersion: 1, kind: 'overdue', asOf: '2023-06-30', within: null, counts: { overdue: 5, dueSoon: 0 } });
    expect(listed(j)).toEqual(['O05 overdue 41', 'P01 overdue 15', 'O11 overdue 5', 'O01 overdue 1', 'O03 overdue 0']);
    expect(j.units).toEqual([
      { unit: 'Sở Tư pháp', tier: 'so', overdue: 3, dueSoon: 0 },
      { unit: 'UBND huyện Long Thành', tier: 'huyen', overdue: 1, dueSoon: 0 },
      { unit: 'UBND xã Long Hưng', tier: 'xa', overdue: 1, dueSoon: 0 },
    ]);
    expect(j.rows[0]).toEqual({
      file: 'fixtures/overdue/ho-so.csv',
      line: 6,
      dataset: 'dossiers',
      code: 'O05',
      unit: 'UBND huyện Long Thành',
      tier: 'huyen',
      received: '2023-05-01',
      due: '2023-05-20',
      state: 'overdue',
      daysOverdue: 41,
    });
    expect(j.rows.find((r: Row) => r.code === 'O03').due).toBe('2023-06-30T10:00');
    // Nothing lost: the row received after the as-of day is counted as excluded, the superseded one as superseded.
    expect(j.inputs[0]).toMatchObject({ rows: 13, counted: 11, superseded: 1, excluded: 1 });
  });

  it('--within N adds those due by the end of day D + N, after the overdue, soonest first', async () => {
    const j = await json(['--as-of', '30/06/2023', '--within', '7'], 1);
    expect(listed(j).slice(5)).toEqual(['O02 due-soon 0', 'P02 due-soon -1', 'O06 due-soon -7']);
    expect(j.counts).toEqual({ overdue: 5, dueSoon: 3 });
    expect(listed(await json(['--as-of', '2023-06-30', '--within', '6'], 1)).slice(5)).toEqual(['O02 due-soon 0', 'P02 due-soon -1']);
    expect(listed(await json(['--as-of', '2023-06-30', '--within', '0'], 1)).slice(5)).toEqual(['O02 due-soon 0']);
  });

  it('a day before anything is late: nothing overdue, exit 0', async () => {
    const j = await json(['--as-of', '2023-05-01'], 0);
    expect(j.rows).toEqual([]);
    // Due on 20/05: on the day before, overdue 0; the day after, 1.
    expect(listed(await json(['--as-of', '2023-05-20'], 0))).toEqual([]);
    expect(listed(await json(['--as-of', '2023-05-21'], 1))).toEqual(['O05 overdue 1']);
  });

  it('--exit-zero exits 0 with overdue items; errors still exit 2', async () => {
    expect((await ccch(['overdue', ...FILES, '--as-of', '2023-06-30', '--exit-zero'])).code).toBe(0);
    const no = await ccch(['overdue', ...FILES]);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/cần --as-of/);
    expect((await ccch(['overdue', ...FILES, '--as-of', '2023-06-30', '--within', '-1', '--lang', 'en'])).stderr).toMatch(/--within: needs a whole number/);
  });

  it('table: counts by unit, then the items; csv: one line an item', async () => {
    const t = await ccch(['overdue', ...FILES, '--as-of', '2023-06-30', '--within', '7', '--lang', 'en']);
    expect(t.stdout).toContain('As of the end of 2023-06-30 (and due within 7 days): 5 overdue, 3 due soon');
    expect(t.stdout).toMatch(/fixtures\/overdue\/ho-so\.csv:6 +dossier +O05 +UBND huyện Long Thành +2023-05-01 +2023-05-20 +41 days overdue/);
    expect(t.stdout).toMatch(/ho-so\.csv:3 .* due today/);
    const c = await ccch(['overdue', ...FILES, '--as-of', '2023-06-30', '--format', 'csv']);
    const lines = c.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,line,dataset,code,unit,tier,received,due,state,daysOverdue');
    expect(lines[1]).toBe('fixtures/overdue/ho-so.csv,6,dossiers,O05,UBND huyện Long Thành,huyen,2023-05-01,2023-05-20,overdue,41');
    expect(lines).toHaveLength(6);
  });
});

describe('what comes from the data is escaped', () => {
  // A resolved column (blank: still open), so that on-time-rate counts the dossier (an absent column gives no verdict).
  const hostile = 'Mã hồ sơ,Đơn vị,Cấp,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý\n=CMD|x,UBND xã A\u001b[2J\u202e,Xã,01/06/2023,10/06/2023,\n';
  for (const cmd of [
    ['overdue', '-', '--as-of', '2023-06-30'],
    ['overdue', '-', '--as-of', '2023-06-30', '--format', 'csv'],
    ['explain', 'on-time-rate', '-', '--tier', 'xa'],
    ['explain', 'on-time-rate', '-', '--tier', 'xa', '--format', 'csv'],
  ]) {
    it(`${cmd[0]} ${cmd.includes('csv') ? 'csv' : 'table'}: control and bidi characters shown escaped${cmd.includes('csv') ? ', a formula guarded' : ''}`, async () => {
      const r = await ccch(cmd, { input: hostile });
      expect(r.stdout.includes('\u001b') || r.stdout.includes('\u202e')).toBe(false);
      expect(r.stdout).toContain('UBND xã A\\x1b[2J\\u202e');
      if (cmd.includes('csv')) expect(r.stdout).toContain(",'=CMD|x,");
    });
  }
});
