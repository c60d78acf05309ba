/**
 * The hand-checked fixtures in fixtures/hand/: every expected count below was worked out by
 * hand from the rows (see the comments), not by running ccch.
 */
import { describe, it, expect } from 'vitest';
import { scoreFiles, scoreTexts, counts, statusOf } from '../helpers.js';

// fixtures/hand/ho-so-2023.csv, by line (header = line 1):
//  2 HS01 Sở Tư pháp          superseded by line 17
//  3 HS02 Sở Tư pháp          rcv 15/01 due 20/01 res 25/01 (late), offline, not digitized, no e-result, not satisfied, fee 0
//  4 HS03 Sở Xây dựng         rcv 20/02 due 05/03 open, online, digitized, fee 1.200.000 đ by transfer
//  5 HS04 UBND TP Biên Hòa    rcv 05/04 due 20/04 res 18/04, BCCI, not digitized, e-result, very satisfied, fee blank + online payment
//  6 HS05 Phòng TP h. Trảng Bom rcv 30/06 due 10/07 res 05/07, online, digitized, no e-result, neutral, fee 20,000 cash
//  7 HS06 UBND xã Long Hưng, TP Biên Hòa  rcv 10/07 due 15/07 res 20/07 (late), "2" online, digitized, e-result, satisfied
//  8 HS07 UBND tt Dầu Giây    rcv 01/08 due 31/12 open, offline, "Chưa số hóa"
//  9 HS08 BHXH tỉnh           rcv 12/09 res 14/09 ≤ due 15/09, channel "Fax" (warning), digitized, e-result, "5 sao" (warning)
// 10 HS09 Chi cục Thuế …      rejected: tier undecidable
// 11 HS10 Chi cục Thuế …      tier column "Cấp tỉnh" → so; ASCII-folded "Truc tuyen", "co", "khong", "hai long"; on time
// 12 (no code)                rejected
// 13 HS11                     rejected: received 31/02/2023
// 14 HS12                     rejected: due "abc"
// 15 HS13                     rejected: resolved before received
// 16 HS14                     rejected: tier "Làng"
// 17 HS01 Sở Tư pháp          rcv 03/01 due 10/01 res 12/01 (late), online, digitized, e-result, satisfied, 50.000 online
// 18 HS02                     rejected (received "hôm qua"): does not supersede line 3
// 19 HS15 UBND h. Định Quán   tier column Huyện; rcv 2022-12-20, res 2023-01-03 ≤ due 01-05, e-result, satisfied
// 20 HS16 UBND tt Định Quán   rcv 2022-11-01 due 2022-12-01, open
// 21 HS17 Sở Xây dựng         rcv 15/12 due 20/12 res 2024-01-05 (open at end of 2023), online, digitized, 300.000 VNĐ online
// 22-23 HS18 UBND p. Tân Phong rcv 01/11 res 09/11 ≤ due 10/11, online, digitized, e-result, very dissatisfied, 15000 card; note spans 2 lines
// 24 HS19 UBND xã Phú Hữu     rcv 05/11 res 06/11 = due, offline, fee "miễn phí" (= 0: no obligation), cash
// 25 blank line
// 26 HS20 UBND xã Phú Hữu (NFD) rcv 07/11 due 10/11 open, channel blank (warning)
describe('hand-checked dossiers, year 2023', async () => {
  const s = await scoreFiles(['hand/ho-so-2023.csv']);

  it('accounts for every row', () => {
    expect(s.inputs).toHaveLength(1);
    expect(s.inputs[0]).toMatchObject({ dataset: 'dossiers', rows: 23, counted: 15, rejected: 7, superseded: 1, warnings: 3 });
  });

  it('names each rejected row with its line and reason', () => {
    const errors = s.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code]);
    expect(errors).toEqual([
      [10, 'row.tierUndecidable'],
      [12, 'row.noCode'],
      [13, 'row.badDate'],
      [14, 'row.badDate'],
      [15, 'row.resolvedBeforeReceived'],
      [16, 'row.badTier'],
      [18, 'row.badDate'],
    ]);
    const warnings = s.problems.filter((p) => p.severity === 'warning').map((p) => [p.line, p.field, p.params.value]);
    expect(warnings).toEqual([
      [9, 'channel', 'Fax'],
      [9, 'rating', '5 sao'],
      [26, 'channel', ''],
    ]);
    expect(s.problems.find((p) => p.line === 9 && p.field === 'channel')).toMatchObject({ column: 8, header: 'Hình thức nộp' });
  });

  it('computes every indicator per tier and for the province', () => {
    expect(counts(s)).toMatchObject({
      // online: so HS01 HS03 HS10 HS17 online, HS02 not (HS08 Fax out); huyen HS05 / HS04; xa HS06 HS18 / HS07 HS19 (HS20 blank out)
      'online-rate/so': '4/5',
      'online-rate/huyen': '1/2',
      'online-rate/xa': '2/4',
      'online-rate/all': '7/11',
      // on time: so HS08 HS10 / HS01 HS02 late, HS03 HS17 open past due; huyen HS04 HS05 HS15;
      // xa HS07 (open, due 31/12) HS18 HS19 / HS06 late, HS16 HS20 open past due
      'on-time-rate/so': '2/6',
      'on-time-rate/huyen': '3/3',
      'on-time-rate/xa': '3/6',
      'on-time-rate/all': '8/15',
      // satisfaction (resolved in 2023, rated): so HS01 HS10 / HS02 (HS08 "5 sao" out); huyen HS04 HS15 / HS05; xa HS06 HS19 / HS18
      'satisfaction-rate/so': '2/3',
      'satisfaction-rate/huyen': '2/3',
      'satisfaction-rate/xa': '2/3',
      'satisfaction-rate/all': '6/9',
      // digitized (received in 2023; blank = no): so HS01 HS03 HS08 HS10 HS17 / HS02; huyen HS05 / HS04; xa HS06 HS18 / HS07 HS19 HS20
      'digitization-rate/so': '5/6',
      'digitization-rate/huyen': '1/2',
      'digitization-rate/xa': '2/5',
      'digitization-rate/all': '8/13',
      // e-result (resolved in 2023): so HS01 HS08 / HS02 HS10; huyen HS04 HS15 / HS05; xa HS06 HS18 / HS19
      'e-result-rate/so': '2/4',
      'e-result-rate/huyen': '2/3',
      'e-result-rate/xa': '2/3',
      'e-result-rate/all': '6/10',
      // obligation: so HS01 (online) HS03 (transfer) HS17 (online), HS02 fee 0 is none; huyen HS04 (fee blank, paid online) HS05 (cash);
      // xa HS18 (card); HS19's fee is "miễn phí", 0 (no obligation: out); HS15 received in 2022
      'online-payment-rate/so': '2/3',
      'online-payment-rate/huyen': '1/2',
      'online-payment-rate/xa': '0/1',
      'online-payment-rate/all': '3/6',
      'cashless-payment-rate/so': '3/3',
      'cashless-payment-rate/huyen': '1/2',
      'cashless-payment-rate/xa': '1/1',
      'cashless-payment-rate/all': '5/6',
      'feedback-on-time-rate/all': '0/0',
    });
  });

  it('gives each result its status against the plan targets', () => {
    expect(statusOf(s, 'online-rate', 'so')).toBe('pass'); // 80% ≥ 70%
    expect(statusOf(s, 'online-rate', 'all')).toBe('no-target'); // tiers differ: no province target
    expect(statusOf(s, 'on-time-rate', 'huyen')).toBe('pass');
    expect(statusOf(s, 'on-time-rate', 'all')).toBe('fail'); // 8/15 < 96%
    expect(statusOf(s, 'digitization-rate', 'so')).toBe('pass'); // 83% ≥ 50%
    expect(statusOf(s, 'e-result-rate', 'so')).toBe('fail'); // 50% < 60%
    expect(statusOf(s, 'online-payment-rate', 'xa')).toBe('no-target');
    expect(statusOf(s, 'feedback-on-time-rate', 'so')).toBe('no-data');
  });

  it('tier figures are the sums of their units (with --by unit)', async () => {
    const u = await scoreFiles(['hand/ho-so-2023.csv'], '2023', true);
    const xa = u.results.filter((r) => r.indicator === 'on-time-rate' && r.unit !== null && r.tier === 'xa');
    // NFC and NFD spellings of "UBND xã Phú Hữu" are one unit, shown as first spelled.
    expect(xa.map((r) => [r.unit, `${r.numerator}/${r.denominator}`])).toEqual([
      ['UBND phường Tân Phong', '1/1'],
      ['UBND thị trấn Dầu Giây', '1/1'],
      ['UBND thị trấn Định Quán', '0/1'],
      ['UBND xã Long Hưng, TP Biên Hòa', '0/1'],
      ['UBND xã Phú Hữu', '1/2'],
    ]);
    expect(xa.find((r) => r.unit === 'UBND xã Phú Hữu')!.unit).toBe('UBND xã Phú Hữu'.normalize('NFC'));
  });
});

