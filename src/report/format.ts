import type { Lang } from '../model/lang.js';
/** Number formatting for people: Vietnamese (1.234, 72,4%) or English (1,234, 72.4%). */

/** Thousands separators: what Intl.NumberFormat('vi-VN' | 'en-US') writes for integers. */
const GROUP: Record<Lang, string> = { vi: '.', en: ',' };
const INTL: Partial<Record<Lang, Intl.NumberFormat>> = {};

/**
 * An integer with thousands separators (1.234.567 / 1,234,567), as Intl.NumberFormat writes it.
 * Written out for safe integers because Intl's first use loads ICU's locale data (~20 ms at
 * every start); anything else still goes to Intl.
 */
export function formatInt(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return (INTL[lang] ??= new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US')).format(n);
  const digits = String(Math.abs(n));
  let i = digits.length % 3 || 3;
  let out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += GROUP[lang] + digits.slice(i, i + 3);
  return n < 0 ? `-${out}` : out;
}

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
