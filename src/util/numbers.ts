/** Counts as exports write them, and integers as people read them. */

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

/** Number formatting for people: Vietnamese (1.234) or English (1,234). */
/** Thousands separators: what Intl.NumberFormat('vi-VN' | 'en-US') writes for integers. */
const GROUP: Record<'vi' | 'en', string> = { vi: '.', en: ',' };
const INTL: Partial<Record<'vi' | 'en', Intl.NumberFormat>> = {};

/**
 * An integer with thousands separators (1.234.567 / 1,234,567), as Intl.NumberFormat writes it.
 * Written out for safe integers because Intl's first use loads ICU's locale data (~20 ms at
 * every start); anything else still goes to Intl.
 */
export function formatInt(n: number, lang: 'vi' | 'en'): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return (INTL[lang] ??= new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US')).format(n);
  const digits = String(Math.abs(n));
  let i = digits.length % 3 || 3;
  let out = digits.slice(0, i);
  for (; i < digits.length; i += 3) out += GROUP[lang] + digits.slice(i, i + 3);
  return n < 0 ? `-${out}` : out;
}
