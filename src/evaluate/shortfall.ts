/**
 * Shortfall: the fewest items that would have to move into the numerator (the denominator
 * unchanged) for a failing result to pass — `ceil(target × N) − n` for `>=` — in exact integer
 * arithmetic, on the same scale as compareTarget (targets with up to 6 decimals).
 */
import type { Target } from '../plan/appendix.js';

const SCALE = 100n * 1_000_000n;

/**
 * The shortfall of n of d against target% (`>=` or `>`; a percentage scale): 0 when it passes;
 * null when moving items into the numerator is not what would pass it (`<=`, `<`, `=`, a change)
 * or when nothing was counted (d = 0).
 */
export function shortfall(n: number, d: number, target: number | null, comparison: Target['comparison'] = '>=', scale: 'percent' | 'change' = 'percent'): number | null {
  if (target === null || d === 0 || scale !== 'percent' || (comparison !== '>=' && comparison !== '>')) return null;
  // The least m with m·100·10⁶ ≥ t·d (or > for `>`), t = target·10⁶.
  const rhs = BigInt(Math.round(target * 1_000_000)) * BigInt(d);
  const least = comparison === '>=' ? (rhs + SCALE - 1n) / SCALE : rhs / SCALE + 1n;
  const m = Number(least);
  return Math.max(0, m - n);
}
