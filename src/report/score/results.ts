/** `score`'s results as the CI formats name them (junit.ts, github.ts): grouped by indicator, each named for people. */
import { LABELS, MEASURE_LABELS } from '../../i18n/messages.js';
import { formatInt } from '../format.js';
import { targetCell, valueCell } from './cells.js';
import type { ScoreView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { Result } from '../../model/result.js';

/** An indicator's (or catalog or units measure's) results, as consecutive in the score. */
export interface ResultGroup {
  indicator: string;
  clause: string;
  name: string;
  results: Result[];
}

export function resultGroups(v: ScoreView, lang: Lang): ResultGroup[] {
  const names = new Map(v.indicators.map((i) => [i.id, i.name[lang]]));
  const groups: ResultGroup[] = [];
  for (const r of v.score.results) {
    const g = groups[groups.length - 1];
    if (g && g.indicator === r.indicator && g.clause === r.clause) g.results.push(r);
    else groups.push({ indicator: r.indicator, clause: r.clause, name: names.get(r.indicator) ?? MEASURE_LABELS[lang][r.indicator] ?? r.indicator, results: [r] });
  }
  return groups;
}

/** The row a result is: its tier, and its unit or district when it is one's ("Huyện · Nhơn Trạch"). */
export function resultRow(r: Result, lang: Lang): string {
  const tier = LABELS[lang].tier[r.tier] ?? r.tier;
  const who = r.unit ?? r.district ?? null;
  return who === null ? tier : `${tier} · ${who}`;
}

/** "72,4% (724/1.000), mục tiêu ≥ 80%": the value, its counts, and the target when there is one. */
export function resultFigures(r: Result, lang: Lang): string {
  const L = LABELS[lang];
  const counts = `${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`;
  return `${valueCell(r, lang)} (${counts})${r.target === null ? '' : `, ${L.target.toLowerCase()} ${targetCell(r, lang)}`}`;
}