describe('hand-checked dossiers, shorter periods', () => {
  it('2023-Q1: received, resolved and open-at-end are judged at 31/03', async () => {
    const s = await scoreFiles(['hand/ho-so-2023.csv'], '2023-Q1');
    expect(counts(s)).toMatchObject({
      'online-rate/so': '2/3', // HS01 HS03 / HS02
      'online-rate/huyen': '0/0',
      'on-time-rate/so': '0/3', // HS01 HS02 late, HS03 open past its due 05/03
      'on-time-rate/huyen': '1/1', // HS15 resolved 03/01
      'on-time-rate/xa': '0/1', // HS16 open since 2022, past due
      'satisfaction-rate/so': '1/2', // HS01 / HS02
    });
    expect(statusOf(s, 'online-rate', 'huyen')).toBe('no-data');
  });

  it('counts the rows in the period beside the rows counted in the file', async () => {
    // In the period: received or resolved in it (README inputs[].inPeriod).
    // Year 2023: the 15 counted rows but HS16 (received 01/11/2022, still open).
    expect((await scoreFiles(['hand/ho-so-2023.csv'])).inputs[0]).toMatchObject({ counted: 15, inPeriod: 14 });
    // 2023-Q1: received in it HS01 HS02 HS03, resolved in it HS15 (received 20/12/2022).
    expect((await scoreFiles(['hand/ho-so-2023.csv'], '2023-Q1')).inputs[0]).toMatchObject({ counted: 15, inPeriod: 4 });
  });

  it('a superseded row leaves the period count with it', async () => {
    const head = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\n';
    // HS1 in March, then again in April: the April row counts, and is not in Q1.
    const out = await scoreTexts([{ name: 'a.csv', text: `${head}HS1,Sở Y tế,15/03/2023\nHS2,Sở Y tế,16/03/2023\n` }, { name: 'b.csv', text: `${head}HS1,Sở Y tế,15/04/2023\n` }], '2023-Q1');
    expect(out.inputs.map((i) => [i.counted, i.superseded, i.inPeriod])).toEqual([
      [1, 1, 1],
      [1, 0, 0],
    ]);
    // The other way round: the later row is in the period.
    const into = await scoreTexts([{ name: 'a.csv', text: `${head}HS1,Sở Y tế,15/04/2023\n` }, { name: 'b.csv', text: `${head}HS1,Sở Y tế,15/03/2023\n` }], '2023-Q1');
    expect(into.inputs.map((i) => i.inPeriod)).toEqual([0, 1]);
  });

  it('2023-02: a dossier open at the end of the month and not yet due is on time', async () => {
    const s = await scoreFiles(['hand/ho-so-2023.csv'], '2023-02');
    expect(counts(s)).toMatchObject({
      'online-rate/so': '1/1', // HS03
      'on-time-rate/so': '1/1', // HS03 open, due 05/03 ≥ 28/02
      'on-time-rate/huyen': '0/0',
      'on-time-rate/xa': '0/1', // HS16
    });
  });
});

