import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ByteMemo, fold, tidy } from '../../src/util/text.js';

describe('fold', () => {
  it('ignores case, spacing, normalization and diacritics', () => {
    const nfc = 'Ngày Tiếp Nhận'.normalize('NFC');
    const nfd = 'Ngày Tiếp Nhận'.normalize('NFD');
    expect(fold(nfc)).toBe('ngay tiep nhan');
    expect(fold(nfd)).toBe('ngay tiep nhan');
    expect(fold('  NGAY   TIEP  nhan ')).toBe('ngay tiep nhan');
    expect(fold('Đơn vị')).toBe('don vi');
    expect(fold('ĐƠN VỊ')).toBe('don vi');
  });
  it('tidy keeps diacritics and NFC', () => {
    expect(tidy(' UBND  xã Phú Hữu '.normalize('NFD'))).toBe('UBND xã Phú Hữu'.normalize('NFC'));
  });
});

describe('ByteMemo', () => {
  /** One row of byte fields, as the CSV reader hands them (text() as a CsvSink would get it). */
  function row(cells: Array<[string, boolean]>) {
    let buf = '';
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [c, q] of cells) {
      const raw = q ? c.replace(/"/g, '""') : c;
      starts.push(Buffer.byteLength(buf));
      buf += raw;
      ends.push(Buffer.byteLength(buf));
      buf += ',';
    }
    return {
      buf: Buffer.from(buf),
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      quoted: Uint8Array.from(cells.map(([, q]) => (q ? 1 : 0))),
      count: cells.length,
      text: (k: number) => (k < cells.length ? cells[k]![0] : ''),
    };
  }

  it('returns compute(text) for every cell, cached or not, past its limit too', () => {
    let calls = 0;
    const memo = new ByteMemo((s) => {
      calls++;
      return `<${s}>`;
    }, 50);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom('', 'a', 'Có', 'Có'.normalize('NFD'), 'x"y'), fc.string({ maxLength: 8 })), fc.boolean()), { minLength: 1, maxLength: 30 }), (cells) => {
        const r = row(cells);
        for (let k = 0; k <= cells.length; k++) expect(memo.get(r, k)).toBe(`<${r.text(k)}>`);
      }),
      { numRuns: 300 },
    );
    expect(calls).toBeGreaterThan(50); // the limit was passed, and computing went on
  });

  it('tells apart long values that differ in one byte anywhere, across many values (its table grows)', () => {
    const memo = new ByteMemo((s) => `<${s}>`);
    const base = 'UBND xã Vĩnh Thanh huyện Nhơn Trạch';
    // Every one-byte change of one spelling, at every place, plus the spelling itself and its prefixes.
    const values = [base];
    for (let i = 0; i < base.length; i++) {
      values.push(base.slice(0, i) + 'x' + base.slice(i + 1));
      values.push(base.slice(0, i + 1));
    }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...values), fc.boolean()), { minLength: 1, maxLength: 40 }), (cells) => {
        const r = row(cells);
        for (let k = 0; k < cells.length; k++) expect(memo.get(r, k)).toBe(`<${cells[k]![0]}>`);
      }),
      { numRuns: 300 },
    );
  });

  it('tells a quoted cell from an unquoted one with the same bytes', () => {
    const memo = new ByteMemo((s) => s.length);
    // Unquoted a""b is the text a""b; quoted "a""b" is the text a"b: same bytes between the delimiters.
    const unq = row([['a""b', false]]);
    const q = { ...row([['a"b', true]]), text: () => 'a"b' };
    expect(memo.get(unq, 0)).toBe(4);
    expect(memo.get(q, 0)).toBe(3);
    expect(memo.get(unq, 0)).toBe(4);
  });
});
