import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tierFromName, tierFromColumn, ADMIN_WORDS, ASCII_ADMIN, ASCII_NOT_ADMIN } from '../../src/ingest/tier.js';
import { fold, isAscii, squash } from '../../src/util/text.js';
import type { Tier } from '../../src/model/tier.js';

describe('tierFromName (docs/domain.md tier rule 3)', () => {
  it.each([
    ['Sở Tư pháp', 'so'],
    ['Sở Xây dựng', 'so'],
    ['Ban Quản lý các Khu công nghiệp', 'so'],
    ['Văn phòng UBND tỉnh', 'so'],
    ['Trung tâm Hành chính công tỉnh', 'so'],
    ['Bảo hiểm xã hội tỉnh Đồng Nai', 'so'],
    ['Công an tỉnh', 'so'],
    ['UBND huyện Nhơn Trạch', 'huyen'],
    ['UBND thành phố Biên Hòa', 'huyen'],
    ['UBND TP. Long Khánh', 'huyen'],
    ['UBND TP Long Khánh', 'huyen'],
    ['Phòng Tư pháp huyện Trảng Bom', 'huyen'],
    ['UBND thị xã Long Khánh', 'huyen'],
    ['UBND quận 1', 'huyen'],
    ['UBND xã Long Hưng', 'xa'],
    ['UBND xã Long Hưng, TP Biên Hòa', 'xa'],
    ['UBND xã Phú Hữu, tỉnh Đồng Nai', 'xa'],
    ['UBND phường Tân Phong', 'xa'],
    ['UBND thị trấn Dầu Giây', 'xa'],
    ['UBND thị trấn Định Quán', 'xa'],
    // ASCII-folded spellings
    ['UBND xa Long Hung', 'xa'],
    ['UBND thi tran Dau Giay', 'xa'],
    ['UBND thi xa Long Khanh', 'huyen'],
    ['Phong Tu phap huyen Trang Bom', 'huyen'],
    ['So Tu phap', 'so'],
    ['Bao hiem xa hoi tinh Dong Nai', 'so'],
    ['UBND phuong Tan Phong', 'xa'],
    // NFD and upper case
    ['UBND XÃ LONG HƯNG'.normalize('NFD'), 'xa'],
  ])('%s → %s', (name, tier) => {
    expect(tierFromName(name)).toBe(tier);
  });

  it.each([
    'Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu',
    'Cơ quan thuế khu vực',
    'Trung tâm dịch vụ địa phương',
    'Định Quán',
    'Tân Phú',
    '',
  ])('%j is undecidable by name', (name) => {
    expect(tierFromName(name)).toBeNull();
  });
});

describe('UBND and an abbreviation (docs/domain.md "Values as real systems write them")', () => {
  it.each([
    ['UBND H. Nhơn Trạch', 'huyen'],
    ['UBND H.Nhơn Trạch', 'huyen'],
    ['UBND TP. Biên Hòa', 'huyen'],
    ['UBND Tp Long Khánh', 'huyen'],
    ['UBND TX. Long Khánh', 'huyen'],
    ['UBND Q. 1', 'huyen'],
    ['UBND TT. Trảng Bom', 'xa'],
    ['UBND TT Dầu Giây', 'xa'],
    ['UBND P.Tân Phong', 'xa'],
    ['UBND P. Tân Phong, TP. Biên Hòa', 'xa'],
    ['UBND X. Long Hưng', 'xa'],
    ['ubnd x long hung', 'xa'],
  ])('%j → %s', (name, t) => expect(tierFromName(name)).toBe(t));
  it('only directly after UBND', () => {
    expect(tierFromName('Công ty H. Nhơn Trạch')).toBeNull();
    expect(tierFromName('UBND Nhơn Trạch')).toBeNull();
  });
});

