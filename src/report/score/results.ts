/** `score`'s results as the CI formats name them (junit.ts, github.ts): grouped by indicator, each named for people. */
import { LABELS, MEASURE_LABELS } from '../../i18n/messages.js';
import { formatInt } from '../format.js';
import { shortCell, targetCell, valueCell, yearEndCell } from './cells.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import type { ScoreView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { Result } from '../../model/result.js';

/** An indicator's (or catalog or units measure's) results, as consecutive in the score. */
export interface ResultGroup {
  indicator: string;
  clause: string;
  name: string;
  /** What a shortfall counts: the indicator's dataset, or the measure's source. */
  kind: string | undefined;
  results: Result[];
}

export function resultGroups(v: ScoreView, lang: Lang): ResultGroup[] {
  const names = new Map(v.indicators.map((i) => [i.id, i.name[lang]]));
  const kinds = new Map<string, string>(v.indicators.map((i) => [i.id, i.dataset]));
  const groups: ResultGroup[] = [];
  for (const r of v.score.results) {
    const g = groups[groups.length - 1];
    if (g && g.indicator === r.indicator && g.clause === r.clause) g.results.push(r);
    else groups.push({ indicator: r.indicator, clause: r.clause, name: names.get(r.indicator) ?? MEASURE_LABELS[lang][r.indicator] ?? r.indicator, kind: kinds.get(r.indicator) ?? r.source, results: [r] });
  }
  return groups;
}

/** The row a result is: its tier, its unit or district when it is one's, its month with --by month ("Huyện · Nhơn Trạch · 2023-03"). */
export function resultRow(r: Result, lang: Lang): string {
  const tier = LABELS[lang].tier[r.tier] ?? r.tier;
  return [tier, r.unit ?? r.district ?? null, r.month ?? null].filter((x) => x !== null).join(' · ');
}

/**
 * "72,4% (724/1.000), mục tiêu ≥ 80%, thiếu 76 hồ sơ; Cả năm (ước tính): cần ≥ 84,1% từ nay đến
 * cuối năm": the value, its counts, the target when there is one, a failing result's shortfall
 * (of `kind`), and a year-to-date run's need for the rest of the year.
 */
export function resultFigures(r: Result, lang: Lang, kind?: string): string {
  const L = LABELS[lang];
  const counts = `${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`;
  const short = shortCell(r, lang, kind);
  const year = yearEndCell(r, lang);
  return `${valueCell(r, lang)} (${counts})${r.target === null ? '' : `, ${L.target.toLowerCase()} ${targetCell(r, lang)}`}${short ? `, ${short}` : ''}${year ? `; ${ACTION_LABELS[lang].yearEndCol}: ${year}` : ''}`;
}
