/**
 * A compact index of dossier codes, for superseding duplicates (see tally.ts): code bytes →
 * entry number. Memory beyond a fixed base grows with distinct codes only, by the code's
 * packed length + 5 bytes per code + 6–12 bytes of hash slots:
 *
 * - codes are packed before they are hashed, compared and kept: digits and . - / _ take half a
 *   byte each, any other byte a byte and a half (packCode). A code like H18.01-231224-0000001
 *   takes 12 bytes instead of 21. Packing is one-to-one, so packed codes are equal only when
 *   the codes are;
 * - the packed codes are kept once, back to back, in an arena of fixed-size chunks
 *   (no copying when it grows);
 * - per entry: where its bytes start in the arena (4 bytes) and their length (1 byte); hashes
 *   are not kept but computed again from the arena when the table grows;
 * - an open-addressing table (linear probing, at most 70 % full) of entry numbers, each
 *   with 7 bits of its hash so that most probes that miss do not touch the entry.
 *
 * Collisions are resolved exactly: two codes are the same entry only when their bytes are equal.
 * Codes longer than MAX_ARENA_CODE bytes (never seen in real exports) go to a plain Map.
 * The tally adds 7–9 bytes per entry (unit, indicator mask, file, range): about 35 bytes for a
 * 21-byte code in all.
 */

/** Where a dataset's codes are remembered: code → entry number. */
export interface CodeIndex {
  /** Returns the entry for `code`, or -1 after inserting it as entry `next`. */
  getOrInsert(code: string, next: number): number;
  /** The same for a code given as its UTF-8 bytes b[start, end) (optional; the fast path). */
  getOrInsertBytes?(b: Uint8Array, start: number, end: number, next: number): number;
  /** A hint: about `n` codes are expected in all (optional). */
  expect?(n: number): void;
  /**
   * getOrInsertBytes for n codes at once (optional): code j is b[at[j], at[j + 1]); out[j] its
   * entry, or -1 when inserted (as entry next + the codes inserted before it). Returns the number inserted.
   */
  getOrInsertMany?(b: Uint8Array, at: Int32Array, n: number, next: number, out: Int32Array): number;
}

export class MapCodeIndex implements CodeIndex {
  private readonly map = new Map<string, number>();
  getOrInsert(code: string, next: number): number {
    const e = this.map.get(code);
    if (e !== undefined) return e;
    this.map.set(code, next);
    return -1;
  }
}

const CHUNK_BITS = 22;
const CHUNK = 1 << CHUNK_BITS; // 4 MiB
const MAX_ARENA_CODE = 255;
const ENTRY_MASK = (1 << 25) - 1;

/** Nibble of each byte that has one (digits, then . - / _), or -1. */
const NIBBLE = new Int8Array(256).fill(-1);
for (let d = 0; d < 10; d++) NIBBLE[0x30 + d] = d;
NIBBLE[0x2e] = 10; // .
NIBBLE[0x2d] = 11; // -
NIBBLE[0x2f] = 12; // /
NIBBLE[0x5f] = 13; // _
const ESCAPE = 14; // followed by the byte's two nibbles
const PAD = 15; // fills the last byte of an odd number of nibbles

/**
 * Packs the code b[start, end) into `out` from `outStart` (room for ⌈3 × length / 2⌉ bytes), half
 * a byte per digit or . - / _, a byte and a half per other byte; returns the packed length.
 * One-to-one.
 */
export function packCode(b: Uint8Array, start: number, end: number, out: Uint8Array, outStart = 0): number {
  let o = outStart; // where the next byte goes
  let acc = 0; // the high nibble of the byte being filled
  let half = false; // whether a high nibble is waiting for its low one
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    const v = NIBBLE[c]!;
    if (!half && v >= 0 && i + 1 < end) {
      // Two nibbles in a row (most of a code): one whole byte at once.
      const w = NIBBLE[b[i + 1]!]!;
      if (w >= 0) {
        out[o++] = (v << 4) | w;
        i++;
        continue;
      }
    }
    if (v >= 0) {
      if (half) out[o++] = acc | v;
      else acc = v << 4;
      half = !half;
    } else if (half) {
      // ESCAPE, then the byte's two nibbles: one whole byte.
      out[o++] = acc | ESCAPE;
      out[o++] = c;
    } else {
      out[o++] = (ESCAPE << 4) | (c >> 4);
      acc = (c & 15) << 4;
      half = true;
    }
  }
  if (half) out[o++] = acc | PAD;
  return o - outStart;
}

/**
 * The next length of an array of `length` that must grow: twice as long, or — with a hint that
 * `expected` will be needed — towards that at once, up to 256× (each growth copies the array
 * and holds both copies for a moment).
 */
export function grownLength(length: number, expected: number): number {
  let n = length * 2;
  while (n < length * 256 && n < expected) n *= 2;
  return n;
}

