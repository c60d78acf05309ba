/**
 * Property: a dossier list with every column gives the same figures as the same list without
 * the channel, digitized, fee and payment columns plus online, digitization and payment
 * exports built from it — whatever the file order, the chunking of the input, extra unmatched
 * codes, repeated online rows and several components per dossier.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { outcome, scoreTexts, type TextInput } from '../helpers.js';
import type { Score } from '../../src/model/result.js';

const UNITS = ['Sở Tư pháp', 'UBND huyện Cẩm Mỹ', 'UBND xã Xuân Bắc'];
const DATES = ['05/01/2023', '2023-03-31', '20230630120000', '31/12/2023', '2022-12-30', '2024-01-02', '31/02/2023', ''];
const CHANNELS = ['Trực tuyến', 'Trực tiếp', 'BCCI', '2'];
const ONLINE = new Set(['Trực tuyến', '2']);
const YN = ['Có', 'Không', '', 'x'];
const FEES = ['', '0', '50.000', '1.200.000 đ', 'miễn phí'];
const PAYS = ['', 'Tiền mặt', 'Trực tuyến', 'Chuyển khoản', 'QR', 'Séc'];

const dossier = fc.record({
  unit: fc.constantFrom(...UNITS),
  received: fc.constantFrom(...DATES),
  due: fc.constantFrom(...DATES),
  resolved: fc.constantFrom(...DATES),
  channel: fc.constantFrom(...CHANNELS),
  digitized: fc.constantFrom(...YN),
  eResult: fc.constantFrom(...YN),
  fee: fc.constantFrom(...FEES),
  payment: fc.constantFrom(...PAYS),
  components: fc.integer({ min: 1, max: 3 }),
  repeatOnline: fc.boolean(),
  notDigitizedRow: fc.boolean(),
  zeroPayment: fc.boolean(),
});

const figures = (s: Score) =>
  s.results
    .filter((r) => !r.indicator.startsWith('feedback'))
    .map((r) => `${r.indicator}|${r.tier}|${r.unit}|${r.numerator}/${r.denominator}|${r.status}`)
    .sort();

describe('split exports = full dossier list (property)', () => {
  it('gives the same figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossier, { maxLength: 25 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 3, max: 200 }),
        fc.integer({ min: 0, max: 23 }),
        async (ds, extra, chunk, perm) => {
          const code = (i: number) => `HS${i + 1}`;
          const full = [
            'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Hình thức nộp,Số hóa,Kết quả điện tử,"Phí, lệ phí",Hình thức thanh toán',
            ...ds.map((d, i) => [code(i), d.unit, d.received, d.due, d.resolved, d.channel, d.digitized, d.eResult, `"${d.fee}"`, d.payment].join(',')),
          ];
          const list = ['Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Kết quả điện tử', ...ds.map((d, i) => [code(i), d.unit, d.received, d.due, d.resolved, d.eResult].join(','))];
          const online = ['MaHoSo,NgayNopTrucTuyen'];
          const digit = ['Mã hồ sơ,Mã thành phần,Trạng thái số hóa'];
          const pay = ['Mã hồ sơ,Số tiền,Hình thức thanh toán,Ngày thanh toán'];
          ds.forEach((d, i) => {
            if (ONLINE.has(d.channel)) {
              online.push(`${code(i)},01/01/2023`);
              if (d.repeatOnline) online.push(`${code(i)},02/01/2023`);
            }
            if (d.digitized === 'Có' || d.digitized === 'x') {
              for (let k = 0; k < d.components; k++) digit.push(`${code(i)},TP${k},`);
              if (d.notDigitizedRow) digit.push(`${code(i)},TPX,Chưa số hóa`);
            } else if (d.notDigitizedRow) digit.push(`${code(i)},TP0,Chưa số hóa`);
            if (d.fee !== '' || d.payment !== '') {
              pay.push(`${code(i)},"${d.fee}",${d.payment},01/01/2023`);
              if (d.zeroPayment && d.payment !== '') pay.push(`${code(i)},0,${d.payment},02/01/2023`);
            }
          });
          for (let k = 0; k < extra; k++) {
            online.push(`ZZ${k},01/01/2023`);
            digit.push(`ZZ${k},TP1,`);
            pay.push(`ZZ${k},1.000,Trực tuyến,`);
          }
          const text = (lines: string[]) => `${lines.join('\n')}\n`;
          const split: TextInput[] = [
            { name: 'ho-so.csv', text: text(list), chunk },
            { name: 'online.csv', text: text(online), chunk },
            { name: 'so-hoa.csv', text: text(digit), chunk },
            { name: 'thanh-toan.csv', text: text(pay), chunk },
          ];
          // one of the 24 orders of the four files
          const order: TextInput[] = [];
          const pool = [...split];
          let p = perm;
          for (let n = pool.length; n > 0; n--) {
            order.push(pool.splice(p % n, 1)[0]!);
            p = Math.floor(p / n);
          }
          const a = await outcome(scoreTexts([{ name: 'full.csv', text: text(full) }], '2023', true), figures);
          const bs = await outcome(scoreTexts(order, '2023', true), (s) => s);
          // Refused alike (no dossier in the period), or the same figures.
          expect('refused' in bs ? bs : figures(bs)).toEqual(a);
          if ('refused' in bs) return;
          const b = bs;
          for (const i of b.inputs) expect(i.rows).toBe(i.counted + i.rejected + i.superseded + i.unmatched);
          const unmatched = b.inputs.filter((i) => i.dataset !== 'dossiers').reduce((n, i) => n + i.unmatched, 0);
          expect(unmatched).toBeGreaterThanOrEqual(3 * extra);
        },
      ),
      { numRuns: 150 },
    );
  });
});
