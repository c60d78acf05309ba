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

/** A field of a row held as bytes (structurally, the CSV reader's CsvRow). */
export interface ByteFields {
  readonly buf: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
  readonly count: number;
  /** Field k decoded to a string, exactly as the string path sees it ('' for k ≥ count). */
  text(k: number): string;
}

/**
 * FoldCache's byte-level twin: memoizes `compute(text)` by the field's raw bytes (and whether it
 * was quoted), so that a value seen before costs a hash and a compare, not a string. The
 * text is decoded only on a miss. Bounded like FoldCache: past `limit` distinct values (or for
 * values longer than `maxKey` bytes) it computes without remembering.
 */
export class ByteMemo<T> {
  private slots = new Int32Array(1 << 13);
  private readonly mask = (1 << 13) - 1;
  private readonly hashes: Int32Array;
  private readonly offs: Int32Array;
  private readonly lens: Int32Array;
  private readonly values: T[] = [];
  private arena = new Uint8Array(1 << 14);
  private used = 0;
  private size = 0;
  private empty: T | undefined;
  private hasEmpty = false;

  constructor(
    private readonly compute: (text: string) => T,
    private readonly limit = 4096,
    private readonly maxKey = 512,
  ) {
    this.hashes = new Int32Array(limit);
    this.offs = new Int32Array(limit);
    this.lens = new Int32Array(limit);
  }

  get(row: ByteFields, k: number): T {
    let s = 0;
    let e = 0;
    let q = 0;
    if (k < row.count) {
      s = row.starts[k]!;
      e = row.ends[k]!;
      q = row.quoted[k]!;
    }
    const len = e - s;
    if (len === 0 && q === 0) {
      // Blank cells are the commonest value of many columns.
      if (!this.hasEmpty) {
        this.empty = this.compute(row.text(k));
        this.hasEmpty = true;
      }
      return this.empty!;
    }
    if (len > this.maxKey) return this.compute(row.text(k));
    const b = row.buf;
    // A cheap hash of the length and up to 8 bytes at the ends; `same` settles it exactly.
    let h = Math.imul(len + 1, 0x9e3779b1) ^ q;
    if (len > 0) {
      const t = len < 4 ? len : 4;
      for (let i = 0; i < t; i++) h = Math.imul(h ^ b[s + i]!, 0x01000193);
      for (let i = 1; i <= t; i++) h = Math.imul(h ^ b[e - i]!, 0x01000193);
    }
    h ^= h >>> 15;
    const key = q ? ~len : len; // quoted and unquoted spellings of the same bytes differ
    let i = h & this.mask;
    for (;;) {
      const slot = this.slots[i]!;
      if (slot === 0) break;
      const n = slot - 1;
      if (this.hashes[n] === h && this.lens[n] === key && this.same(n, b, s, len)) return this.values[n]!;
      i = (i + 1) & this.mask;
    }
    const v = this.compute(row.text(k));
    if (this.size < this.limit && this.size * 2 < this.mask) {
      const n = this.size++;
      if (this.used + len > this.arena.length) {
        const a = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
        a.set(this.arena);
        this.arena = a;
      }
      this.arena.set(b.subarray(s, e), this.used);
      this.offs[n] = this.used;
      this.used += len;
      this.hashes[n] = h;
      this.lens[n] = key;
      this.values[n] = v;
      this.slots[i] = n + 1;
    }
    return v;
  }

  private same(n: number, b: Uint8Array, s: number, len: number): boolean {
    const a = this.arena;
    const o = this.offs[n]!;
    for (let k = len - 1; k >= 0; k--) if (a[o + k] !== b[s + k]) return false;
    return true;
  }
}
