/** Counts as exports write them. */

/**
 * A count cell: digits, optionally grouped in threes by `.`, `,` or spaces ("1.234", "12 345");
 * -1 when blank, NaN for anything else ("1.2345", "12,5", "x").
 */
export function parseCount(raw: string): number {
  const s = raw.trim();
  if (s === '') return -1;
  if (!/^(\d+|\d{1,3}([., ]\d{3})+)$/.test(s)) return NaN;
  return Number(s.replace(/[., ]/g, ''));
}
