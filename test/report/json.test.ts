import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LazyArray, jsonText } from '../../src/report/json.js';

describe('jsonText', () => {
  const text = (v: unknown) => [...jsonText(v)].join('');

  it('joins to exactly JSON.stringify(value, null, 2) and a newline, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(text(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out members JSON.stringify leaves out and writes null for such elements, at any depth', () => {
    const v = {
      a: undefined,
      b: [undefined, () => 1, Symbol('s'), { c: undefined, d: 1 }, []],
      e: { f: { g: [undefined, 'x\ny'] } },
      h: {},
      i: new Date(0),
      j: { toJSON: () => ({ k: 2 }) },
      [Symbol('hidden')]: 3,
      10: 'ten',
      2: 'two',
    };
    expect(text(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
  });

  it('calls toJSON with the member name or index, drops what it gives as undefined, and writes boxed primitives as values (found by review)', () => {
    const keys: string[] = [];
    const spy = { toJSON: (k: string) => (keys.push(k), k.length) };
    const v = {
      a: { toJSON: () => undefined },
      b: [{ toJSON: () => undefined }, spy],
      c: { d: spy, e: { f: spy } },
      s: new String('a'),
      n: new Number(3),
      t: new Boolean(false),
      spy,
    };
    const want = `${JSON.stringify(v, null, 2)}\n`;
    const theirs = keys.splice(0);
    expect(text(v)).toBe(want);
    expect(keys).toEqual(theirs); // the same keys, in the same order
    expect(text({ toJSON: () => ({ x: 1 }) })).toBe(`${JSON.stringify({ x: 1 }, null, 2)}\n`);
  });

  it('makes a LazyArray\'s elements one at a time, writing what JSON.stringify writes of it', () => {
    let made = 0;
    const lazy = new LazyArray([1, 2, 3, 4], (n) => {
      made++;
      return n === 3 ? undefined : { n, nested: [n, { deep: new LazyArray([n], (m) => m * 2) }] };
    });
    const v = { a: 1, lazy, empty: new LazyArray([], (n: number) => n), top: [lazy] };
    const got = [...jsonText(v)].join('');
    expect(got).toBe(`${JSON.stringify(v, null, 2)}\n`);
    expect(made).toBeGreaterThan(4); // by jsonText, and by JSON.stringify through toJSON
  });

  it('comes in chunks of a few thousand characters, not as one string', () => {
    const problems = Array.from({ length: 20_000 }, (_, i) => ({ line: i + 2, code: 'row.badDate', message: `Dòng ${i + 2}: ngày không hợp lệ` }));
    const chunks = [...jsonText({ problems })];
    expect(chunks.length).toBeGreaterThan(100);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan(10_000);
    expect(chunks.join('')).toBe(`${JSON.stringify({ problems }, null, 2)}\n`);
  });
});
