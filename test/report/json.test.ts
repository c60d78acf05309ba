import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { jsonText } from '../../src/report/json.js';

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

  it('comes in chunks of about 64 K characters, not as one string', () => {
    const problems = Array.from({ length: 20_000 }, (_, i) => ({ line: i + 2, code: 'row.badDate', message: `Dòng ${i + 2}: ngày không hợp lệ` }));
    const chunks = [...jsonText({ problems })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan(70_000);
    expect(chunks.join('')).toBe(`${JSON.stringify({ problems }, null, 2)}\n`);
  });
});
