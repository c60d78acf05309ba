/**
 * `ccch explain` on fixtures/explain/ (worked out by hand). ho-so.csv, Sở Tư pháp unless said:
 *  2 E01 online, resolved 09/01 (due 10/01), satisfied — superseded by line 5
 *  3 E02 not online, resolved 12/01 (late), not rated
 *  4 E03 channel blank (a warning), resolved 09/01, satisfied
 *  5 E01 online, resolved 11/01 (late), not satisfied
 *  6 E04 online, received 20/03, open
 *  7 E05 UBND huyện Long Thành, channel "Fax" (unknown), satisfied
 *  8 E07 received and resolved in 12/2022: outside 2023
 * khong-kenh.csv (no channel, no rating column): 2 E06 resolved 20/01 (due 15/01: late).
 *
 * With --as-of 2023-03-15 (E04 left out), sở: online-rate 1/2 (E01 line 5; E02), out: E01 line
 * 2 superseded by line 5, E03 a value (blank), E04 after --as-of, E06 no channel column;
 * satisfaction-rate 1/2 (E03; E01), out: E01 line 2, E02 not rated, E06 no rating (blank);
 * on-time-rate 1/4 (E03; E01, E02, E06).
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../../helpers.js';

const FILES = ['fixtures/explain/ho-so.csv', 'fixtures/explain/khong-kenh.csv'];
const json = async (args: string[]) => {
  const r = await ccch(['explain', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
interface Row {
  code: string;
  line: number;
  file: string;
  reason: string | null;
  supersededBy: string | null;
  numerator: boolean;
  values: Record<string, string | number>;
}
const brief = (rows: Row[]) => rows.map((r) => `${r.code}:${r.line} ${r.reason ?? (r.numerator ? 'n' : 'd')}`);

describe('ccch explain', () => {
  it('lists the denominator, each row marked in the numerator or not', async () => {
    const j = await json(['online-rate', ...FILES, '--tier', 'so', '--as-of', '2023-03-15']);
    expect(j).toMatchObject({ schemaVersion: 1, kind: 'explain', tier: 'so', unit: null, which: 'denominator', numerator: 1, denominator: 2, count: 2 });
    expect(j.indicator).toMatchObject({ id: 'online-rate', dataset: 'dossiers', rule: 'online' });
    expect(brief(j.rows)).toEqual(['E02:3 d', 'E01:5 n']);
    expect(j.rows[1]).toEqual({
      file: 'fixtures/explain/ho-so.csv',
      line: 5,
      code: 'E01',
      unit: 'Sở Tư pháp',
      tier: 'so',
      received: '2023-01-05',
      due: '2023-01-10',
      resolved: '2023-01-11',
      values: { channel: 'online' },
      numerator: true,
      open: null,
      reason: null,
      supersededBy: null,
    });
    expect(j.period).toMatchObject({ asOf: '2023-03-15', judgedAt: '2023-01-20' });
  });

  it('--which excluded: superseded (by which row), after --as-of, no column, a value', async () => {
    const on = await json(['online-rate', ...FILES, '--tier', 'so', '--as-of', '2023-03-15', '--which', 'excluded']);
    expect(brief(on.rows)).toEqual(['E01:2 superseded', 'E03:4 value', 'E04:6 after-as-of', 'E06:2 no-column']);
    expect(on.rows[0].supersededBy).toBe('fixtures/explain/ho-so.csv:5');
    expect(on.rows[3].values).toEqual({ channel: 'absent' });
    const sat = await json(['satisfaction-rate', ...FILES, '--tier', 'so', '--as-of', '2023-03-15', '--which', 'excluded']);
    // khong-kenh.csv has no rating column: E06 is left out for the column, not for a blank rating.
    expect(brief(sat.rows)).toEqual(['E01:2 superseded', 'E02:3 value', 'E06:2 no-column']);
    expect([sat.numerator, sat.denominator]).toEqual([1, 2]);
    // Without --as-of, E04 is counted (open, on time at J = 20/03): nothing received after it.
    const all = await json(['online-rate', ...FILES, '--tier', 'so', '--which', 'excluded']);
    expect(brief(all.rows)).toEqual(['E01:2 superseded', 'E03:4 value', 'E06:2 no-column']);
  });

  it('--which not-numerator and numerator; the province; on-time marks open rows', async () => {
    const late = await json(['on-time-rate', ...FILES, '--tier', 'so', '--as-of', '2023-03-15', '--which', 'not-numerator']);
    expect(brief(late.rows)).toEqual(['E02:3 d', 'E01:5 d', 'E06:2 d']);
    expect([late.numerator, late.denominator]).toEqual([1, 4]);
    const num = await json(['on-time-rate', ...FILES, '--tier', 'so', '--which', 'numerator']);
    expect(brief(num.rows)).toEqual(['E03:4 n', 'E04:6 n']);
    expect(num.rows[1].open).toBe(true);
    const province = await json(['online-rate', ...FILES]);
    expect(province).toMatchObject({ tier: 'all', numerator: 2, denominator: 3 }); // E01, E04 online; E02 not; E05 (Fax) out
  });

  it('--unit is matched folded and gives its tier; a unit in no data or an unknown indicator is refused', async () => {
    const u = await json(['online-rate', ...FILES, '--unit', 'ubnd huyen LONG THANH', '--which', 'excluded']);
    expect(u).toMatchObject({ tier: 'huyen', unit: 'UBND huyện Long Thành', numerator: 0, denominator: 0 });
    expect(brief(u.rows)).toEqual(['E05:7 value']);
    expect(u.rows[0].values).toEqual({ channel: 'unknown' });
    const none = await ccch(['explain', 'online-rate', ...FILES, '--unit', 'Sở Nội vụ', '--lang', 'en']);
    expect([none.code, none.stderr]).toEqual([2, 'ccch: --unit: no unit "Sở Nội vụ" in the data (in the tier chosen)\n']);
    const wrongTier = await ccch(['explain', 'online-rate', ...FILES, '--unit', 'Sở Tư pháp', '--tier', 'xa']);
    expect(wrongTier.code).toBe(2);
    const bad = await ccch(['explain', 'on-time', ...FILES, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ccch: no indicator "on-time" in the plan \(there are: online-rate, on-time-rate/);
    const which = await ccch(['explain', 'online-rate', ...FILES, '--which', 'late', '--lang', 'en']);
    expect(which.stderr).toMatch(/--which: invalid value "late" \(use numerator, denominator, not-numerator, excluded\)/);
  });

  it('refuses a summary report: it has counts, not rows', async () => {
    const r = await ccch(['explain', 'on-time-rate', 'fixtures/form06/bieu-06-don-vi-q1.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bieu-06-don-vi-q1\.csv: explain lists the rows of dossier and PAKN lists; this file is a summary report/);
  });

  it('table and csv', async () => {
    const t = await ccch(['explain', 'online-rate', ...FILES, '--tier', 'so', '--as-of', '2023-03-15', '--which', 'excluded', '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Result (as score gives it): 50.0% 1/2');
    expect(t.stdout).toContain('Rows left out of the result: 4');
    expect(t.stdout).toMatch(/ho-so\.csv:2 +E01 +Sở Tư pháp +2023-01-05 +2023-01-10 +2023-01-09 +online +superseded \(same code\) by fixtures\/explain\/ho-so\.csv:5/);
    const c = await ccch(['explain', 'online-rate', ...FILES, '--tier', 'so', '--format', 'csv']);
    expect(c.stdout.split('\r\n')).toEqual([
      'file,line,code,unit,tier,received,due,resolved,channel,numerator,open,reason,supersededBy',
      'fixtures/explain/ho-so.csv,3,E02,Sở Tư pháp,so,2023-01-06,2023-01-10,2023-01-12,offline,false,,,',
      'fixtures/explain/ho-so.csv,5,E01,Sở Tư pháp,so,2023-01-05,2023-01-10,2023-01-11,online,true,,,',
      'fixtures/explain/ho-so.csv,6,E04,Sở Tư pháp,so,2023-03-20,2023-03-30,,online,true,,,',
      '',
    ]);
  });
});

describe('csv cells', () => {
  it('quotes delimiters and guards formulas from the data', async () => {
    const { csvCell } = await import('../../../src/report/listing.js');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-')).toBe('-');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('dòng\nhai')).toBe('"dòng\nhai"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv cells escape what they show', () => {
  it('control and bidi characters escaped, before the formula guard', async () => {
    const { csvCell } = await import('../../../src/report/listing.js');
    expect(csvCell('\u001b[2Jx')).toBe('\\x1b[2Jx');
    expect(csvCell('a\u202eb')).toBe('a\\u202eb');
    expect(csvCell('\r=1')).toBe('\\x0d=1');
  });
});
