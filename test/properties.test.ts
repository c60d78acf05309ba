/**
 * Properties on generated exports: row order within a file (duplicates keeping their
 * relative order) and splitting a file in two do not change results; tier figures equal the
 * sum of their units'; rows read = counted + rejected + superseded.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { outcome, scoreTexts } from './helpers.js';
import type { Score } from '../src/model/result.js';

const UNITS = ['Sở Tư pháp', 'Sở Y tế', 'UBND huyện Cẩm Mỹ', 'UBND thành phố Long Khánh', 'UBND xã Xuân Bắc', 'UBND phường Tân Phong', 'UBND thị trấn Trảng Bom', 'Chi cục Thuế khu vực'];
const DATES = ['05/01/2023', '2023-03-31', '01/04/2023', '20230630120000', '15/11/2023', '31/12/2023', '2022-12-30', '2024-01-02', '31/02/2023', ''];
const CHANNELS = ['Trực tuyến', 'Trực tiếp', 'BCCI', '2', 'Fax', ''];
const YN = ['Có', 'Không', '', 'x', '?'];
const RATINGS = ['Hài lòng', 'Bình thường', '', 'Rất hài lòng', '5 sao'];
const FEES = ['', '0', '50.000', '1.200.000 đ', 'miễn phí'];
const PAYS = ['', 'Tiền mặt', 'Trực tuyến', 'Chuyển khoản', 'Séc'];

const row = fc.record({
  code: fc.integer({ min: 0, max: 40 }).map((n) => (n === 0 ? '' : `HS${n}`)),
  unit: fc.constantFrom(...UNITS),
  received: fc.constantFrom(...DATES),
  due: fc.constantFrom(...DATES),
  resolved: fc.constantFrom(...DATES),
  channel: fc.constantFrom(...CHANNELS),
  digitized: fc.constantFrom(...YN),
  eResult: fc.constantFrom(...YN),
  rating: fc.constantFrom(...RATINGS),
  fee: fc.constantFrom(...FEES),
  payment: fc.constantFrom(...PAYS),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

const HEAD = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Hình thức nộp,Số hóa,Kết quả điện tử,Đánh giá,Phí lệ phí,Hình thức thanh toán';
const csv = (rows: Row[]) =>
  `${HEAD}\n${rows.map((r) => [r.code, r.unit, r.received, r.due, r.resolved, r.channel, r.digitized, r.eResult, r.rating, `"${r.fee}"`, r.payment].join(',')).join('\n')}\n`;

const figures = (s: Score) => s.results.map((r) => `${r.indicator}|${r.tier}|${r.unit}|${r.numerator}/${r.denominator}|${r.status}`).sort();
const totals = (s: Score) => {
  const t = { rows: 0, counted: 0, rejected: 0, superseded: 0 };
  for (const i of s.inputs) {
    t.rows += i.rows;
    t.counted += i.counted;
    t.rejected += i.rejected;
    t.superseded += i.superseded;
  }
  return t;
};

/** A shuffle that keeps the relative order of rows sharing a code (superseding depends on it). */
function shuffleKeepingDuplicates(rows: Row[], keys: number[]): Row[] {
  const slots = rows.map((r, i) => ({ r, k: keys[i % keys.length]! + i / 1e6 }));
  const order = [...slots].sort((a, b) => a.k - b.k).map((s) => s.r);
  // Reassign rows of each code, in their original order, to the positions that code now holds.
  const queues = new Map<string, Row[]>();
  for (const r of rows) queues.set(r.code, [...(queues.get(r.code) ?? []), r]);
  return order.map((r) => queues.get(r.code)!.shift()!);
}

describe('properties', () => {
  it('row order (keeping duplicates in order) does not change results', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), async (rows, keys) => {
        const both = (s: Score) => ({ figures: figures(s), totals: totals(s) });
        const a = await outcome(scoreTexts([{ name: 'a.csv', text: csv(rows) }], '2023', true), both);
        const b = await outcome(scoreTexts([{ name: 'b.csv', text: csv(shuffleKeepingDuplicates(rows, keys)) }], '2023', true), both);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('splitting a file in two, or reading it in small chunks, does not change results', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.nat(), fc.integer({ min: 1, max: 64 }), async (rows, cut, chunk) => {
        const at = cut % (rows.length + 1);
        const both = (s: Score) => ({ figures: figures(s), totals: totals(s) });
        const whole = await outcome(scoreTexts([{ name: 'w.csv', text: csv(rows) }], '2023-H2', true), both);
        const split = await outcome(
          scoreTexts(
            [
              { name: 'p1.csv', text: csv(rows.slice(0, at)), chunk },
              { name: 'p2.csv', text: csv(rows.slice(at)), chunk },
            ],
            '2023-H2',
            true,
          ),
          both,
        );
        // Refused alike (no row in the period) or the same figures and accounting.
        expect(split).toEqual(whole);
        if ('totals' in split) expect(split.totals.rows).toBe(split.totals.counted + split.totals.rejected + split.totals.superseded);
      }),
      { numRuns: 60 },
    );
  });

  it('tier figures are the sums of their units, and the province the sum of the tiers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 0, maxLength: 80 }), async (rows) => {
        const s = await outcome(scoreTexts([{ name: 'x.csv', text: csv(rows) }], '2023', true), (x) => x);
        if ('refused' in s) return; // no row in the period
        for (const tr of s.results.filter((r) => r.unit === null)) {
          const parts = s.results.filter((r) => r.indicator === tr.indicator && r.unit !== null && (tr.tier === 'all' || r.tier === tr.tier));
          expect([tr.numerator, tr.denominator]).toEqual([parts.reduce((a, r) => a + r.numerator, 0), parts.reduce((a, r) => a + r.denominator, 0)]);
          expect(tr.numerator).toBeLessThanOrEqual(tr.denominator);
        }
      }),
      { numRuns: 60 },
    );
  });
});
