import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatInt } from '../../src/report/format.js';

describe('formatInt', () => {
  it('writes integers as Intl.NumberFormat does, in both languages', () => {
    const vi = new Intl.NumberFormat('vi-VN');
    const en = new Intl.NumberFormat('en-US');
    const examples = [0, 1, 12, 123, 999, 1000, 1234, 12_345, 123_456, 1_234_567, 1_000_000, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (const n of examples) {
      expect(formatInt(n, 'vi')).toBe(vi.format(n));
      expect(formatInt(n, 'en')).toBe(en.format(n));
    }
    expect(formatInt(1_234_567, 'vi')).toBe('1.234.567');
    expect(formatInt(1_234_567, 'en')).toBe('1,234,567');
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => {
        expect(formatInt(n, 'vi')).toBe(vi.format(n));
        expect(formatInt(n, 'en')).toBe(en.format(n));
      }),
      { numRuns: 2000 },
    );
  });
});
