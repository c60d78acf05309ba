/**
 * Absent columns (docs/domain.md "When a column is absent or holds something else"): an
 * indicator never gets a pass or a fail from a column that is not there. Counts worked out by
 * hand from the rows.
 */
import { describe, it, expect } from 'vitest';
import { scoreFiles, scoreTexts, counts, statusOf } from '../helpers.js';
import type { Score } from '../../src/model/result.js';

const leftOutOf = (s: Score, indicator: string, tier: string, unit: string | null = null) => {
  const r = s.results.find((x) => x.indicator === indicator && x.tier === tier && x.unit === unit)!;
  return { leftOut: r.leftOut?.records ?? 0, reason: r.reason ?? null, status: r.status };
};

// fixtures/real-exports/thieu-cot.csv: code, unit, received, channel, digitized, fee; no due,
// resolved, e-result, rating or payment column.
//  A1 Sở Tư pháp            rcv 05/01 online, digitized, fee 50.000
//  A2 Sở Tư pháp            rcv 10/02 offline, not digitized, fee 0 (no obligation: in no payment scope)
//  A3 UBND huyện Nhơn Trạch rcv 15/03 "Trực tuyến toàn trình" (online), digitized, fee blank
//  A4 UBND xã Long Hưng     rcv 20/04 "Qua bưu điện" (offline), not digitized, fee 20.000
describe('a dossier list without due, resolved, e-result, rating and payment columns', async () => {
  // --all-units: the units' results with nothing counted (no-data) are listed too.
  const s = await scoreFiles(['real-exports/thieu-cot.csv'], '2023', true, true);

  it('computes what its columns allow', () => {
    const c = counts(s);
    expect(c['online-rate/so']).toBe('1/2');
    expect(c['online-rate/huyen']).toBe('1/1');
    expect(c['online-rate/xa']).toBe('0/1');
    expect(c['digitization-rate/all']).toBe('2/4');
    expect(leftOutOf(s, 'online-rate', 'all')).toEqual({ leftOut: 0, reason: null, status: 'no-target' });
  });

  it('gives no verdict from a missing column: no-data, not computed, every dossier in scope left out', () => {
    // On time, satisfaction, e-result: all four received by the end of 2023, none known resolved before it.
    for (const id of ['on-time-rate', 'satisfaction-rate', 'e-result-rate']) {
      expect(leftOutOf(s, id, 'so')).toMatchObject({ leftOut: 2, reason: 'not-computed', status: 'no-data' });
      expect(leftOutOf(s, id, 'huyen')).toMatchObject({ leftOut: 1, reason: 'not-computed', status: 'no-data' });
      expect(leftOutOf(s, id, 'xa')).toMatchObject({ leftOut: 1, reason: 'not-computed', status: 'no-data' });
      expect(counts(s)[`${id}/all`]).toBe('0/0');
    }
    // Payments: A2's fee is 0 (no obligation), so 3 in scope: A1, A3 (fee unknown), A4.
    for (const id of ['online-payment-rate', 'cashless-payment-rate']) {
      expect(leftOutOf(s, id, 'so')).toMatchObject({ leftOut: 1, reason: 'not-computed', status: 'no-data' });
      expect(leftOutOf(s, id, 'all')).toMatchObject({ leftOut: 3, reason: 'not-computed' });
    }
    // Per unit too: Sở Tư pháp's two dossiers.
    expect(leftOutOf(s, 'on-time-rate', 'so', 'Sở Tư pháp')).toMatchObject({ leftOut: 2, reason: 'not-computed', status: 'no-data' });
    expect(leftOutOf(s, 'online-payment-rate', 'so', 'Sở Tư pháp')).toMatchObject({ leftOut: 1 });
  });

  it('names exactly the missing columns per indicator, and the sources are only real ones', () => {
    const i = s.inputs[0]!;
    expect(i.missingFor).toEqual({
      'on-time-rate': ['due', 'resolved'],
      'satisfaction-rate': ['resolved', 'rating'],
      'e-result-rate': ['resolved', 'eResult'],
      'online-payment-rate': ['payment'],
      'cashless-payment-rate': ['payment'],
    });
    const r = s.results.find((x) => x.indicator === 'on-time-rate' && x.tier === 'all')!;
    expect(r.leftOut!.missing).toEqual([{ file: 'real-exports/thieu-cot.csv', columns: ['due', 'resolved'] }]);
    const src = Object.fromEntries(s.sources.map((x) => [x.indicator, x.inputs.map((u) => u.via)]));
    expect(src['online-rate']).toEqual(['records']);
    expect(src['on-time-rate']).toEqual([]);
    expect(src['e-result-rate']).toEqual([]);
  });
});

