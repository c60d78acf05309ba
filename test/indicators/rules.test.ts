/** Every value of every vocabulary, and the obligation and open-at-end rules, on one-row inputs. */
import { describe, it, expect } from 'vitest';
import { scoreTexts, counts } from '../helpers.js';
import { CHANNEL, YES_NO, RATING, PAYMENT } from '../../src/ingest/vocabulary.js';
import fc from 'fast-check';
import { RULES, RULE_ORDER, applyRule } from '../../src/indicators/rules.js';
import type { RowRecord } from '../../src/model/record.js';

const HEAD = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý';
/** One dossier of UBND xã Long Hưng, received 10/03/2023, due 20/03, resolved 15/03, plus extra columns. */
async function one(extraHead: string, extra: string, period = '2023') {
  const text = `${HEAD},${extraHead}\nHS1,UBND xã Long Hưng,10/03/2023,20/03/2023,15/03/2023,${extra}\n`;
  return counts(await scoreTexts([{ name: 't.csv', text }], period));
}

describe('vocabularies', () => {
  const spellings = (v: { listed: Record<string, string[]> }, label: string) => v.listed[label]!.flatMap((s) => [s, s.toUpperCase(), s.normalize('NFD')]);

  it.each(spellings(CHANNEL, 'online'))('channel %j is online', async (v) => {
    expect((await one('Hình thức nộp', `"${v}"`))['online-rate/xa']).toBe('1/1');
  });
  it.each(spellings(CHANNEL, 'not online'))('channel %j is not online', async (v) => {
    expect((await one('Hình thức nộp', `"${v}"`))['online-rate/xa']).toBe('0/1');
  });
  it('ASCII-folded channel values', async () => {
    expect((await one('Hình thức nộp', 'Truc tuyen'))['online-rate/xa']).toBe('1/1');
    expect((await one('Hình thức nộp', 'buu chinh cong ich'))['online-rate/xa']).toBe('0/1');
  });
  it.each(spellings(YES_NO, 'yes'))('digitized / e-result %j is yes', async (v) => {
    const c = await one('Số hóa,Kết quả điện tử', `"${v}","${v}"`);
    expect([c['digitization-rate/xa'], c['e-result-rate/xa']]).toEqual(['1/1', '1/1']);
  });
  it.each([...spellings(YES_NO, 'no'), ''])('digitized / e-result %j is no', async (v) => {
    const c = await one('Số hóa,Kết quả điện tử', `"${v}","${v}"`);
    expect([c['digitization-rate/xa'], c['e-result-rate/xa']]).toEqual(['0/1', '0/1']);
  });
  it.each(spellings(RATING, 'satisfied'))('rating %j is satisfied', async (v) => {
    expect((await one('Đánh giá', `"${v}"`))['satisfaction-rate/xa']).toBe('1/1');
  });
  it.each(spellings(RATING, 'not satisfied'))('rating %j is not satisfied', async (v) => {
    expect((await one('Mức độ hài lòng', `"${v}"`))['satisfaction-rate/xa']).toBe('0/1');
  });
  it('a blank rating is not rated', async () => {
    expect((await one('Đánh giá', ''))['satisfaction-rate/xa']).toBe('0/0');
  });
  it.each(spellings(PAYMENT, 'online'))('payment %j is online', async (v) => {
    const c = await one('Phí lệ phí,Hình thức thanh toán', `10000,"${v}"`);
    expect([c['online-payment-rate/xa'], c['cashless-payment-rate/xa']]).toEqual(['1/1', '1/1']);
  });
  it.each(spellings(PAYMENT, 'other non-cash'))('payment %j is non-cash', async (v) => {
    const c = await one('Phí lệ phí,Hình thức thanh toán', `10000,"${v}"`);
    expect([c['online-payment-rate/xa'], c['cashless-payment-rate/xa']]).toEqual(['0/1', '1/1']);
  });
  it.each(spellings(PAYMENT, 'cash'))('payment %j is cash', async (v) => {
    const c = await one('Phí lệ phí,Hình thức thanh toán', `10000,"${v}"`);
    expect([c['online-payment-rate/xa'], c['cashless-payment-rate/xa']]).toEqual(['0/1', '0/1']);
  });
  it('unknown values leave the row out of the indicators that need them, and only those', async () => {
    const c = await one('Hình thức nộp,Số hóa,Đánh giá', 'Fax,?,5 sao');
    expect(c).toMatchObject({ 'online-rate/xa': '0/0', 'digitization-rate/xa': '0/0', 'satisfaction-rate/xa': '0/0', 'on-time-rate/xa': '1/1' });
  });
});

