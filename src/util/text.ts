/**
 * One place for the text folding that every matcher uses: headers, values, unit names.
 *
 * `fold` lower-cases, decomposes (NFD), strips combining marks, maps đ→d, and collapses
 * runs of white space; so "  Ngày  Tiếp Nhận " = "ngay tiep nhan" = "NGAY TIEP NHAN", and
 * NFC and NFD spellings of the same word fold to the same key.
 */
const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

export function fold(s: string): string {
  let out = s.normalize('NFD').replace(COMBINING, '').toLowerCase();
  if (out.includes('đ')) out = out.replace(/đ/g, 'd');
  return out.replace(SPACES, ' ').trim();
}

/** Lower-cased NFC with white space collapsed: keeps diacritics, for matching that needs them. */
export function squash(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(SPACES, ' ').trim();
}

/** Trimmed NFC with white space collapsed: how a unit name is displayed. */
export function tidy(s: string): string {
  return s.normalize('NFC').replace(SPACES, ' ').trim();
}

/** True when the string is pure ASCII (no diacritics were written). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A small memo for folding values that repeat millions of times (units, channels, ratings).
 * Bounded so that a file of all-distinct values cannot grow it without limit.
 */
export class FoldCache<T> {
  private readonly map = new Map<string, T>();
  constructor(
    private readonly compute: (raw: string) => T,
    private readonly limit = 4096,
  ) {}

  get(raw: string): T {
    let v = this.map.get(raw);
    if (v === undefined) {
      v = this.compute(raw);
      if (this.map.size < this.limit) this.map.set(raw, v);
    }
    return v;
  }
}
