/**
 * Separate exports joined to dossier lists by dossier code (fixtures/joins/). Every expected
 * count is worked out by hand from the rows, in the comments.
 */
import { describe, it, expect } from 'vitest';
import { scoreFiles, counts } from '../helpers.js';
import { EXPECTED, EXPECTED_TIMED } from './expected.js';

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

  it('agrees exactly with the full record list (but where dossiers.csv’s times make a dossier late)', () => {
    expect(dossierCounts(counts(s))).toEqual(EXPECTED_TIMED);
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
    expect(dossierCounts(counts(r))).toEqual(EXPECTED_TIMED);
    expect(r.inputs.map((i) => i.file)).toEqual([...SPLIT].reverse()); // reported in command-line order
  });

  it('agrees per unit too', async () => {
    const a = await scoreFiles(['joins/full.csv'], '2023', true);
    const b = await scoreFiles(SPLIT, '2023', true);
    const units = (x: typeof a) => x.results.filter((r) => r.unit !== null && !r.indicator.startsWith('feedback') && r.indicator !== 'on-time-rate');
    expect(units(b)).toEqual(units(a));
    expect(units(a)).toHaveLength(6 * 3);
    const onTime = (x: typeof a) => x.results.filter((r) => r.unit !== null && r.indicator === 'on-time-rate').map((r) => `${r.unit} ${r.numerator}/${r.denominator}`);
    expect(onTime(a)).toEqual(['Sở Tư pháp 3/5', 'UBND huyện Nhơn Trạch 3/4', 'UBND xã Long Hưng 1/3']);
    expect(onTime(b)).toEqual(['Sở Tư pháp 2/5', 'UBND huyện Nhơn Trạch 2/4', 'UBND xã Long Hưng 1/3']); // A02, B03 late to the minute
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
    expect(input('online-extra.csv')).toMatchObject({ rows: 6, counted: 2, rejected: 2, superseded: 1, unmatched: 1, warnings: 0 });
  });

  it('payments: the export overrides fee and method; several payments per dossier', () => {
    // A02 fee 0 in the list, paid 5.000 online → obligation, online. A03 two cash payments → cash (was transfer).
    // A04 amount "abc" → obligation unknown → left out. A01 not listed → keeps 50.000 online. A05 not listed, blank → none.
    const c = counts(s);
    expect(c['online-payment-rate/so']).toBe('2/3');
    expect(c['cashless-payment-rate/so']).toBe('2/3');
    // XX01: 3 rows, no such dossier → 3 unmatched rows, one error; "abc" one warning
    expect(input('payments-extra.csv')).toMatchObject({ rows: 7, counted: 4, rejected: 0, superseded: 0, unmatched: 3, warnings: 1 });
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
    expect(un.every((p) => p.severity === 'error')).toBe(true);
    const errors = s.problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.line, p.code]);
    expect(errors).toEqual([
      ['joins/online-extra.csv', 5, 'row.unmatched'],
      ['joins/online-extra.csv', 6, 'row.noCode'],
      ['joins/online-extra.csv', 7, 'row.badDate'],
      ['joins/payments-extra.csv', 4, 'row.unmatched'],
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