// fixtures/hand/pakn-2023.csv (BOM, semicolons, CRLF):
//  2 PA01 Sở TN&MT   superseded by line 7 (res 20/03 > due 17/03, "Bình thường")
//  3 PA02 UBND h. Long Thành   res 20/05 > due 15/05, not satisfied
//  4 PA03 UBND xã Bàu Hàm      open, due 2024-01-10 ≥ 31/12 → on time; no rating
//  5 PA04 UBND p. Trảng Dài    res 09/06 ≤ 10/06, very satisfied
//  6 PA05                      rejected: no received date
//  8 PA06 "UBND xa Bau Ham"    the same unit as line 4 (ASCII-folded); res = due → on time; "hai long"
//  9 PA07 Công an tỉnh         no due date → on time; no rating
describe('hand-checked feedback (PAKN), year 2023', async () => {
  const s = await scoreFiles(['hand/pakn-2023.csv'], '2023', true);
  it('accounts for every row', () => {
    expect(s.inputs[0]).toMatchObject({ dataset: 'feedback', delimiter: ';', rows: 8, counted: 6, rejected: 1, superseded: 1, warnings: 0 });
    expect(s.problems.map((p) => [p.line, p.code])).toEqual([[6, 'row.noReceived']]);
  });
  it('computes both feedback indicators', () => {
    expect(counts(s)).toMatchObject({
      'feedback-on-time-rate/so': '1/2',
      'feedback-on-time-rate/huyen': '0/1',
      'feedback-on-time-rate/xa': '3/3',
      'feedback-on-time-rate/all': '4/6',
      'feedback-satisfaction-rate/so': '0/1',
      'feedback-satisfaction-rate/huyen': '0/1',
      'feedback-satisfaction-rate/xa': '2/2',
      'feedback-satisfaction-rate/all': '2/4',
      'online-rate/all': '0/0',
    });
    const units = s.results.filter((r) => r.indicator === 'feedback-on-time-rate' && r.tier === 'xa' && r.unit).map((r) => r.unit);
    expect(units).toEqual(['UBND phường Trảng Dài', 'UBND xã Bàu Hàm']);
  });
});

