/**
 * `ccch explain`'s rows add up to `score`'s numbers: for every indicator and tier (and the
 * province), and for every unit of the smaller sets, the rows `--which denominator` lists are
 * exactly N, those marked in the numerator exactly n — on the hand fixtures, the joined exports,
 * the judging moment (data ending early, --as-of), supersession across files and the bundled
 * sample year. `--which numerator` and `not-numerator` list the two parts, disjoint.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../../helpers.js';

interface ScoreResult {
  indicator: string;
  tier: string;
  unit: string | null;
  numerator: number;
  denominator: number;
}
interface Row {
  file: string;
  line: number;
  code: string;
  numerator: boolean;
}

async function json(args: string[]) {
  const r = await ccch([...args, '--format', 'json', '--lang', 'en']);
  if (r.code === 2) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const SETS: Array<{ name: string; files: string[]; extra?: string[]; units?: boolean }> = [
  { name: 'hand', files: ['fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv'], units: true },
  { name: 'hand Q1', files: ['fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv'], extra: ['--period', '2023-Q1'], units: true },
  {
    name: 'joins',
    files: ['fixtures/joins/dossiers.csv', 'fixtures/joins/online.csv', 'fixtures/joins/digitization.csv', 'fixtures/joins/payments.csv', 'fixtures/joins/online-extra.csv'],
    units: true,
  },
  { name: 'xlsx and utf-16', files: ['fixtures/formats/ho-so-2023.xlsx', 'fixtures/formats/pakn-2023.tab.txt'] },
  { name: 'joins full', files: ['fixtures/joins/full.csv', 'fixtures/joins/payments-extra.csv'], units: true },
  { name: 'judging', files: ['fixtures/judging/ho-so-den-30-06.csv', 'fixtures/judging/pakn-den-30-06.csv'], units: true },
  { name: 'judging as-of', files: ['fixtures/judging/ho-so-den-15-07.csv'], extra: ['--as-of', '2023-06-30'], units: true },
  { name: 'judging minutes', files: ['fixtures/judging/phut.csv'], units: true },
  { name: 'superseding across files', files: ['fixtures/judging/ho-so-den-30-06.csv', 'fixtures/judging/ho-so-den-15-07.csv'], units: true },
  { name: 'sample', files: ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'] },
  { name: 'sample with --units', files: ['fixtures/sample/ho-so-2023.csv'], extra: ['--units', 'fixtures/units/don-vi.csv', '--period', '2023-H1'] },
  { name: 'sample Q3 as-of', files: ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'], extra: ['--period', '2023-Q3', '--as-of', '2023-08-20'] },
];

describe('explain adds up to score', () => {
  for (const set of SETS) {
    it(`every indicator × tier${set.units ? ' and unit' : ''}: ${set.name}`, async () => {
      const extra = set.extra ?? [];
      const score = await json(['score', ...set.files, ...extra, ...(set.units ? ['--by', 'unit'] : [])]);
      // The plan's indicators (score's sources name each), not the catalog or units measures.
      const ids = new Set((score.sources as Array<{ indicator: string }>).map((s) => s.indicator));
      const results = (score.results as ScoreResult[]).filter((r) => ids.has(r.indicator));
      let checked = 0;
      for (const res of results) {
        if (!['so', 'huyen', 'xa', 'all'].includes(res.tier) || typeof res.numerator !== 'number') continue;
        const scope = res.unit !== null ? ['--tier', res.tier, '--unit', res.unit] : res.tier === 'all' ? [] : ['--tier', res.tier];
        const e = await json(['explain', res.indicator, ...set.files, ...extra, ...scope]);
        const rows = e.rows as Row[];
        const what = `${res.indicator} ${res.tier} ${res.unit ?? ''}`;
        expect([e.numerator, e.denominator], what).toEqual([res.numerator, res.denominator]);
        expect(rows.length, what).toBe(res.denominator);
        expect(rows.filter((r) => r.numerator).length, what).toBe(res.numerator);
        // One row per dossier code: a superseded row is never listed with its successor.
        expect(new Set(rows.map((r) => r.code)).size, what).toBe(rows.length);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(9 * 4);
    }, 120_000);
  }

  it('numerator and not-numerator split the denominator', async () => {
    const files = ['fixtures/judging/ho-so-den-30-06.csv', 'fixtures/judging/pakn-den-30-06.csv'];
    for (const ind of ['on-time-rate', 'online-rate', 'feedback-on-time-rate']) {
      const den = (await json(['explain', ind, ...files])).rows as Row[];
      const num = (await json(['explain', ind, ...files, '--which', 'numerator'])).rows as Row[];
      const not = (await json(['explain', ind, ...files, '--which', 'not-numerator'])).rows as Row[];
      const key = (r: Row) => `${r.file}:${r.line}`;
      expect(num.map(key).sort()).toEqual(den.filter((r) => r.numerator).map(key).sort());
      expect(not.map(key).sort()).toEqual(den.filter((r) => !r.numerator).map(key).sort());
      expect(num.every((r) => r.numerator) && not.every((r) => !r.numerator)).toBe(true);
    }
  });
});