describe('a file lacking a column beside one that has it', async () => {
  const alone = await scoreFiles(['hand/ho-so-2023.csv']);
  const both = await scoreFiles(['hand/ho-so-2023.csv', 'real-exports/thieu-cot.csv']);

  it('counts the full file as before and says how many it left out of the other', () => {
    for (const id of ['on-time-rate', 'satisfaction-rate', 'e-result-rate', 'online-payment-rate']) {
      for (const tier of ['so', 'huyen', 'xa', 'all']) expect(counts(both)[`${id}/${tier}`]).toBe(counts(alone)[`${id}/${tier}`]);
    }
    expect(leftOutOf(both, 'on-time-rate', 'all').leftOut).toBe(4);
    expect(leftOutOf(both, 'online-payment-rate', 'all').leftOut).toBe(3);
    // The verdict stands on the dossiers counted, marked by its leftOut.
    expect(statusOf(both, 'on-time-rate', 'so')).toBe(statusOf(alone, 'on-time-rate', 'so'));
    expect(leftOutOf(both, 'on-time-rate', 'so')).toMatchObject({ leftOut: 2, reason: null });
  });
});

describe('what is in scope when a column is missing', async () => {
  // No due column; resolved present. Period: Q1 2023.
  //  B1 rcv 05/01 res 10/01: resolved in Q1 → in scope
  //  B2 rcv 01/12/2022 res 20/12/2022: resolved before Q1 → out of scope
  //  B3 rcv 10/03 open → in scope (open at the end of Q1)
  //  B4 rcv 10/04: received after Q1 → out of scope
  // Satisfaction (no rating column): resolved in Q1 only → B1.
  const s = await scoreTexts(
    [
      {
        name: 'khong-han.csv',
        text: [
          'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày kết thúc xử lý',
          'B1,Sở Tư pháp,05/01/2023,10/01/2023',
          'B2,Sở Tư pháp,01/12/2022,20/12/2022',
          'B3,Sở Tư pháp,10/03/2023,',
          'B4,Sở Tư pháp,10/04/2023,',
        ].join('\n'),
      },
    ],
    '2023-Q1',
  );
  it('on time: received by the end and not resolved before the start; satisfaction: resolved in the period', () => {
    expect(leftOutOf(s, 'on-time-rate', 'so')).toMatchObject({ leftOut: 2, reason: 'not-computed' });
    expect(leftOutOf(s, 'satisfaction-rate', 'so')).toMatchObject({ leftOut: 1, reason: 'not-computed' });
    expect(s.inputs[0]!.missingFor['on-time-rate']).toEqual(['due']);
  });
});

describe('a superseded row takes its left-out count back', async () => {
  // C1 first in a file without a due column, then again in one with every column the on-time rule needs.
  const s = await scoreTexts([
    { name: 'a.csv', text: 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nC1,Sở Tư pháp,05/01/2023\nC2,Sở Tư pháp,06/01/2023\n' },
    { name: 'b.csv', text: 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý\nC1,Sở Tư pháp,05/01/2023,10/01/2023,09/01/2023\n' },
  ]);
  it('counts C1 once, from b.csv, and leaves C2 out', () => {
    expect(counts(s)['on-time-rate/so']).toBe('1/1');
    expect(leftOutOf(s, 'on-time-rate', 'so')).toMatchObject({ leftOut: 1, reason: null, status: 'pass' });
  });
});
