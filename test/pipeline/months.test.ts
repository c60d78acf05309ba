/**
 * `score --by month` (issue 16): each calendar month a period of its own. fixtures/action/thang.csv,
 * counted by hand (data's last day: 25/03, so March is judged at 25/03 and April on is left out):
 *   M1 Sở Tư pháp  rcv 20/01 due 10/02 res 15/02 online   — open at 31/01, not yet due: on time in
 *                  January; resolved late in February: late there (a dossier open across a month end)
 *   M2 Sở Tư pháp  rcv 25/01 due 28/01 res 03/02 offline  — open and past due at 31/01: late in both
 *   M3 Sở Tư pháp  rcv 05/02 due 20/02 res 18/02 online   — on time in February
 *   M4 UBND huyện Xuân Lộc rcv 10/03 due 20/03 res 19/03 offline — on time in March
 *   M5 UBND huyện Xuân Lộc rcv 25/03 due 05/04 open online       — open at 25/03, not yet due: on time
 * online (by received): Sở Jan 1/2, Feb 1/1; huyện Mar 1/2. On time: Sở Jan 1/2 (M1 on time, M2
 * late), Feb 1/3 (M1, M2 late, M3 on time); huyện Mar 2/2. The year: online 3/5, on time 3/5.
 */
import { describe, it, expect } from 'vitest';
import { ccch, fixture, outcome, plan } from '../helpers.js';
import { score, type ScoreOptions } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Result } from '../../src/model/result.js';

const run = async (files: string[], period: string, o: Partial<ScoreOptions> = {}) =>
  score({ plan: await plan(), period: parsePeriod(period), inputs: files.map((f) => fileSource(fixture(f), f)), byMonth: true, ...o });
const cell = (rs: readonly Result[], ind: string, tier: string, month: string | null, unit: string | null = null) => {
  const r = rs.find((x) => x.indicator === ind && x.tier === tier && (x.month ?? null) === month && x.unit === unit);
  return r ? `${r.numerator}/${r.denominator} ${r.status}` : 'none';
};

describe('--by month', () => {
  it('counts each month as a period of its own, open dossiers judged at its end', async () => {
    const s = await run(['action/thang.csv'], '2023');
    const rs = s.results;
    expect(s.months!.map((m) => m.month)).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(['2023-01', '2023-02', '2023-03'].map((m) => cell(rs, 'online-rate', 'so', m))).toEqual(['1/2 fail', '1/1 pass', '0/0 no-data']);
    expect(cell(rs, 'online-rate', 'huyen', '2023-03')).toBe('1/2 pass');
    expect(['2023-01', '2023-02', '2023-03'].map((m) => cell(rs, 'on-time-rate', 'so', m))).toEqual(['1/2 fail', '1/3 fail', '0/0 no-data']);
    expect(cell(rs, 'on-time-rate', 'huyen', '2023-03')).toBe('2/2 pass');
    expect(cell(rs, 'on-time-rate', 'all', '2023-02')).toBe('1/3 fail');
    // The whole period is still there, month null.
    expect(cell(rs, 'online-rate', 'all', null)).toBe('3/5 no-target');
    expect(cell(rs, 'on-time-rate', 'all', null)).toBe('3/5 fail');
    // March ends at the data's last day; no month after it.
    expect(s.months!.at(-1)).toMatchObject({ month: '2023-03', judgedAt: s.judging.judgedAt });
    expect(rs.some((r) => (r.month ?? '') > '2023-03')).toBe(false);
  });

  it('--as-of ends the months there, with J: as of 31/01 the data end 25/01 (M2 received), when M1 and M2 are open and not yet due', async () => {
    const s = await run(['action/thang.csv'], '2023', { asOf: parsePeriod('2023-01').to });
    expect(s.months).toEqual([{ month: '2023-01', from: s.period.from, to: parsePeriod('2023-01').to, judgedAt: parsePeriod('2023-01').from + 24 }]);
    expect(cell(s.results, 'on-time-rate', 'so', '2023-01')).toBe('2/2 pass');
    expect(cell(s.results, 'on-time-rate', 'so', null)).toBe('2/2 pass');
  });

  it('per unit with --by unit', async () => {
    const s = await run(['action/thang.csv'], '2023', { byUnit: true });
    expect(cell(s.results, 'on-time-rate', 'so', '2023-02', 'Sở Tư pháp')).toBe('1/3 fail');
    expect(cell(s.results, 'online-rate', 'huyen', '2023-03', 'UBND huyện Xuân Lộc')).toBe('1/2 pass');
    // A unit with nothing in a month is not listed for it (zero denominator).
    expect(cell(s.results, 'online-rate', 'so', '2023-03', 'Sở Tư pháp')).toBe('none');
  });

  it.each([
    ['the sample, H1', ['sample/ho-so-2023.csv', 'sample/pakn-2023.csv'], '2023-H1'],
    ['the hand-checked year (supersession across lines, open at the year end), with a workbook', ['hand/ho-so-2023.csv', 'hand/pakn-2023.csv', 'formats/ho-so-2023.xlsx'], '2023'],
  ])('gives for every month what --period gives for that month: %s, per tier and unit', async (_, files, period) => {
    const s = await run(files, period, { byUnit: true, allUnits: true });
    expect(s.months!.length).toBeGreaterThan(0);
    const key = (r: Result) => `${r.indicator} ${r.tier} ${r.unit ?? ''}`;
    const text = (r: Result) => `${r.numerator}/${r.denominator} ${r.status}`;
    for (const m of s.months!) {
      const got = new Map(s.results.filter((r) => r.month === m.month).map((r) => [key(r), text(r)]));
      const alone = await outcome(run(files, m.month, { byUnit: true, allUnits: true, byMonth: false }), (a) => a);
      // A month with no row of the record lists in it: --period refuses it; by month it has no data.
      if ('refused' in alone) expect([...got.values()].every((t) => t.startsWith('0/0'))).toBe(true);
      else expect(got).toEqual(new Map(alone.results.map((r) => [key(r), text(r)])));
    }
  });

  it('writes one block per indicator with the months as columns, and month on the JSON results', async () => {
    const t = await ccch(['score', 'fixtures/action/thang.csv', '--by', 'month', '--lang', 'en']);
    expect(t.stdout).toContain('By month');
    expect(t.stdout).toContain('Mar: judged at 25/03/2023');
    expect(t.stdout).toMatch(/│ Department │ {2}≥ 96% │ 50\.0% ✗ │ 33\.3% ✗ │ +– │/);
    const j = JSON.parse((await ccch(['score', 'fixtures/action/thang.csv', '--by', 'month', '--format', 'json'])).stdout);
    expect(j.months).toEqual([
      { month: '2023-01', from: '2023-01-01', to: '2023-01-31', judgedAt: '2023-01-31' },
      { month: '2023-02', from: '2023-02-01', to: '2023-02-28', judgedAt: '2023-02-28' },
      { month: '2023-03', from: '2023-03-01', to: '2023-03-31', judgedAt: '2023-03-25' },
    ]);
    expect(j.results.find((r: Result) => r.indicator === 'on-time-rate' && r.tier === 'so' && r.month === '2023-02')).toMatchObject({ numerator: 1, denominator: 3, shortfall: 2 });
  });
});