/** A multiplicative hash of b[start, end), four bytes at a time (then the last one to three). */
export function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = Math.imul(end - start, 0x9e3779b1);
  let i = start;
  for (; i + 4 <= end; i += 4) h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), 0x01000193) ^ (h >>> 15);
  for (; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  // Final mix so that the low bits (the slot) depend on every byte.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

export class CompactCodeIndex implements CodeIndex {
  /**
   * Slots: 0 = empty, else (tag << 25) | (entry + 1), the tag being the hash's top 7 bits, so
   * that most probes that miss are settled without touching the entry. Past 2^25 - 1 entries
   * the tags are dropped (slots hold entry + 1 alone).
   */
  private slots = new Int32Array(1 << 12); // Int32, not Uint32: tagged slots stay small integers for V8
  private mask = (1 << 12) - 1;
  private tagged = true;
  private offs = new Uint32Array(1 << 10);
  private lens = new Uint8Array(1 << 10);
  private size = 0;
  private readonly chunks: Uint8Array[] = [];
  private chunkPos = CHUNK; // forces the first chunk
  private big: Map<string, number> | undefined;
  private scratch = Buffer.alloc(256);
  private readonly packed = new Uint8Array(Math.ceil((3 * MAX_ARENA_CODE) / 2) + 1);

  /** `taggedUpTo`: entries past which slots drop their tags (tests lower it). */
  constructor(private readonly taggedUpTo = ENTRY_MASK) {}

  /** Bytes held by the arena (as filled) and the typed arrays (as allocated), for tests and the bench. */
  memoryBytes(): number {
    const arena = this.chunks.length === 0 ? 0 : (this.chunks.length - 1) * CHUNK + this.chunkPos;
    return arena + this.offs.byteLength + this.lens.byteLength + this.slots.byteLength;
  }

  /**
   * A hint: about `n` codes are expected in all (the reader's estimate from the share of the
   * file read so far). When the slot table must grow it then grows towards `n` at once — up to
   * 256× — instead of doubling again and again, each rebuild re-hashing every code held. Memory
   * still follows the codes actually held: the table grows only when they fill it.
   */
  expect(n: number): void {
    this.expected = n;
  }
  private expected = 0;

  /** Number of codes held. */
  get count(): number {
    return this.size + (this.big?.size ?? 0);
  }

  getOrInsert(code: string, next: number): number {
    const n = Buffer.byteLength(code, 'utf8');
    if (n > this.scratch.length) this.scratch = Buffer.alloc(Math.max(n, this.scratch.length * 2));
    this.scratch.write(code, 0, 'utf8');
    return this.getOrInsertBytes(this.scratch, 0, n, next);
  }

  /** Returns the entry for the code b[start, end), or -1 after inserting it as entry `next`. */
  getOrInsertBytes(raw: Uint8Array, rawStart: number, rawEnd: number, next: number): number {
    const rawLen = rawEnd - rawStart;
    if (rawLen > MAX_ARENA_CODE) return this.bigGetOrInsert(raw, rawStart, rawEnd, next);
    const b = this.packed;
    const len = packCode(raw, rawStart, rawEnd, b);
    if (len > MAX_ARENA_CODE) return this.bigGetOrInsert(raw, rawStart, rawEnd, next);
    return this.lookup(b, 0, len, hashBytes(b, 0, len), next);
  }

  /**
   * getOrInsertBytes for n codes at once, code j being b[offs[j], offs[j + 1]): out[j] is its
   * entry, or -1 after inserting it as entry `next` + the number of codes inserted before it
   * here; returns how many were inserted. The same as n calls in order, but every code's slot
   * is loaded before any is probed, so that their cache misses (one per code: the table is
   * megabytes) overlap instead of coming one after another.
   */
  getOrInsertMany(b: Uint8Array, offs: Int32Array, n: number, next: number, out: Int32Array): number {
    if (n > this.manyHash.length) {
      this.manyHash = new Int32Array(n);
      this.manyAt = new Int32Array(n + 1);
    }
    const hs = this.manyHash;
    const at = this.manyAt;
    const need = 2 * (offs[n]! - offs[0]!) + n; // packed, each code takes at most 1.5 × its bytes + 1
    if (need > this.manyPacked.length) this.manyPacked = new Uint8Array(Math.max(need, 2 * this.manyPacked.length));
    const packed = this.manyPacked;
    const mask = this.mask;
    const slots = this.slots;
    let p = 0;
    let touched = 0;
    for (let j = 0; j < n; j++) {
      at[j] = p;
      const s = offs[j]!;
      const e = offs[j + 1]!;
      if (e - s > MAX_ARENA_CODE) {
        hs[j] = 0;
        continue;
      }
      const len = packCode(b, s, e, packed, p);
      const h = hashBytes(packed, p, p + len);
      hs[j] = h;
      p += len;
    }
    at[n] = p;
    // A tight loop of independent loads, so that the misses overlap.
    for (let j = 0; j < n; j++) touched ^= slots[hs[j]! & mask]!;
    this.touched = touched;
    let inserted = 0;
    for (let j = 0; j < n; j++) {
      const s = offs[j]!;
      const e = offs[j + 1]!;
      const len = at[j + 1]! - at[j]!;
      const r = e - s > MAX_ARENA_CODE || len > MAX_ARENA_CODE ? this.bigGetOrInsert(b, s, e, next + inserted) : this.lookup(packed, at[j]!, len, hs[j]!, next + inserted);
      out[j] = r;
      if (r < 0) inserted++;
    }
    return inserted;
  }
  private manyHash = new Int32Array(0);
  private manyAt = new Int32Array(1);
  private manyPacked = new Uint8Array(0);
  /** The touched slots, xor-ed: kept so that the loads are not optimized away. */
  touched = 0;

  /** The probe (and insert) of the packed code b[start, start + len) whose hash is h. */
  private lookup(b: Uint8Array, start: number, len: number, h: number, next: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = h & mask;
    const tagged = this.tagged;
    const tag = h >>> 25;
    for (;;) {
      const s = slots[i]!;
      if (s === 0) break;
      if (!tagged) {
        const e = s - 1;
        if (this.lens[e] === len && this.equal(e, b, start, len)) return this.entryNo(e);
      } else if (s >>> 25 === tag) {
        const e = (s & ENTRY_MASK) - 1;
        if (this.lens[e] === len && this.equal(e, b, start, len)) return this.entryNo(e);
      }
      i = (i + 1) & mask;
    }
    // Insert.
    const e = this.size;
    if (e >= this.offs.length) this.growEntries();
    this.lens[e] = len;
    this.offs[e] = this.store(b, start, len);
    this.ids.set(e, next);
    slots[i] = tagged ? (tag << 25) | (e + 1) : e + 1;
    this.size++;
    if (tagged && this.size >= this.taggedUpTo) {
      this.tagged = false;
      this.rebuild(this.mask + 1);
      return -1;
    }
    if (this.size * 10 > (mask + 1) * 7) this.rehash();
    return -1;
  }

  /** Entry numbers as given by the caller (usually 0, 1, 2… so the map is the identity). */
  private readonly ids = new EntryIds();

  private entryNo(e: number): number {
    return this.ids.get(e);
  }

  private equal(e: number, b: Uint8Array, start: number, len: number): boolean {
    const off = this.offs[e]!;
    const chunk = this.chunks[off >>> CHUNK_BITS]!;
    const p = off & (CHUNK - 1);
    // Codes tend to share prefixes and differ at the end: compare from the end.
    for (let k = len - 1; k >= 0; k--) if (chunk[p + k] !== b[start + k]) return false;
    return true;
  }

  private store(b: Uint8Array, start: number, len: number): number {
    if (this.chunkPos + len > CHUNK) {
      this.chunks.push(new Uint8Array(CHUNK));
      this.chunkPos = 0;
    }
    const ci = this.chunks.length - 1;
    const chunk = this.chunks[ci]!;
    const p = this.chunkPos;
    for (let k = 0; k < len; k++) chunk[p + k] = b[start + k]!;
    this.chunkPos += len;
    return ((ci << CHUNK_BITS) | p) >>> 0;
  }

  private growEntries() {
    const n = grownLength(this.offs.length, this.expected);
    const o = new Uint32Array(n);
    o.set(this.offs);
    this.offs = o;
    const l = new Uint8Array(n);
    l.set(this.lens);
    this.lens = l;
  }

  private rehash() {
    // At most 70 % full: room for the expected codes is expected / 0.7 slots.
    this.rebuild(grownLength(this.mask + 1, (this.expected * 10) / 7));
  }

  /** Refills a slot table of `cap` slots. Hashes are not stored (4 bytes a code saved): they are computed again from the arena. */
  private rebuild(cap: number) {
    const slots = new Int32Array(cap);
    // Touch each 4 KiB page once, in order, before the slots are written in hash order: on this
    // kind of VM a page's first touch costs ~3 µs in address order and 10–40 µs in random order
    // (45–85 ms for the bench's 8 MiB table, against 6–19 ms). Zeros change nothing.
    for (let i = 0; i < cap; i += 1024) slots[i] = 0;
    const mask = cap - 1;
    for (let e = 0; e < this.size; e++) {
      const off = this.offs[e]!;
      const p = off & (CHUNK - 1);
      const h = hashBytes(this.chunks[off >>> CHUNK_BITS]!, p, p + this.lens[e]!);
      let i = h & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = this.tagged ? ((h >>> 25) << 25) | (e + 1) : e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  private bigGetOrInsert(raw: Uint8Array, start: number, end: number, next: number): number {
    const key = Buffer.from(raw.buffer, raw.byteOffset + start, end - start).toString('latin1');
    this.big ??= new Map();
    const e = this.big.get(key);
    if (e !== undefined) return e;
    this.big.set(key, next);
    return -1;
  }
}

/**
 * Entry numbers chosen by the caller. Tally numbers entries 0, 1, 2… in insertion order, the
 * same order as ours, so this stays an identity and costs nothing; any other numbering is kept
 * in a map.
 */
class EntryIds {
  private other: Map<number, number> | undefined;
  set(e: number, id: number) {
    if (id === e && this.other === undefined) return;
    this.other ??= new Map();
    this.other.set(e, id);
  }
  get(e: number): number {
    return this.other?.get(e) ?? e;
  }
}
