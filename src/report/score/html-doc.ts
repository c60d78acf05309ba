/**
 * What the HTML report is built from: the `score --format json` document (report/score/json.ts),
 * the one content model, so that the page's numbers are the JSON's. `month` and `shortfall` on
 * results are read when a document has them (a run by month; the shortfall field); without the
 * field, the shortfall is worked out from n, N and the target exactly as evaluate/shortfall.ts
 * does. Also the cells every section writes alike: rate, n/N, target, verdict.
 */
import { LABELS } from '../../i18n/messages.js';
import { HTML_LABELS } from '../../i18n/html.js';
import { shortfallOf } from './content.js';
import { formatInt, formatPercent, formatRate } from '../format.js';
import { html, type Html } from '../html-escape.js';
import type { inputJson, problemJson } from '../json.js';
import type { Lang } from '../../model/lang.js';
import type { InputKind } from '../../model/kinds.js';
import type { Result, Status, Summary } from '../../model/result.js';

export type InputDoc = ReturnType<typeof inputJson>;
export type ProblemDoc = ReturnType<typeof problemJson>;

/** A result as the JSON writes it (model/result.ts), with what a run by month or the shortfall field adds. */
export type ResultDoc = Omit<Result, 'tier' | 'source' | 'scale' | 'leftOut' | 'reason'> & {
  tier: string;
  leftOut?: Result['leftOut'] | null;
  reason?: Result['reason'] | null;
  source?: string;
  scale?: string;
  /** A run by month: the month, `YYYY-MM`. */
  month?: string | null;
  shortfall?: number | null;
};

export interface ScoreDoc {
  tool: { name: string; version: string };
  plan: { id: string; title: string; year: number };
  /** `fromTitle`: the report whose title lines gave the period (null or absent: given, or the default). */
  /** `judgedAt`: the day open items were judged at, when the data end before the period (yyyy-mm-dd). */
  period: { from: string; to: string; label: string; fromTitle?: { file: string; line: number } | null; asOf?: string | null; judgedAt?: string | null };
  inputs: readonly InputDoc[];
  results: readonly ResultDoc[];
  problems: Iterable<ProblemDoc>;
  problemsOmitted: number;
  sources: readonly { indicator: string; inputs: readonly { file: string; via: string; dossiers?: number }[] }[];
  summary: Summary;
  unplacedUnits?: readonly string[];
}

/** What the page needs besides the document: the language and the plan's words for its ids. */
export interface PageContext {
  lang: Lang;
  /** An indicator's or measure's name. */
  name(id: string): string;
  /** A plan indicator's numerator and denominator in words, and its dataset (none for catalog and units measures). */
  about(id: string): { numerator: string; denominator: string; dataset: string } | undefined;
  /** A field's column name in the data contract. */
  fieldName(dataset: InputKind | null, field: string): string;
}

export const TIER_ORDER = ['so', 'huyen', 'xa', 'all'];

/** The tier and province results of the whole period (no unit, district or month). */
export const isOverall = (r: ResultDoc) => r.unit === null && (r.district ?? null) === null && (r.month ?? null) === null;

/** The result's shortfall (content.ts, shared with the other formats). */
export { shortfallOf };

/** Results grouped by indicator, in the document's order. */
export function byIndicator(results: readonly ResultDoc[]): Map<string, ResultDoc[]> {
  const groups = new Map<string, ResultDoc[]>();
  for (const r of results) {
    const g = groups.get(r.indicator);
    if (g) g.push(r);
    else groups.set(r.indicator, [r]);
  }
  return groups;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
export const viDay = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

export const tierLabel = (tier: string, lang: Lang) => LABELS[lang].tier[tier] ?? tier;

const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** The rate as the tables write it (rounded down, one decimal), or a change, signed. */
export function rateText(r: ResultDoc, lang: Lang): string {
  if (r.scale === 'change') {
    if (r.value === null) return '—';
    const v = r.numerator - r.denominator;
    return v > 0 ? `+${formatInt(v, lang)}` : v < 0 ? `−${formatInt(-v, lang)}` : '0';
  }
  return formatRate(r.numerator, r.denominator, lang);
}

export const countsText = (r: ResultDoc, lang: Lang) => `${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`;

export function targetText(r: ResultDoc, lang: Lang): string {
  if (r.target === null) return '—';
  const sign = SIGN[r.comparison ?? '>='] ?? '≥';
  return r.scale === 'change' ? `${sign} ${formatInt(r.target, lang)}` : `${sign} ${formatPercent(r.target, lang)}`;
}

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', 'no-data': '–', 'no-target': '·' };

/** The verdict as a mark and a word, coloured by its class. */
export function verdict(status: Status, lang: Lang): Html {
  return html`<span class="verdict st-${status}"><span class="mark" aria-hidden="true">${MARK[status]}</span> ${LABELS[lang].status[status] ?? status}</span>`;
}

/** "thiếu 45 hồ sơ", or nothing. */
export function shortText(r: ResultDoc, c: PageContext): string {
  const s = shortfallOf(r);
  const kind = r.source === 'catalog' || r.source === 'units' ? r.source : c.about(r.indicator)?.dataset;
  return s === null ? '' : HTML_LABELS[c.lang].short(s, formatInt(s, c.lang), kind);
}

/** A section: its id, its numbered heading, an optional note, its body. */
export interface Section {
  id: string;
  title: string;
  body: Html;
}
