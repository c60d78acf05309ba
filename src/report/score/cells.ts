/** A result's value and target as `score`'s outputs write them (the table, JUnit, GitHub annotations). */
import { formatInt, formatPercent, formatRate } from '../format.js';
import type { Lang } from '../../model/lang.js';
import type { Result } from '../../model/result.js';

const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** "≥ 70%"; for a change target, "> 0". */
export function targetCell(r: Result, lang: Lang): string {
  const sign = SIGN[r.comparison ?? '>='] ?? '≥';
  return r.scale === 'change' ? `${sign} ${formatInt(r.target!, lang)}` : `${sign} ${formatPercent(r.target!, lang)}`;
}

/** The rate ("72,4%", "—" without a denominator), or for a change this year − last year, signed ("+12", "−3", "0"). */
export function valueCell(r: Result, lang: Lang): string {
  if (r.scale !== 'change') return formatRate(r.numerator, r.denominator, lang);
  if (r.value === null) return '—';
  const v = r.numerator - r.denominator;
  return v > 0 ? `+${formatInt(v, lang)}` : v < 0 ? `−${formatInt(-v, lang)}` : '0';
}
