/**
 * Separate exports joined to dossier lists by dossier code (fixtures/joins/). Every expected
 * count is worked out by hand from the rows, in the comments.
 */
import { describe, it, expect } from 'vitest';
import { scoreFiles, counts } from '../helpers.js';

// fixtures/joins/full.csv, a dossier list with every column (period 2023):
//  Sở Tư pháp (so)
//   A01 rcv 02/01 due 10/01 res 05/01 (early)  online  digitized  e-result  satisfied      50.000 online
//   A02 rcv 03/02 due 10/02 res 10/02 (on due) direct  not        e-result  satisfied      fee 0
//   A03 rcv 01/03 due 05/03 res 09/03 (late)   online  digitized  no        not satisfied  20.000 transfer
//   A04 rcv 10/12 due 20/12 open (past due)    online  digitized                           100.000 cash
//   A05 rcv 28/12 due 05/01/2024 open (within) BCCI    not                                 fee and payment blank
//  UBND huyện Nhơn Trạch (huyen)
//   B01 rcv 05/04 due 15/04 res 14/04 (early)  online  digitized  e-result  very satisfied 30.000 online
//   B02 rcv 06/04 due 15/04 res 20/04 (late)   direct  not        no        neutral        fee blank, cash → obligation
//   B03 rcv 07/05 due 30/05 res 30/05 (on due) direct  digitized  e-result  unrated        fee 0
//   B04 rcv 01/06 due 10/01/2024 open (within) online  not                                 15000 QR
//  UBND xã Long Hưng (xa)
//   C01 rcv 10/07 due 12/07 res 11/07 (early)  direct  not        no        satisfied      fee 0
//   C02 rcv 11/07 due 20/07 res 25/07 (late)   online  digitized  e-result  satisfied      10.000 online
//   C03 rcv 01/11 due 15/11 open (past due)    direct  not                                 blank
export const EXPECTED: Record<string, string> = {
  // online: so A01 A03 A04 of 5; huyen B01 B04 of 4; xa C02 of 3
  'online-rate/so': '3/5',
  'online-rate/huyen': '2/4',
  'online-rate/xa': '1/3',
  'online-rate/all': '6/12',
  // on time: so A01 A02 resolved ≤ due + A05 open within / 3 resolved + 2 open; huyen B01 B03 + B04 / 4; xa C01 / 3
  'on-time-rate/so': '3/5',
  'on-time-rate/huyen': '3/4',
  'on-time-rate/xa': '1/3',
  'on-time-rate/all': '7/12',
  // satisfaction (resolved, rated): so A01 A02 / A01 A02 A03; huyen B01 / B01 B02; xa C01 C02 / 2
  'satisfaction-rate/so': '2/3',
  'satisfaction-rate/huyen': '1/2',
  'satisfaction-rate/xa': '2/2',
  'satisfaction-rate/all': '5/7',
  // digitized: so A01 A03 A04 / 5; huyen B01 B03 / 4; xa C02 / 3
  'digitization-rate/so': '3/5',
  'digitization-rate/huyen': '2/4',
  'digitization-rate/xa': '1/3',
  'digitization-rate/all': '6/12',
  // e-result (resolved): so A01 A02 / 3; huyen B01 B03 / 3; xa C02 / 2
  'e-result-rate/so': '2/3',
  'e-result-rate/huyen': '2/3',
  'e-result-rate/xa': '1/2',
  'e-result-rate/all': '5/8',
  // obligation: so A01 A03 A04; huyen B01 B02 B04; xa C02. Online: A01; B01; C02
  'online-payment-rate/so': '1/3',
  'online-payment-rate/huyen': '1/3',
  'online-payment-rate/xa': '1/1',
  'online-payment-rate/all': '3/7',
  // cashless: A01 A03; B01 B04 (QR); C02
  'cashless-payment-rate/so': '2/3',
  'cashless-payment-rate/huyen': '2/3',
  'cashless-payment-rate/xa': '1/1',
  'cashless-payment-rate/all': '5/7',
};

const dossierCounts = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith('feedback')));
const SPLIT = ['joins/dossiers.csv', 'joins/online.csv', 'joins/digitization.csv', 'joins/payments.csv'];

describe('the full record list', async () => {
  const s = await scoreFiles(['joins/full.csv']);
  it('gives the hand-worked counts', () => {
    expect(s.inputs[0]).toMatchObject({ dataset: 'dossiers', rows: 12, counted: 12, rejected: 0, superseded: 0, unmatched: 0, joined: null });
    expect(dossierCounts(counts(s))).toEqual(EXPECTED);
  });
  it('says every indicator came from the file’s own columns', () => {
    expect(s.sources.find((x) => x.indicator === 'online-rate')!.inputs).toEqual([{ file: 'joins/full.csv', via: 'records' }]);
  });
});

