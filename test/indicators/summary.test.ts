/**
 * Summary reports (báo cáo tổng hợp), fixtures/summary/. Expected counts worked out by hand.
 */
import { describe, it, expect } from 'vitest';
import { scoreFiles, scoreTexts, counts, statusOf } from '../helpers.js';
import { EXPECTED } from './expected.js';
import { parseReportPeriod } from '../../src/ingest/report-period.js';
import { parseCount } from '../../src/util/numbers.js';
import { parsePeriod } from '../../src/model/period.js';
import { daysFromCivil } from '../../src/util/dates.js';

const dossierCounts = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith('feedback')));

describe('a summary report of the same data as fixtures/joins/full.csv', async () => {
  // fixtures/summary/tong-hop-2023.csv: one row per unit, the counts of full.csv by hand
  // (Sở Tư pháp: 5 received = 3 online + 1 direct + 1 BCCI; resolved 1 early, 1 on time, 1 late;
  // open 1 within, 1 past due; 3 digitized; 2 e-results; 3 rated, 2 satisfied; 3 with a fee,
  // 1 paid online, 2 cashless — and likewise for Nhơn Trạch and Long Hưng)
  const s = await scoreFiles(['summary/tong-hop-2023.csv']);

  it('gives exactly the counts of the record list and of the split exports', () => {
    expect(s.inputs[0]).toMatchObject({ dataset: 'summary', rows: 3, counted: 3, rejected: 0, superseded: 0, unmatched: 0, summaryPeriod: 'column' });
    expect(dossierCounts(counts(s))).toEqual(EXPECTED);
  });

  it('per unit too', async () => {
    const a = await scoreFiles(['joins/full.csv'], '2023', true);
    const b = await scoreFiles(['summary/tong-hop-2023.csv'], '2023', true);
    // (The record list ends before 31/12, a year-to-date run with yearEnd; the report is the whole year's.)
    const units = (x: typeof a) => x.results.filter((r) => r.unit !== null && !r.indicator.startsWith('feedback')).map(({ yearEnd: _, ...r }) => r);
    expect(units(b)).toEqual(units(a));
  });

  it('names the summary report as every indicator’s source', () => {
    expect(s.sources.find((x) => x.indicator === 'on-time-rate')!.inputs).toEqual([{ file: 'summary/tong-hop-2023.csv', via: 'summary' }]);
    // no PAKN counts in this report: the PAKN indicators have no source and no data
    expect(s.sources.find((x) => x.indicator === 'feedback-on-time-rate')!.inputs).toEqual([]);
    expect(statusOf(s, 'feedback-on-time-rate', 'all')).toBe('no-data');
  });

  it('refuses a record list and a summary report of the same unit and period as double counting', async () => {
    await expect(scoreFiles(['joins/full.csv', 'summary/tong-hop-2023.csv'])).rejects.toMatchObject({ code: 'input.doubleCounted', params: { unit: 'Sở Tư pháp' } });
  });

  it('rows of another period are rejected, not counted', async () => {
    const q = await scoreFiles(['summary/tong-hop-2023.csv'], '2023-Q1');
    expect(q.inputs[0]).toMatchObject({ rows: 3, counted: 0, rejected: 3 });
    expect(q.problems[0]).toMatchObject({ line: 2, column: 3, header: 'Kỳ báo cáo', code: 'row.otherPeriod' });
  });
});

