/**
 * The rest of the year (issue 16), worked out by hand. fixtures/action/thang.csv ends on 25/03/2023
 * (see test/pipeline/months.test.ts): J = 25/03, 84 days of 2023 elapsed (31 + 28 + 25), 281 left.
 *   online-rate, Sở 2/3 at ≥ 70%: rest round(3 × 281 / 84) = round(10.04) = 10; the year 13 needs
 *     ceil(9.1) = 10, so 10 − 2 = 8 of the 10 to come: 80%, reachable.
 *   on-time-rate, Sở 1/3 at ≥ 96%: the year 13 needs ceil(12.48) = 13, 12 of 10: out of reach.
 *   on-time-rate, huyện 2/2: rest round(2 × 281 / 84) = round(6.69) = 7; the year 9 needs
 *     ceil(8.64) = 9: 7 of 7, 100%, reachable.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../helpers.js';
import { yearEnd, yearToDate } from '../../src/evaluate/year-end.js';
import { parsePeriod } from '../../src/model/period.js';
import { daysFromCivil } from '../../src/util/dates.js';
import type { Result } from '../../src/model/result.js';

const r = (n: number, d: number, target: number | null, more: Partial<Result> = {}): Result => ({
  indicator: 'x',
  clause: 'c',
  tier: 'so',
  unit: null,
  numerator: n,
  denominator: d,
  value: d ? (n / d) * 100 : null,
  target,
  status: 'fail',
  ...more,
});
const half = { elapsed: 100, left: 100 };

describe('yearToDate', () => {
  it('is the days before and after J for a run from 1 January ending before 31 December', () => {
    expect(yearToDate(2023, parsePeriod('2023'), daysFromCivil(2023, 3, 25))).toEqual({ elapsed: 84, left: 281 });
    expect(yearToDate(2023, parsePeriod('2023-Q1'), daysFromCivil(2023, 3, 31))).toEqual({ elapsed: 90, left: 275 });
    expect(yearToDate(2023, parsePeriod('2023'), daysFromCivil(2023, 12, 30))).toEqual({ elapsed: 364, left: 1 });
  });
  it('is null for a whole year, a period not starting on 1 January, or another year', () => {
    expect(yearToDate(2023, parsePeriod('2023'), daysFromCivil(2023, 12, 31))).toBeNull();
    expect(yearToDate(2023, parsePeriod('2023-Q2'), daysFromCivil(2023, 6, 30))).toBeNull();
    expect(yearToDate(2023, parsePeriod('2024-Q1'), daysFromCivil(2024, 3, 31))).toBeNull();
    expect(yearToDate(2023, parsePeriod('2023'), null)).toBeNull();
  });
});

describe('yearEnd', () => {
  it('projects the denominator at the same daily volume and needs the year’s shortfall of it', () => {
    expect(yearEnd(r(2, 3, 70), { elapsed: 84, left: 281 })).toEqual({ estimate: true, daysElapsed: 84, daysLeft: 281, denominator: 10, numerator: 8, rate: 80, reachable: true });
    expect(yearEnd(r(1, 3, 96), { elapsed: 84, left: 281 })).toMatchObject({ denominator: 10, numerator: 12, reachable: false });
  });
  it('is exact at the boundaries: all of the rest is reachable, one more is not; a year already made needs 0', () => {
    // Half the year gone, 100 so far, 100 to come: the year 200.
    expect(yearEnd(r(0, 100, 50), half)).toMatchObject({ denominator: 100, numerator: 100, rate: 100, reachable: true });
    expect(yearEnd(r(0, 100, 50.5), half)).toMatchObject({ numerator: 101, reachable: false });
    expect(yearEnd(r(20, 100, 20), half)).toMatchObject({ numerator: 20, rate: 20, reachable: true });
    expect(yearEnd(r(100, 100, 20), half)).toMatchObject({ numerator: 0, rate: 0, reachable: true });
    // The denominator rounded half up: 1 × 1 / 2 = 0.5 → 1.
    expect(yearEnd(r(0, 1, 50), { elapsed: 2, left: 1 })).toMatchObject({ denominator: 1, numerator: 1, reachable: true });
  });
  it('is null with no target or no data, for a month, a catalog or units measure, or a target not served by more in the numerator', () => {
    expect(yearEnd(r(1, 2, null), half)).toBeNull();
    expect(yearEnd(r(0, 0, 50), half)).toBeNull();
    expect(yearEnd(r(1, 2, 50, { month: '2023-03' }), half)).toBeNull();
    expect(yearEnd(r(1, 2, 50, { source: 'catalog' }), half)).toBeNull();
    expect(yearEnd(r(1, 2, 50, { comparison: '<=' }), half)).toBeNull();
  });
});

describe('the command line', () => {
  it('writes the need in the table, marked as an estimate, in both languages', async () => {
    const vi = (await ccch(['score', 'fixtures/action/thang.csv'])).stdout;
    expect(vi).toContain('Cả năm (ước tính)');
    expect(vi).toMatch(/│ Sở +│ +66,6% │ 2\/3 │ +≥ 70% │ ✗ Không đạt, thiếu 1 hồ sơ │ cần ≥ 80,0% từ nay đến cuối(\s|│)+năm/);
    expect(vi).toMatch(/│ Sở +│ +33,3% │ 1\/3 │ +≥ 96% │ ✗ Không đạt, thiếu 2 hồ sơ │ không thể đạt trong năm +│/);
    expect(vi).toContain('nếu 281 ngày còn lại của năm');
    const en = (await ccch(['score', 'fixtures/action/thang.csv', '--lang', 'en'])).stdout;
    expect(en).toContain('Year end (estimate)');
    expect(en).toMatch(/needs ≥ 100\.0% for the rest of(\s|│)+the year/);
    expect(en).toContain('out of reach this year');
  });

  it('writes yearEnd in the JSON (estimate: true), null where it does not apply or the run is not year to date', async () => {
    const j = JSON.parse((await ccch(['score', 'fixtures/action/thang.csv', '--format', 'json'])).stdout);
    const so = j.results.find((x: Result) => x.indicator === 'online-rate' && x.tier === 'so');
    expect(so.yearEnd).toEqual({ estimate: true, daysElapsed: 84, daysLeft: 281, denominator: 10, numerator: 8, rate: 80, reachable: true });
    expect(j.results.find((x: Result) => x.indicator === 'online-rate' && x.tier === 'all').yearEnd).toBeNull(); // no target
    const q2 = JSON.parse((await ccch(['score', 'fixtures/sample/ho-so-2023.csv', '--period', '2023-Q2', '--format', 'json'])).stdout);
    expect(q2.results.every((x: Result) => x.yearEnd === null)).toBe(true);
    expect((await ccch(['score', 'fixtures/sample/ho-so-2023.csv', '--period', '2023-Q2'])).stdout).not.toContain('ước tính');
  });

  it('writes the shortfall and the estimate in the CI formats, months named in them', async () => {
    const gh = (await ccch(['score', 'fixtures/action/thang.csv', '--by', 'month', '--format', 'github'])).stdout;
    expect(gh).toContain('— Sở: 66,6%25 (2/3), mục tiêu ≥ 70%25, thiếu 1 hồ sơ; Cả năm (ước tính): cần ≥ 80,0%25 từ nay đến cuối năm');
    expect(gh).toContain('(Sở · 2023-01)');
    const ju = (await ccch(['score', 'fixtures/action/thang.csv', '--by', 'month', '--format', 'junit', '--lang', 'en'])).stdout;
    expect(ju).toContain('2 dossiers short; Year end (estimate): out of reach this year');
    expect(ju).toContain('name="Department · 2023-02"');
  });

  it('marks it as an estimate in the HTML', async () => {
    const h = (await ccch(['score', 'fixtures/action/thang.csv', '--format', 'html'])).stdout;
    expect(h).toContain('<span class="yearend" data-estimate="true">Cả năm (ước tính): cần ≥ 80,0% từ nay đến cuối năm</span>');
  });
});