describe('split exports: a dossier list without the columns + online, digitization and payment exports', async () => {
  const s = await scoreFiles(SPLIT);

  it('detects each kind from its headers', () => {
    expect(s.inputs.map((i) => i.dataset)).toEqual(['dossiers', 'online', 'digitization', 'payments']);
  });

  it('agrees exactly with the full record list', () => {
    expect(dossierCounts(counts(s))).toEqual(EXPECTED);
  });

  it('accounts for every fact row: several components and payments per dossier are all counted', () => {
    // online: 6 rows, 6 dossiers; digitization: 9 component rows for 6 dossiers; payments: 8 rows for 7 dossiers (B01 paid twice)
    expect(s.inputs[1]).toMatchObject({ rows: 6, counted: 6, rejected: 0, superseded: 0, unmatched: 0, joined: true });
    expect(s.inputs[2]).toMatchObject({ rows: 9, counted: 9, rejected: 0, superseded: 0, unmatched: 0 });
    expect(s.inputs[3]).toMatchObject({ rows: 8, counted: 8, rejected: 0, superseded: 0, unmatched: 0 });
    expect(s.problemCount).toBe(0);
  });

  it('is not reported as missing columns, and names the joined export as the source', () => {
    expect(s.inputs[0]!.notComputed).toEqual([]);
    const src = (id: string) => s.sources.find((x) => x.indicator === id)!.inputs;
    expect(src('online-rate')).toEqual([{ file: 'joins/online.csv', via: 'join', dossiers: 6 }]);
    expect(src('digitization-rate')).toEqual([{ file: 'joins/digitization.csv', via: 'join', dossiers: 6 }]);
    expect(src('online-payment-rate')).toEqual([{ file: 'joins/payments.csv', via: 'join', dossiers: 7 }]);
    expect(src('on-time-rate')).toEqual([{ file: 'joins/dossiers.csv', via: 'records' }]);
  });

  it('does not depend on the order of the files', async () => {
    const r = await scoreFiles([...SPLIT].reverse());
    expect(dossierCounts(counts(r))).toEqual(EXPECTED);
    expect(r.inputs.map((i) => i.file)).toEqual([...SPLIT].reverse()); // reported in command-line order
  });

  it('agrees per unit too', async () => {
    const a = await scoreFiles(['joins/full.csv'], '2023', true);
    const b = await scoreFiles(SPLIT, '2023', true);
    const units = (x: typeof a) => x.results.filter((r) => r.unit !== null && !r.indicator.startsWith('feedback'));
    expect(units(b)).toEqual(units(a));
    expect(units(a)).toHaveLength(7 * 3);
  });
});

describe('overriding and unmatched facts', async () => {
  const FILES = ['joins/online-extra.csv', 'joins/payments-extra.csv', 'joins/digitization-extra.csv', 'joins/full.csv'];
  const s = await scoreFiles(FILES);
  const input = (f: string) => s.inputs.find((i) => i.file === `joins/${f}`)!;

  it('online: a listed dossier is online whatever its column says; unlisted ones keep their column', () => {
    // A02 "Trực tiếp" is listed → online; A05 (BCCI) is listed only on a rejected row → keeps BCCI: so A01 A02 A03 A04 / 5
    const c = counts(s);
    expect(c['online-rate/so']).toBe('4/5');
    expect(c['online-rate/huyen']).toBe('2/4');
    expect(c['online-rate/xa']).toBe('1/3');
  });

  it('online: rows read = counted + rejected + superseded + unmatched', () => {
    // line 2 A02, 3 A01 counted; 4 A01 again → superseded; 5 ZZ99 unmatched; 6 no code, 7 bad date → rejected
    expect(input('online-extra.csv')).toMatchObject({ rows: 6, counted: 2, rejected: 2, superseded: 1, unmatched: 1, warnings: 1 });
  });

  it('payments: the export overrides fee and method; several payments per dossier', () => {
    // A02 fee 0 in the list, paid 5.000 online → obligation, online. A03 two cash payments → cash (was transfer).
    // A04 amount "abc" → obligation unknown → left out. A01 not listed → keeps 50.000 online. A05 not listed, blank → none.
    const c = counts(s);
    expect(c['online-payment-rate/so']).toBe('2/3');
    expect(c['cashless-payment-rate/so']).toBe('2/3');
    // XX01: 3 rows, no such dossier → 3 unmatched rows, one warning; "abc" one warning
    expect(input('payments-extra.csv')).toMatchObject({ rows: 7, counted: 4, rejected: 0, superseded: 0, unmatched: 3, warnings: 2 });
  });

  it('digitization: any digitized component makes the dossier digitized; all "Chưa số hóa" makes it not', () => {
    // A01 both components "Chưa số hóa" → no (was Có); A02 → yes (was Không); A05 "?" → unknown, left out; A03 A04 keep Có
    expect(counts(s)['digitization-rate/so']).toBe('3/4');
    expect(input('digitization-extra.csv')).toMatchObject({ rows: 4, counted: 4, unmatched: 0, warnings: 1 });
  });

  it('reports unmatched codes with file, line and column', () => {
    const un = s.problems.filter((p) => p.code === 'row.unmatched');
    expect(un.map((p) => [p.file, p.line, p.column, p.header, p.params.code, p.params.rows])).toEqual([
      ['joins/online-extra.csv', 5, 1, 'Mã hồ sơ', 'ZZ99', 1],
      ['joins/payments-extra.csv', 4, 1, 'MaHoSo', 'XX01', 3],
    ]);
    const rejected = s.problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.line, p.code]);
    expect(rejected).toEqual([
      ['joins/online-extra.csv', 6, 'row.noCode'],
      ['joins/online-extra.csv', 7, 'row.badDate'],
    ]);
  });

  it('names both sources where the export overrides only some dossiers', () => {
    const src = s.sources.find((x) => x.indicator === 'online-rate')!.inputs;
    expect(src).toEqual([
      { file: 'joins/online-extra.csv', via: 'join', dossiers: 2 },
      { file: 'joins/full.csv', via: 'records' },
    ]);
  });
});

describe('a fact export with no dossier list', async () => {
  const s = await scoreFiles(['joins/payments.csv']);
  it('is read and accounted for, but not joined', () => {
    expect(s.inputs[0]).toMatchObject({ dataset: 'payments', rows: 8, counted: 8, unmatched: 0, joined: false });
    expect(s.sources.find((x) => x.indicator === 'online-payment-rate')!.inputs).toEqual([]);
  });
});