describe('summary report rules (fixtures/summary/cases.csv, 2023)', async () => {
  // line 2  Sở Xây dựng     Năm 2023; 1.200 = 900 + 250 + 50; on time 1.000, late 40, open 150 within, 10 past; 700 digitized; no PAKN
  // line 3  UBND h. Cẩm Mỹ  superseded by line 12
  // line 4  Xuân Đông       5 + 1 + 1 channels > total 1 → rejected at "Tổng số tiếp nhận" (column 4)
  // line 5  Xuân Tây        "2,5" on time → rejected (column 8)
  // line 6  Sông Ray        -1 online → rejected (column 5)
  // line 7  Lâm San         Quý 1/2023 → another period, rejected (column 3)
  // line 8  Lâm San         blank period → rejected
  // line 9  Lâm San         "tháng mười" → unparseable period, rejected
  // line 10 Chi cục Thuế …  tier undecidable → rejected (column 1)
  // line 11 Chi cục Thuế …  tier Sở: 10 = 2 + 5 + 1 (+2 other); on time 5, late 1, 1 within, 1 past; 4 digitized
  // line 12 UBND h. Cẩm Mỹ  310 = 100 + 190 + 20; on time 200, late 20, 80 within, 10 past; 60 digitized;
  //                         PAKN on time 8, late 2, 1 within, 1 past; 6 rated, 5 satisfied
  const s = await scoreFiles(['summary/cases.csv'], '2023', true);

  it('accounts for every row', () => {
    expect(s.inputs[0]).toMatchObject({ rows: 11, counted: 3, rejected: 7, superseded: 1, unmatched: 0 });
  });

  it('rejects bad cells with line, column and reason', () => {
    const errors = s.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.code]);
    expect(errors).toEqual([
      [4, 4, 'row.partsExceedTotal'],
      [5, 8, 'row.badCount'],
      [6, 5, 'row.badCount'],
      [7, 3, 'row.otherPeriod'],
      [8, 3, 'row.noPeriod'],
      [9, 3, 'row.badPeriod'],
      [10, 1, 'row.tierUndecidable'],
    ]);
    expect(s.problems[0]!.params).toMatchObject({ total: 1, sum: 7 });
  });

  it('computes each indicator from the counts it needs, summing units into tiers', () => {
    expect(counts(s)).toMatchObject({
      'online-rate/so': '902/1210', // 900 + 2 of 1.200 + 10
      'on-time-rate/so': '1156/1208', // (1.000 + 150) + (5 + 1) of (1.000 + 40 + 150 + 10) + (5 + 1 + 1 + 1)
      'digitization-rate/so': '704/1210',
      'online-rate/huyen': '100/310',
      'on-time-rate/huyen': '280/310', // 200 + 80 of 200 + 20 + 80 + 10
      'digitization-rate/huyen': '60/310',
      'feedback-on-time-rate/huyen': '9/12', // 8 + 1 of 8 + 2 + 1 + 1
      'feedback-satisfaction-rate/huyen': '5/6',
      'online-rate/xa': '0/0',
      // no column for e-results, ratings or fees: no data
      'e-result-rate/all': '0/0',
      'satisfaction-rate/all': '0/0',
      'online-payment-rate/all': '0/0',
      'feedback-on-time-rate/so': '0/0',
    });
  });

  it('shows units with --by unit, no-data where their counts are missing', () => {
    expect(statusOf(s, 'feedback-on-time-rate', 'so', 'Sở Xây dựng')).toBeUndefined(); // no PAKN counts at all
    // No e-result counts: a zero denominator, left out of the unit listing (--all-units lists it: test/evaluate/listing.test.ts).
    expect(statusOf(s, 'e-result-rate', 'so', 'Sở Xây dựng')).toBeUndefined();
    expect(statusOf(s, 'online-rate', 'so', 'Sở Xây dựng')).toBeDefined();
    expect(statusOf(s, 'online-rate', 'huyen', 'UBND huyện Cẩm Mỹ')).toBe('pass'); // 100/310 ≥ 30%
  });

  it('takes a report without a period column as covering the scored period', async () => {
    const r = await scoreTexts([{ name: 'th.csv', text: 'Đơn vị,Tổng số tiếp nhận,Trực tuyến\nSở Tư pháp,10,8\n' }], '2023-Q2');
    expect(r.inputs[0]).toMatchObject({ dataset: 'summary', counted: 1, summaryPeriod: 'assumed' });
    expect(counts(r)['online-rate/so']).toBe('8/10');
  });

  it('allows a summary report and a record list of different units', async () => {
    const r = await scoreTexts([
      { name: 'th.csv', text: 'Đơn vị,Tổng số tiếp nhận,Trực tuyến\nSở Xây dựng,10,8\n' },
      { name: 'hs.csv', text: 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nX1,Sở Tư pháp,01/02/2023,Trực tuyến\n' },
    ]);
    expect(counts(r)['online-rate/so']).toBe('9/11');
  });

  it('a summary of PAKN counts does not clash with dossier records of the same unit', async () => {
    const r = await scoreTexts([
      { name: 'th.csv', text: 'Đơn vị,PAKN có đánh giá,PAKN hài lòng\nSở Tư pháp,4,3\n' },
      { name: 'hs.csv', text: 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nX1,Sở Tư pháp,01/02/2023,Trực tuyến\n' },
    ]);
    expect(counts(r)['feedback-satisfaction-rate/so']).toBe('3/4');
    expect(counts(r)['online-rate/so']).toBe('1/1');
  });
});

describe('report periods and counts', () => {
  const y = (a: [number, number, number], b: [number, number, number]) => ({ from: daysFromCivil(...a), to: daysFromCivil(...b) });
  it.each<[string, ReturnType<typeof y> | null]>([
    ['2023', y([2023, 1, 1], [2023, 12, 31])],
    ['Năm 2023', y([2023, 1, 1], [2023, 12, 31])],
    ['2023-Q2', y([2023, 4, 1], [2023, 6, 30])],
    ['Quý II/2023', y([2023, 4, 1], [2023, 6, 30])],
    ['quy 4 nam 2023', y([2023, 10, 1], [2023, 12, 31])],
    ['Q1/2023', y([2023, 1, 1], [2023, 3, 31])],
    ['6 tháng đầu năm 2023', y([2023, 1, 1], [2023, 6, 30])],
    ['6 tháng cuối năm 2023', y([2023, 7, 1], [2023, 12, 31])],
    ['Tháng 02/2024', y([2024, 2, 1], [2024, 2, 29])],
    ['03/2023', y([2023, 3, 1], [2023, 3, 31])],
    ['01/01/2023 - 31/03/2023', y([2023, 1, 1], [2023, 3, 31])],
    ['Từ 01/01/2023 đến 31/03/2023', y([2023, 1, 1], [2023, 3, 31])],
    ['Quý 5/2023', null],
    ['Tháng 13/2023', null],
    ['31/03/2023 - 01/01/2023', null],
    ['tháng mười', null],
  ])('%s', (raw, want) => {
    expect(parseReportPeriod(raw)).toEqual(want);
  });

  it('the scored period and the same period written in Vietnamese agree', () => {
    const p = parsePeriod('2023-H1');
    expect(parseReportPeriod('6 tháng đầu năm 2023')).toEqual({ from: p.from, to: p.to });
  });

  it.each<[string, number]>([
    ['0', 0],
    ['12', 12],
    ['1.234', 1234],
    ['1,234,567', 1234567],
    ['1 234', 1234],
    [' 7 ', 7],
    ['2,5', NaN],
    ['1.23', NaN],
    ['-1', NaN],
    ['abc', NaN],
    ['1e3', NaN],
    ['1.234567', NaN],
    ['', -1],
    ['  ', -1],
  ])('count %j → %d', (raw, want) => {
    expect(parseCount(raw)).toBe(want);
  });
});
