import type { Lang } from '../model/lang.js';
/** Number formatting for people: Vietnamese (1.234, 72,4%) or English (1,234, 72.4%). */

import { formatInt } from '../util/numbers.js';

/** One integer format for every output (util/numbers.ts); renderers import it from here with the rest. */
export { formatInt };

/**
 * A rate n/d as a percentage with one decimal, rounded down on exact integers, so a shown
 * rate never exceeds the real one (95,96% shows as 95,9%, not as a passing-looking 96,0%).
 */
export function formatRate(n: number, d: number, lang: Lang): string {
  if (d === 0) return '—';
  const tenths = (BigInt(n) * 1000n) / BigInt(d);
  const whole = tenths / 10n;
  const frac = tenths % 10n;
  const sep = lang === 'vi' ? ',' : '.';
  return `${formatInt(Number(whole), lang)}${sep}${frac}%`;
}

export function formatPercent(p: number, lang: Lang): string {
  const s = String(p);
  return `${lang === 'vi' ? s.replace('.', ',') : s}%`;
}
