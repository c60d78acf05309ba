import { describe, expect, it } from 'vitest';
import { COVERAGE_GAP_DAYS, coverageWarnings, expectedEnd } from '../../src/evaluate/coverage.js';
import { emptyReport, type InputReport } from '../../src/model/accounting.js';
import type { InputKind } from '../../src/model/kinds.js';
import { daysFromCivil } from '../../src/util/dates.js';

const d = (m: number, day: number) => daysFromCivil(2023, m, day);
const MARCH = { from: d(3, 1), to: d(3, 31), label: '2023-03' };
const END = expectedEnd(MARCH, null, null);

/** A record list's report as ingest leaves it (dates of its counted rows). */
function list(dataset: InputKind, dates: { from: number; to: number; receivedTo: number; inPeriod: number } | null): InputReport {
  const r = emptyReport(`${dataset}.csv`, dataset);
  r.dataFrom = dates?.from ?? null;
  r.dataTo = dates?.to ?? null;
  r.receivedTo = dates?.receivedTo ?? null;
  r.inPeriod = dates?.inPeriod ?? 0;
  return r;
}

describe('coverage warnings', () => {
  it('a dossier list ends early when its last received date is more than 3 days before the period\'s end', () => {
    expect(COVERAGE_GAP_DAYS).toBe(3);
    // 28/03 is 3 days before 31/03: covered; 27/03 is 4: not.
    const ok = list('dossiers', { from: d(3, 1), to: d(3, 28), receivedTo: d(3, 28), inPeriod: 5 });
    expect(coverageWarnings([ok], MARCH, END)).toEqual([]);
    const early = list('dossiers', { from: d(3, 1), to: d(3, 31), receivedTo: d(3, 27), inPeriod: 5 });
    expect(coverageWarnings([early], MARCH, END)).toEqual([
      { file: 'dossiers.csv', line: null, column: null, header: null, severity: 'warning', field: null, code: 'coverage.endsEarly', params: { last: '2023-03-27', expected: '2023-03-31', by: 'period', days: 4 } },
    ]);
    // A resolution on 31/03 does not hide that nothing was received after 27/03; each warning counts in its file's warnings.
    expect(early.warnings).toBe(1);
    expect(ok.warnings).toBe(0);
  });

  it('a feedback list is not held to the end (a few PAKN a week), but must have a row in the period', () => {
    const pakn = list('feedback', { from: d(3, 2), to: d(3, 16), receivedTo: d(3, 10), inPeriod: 2 });
    expect(coverageWarnings([pakn], MARCH, END)).toEqual([]);
    const old = list('feedback', { from: d(2, 2), to: d(2, 20), receivedTo: d(2, 20), inPeriod: 0 });
    expect(coverageWarnings([old], MARCH, END).map((p) => [p.code, p.params])).toEqual([
      ['coverage.noRowsInPeriod', { period: '2023-03', from: '2023-03-01', to: '2023-03-31', dataFrom: '2023-02-02', dataTo: '2023-02-20' }],
    ]);
  });

  it('no row in the period: one warning (not also "ends early"); none counted at all: said so', () => {
    const none = list('dossiers', null);
    expect(coverageWarnings([none], MARCH, END).map((p) => [p.code, p.params.dataFrom])).toEqual([['coverage.noRowsInPeriod', '']]);
    const feb = list('dossiers', { from: d(2, 1), to: d(2, 28), receivedTo: d(2, 27), inPeriod: 0 });
    expect(coverageWarnings([feb], MARCH, END).map((p) => p.code)).toEqual(['coverage.noRowsInPeriod']);
  });

  it('other kinds (fact exports, summary reports, side files) have no dates: no warning', () => {
    for (const k of ['online', 'summary', 'units'] as const) expect(coverageWarnings([emptyReport(`${k}.csv`, k)], MARCH, END)).toEqual([]);
  });

  it('the day the data should reach: the period\'s end, --as-of or today, whichever is first', () => {
    expect(expectedEnd(MARCH, null, null)).toEqual({ day: d(3, 31), by: 'period' });
    expect(expectedEnd(MARCH, d(3, 20), null)).toEqual({ day: d(3, 20), by: 'asOf' });
    expect(expectedEnd(MARCH, d(3, 20), d(3, 15))).toEqual({ day: d(3, 15), by: 'today' });
    expect(expectedEnd(MARCH, d(3, 20), d(4, 15))).toEqual({ day: d(3, 20), by: 'asOf' });
    const mid = list('dossiers', { from: d(3, 1), to: d(3, 20), receivedTo: d(3, 20), inPeriod: 5 });
    // A month still running on the 22nd: the data reach the 20th, 2 days before: covered.
    expect(coverageWarnings([mid], MARCH, expectedEnd(MARCH, null, d(3, 22)))).toEqual([]);
    expect(coverageWarnings([mid], MARCH, expectedEnd(MARCH, null, d(3, 24)))[0]!.params).toMatchObject({ last: '2023-03-20', expected: '2023-03-24', by: 'today', days: 4 });
    // A run before the period begins expects nothing of its end.
    expect(coverageWarnings([mid], MARCH, expectedEnd(MARCH, null, d(2, 10)))).toEqual([]);
  });
});
