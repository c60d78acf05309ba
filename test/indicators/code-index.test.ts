import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CompactCodeIndex, hashBytes, packCode } from '../../src/indicators/code-index.js';
import { MapCodeIndex } from '../../src/indicators/code-index.js';

describe('CompactCodeIndex', () => {
  it('gives the same answers as a Map, strings and bytes alike', () => {
    const code = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('HS01', 'HS02', 'hs01', 'HS01 ', 'Hồ sơ 1', 'Hồ sơ 1'.normalize('NFD'), ''),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.integer({ min: 0, max: 300 }).map((n) => `H18.${n}-230101-${String(n).padStart(7, '0')}`),
      fc.string({ minLength: 256, maxLength: 300 }), // past the arena's limit: the Map side
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(code, fc.boolean()), { maxLength: 400 }), fc.integer({ min: 1, max: 500 }), (ops, taggedUpTo) => {
        const a = new CompactCodeIndex(taggedUpTo);
        const b = new MapCodeIndex();
        let next = 0;
        for (const [c, asBytes] of ops) {
          const buf = Buffer.from(`xx${c}yy`, 'utf8');
          const got = asBytes ? a.getOrInsertBytes(buf, 2, buf.length - 2, next) : a.getOrInsert(c, next);
          const want = b.getOrInsert(c, next);
          expect(got).toBe(want);
          if (want < 0) next++;
        }
        expect(a.count).toBe(next);
      }),
      { numRuns: 200 },
    );
  });

  it('getOrInsertMany answers as getOrInsertBytes one code after another would, duplicates within a call and growth during it too', () => {
    const code = fc.oneof(
      fc.constantFrom('HS01', 'HS02', 'hs01', 'Hồ sơ 1', '', 'x'),
      fc.integer({ min: 0, max: 3000 }).map((n) => `H18.${n % 7}-230101-${String(n).padStart(7, '0')}`),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ minLength: 256, maxLength: 300 }), // the Map side
      fc.string({ unit: fc.constantFrom('a', 'é'), minLength: 180, maxLength: 250 }), // packs past 255 bytes: the Map side too
    );
    fc.assert(
      fc.property(fc.array(fc.array(code, { minLength: 1, maxLength: 40 }), { maxLength: 120 }), fc.integer({ min: 1, max: 500 }), (calls, taggedUpTo) => {
        const many = new CompactCodeIndex(taggedUpTo);
        const one = new CompactCodeIndex(taggedUpTo);
        let next = 0;
        for (const codes of calls) {
          const bufs = codes.map((c) => Buffer.from(c, 'utf8'));
          const at = new Int32Array(codes.length + 1);
          bufs.forEach((b, j) => (at[j + 1] = at[j]! + b.length));
          const all = Buffer.concat([Buffer.from('zz'), ...bufs]);
          const shifted = at.map((x) => x + 2); // codes not at the buffer's start
          const out = new Int32Array(codes.length);
          const inserted = many.getOrInsertMany(all, shifted, codes.length, next, out);
          let added = 0;
          bufs.forEach((b, j) => {
            const want = one.getOrInsertBytes(b, 0, b.length, next + added);
            expect(out[j]).toBe(want);
            if (want < 0) added++;
          });
          expect(inserted).toBe(added);
          next += added;
        }
        expect(many.count).toBe(next);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps 300 000 distinct codes apart (through many rehashes) and finds every one again', () => {
    const idx = new CompactCodeIndex();
    const buf = Buffer.alloc(32);
    const put = (i: number) => buf.write(`H18.${i % 97}-2301-${i}`, 0, 'latin1');
    let wrong = 0;
    for (let i = 0; i < 300_000; i++) if (idx.getOrInsertBytes(buf, 0, put(i), i) !== -1) wrong++;
    for (let i = 0; i < 300_000; i += 7) if (idx.getOrInsertBytes(buf, 0, put(i), -5) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(idx.count).toBe(300_000);
  });

  it('with an expected count, grows towards it in fewer rebuilds, and answers the same', () => {
    const buf = Buffer.alloc(32);
    const put = (i: number) => buf.write(`H18.${(i % 150_000) % 97}-2301-${i % 150_000}`, 0, 'latin1');
    const run = (expected: number) => {
      const idx = new CompactCodeIndex();
      let rebuilds = 0;
      const any = idx as unknown as { rebuild: (cap: number) => void };
      const orig = any.rebuild.bind(idx);
      any.rebuild = (cap: number) => {
        rebuilds++;
        orig(cap);
      };
      idx.expect(expected);
      const answers: number[] = [];
      for (let i = 0; i < 200_000; i++) answers.push(idx.getOrInsertBytes(buf, 0, put(i), i));
      return { answers, rebuilds, count: idx.count, bytes: idx.memoryBytes() };
    };
    const plain = run(0);
    const hinted = run(150_000);
    expect(hinted.answers).toEqual(plain.answers);
    expect(hinted.count).toBe(150_000);
    expect(plain.rebuilds).toBe(6); // 4096 slots doubling six times to 262 144
    expect(hinted.rebuilds).toBeLessThanOrEqual(3);
    // The table still follows the codes held: a hint far above them does not allocate it.
    const over = new CompactCodeIndex();
    over.expect(50_000_000);
    for (let i = 0; i < 1000; i++) over.getOrInsertBytes(buf, 0, put(i), i);
    expect(over.memoryBytes()).toBeLessThan(200_000);
  });

  it('holds a code in its length + at most ~22 bytes (the issue allows 64 per dossier in all)', () => {
    const idx = new CompactCodeIndex();
    const buf = Buffer.alloc(32);
    const n = 200_000;
    let codeBytes = 0;
    for (let i = 0; i < n; i++) {
      const len = buf.write(`H18.${String(i % 97).padStart(2, '0')}-230101-${String(i).padStart(7, '0')}`, 0, 'latin1');
      codeBytes += len;
      idx.getOrInsertBytes(buf, 0, len, i);
    }
    const perCode = (idx.memoryBytes() - codeBytes) / n;
    expect(codeBytes / n).toBe(21);
    expect(perCode).toBeLessThanOrEqual(22);
  });

  it('packs codes one-to-one: digits and . - / _ in half a byte, other bytes in a byte and a half', () => {
    const pack = (s: string) => {
      const raw = Buffer.from(s, 'utf8');
      const out = new Uint8Array(Math.ceil((raw.length * 3) / 2) + 1);
      return Buffer.from(out.subarray(0, packCode(raw, 0, raw.length, out))).toString('hex');
    };
    expect(pack('H18.01-231224-0000001')).toHaveLength(24); // 12 bytes for 21
    expect(pack('0123')).toBe('0123');
    expect(pack('1.2-3/4_5')).toBe('1a2b3c4d5f');
    expect(pack('a')).toBe('e61f');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), (x, y) => {
        expect(pack(x) === pack(y)).toBe(Buffer.from(x).equals(Buffer.from(y)));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '9', '.', '-', '/', '_', 'a', 'Z', 'đ', ' ', '\u00ff'), { maxLength: 12 }), fc.array(fc.constantFrom('0', '9', '.', '-', '_', 'a', 'đ'), { maxLength: 12 }), (x, y) => {
        expect(pack(x.join('')) === pack(y.join(''))).toBe(x.join('') === y.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves hash collisions exactly', () => {
    // Find two different short codes with the same 32-bit hash, then index both.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const s = `c${i}`;
      const raw = Buffer.from(s);
      const b = new Uint8Array(64);
      const n = packCode(raw, 0, raw.length, b); // the index hashes codes packed
      const h = hashBytes(b, 0, n) & 0xfffff; // colliding slots (low 20 bits) are enough to share a probe chain
      const o = seen.get(h);
      if (o !== undefined) pair = [o, s];
      else seen.set(h, s);
    }
    const idx = new CompactCodeIndex();
    expect(idx.getOrInsert(pair[0], 0)).toBe(-1);
    expect(idx.getOrInsert(pair[1], 1)).toBe(-1);
    expect(idx.getOrInsert(pair[0], 2)).toBe(0);
    expect(idx.getOrInsert(pair[1], 2)).toBe(1);
  });
});