describe('financial obligation', () => {
  const pay = async (fee: string, method: string) => (await one('Số tiền,Phương thức thanh toán', `"${fee}","${method}"`))['cashless-payment-rate/xa'];
  it.each([
    ['50.000', 'Tiền mặt', '0/1'],
    ['50,000', 'QR', '1/1'],
    ['50 000 đ', 'POS', '1/1'],
    ['50.000 VNĐ', '', '0/1'], // fee > 0, no payment recorded: owed, not paid cashless
    ['0', 'Trực tuyến', '0/0'], // fee 0: no obligation even with a method recorded
    ['', 'Chuyển khoản', '1/1'], // fee blank: a recorded method says there was one
    ['', '', '0/0'],
    ['miễn phí', 'Tiền mặt', '0/0'], // "Miễn phí" is 0: no obligation
    ['phí khác', 'Tiền mặt', '0/0'], // unknown fee: out (warning)
    ['50.000', 'Séc', '0/0'], // unknown method: out (warning)
  ])('fee %j, payment %j → %s', async (fee, method, want) => {
    expect(await pay(fee, method)).toBe(want);
  });
  it('with no fee column, a recorded payment method means an obligation', async () => {
    expect((await one('Hình thức thanh toán', 'Thẻ'))['cashless-payment-rate/xa']).toBe('1/1');
    expect((await one('Hình thức thanh toán', ''))['cashless-payment-rate/xa']).toBe('0/0');
  });
  it('with no payment column, the payment indicators are not computed (no verdict from a column that is not there)', async () => {
    const c = await one('Phí lệ phí', '50000');
    expect([c['online-payment-rate/xa'], c['cashless-payment-rate/xa']]).toEqual(['0/0', '0/0']);
  });
});

describe('a missing column leaves the file out of the indicators that need it (docs/domain.md "When a column is absent")', () => {
  const only = async (head: string, row: string, period = '2023') => {
    const s = await scoreTexts([{ name: 'm.csv', text: `${head}\n${row}\n` }], period);
    const left = (id: string) => s.results.find((r) => r.indicator === id && r.tier === 'xa' && r.unit === null)?.leftOut?.records ?? 0;
    return { c: counts(s), input: s.inputs[0]!, left };
  };
  it('no due column: on time is not computed (no due column is not "no due date")', async () => {
    const { c, input, left } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý', 'HS1,UBND xã A,10/03/2023,15/05/2023');
    expect(c['on-time-rate/xa']).toBe('0/0');
    expect(left('on-time-rate')).toBe(1);
    expect(input.notComputed).toContain('on-time-rate');
    expect(input.missingFor['on-time-rate']).toEqual(['due']);
  });
  it('no resolved column: on time, satisfaction and e-result are not computed', async () => {
    const { c, left, input } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả', 'HS1,UBND xã A,10/03/2023,20/03/2023\nHS2,UBND xã A,31/03/2023,05/04/2023', '2023-03');
    expect(c['on-time-rate/xa']).toBe('0/0');
    expect(left('on-time-rate')).toBe(2);
    expect(input.missingFor['e-result-rate']).toEqual(['resolved', 'eResult']);
  });
  it('no digitized or e-result column: neither is computed', async () => {
    const { c, left } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý', 'HS1,UBND xã A,10/03/2023,15/03/2023');
    expect([c['digitization-rate/xa'], c['e-result-rate/xa']]).toEqual(['0/0', '0/0']);
    expect([left('digitization-rate'), left('e-result-rate')]).toEqual([1, 1]);
  });
  it('no rating column: satisfaction is not computed', async () => {
    const { c, left } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý', 'HS1,UBND xã A,10/03/2023,15/03/2023');
    expect(c['satisfaction-rate/xa']).toBe('0/0');
    expect(left('satisfaction-rate')).toBe(1);
  });
  it('no channel column: online-rate is not computed from the file', async () => {
    const { c, input, left } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận', 'HS1,UBND xã A,10/03/2023');
    expect(c['online-rate/xa']).toBe('0/0');
    expect(left('online-rate')).toBe(1);
    expect(input.notComputed).toContain('online-rate');
  });
  it('blank cells keep their meaning: a due column with a blank cell is no due date, on time', async () => {
    const { c, left } = await only('Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý', 'HS1,UBND xã A,10/03/2023,,15/05/2023');
    expect(c['on-time-rate/xa']).toBe('1/1');
    expect(left('on-time-rate')).toBe(0);
  });
  it('one file with the column and one without: only the first counts', async () => {
    const a = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý,Kết quả điện tử\nA,Sở Tư pháp,01/03/2023,02/03/2023,x\nB,Sở Tư pháp,01/03/2023,02/03/2023,\n';
    const b = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý\nB,Sở Tư pháp,01/03/2023,02/03/2023\nC,Sở Tư pháp,01/03/2023,02/03/2023\n';
    const s = await scoreTexts([{ name: 'm1.csv', text: a }, { name: 'm2.csv', text: b }]);
    // A yes; B superseded by m2's row, which has no e-result column: left out with C.
    expect(counts(s)['e-result-rate/so']).toBe('1/1');
    expect(s.results.find((r) => r.indicator === 'e-result-rate' && r.tier === 'so')!.leftOut).toEqual({ records: 2, missing: [{ file: 'm2.csv', columns: ['eResult'] }] });
  });
});