describe('tierFromColumn (rule 1)', () => {
  it.each([
    ['Sở', 'so'],
    ['Cấp sở', 'so'],
    ['Tỉnh', 'so'],
    ['CAP TINH', 'so'],
    ['Huyện', 'huyen'],
    ['cap huyen', 'huyen'],
    ['Xã', 'xa'],
    [' Cấp  xã '.normalize('NFD'), 'xa'],
    ['Phường', 'xa'],
    ['Thị trấn', 'xa'],
    ['Sở, ban, ngành', 'so'],
    ['Sở ban ngành', 'so'],
    ['Ban', 'so'],
    ['Huyện/TP', 'huyen'],
    ['Huyện / TP', 'huyen'],
    ['Cấp huyện/TP', 'huyen'],
    ['Thị xã', 'huyen'],
    ['Quận', 'huyen'],
  ])('%j → %s', (v, t) => expect(tierFromColumn(v)).toBe(t));
  it('blank is null, anything else undefined', () => {
    expect(tierFromColumn('  ')).toBeNull();
    expect(tierFromColumn('Làng')).toBeUndefined();
    expect(tierFromColumn('Trung ương')).toBeUndefined();
  });
});

describe('tierFromName reads a name once, word by word', () => {
  it('gives what the earlier classifier (all words split and folded up front) gave, on any words', () => {
    const vocabulary = ['Sở', 'sở', 'so', 'Ban', 'UBND', 'xã', 'Xã', 'xa', 'hội', 'hoi', 'thị', 'thi', 'trấn', 'tran', 'thành', 'thanh', 'phố', 'pho', 'TP', 'TP.', 'tỉnh', 'tinh', 'phường', 'phuong', 'huyện', 'huyen', 'quận', 'quan', 'cơ', 'co', 'lý', 'ly', 'địa', 'dia', 'tiện', 'tien', 'thức', 'thuc', 'sự', 'su', 'trị', 'tri', 'Long', 'Hưng', 'Biên', 'Hòa', 'Nhơn'];
    const separators = [' ', '  ', ', ', '.', '-', ' – ', '/', '(', ')', ':', '\t'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 8 }), (parts) => {
        const name = parts.map(([w, sep]) => w + sep).join('');
        expect(tierFromName(name), name).toBe(referenceTier(name));
      }),
      { numRuns: 5000 },
    );
  });

  it('a name of 1 MB (a unit name the row check would reject, classified anyway) in time and memory in proportion', () => {
    const name = 'Trung tâm dịch vụ '.repeat(57_000) + 'xã Long Hưng';
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    expect(tierFromName(name)).toBe('xa');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 << 20);
  });
});

/** The classifier as it was (words split and folded up front), as the reference. */
function refWords(s: string): string[] {
  // Split on white space and punctuation; "TP." and "TP.Biên Hòa" give the word "tp".
  return s.split(/[\s,.;:()\-–—/]+/u).filter((w) => w !== '');
}

function refStartsWith(ws: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) if (ws[at + k] !== phrase[k]) return false;
  return true;
}

function refAsciiAt(ws: string[], at: number, n: number): boolean {
  for (let k = at; k < at + n && k < ws.length; k++) if (!isAscii(ws[k]!)) return false;
  return true;
}

/**
 * The tier a unit's name implies, or `null` when the name does not decide it. Words written
 * with diacritics are matched as written; words written without them are matched folded.
 * The phrases of ASCII_NOT_ADMIN ("cơ quan", "địa phương"…) are never administrative words.
 */
function referenceTier(name: string): Tier | null {
  const ws = refWords(squash(name));
  const folded = ws.map((w) => fold(w));
  if (ws.length === 0) return null;
  if (ws[0] === 'sở' || ws[0] === 'ban' || (ws[0] === 'so' && refAsciiAt(ws, 0, 1))) return 'so';
  outer: for (let i = 0; i < ws.length; i++) {
    for (const [phrase, tier] of ADMIN_WORDS) {
      if (refStartsWith(ws, i, phrase)) {
        if (tier !== null) return tier;
        i += phrase.length - 1;
        continue outer;
      }
    }
    for (const phrase of ASCII_NOT_ADMIN) {
      if (refStartsWith(folded, i, phrase)) {
        i += phrase.length - 1;
        continue outer;
      }
    }
    for (const [phrase, tier] of ASCII_ADMIN) {
      if (refAsciiAt(ws, i, phrase.length) && refStartsWith(folded, i, phrase)) return tier;
    }
  }
  return null;
}