describe('several files', () => {
  it('are read in the order given; a later file supersedes an earlier one', async () => {
    const s = await scoreFiles(['hand/ho-so-2023.csv', 'hand/pakn-2023.csv', 'hand/all-pass.csv']);
    expect(s.inputs.map((i) => [i.file, i.dataset, i.rows, i.counted])).toEqual([
      ['hand/ho-so-2023.csv', 'dossiers', 23, 15],
      ['hand/pakn-2023.csv', 'feedback', 8, 6],
      ['hand/all-pass.csv', 'dossiers', 3, 3],
    ]);
    const twice = await scoreFiles(['hand/ho-so-2023.csv', 'hand/ho-so-2023.csv']);
    // Every accepted row of the first copy is superseded by the second.
    expect(twice.inputs.map((i) => [i.counted, i.superseded])).toEqual([
      [0, 16],
      [15, 1],
    ]);
    expect(counts(twice)).toEqual(counts(await scoreFiles(['hand/ho-so-2023.csv'])));
  });

  it('all-pass.csv meets every target it has data for (A3, resolved at its due minute, is on time)', async () => {
    const s = await scoreFiles(['hand/all-pass.csv']);
    expect(s.summary.fail).toBe(0);
    expect(counts(s)).toMatchObject({ 'on-time-rate/xa': '1/1', 'online-payment-rate/all': '2/2' });
  });
});
