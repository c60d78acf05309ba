/**
 * The cells `score`'s outputs write alike (the table, the months, JUnit, GitHub annotations): a
 * value ("72,4%", "+12"), a target ("≥ 70%"), a verdict with a failing result's shortfall
 * ("✗ Không đạt, thiếu 37 hồ sơ"), what the rest of the year needs.
 */
import type { ChalkInstance } from 'chalk';
import { LABELS } from '../../i18n/messages.js';
import { HTML_LABELS } from '../../i18n/html.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import { formatInt, formatPercent, formatRate } from '../format.js';
import type { Lang } from '../../model/lang.js';
import type { Result, Status, YearEnd } from '../../model/result.js';

/** What the cells read of a result (model/result.ts, or a result of the JSON document: report/score/content.ts). */
type Cells = Pick<Result, 'numerator' | 'denominator' | 'value' | 'target'> & { scale?: string; comparison?: string | null };

/** A comparison as people write it. */
export const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

export const MARK: Record<Status, string> = { pass: '✓', fail: '✗', 'no-data': '–', 'no-target': '·' };

/** "≥ 70%"; for a change target, "> 0". */
export function targetCell(r: Cells, lang: Lang): string {
  const sign = SIGN[r.comparison ?? '>='] ?? '≥';
  return r.scale === 'change' ? `${sign} ${formatInt(r.target!, lang)}` : `${sign} ${formatPercent(r.target!, lang)}`;
}

/** The rate ("72,4%", "—" without a denominator), or for a change this year − last year, signed ("+12", "−3", "0"). */
export function valueCell(r: Cells, lang: Lang): string {
  if (r.scale !== 'change') return formatRate(r.numerator, r.denominator, lang);
  if (r.value === null) return '—';
  const v = r.numerator - r.denominator;
  return v > 0 ? `+${formatInt(v, lang)}` : v < 0 ? `−${formatInt(-v, lang)}` : '0';
}

/** A verdict's colour: green, bold red, or dim. */
export function paint(status: Status, text: string, c: ChalkInstance): string {
  switch (status) {
    case 'pass':
      return c.green(text);
    case 'fail':
      return c.red.bold(text);
    default:
      return c.dim(text);
  }
}

/** A failing result's shortfall in words ("thiếu 37 hồ sơ", "37 dossiers short"; what it counts: `kind`), or ''. */
export function shortCell(r: Pick<Result, 'status' | 'shortfall'>, lang: Lang, kind: string | undefined): string {
  const s = r.status === 'fail' ? (r.shortfall ?? null) : null;
  return s === null ? '' : HTML_LABELS[lang].short(s, formatInt(s, lang), kind);
}

/** "✗ Không đạt, thiếu 37 hồ sơ": the verdict, and a failing result's shortfall. */
export function statusCell(r: Result, lang: Lang, c: ChalkInstance, kind: string | undefined): string {
  const s = shortCell(r, lang, kind);
  return paint(r.status, `${MARK[r.status]} ${LABELS[lang].status[r.status]}${s ? `, ${s}` : ''}`, c);
}

/** n of d as a rate needed, rounded up to one decimal on exact integers (the need shown is never less than the real one). */
export function formatNeed(n: number, d: number, lang: Lang): string {
  const tenths = Number((BigInt(n) * 1000n + BigInt(d) - 1n) / BigInt(d));
  return `${formatInt(Math.floor(tenths / 10), lang)}${lang === 'vi' ? ',' : '.'}${tenths % 10}%`;
}

/** What the rest of the year needs ("cần ≥ 78,4% từ nay đến cuối năm", "không thể đạt trong năm"), or '' where the result has none. */
export function yearEndCell(r: { yearEnd?: YearEnd | null }, lang: Lang): string {
  const y = r.yearEnd;
  if (!y) return '';
  const A = ACTION_LABELS[lang];
  if (!y.reachable) return A.yearEndOut;
  if (y.numerator === 0 || y.denominator === 0) return A.yearEndDone;
  return A.yearEndNeed(formatNeed(y.numerator, y.denominator, lang));
}
