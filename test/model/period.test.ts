import { describe, expect, it } from 'vitest';
import { parsePeriod, readPeriod } from '../../src/model/period.js';
import { daysFromCivil } from '../../src/util/dates.js';
import { CcchError } from '../../src/model/errors.js';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('parsePeriod: every form the data writes, one canonical label', () => {
  it.each<[string, string, [number, number, number], [number, number, number]]>([
    ['2023', '2023', [2023, 1, 1], [2023, 12, 31]],
    ['Năm 2023', '2023', [2023, 1, 1], [2023, 12, 31]],
    ['2023-q2', '2023-Q2', [2023, 4, 1], [2023, 6, 30]],
    ['Quý I/2023', '2023-Q1', [2023, 1, 1], [2023, 3, 31]],
    ['quy iv nam 2023', '2023-Q4', [2023, 10, 1], [2023, 12, 31]],
    ['Q3/2023', '2023-Q3', [2023, 7, 1], [2023, 9, 30]],
    ['2023-H2', '2023-H2', [2023, 7, 1], [2023, 12, 31]],
    ['6 tháng đầu năm 2023', '2023-H1', [2023, 1, 1], [2023, 6, 30]],
    ['2023-03', '2023-03', [2023, 3, 1], [2023, 3, 31]],
    ['03/2023', '2023-03', [2023, 3, 1], [2023, 3, 31]],
    ['3/2023', '2023-03', [2023, 3, 1], [2023, 3, 31]],
    ['Tháng 2 năm 2024', '2024-02', [2024, 2, 1], [2024, 2, 29]],
    ['15/04/2023', '2023-04-15..2023-04-15', [2023, 4, 15], [2023, 4, 15]],
    ['2023-04-15', '2023-04-15..2023-04-15', [2023, 4, 15], [2023, 4, 15]],
    ['01/01/2023 - 31/03/2023', '2023-01-01..2023-03-31', [2023, 1, 1], [2023, 3, 31]],
    ['từ 01/01/2023 đến 31/05/2023', '2023-01-01..2023-05-31', [2023, 1, 1], [2023, 5, 31]],
    ['2023-01-01..2023-05-31', '2023-01-01..2023-05-31', [2023, 1, 1], [2023, 5, 31]],
  ])('%s → %s', (raw, label, from, to) => {
    expect(parsePeriod(raw)).toEqual({ label, from: day(...from), to: day(...to) });
  });

  it.each(['2023-Q5', 'Quý 5/2023', '13/2023', '2023-13', '31/02/2023', '31/03/2023 - 01/01/2023', 'tháng mười', '', 'Q1'])('refuses %j with a coded usage error', (raw) => {
    expect(() => parsePeriod(raw)).toThrow(CcchError);
    try {
      parsePeriod(raw);
    } catch (e) {
      expect((e as CcchError).code).toBe('usage.period');
    }
  });

  it('a single day is a period for --period, never for a report column (readPeriod without oneDay)', () => {
    expect(readPeriod('15/04/2023')).toBeNull();
    expect(readPeriod('15/04/2023', true)?.label).toBe('2023-04-15..2023-04-15');
  });
});