describe('period boundaries', () => {
  const rows = [
    'HS1,UBND xã A,31/03/2023,31/03/2023,31/03/2023', // resolved on the last day of Q1, on its due day
    'HS2,UBND xã A,01/04/2023,05/04/2023,', // received the first day of Q2
    'HS3,UBND xã A,15/03/2023,31/03/2023,', // open at 31/03, due 31/03: not before the end → on time
    'HS4,UBND xã A,15/03/2023,30/03/2023,01/04/2023', // resolved after Q1: open at the end of Q1, past due
    'HS5,UBND xã A,01/01/2023,,', // no due date: on time
  ];
  const text = `${HEAD},Hình thức nộp\n${rows.map((r) => `${r},Trực tuyến`).join('\n')}\n`;
  it('Q1 includes its first and last day and no more', async () => {
    const c = counts(await scoreTexts([{ name: 'b.csv', text }], '2023-Q1'));
    expect(c['online-rate/xa']).toBe('4/4'); // HS1 HS3 HS4 HS5
    expect(c['on-time-rate/xa']).toBe('3/4'); // HS1 HS3 HS5 / HS4
  });
  it('Q2 starts on 01/04', async () => {
    const c = counts(await scoreTexts([{ name: 'b.csv', text }], '2023-Q2'));
    expect(c['online-rate/xa']).toBe('1/1'); // HS2
    // The data ends on 01/04: open dossiers are judged at its end (J), not at 30/06.
    // HS4 resolved 01/04 > due 30/03: late; HS2 open at 01/04, due 05/04: not yet late; HS3 open past due; HS5 open, no due
    expect(c['on-time-rate/xa']).toBe('2/4');
  });
  it('Q2 judged at its end when the data reaches it', async () => {
    const more = `${text}HS6,UBND xã A,30/06/2023,30/06/2023,,Trực tuyến\n`;
    const c = counts(await scoreTexts([{ name: 'b.csv', text: more }], '2023-Q2'));
    // J = 30/06: HS2 (due 05/04) late; HS6 due 30/06 (a date alone: the end of that day) on time
    expect(c['on-time-rate/xa']).toBe('2/5');
  });
});

describe('applyRule', () => {
  it('is RULES[RULE_ORDER[i]] for every rule, on any record', () => {
    const day = fc.oneof(fc.integer({ min: 19000, max: 19800 }), fc.constant(NaN));
    const code = fc.integer({ min: -3, max: 4 });
    fc.assert(
      fc.property(fc.record({ received: day, due: day, resolved: day, channel: code, digitized: code, eResult: code, rating: code, payment: code, fee: fc.oneof(fc.integer({ min: -2, max: 5000 }), fc.constant(NaN)) }), (rec) => {
        const r = rec as unknown as RowRecord;
        const p = { from: 19358, to: 19722 };
        RULE_ORDER.forEach((name, i) => expect(applyRule(i, r, p)).toBe(RULES[name](r, p)));
      }),
      { numRuns: 2000 },
    );
    expect(new Set(RULE_ORDER)).toEqual(new Set(Object.keys(RULES)));
  });
});
