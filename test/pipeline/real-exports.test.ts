/**
 * Exports as real one-stop systems write them (docs/domain.md "Dossier status", "Values as
 * real systems write them", "A mapping file"): every count below was worked out by hand from
 * the fixture's rows (see the comments), not by running ccch.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch, counts, fixture, plan, refused, scoreFiles, textSource } from '../helpers.js';
import { score } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import { parseMapping } from '../../src/ingest/side/map-file.js';

// fixtures/real-exports/trang-thai.csv, Sở Tư pháp, January 2023 (judged at 20/01, the data's last day):
//  T1 "Đã trả kết quả" (no effect)  rcv 05/01 due 10/01 res 09/01, online, e-result yes: on time
//  T2 "Không được tiếp nhận"        excluded
//  T3 "Công dân rút" (withdrawn)    rcv 06/01 due 08/01 res 20/01 (after due), online, e-result yes:
//                                   on time all the same; in e-result's denominator only
//  T4 "Dừng xử lý" (stopped)        rcv 07/01, no resolved date, offline: in no on-time count (a warning)
//  T5 "Chờ ký duyệt" (unknown)      rcv 08/01 due 10/01 res 12/01 (late), online, e-result no (a warning)
//  T6 "3" (the portal's not accepted) excluded
//  T7 "Đang xử lý"                  rcv 10/01 due 11/01, open (late at 20/01), "DVC trực tuyến" (online)
describe('the dossier status column', async () => {
  const s = await scoreFiles(['real-exports/trang-thai.csv'], '2023-01');
  it('excludes the dossiers never accepted, in the accounting: rows = counted + rejected + superseded + excluded', () => {
    expect(s.inputs[0]).toMatchObject({ rows: 7, counted: 5, rejected: 0, superseded: 0, excluded: 2, excludedBy: { asOf: 0, notAccepted: 2 }, warnings: 2 });
    const codes = s.problems.map((p) => `${p.line}:${p.code}`);
    expect(codes).toEqual(['3:row.excluded', '5:status.withdrawnOpen', '6:value.unknown', '7:row.excluded']);
  });
  it('counts withdrawn and stopped dossiers by the form 06 rule', () => {
    const c = counts(s);
    expect(c['online-rate/so']).toBe('4/5'); // T1 T3 T5 T7 of T1 T3 T4 T5 T7
    expect(c['on-time-rate/so']).toBe('2/4'); // T1 T3 / T5 T7 (T4 out)
    expect(c['e-result-rate/so']).toBe('1/3'); // T1 / T3 (withdrawn) T5
  });
  it('a mapping file can give a status its meaning', async () => {
    const mapping = parseMapping('values:\n  status: { "Chờ ký duyệt": excluded }\n', 'm.yaml');
    const t = await score({ plan: await plan(), period: parsePeriod('2023-01'), inputs: [fileSource(fixture('real-exports/trang-thai.csv'), 't.csv')], mapping });
    expect(t.inputs[0]).toMatchObject({ counted: 4, excluded: 3, warnings: 1 });
    expect(counts(t)['on-time-rate/so']).toBe('2/3');
  });
});

// fixtures/real-exports/he-thong.csv: OpenCPS-style headers (Mã số hồ sơ, Cơ quan thụ lý, Ngày
// tiếp nhận hồ sơ, Ngày hẹn trả kết quả), a processing end and a hand-over date, values as
// systems write them. January 2023, judged at 12/01 (V2's hand-over date, its resolved date).
//  V1 UBND H. Nhơn Trạch → huyện. res 09/01 (hand-over 11/01 not read) ≤ due 10/01: on time;
//     "Trực tuyến toàn trình" online; "Đã" digitized; e-result; satisfied; 50.000 by "VNPT Pay" (online)
//  V2 UBND TT. Trảng Bom → xã. processing end blank: hand-over 12/01 > due 10/01, late; "Trực tuyến
//     một phần" online; "Chưa" not digitized; e-result no; "Chưa hài lòng" not satisfied; "Miễn phí": no obligation
//  V3 UBND P.Tân Phong → xã. on time; "Qua bưu điện" not online; not digitized; e-result blank = no;
//     "Chưa đánh giá" not rated; 20.000 by "Thẻ ATM" (other non-cash)
//  V4 Chi cục Thuế …, tier "Sở, ban, ngành" → sở. no due: on time; "Trực tiếp tại Bộ phận một cửa" not
//     online; digitized; e-result; satisfied; fee blank, "PayGov" (online): an obligation, paid online
//  V5 UBND TX. Long Khánh, tier "Huyện/TP" → huyện. open, due 08/01: late at 12/01; "DVC trực tuyến"
//     online; digitized blank = no; 100.000 by "Cổng DVC quốc gia" (online)
//  V6 UBND xã Phú Hữu, tier "Phường" → xã. on time; channel "Fax" unknown (a warning); digitized;
//     e-result; satisfied; fee blank, "Chuyển khoản qua ngân hàng" (other non-cash): an obligation
describe('values, tiers and headers as real systems write them', async () => {
  const s = await scoreFiles(['real-exports/he-thong.csv'], '2023-01');
  it('reads every row', () => {
    expect(s.inputs[0]).toMatchObject({ rows: 6, counted: 6, rejected: 0, warnings: 1 });
    expect(s.inputs[0]!.columns).toMatchObject({ code: 'Mã số hồ sơ', unit: 'Cơ quan thụ lý', received: 'Ngày tiếp nhận hồ sơ', due: 'Ngày hẹn trả kết quả', resolved: 'Ngày kết thúc xử lý', handedOver: 'Ngày trả kết quả' });
    expect(s.judging.judgedAt).toBe(Date.UTC(2023, 0, 12) / 86_400_000);
  });
  it('gives the hand-checked counts', () => {
    expect(counts(s)).toMatchObject({
      'online-rate/so': '0/1',
      'online-rate/huyen': '2/2',
      'online-rate/xa': '1/2',
      'on-time-rate/so': '1/1',
      'on-time-rate/huyen': '1/2',
      'on-time-rate/xa': '2/3',
      'satisfaction-rate/huyen': '1/1',
      'satisfaction-rate/xa': '1/2',
      'digitization-rate/all': '3/6',
      'e-result-rate/xa': '1/3',
      'online-payment-rate/huyen': '2/2',
      'online-payment-rate/xa': '0/2',
      'cashless-payment-rate/all': '5/5',
    });
  });
  it('lists the values no list knew, per field, most frequent first', () => {
    expect(s.unknownValues).toEqual([{ field: 'channel', values: [{ value: 'Fax', count: 1 }], more: 0 }]);
  });
});

describe('a DuocThanhToanTrucTuyen column: 0 and 3 are "not paid online, method not stated"', async () => {
  // P1 fee 10.000, "3": in both denominators, in neither numerator; P2 fee 10.000, "1" online; P3 "0", fee 0: no obligation.
  const text = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Phí lệ phí,DuocThanhToanTrucTuyen\nP1,Sở Tư pháp,05/01/2023,10.000,3\nP2,Sở Tư pháp,05/01/2023,10.000,1\nP3,Sở Tư pháp,05/01/2023,0,0\n';
  const s = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [textSource({ name: 'p.csv', text })] });
  it('counts them', () => {
    expect(counts(s)['online-payment-rate/so']).toBe('1/2');
    expect(counts(s)['cashless-payment-rate/so']).toBe('1/2');
  });
});

describe('the channel as a yes/no column', async () => {
  // Y1 x: online; Y2 blank: not online; Y3 "Không": not online. Z: the file has a channel column too, which decides.
  const flag = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hồ sơ trực tuyến\nY1,Sở Tư pháp,05/01/2023,x\nY2,Sở Tư pháp,05/01/2023,\nY3,Sở Tư pháp,05/01/2023,Không\n';
  const both = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Trực tuyến,Hình thức nộp\nZ1,Sở Tư pháp,05/01/2023,x,Trực tiếp\n';
  it('reads x/blank, Có/Không as online or not', async () => {
    const s = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [textSource({ name: 'f.csv', text: flag })] });
    expect(counts(s)['online-rate/so']).toBe('1/3');
    expect(s.inputs[0]!.missingFor['online-rate']).toBeUndefined();
  });
  it('the channel column decides when there is one', async () => {
    const s = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [textSource({ name: 'b.csv', text: both })] });
    expect(counts(s)['online-rate/so']).toBe('0/1');
  });
});

describe('a mapping file', () => {
  const text = 'Mã hồ sơ,Nơi tiếp nhận,Ngày tiếp nhận,Ngày có KQ,Hình thức nộp,Phí lệ phí,Hình thức thanh toán\nQ1,Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu,05/01/2023,06/01/2023,Cổng DVC tỉnh,Theo quy định,Viettel Money\nQ2,UBND xã Long Hưng,05/01/2023,,Tại quầy,0,\n';
  const yaml = [
    'headers:',
    '  resolved: ["Ngày có KQ"]',
    '  unit: ["Nơi tiếp nhận"]',
    'values:',
    '  channel: { "Cổng DVC tỉnh": online, "Tại quầy": not-online }',
    '  payment: { "Viettel Money": cashless }',
    '  fee: { "Theo quy định": 50000 }',
    'units:',
    '  "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu": { tier: so }',
  ].join('\n');
  it('adds headers, values, fees and units for the run', async () => {
    const mapping = parseMapping(yaml, 'm.yaml');
    const s = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [textSource({ name: 'q.csv', text })], mapping });
    // Q1: unit by the mapping's tier (sở), online, 50 000 owed, paid cashless, not online; Q2: xã, not online, no fee.
    expect(s.inputs[0]).toMatchObject({ counted: 2, rejected: 0, warnings: 0 });
    expect(counts(s)).toMatchObject({ 'online-rate/so': '1/1', 'online-rate/xa': '0/1', 'cashless-payment-rate/so': '1/1', 'online-payment-rate/so': '0/1' });
    // Without it: no unit column, the file is refused.
    await expect(score({ plan: await plan(), period: parsePeriod('2023'), inputs: [textSource({ name: 'q.csv', text })] })).rejects.toMatchObject({ code: 'input.missingRequired' });
  });

  it.each([
    ['headers:\n  nope: [x]\n', 'headers.nope', 2],
    ['values:\n  channel: { "A": onlin }\n', 'values.channel.A', 2],
    ['values:\n  fee: { "A": -5 }\n', 'values.fee.A', 2],
    ['units:\n  "X": { tier: tinh }\n', 'units.X.tier', 2],
    ['colour: red\n', 'colour', 1],
  ])('refuses %j naming the path %s and its line', (src, path, line) => {
    let err: unknown;
    try {
      parseMapping(src, 'm.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'map.schema', params: { path }, where: { file: 'm.yaml', line } });
  });

  it('refuses a YAML that does not parse, exit 2 from the CLI with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccch-map-'));
    writeFileSync(join(dir, 'bad.yaml'), 'headers: [unclosed\n');
    const r = await ccch(['score', fixture('real-exports/trang-thai.csv'), '--map', join(dir, 'bad.yaml'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('mapping file: invalid YAML');
  });
});

describe('a --period outside the plan year', () => {
  it('is warned in one line: the targets are the plan year\'s', async () => {
    const r = await ccch(['score', fixture('hand/ho-so-2023.csv'), '--period', '2022', '--lang', 'en']);
    expect(r.stderr).toMatch(/2022.*2023/);
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('2022'))).toHaveLength(1);
    const same = await ccch(['score', fixture('hand/ho-so-2023.csv'), '--period', '2023', '--lang', 'en']);
    expect(same.stderr).not.toMatch(/plan year|outside/i);
  });
});

describe('errors of the month-first refusal come out as one line, exit 2', () => {
  it('from the CLI', async () => {
    const r = await ccch(['score', fixture('real-exports/ngay-kieu-my.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--date-order mdy');
    const ok = await ccch(['score', fixture('real-exports/ngay-kieu-my.csv'), '--date-order', 'mdy', '--period', '2023-Q1']);
    expect(ok.code).not.toBe(2);
  });
  it('a refusal is a CcchError', async () => {
    const e = await refused(scoreFiles(['real-exports/ngay-kieu-my.csv']));
    expect(e.kind).toBe('input');
  });
});
