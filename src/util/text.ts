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
 *
 * Sized to what it holds (a column has a handful of values, a unit column a thousand): the slot
 * table starts at 64 and doubles when half full, and each value's hash, length and place in the
 * arena sit side by side in one array, so that a lookup touches three or four cache lines.
 */
export class ByteMemo<T> {
  private slots = new Int32Array(64);
  private mask = 63;
  /** Per value n: meta[3n] its hash, meta[3n + 1] its length (~length when quoted), meta[3n + 2] its offset in the arena. */
  private meta = new Int32Array(3 * 32);
  private readonly values: T[] = [];
  private arena = new Uint8Array(1 << 10);
  private used = 0;
  private size = 0;
  private empty: T | undefined;
  private hasEmpty = false;

  constructor(
    private readonly compute: (text: string) => T,
    private readonly limit = 4096,
    private readonly maxKey = 512,
  ) {}

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
    const h = memoHash(b, s, e, q);
    const key = q ? ~len : len; // quoted and unquoted spellings of the same bytes differ
    const meta = this.meta;
    let i = h & this.mask;
    for (;;) {
      const slot = this.slots[i]!;
      if (slot === 0) break;
      const m = 3 * (slot - 1);
      if (meta[m] === h && meta[m + 1] === key && this.same(meta[m + 2]!, b, s, len)) return this.values[slot - 1]!;
      i = (i + 1) & this.mask;
    }
    const v = this.compute(row.text(k));
    if (this.size < this.limit) {
      const n = this.size++;
      if (this.used + len > this.arena.length) {
        const a = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
        a.set(this.arena);
        this.arena = a;
      }
      this.arena.set(b.subarray(s, e), this.used);
      if (3 * n + 3 > this.meta.length) {
        const g = new Int32Array(this.meta.length * 2);
        g.set(this.meta);
        this.meta = g;
      }
      this.meta[3 * n] = h;
      this.meta[3 * n + 1] = key;
      this.meta[3 * n + 2] = this.used;
      this.used += len;
      this.values[n] = v;
      this.slots[i] = n + 1;
      if (this.size * 2 > this.mask) this.grow();
    }
    return v;
  }

  /** Doubles the slot table (refilled from the hashes kept in meta). */
  private grow() {
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let n = 0; n < this.size; n++) {
      let i = this.meta[3 * n]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = n + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private same(o: number, b: Uint8Array, s: number, len: number): boolean {
    const a = this.arena;
    for (let k = len - 1; k >= 0; k--) if (a[o + k] !== b[s + k]) return false;
    return true;
  }
}

/**
 * ByteMemo's hash of the cell b[s, e) (length ≥ 1; `q` 1 when quoted): its length and up to
 * four bytes at each end, read as words; `same` settles it exactly.
 */
function memoHash(b: Uint8Array, s: number, e: number, q: number): number {
  const len = e - s;
  let lo: number;
  let hi: number;
  if (len >= 4) {
    lo = b[s]! | (b[s + 1]! << 8) | (b[s + 2]! << 16) | (b[s + 3]! << 24);
    hi = b[e - 4]! | (b[e - 3]! << 8) | (b[e - 2]! << 16) | (b[e - 1]! << 24);
  } else {
    lo = b[s]! | (len > 1 ? b[s + 1]! << 8 : 0) | (len > 2 ? b[s + 2]! << 16 : 0);
    hi = 0;
  }
  let h = Math.imul(lo ^ Math.imul(len + q * 0x10000, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ hi ^ (h >>> 15), 0xc2b2ae35);
  return h ^ (h >>> 13);
}

let viCollator: Intl.Collator | undefined;
/** Vietnamese collation order (as `a.localeCompare(b, 'vi')`), through one collator made on first use. */
export function compareVi(a: string, b: string): number {
  viCollator ??= new Intl.Collator('vi');
  return viCollator.compare(a, b);
}
