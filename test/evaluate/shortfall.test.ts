import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { shortfall } from '../../src/evaluate/shortfall.js';
import { compareTarget } from '../../src/evaluate/evaluate.js';

describe('shortfall', () => {
  it.each([
    // n, d, target, comparison, shortfall
    [20, 100, 20, '>=', 0],
    [19, 100, 20, '>=', 1],
    [0, 1, 20, '>=', 1],
    [1034, 1123, 96, '>=', 45], // ceil(1078.08) − 1034
    [105, 713, 20, '>=', 38], // ceil(142.6) − 105
    [2710, 2847, 96, '>=', 24], // ceil(2733.12) − 2710
    [50, 55, 92, '>=', 1], // ceil(50.6) − 50
    [92, 100, 92.5, '>=', 1], // ceil(92.5) − 92
    [925, 1000, 92.5, '>=', 0],
    [20, 100, 20, '>', 1], // 21 of 100 is the least above 20%
    [3, 3, 100, '>=', 0],
    [2, 3, 100, '>=', 1],
    [0, 7, 0, '>=', 0],
  ] as const)('%s of %s against %s%% (%s): %s short', (n, d, t, cmp, want) => {
    expect(shortfall(n, d, t, cmp)).toBe(want);
  });

  it('is null with no target, no data, a comparison that moving items into the numerator does not serve, or a change', () => {
    expect(shortfall(1, 2, null)).toBeNull();
    expect(shortfall(0, 0, 20)).toBeNull();
    expect(shortfall(5, 10, 20, '<=')).toBeNull();
    expect(shortfall(5, 10, 20, '<')).toBeNull();
    expect(shortfall(5, 10, 20, '=')).toBeNull();
    expect(shortfall(12, 10, 0, '>', 'change')).toBeNull();
  });

  it('is the least count that passes, by the exact comparison of evaluate/', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('>=', '>'),
        (d, t1000, cmp) => {
          const target = Math.min(99_999, t1000) / 1000; // 0–99.999 %, three decimals
          const n = Math.floor(d / 3);
          const s = shortfall(n, d, target, cmp)!;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(compareTarget(n + s, d, target, cmp, 'percent')).toBe(true);
          if (s > 0) expect(compareTarget(n + s - 1, d, target, cmp, 'percent')).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
