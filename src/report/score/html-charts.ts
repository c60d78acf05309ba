/**
 * The HTML report's chart sections: a chart per indicator (rate per tier against its target),
 * and the months, when the document's results carry them (a chart and a table per indicator).
 */
import { HTML_LABELS } from '../../i18n/html.js';
import { monthLabel } from '../../i18n/action.js';
import { html, trusted, type Html } from '../html-escape.js';
import { renderSvg, tierSpec, trendSpec, type TierBar, type TrendPoint } from './charts.js';
import {
  TIER_ORDER,
  byIndicator,
  countsText,
  isOverall,
  rateText,
  targetText,
  tierLabel,
  type PageContext,
  type ResultDoc,
  type ScoreDoc,
  type Section,
} from './html-doc.js';

const byTier = (a: ResultDoc, b: ResultDoc) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier);

/** One figure per indicator on a percentage scale: its tiers' rates as bars, its targets as marks. */
export async function chartsSection(doc: ScoreDoc, c: PageContext): Promise<Section> {
  const H = HTML_LABELS[c.lang];
  const figures: Html[] = [];
  for (const [id, rs] of byIndicator(doc.results.filter(isOverall))) {
    if (rs.some((r) => r.scale === 'change')) continue;
    const tiers = [...rs].sort(byTier);
    const bars: TierBar[] = tiers.map((r) => ({
      label: tierLabel(r.tier, c.lang),
      rate: r.denominator === 0 ? null : (r.numerator / r.denominator) * 100,
      text: r.denominator === 0 ? H.noData : rateText(r, c.lang),
      target: r.target,
      targetText: r.target === null ? '' : `(${targetText(r, c.lang)})`,
      status: r.status,
    }));
    const described = tiers.map((r) => `${tierLabel(r.tier, c.lang)} ${rateText(r, c.lang)} (${H.targetLine} ${targetText(r, c.lang)})`).join('; ');
    const body = tiers.every((r) => r.denominator === 0)
      ? html`<p class="nochart">${H.noChart}</p>`
      : html`<div class="chart" role="img" aria-label="${H.chartLabel(c.name(id), described)}">${trusted(await renderSvg(tierSpec(bars), `chart-${figures.length + 1}`))}</div>`;
    figures.push(html`<figure class="ind-chart" data-indicator="${id}"><figcaption><b>${c.name(id)}</b>${caption(id, c)}</figcaption>${body}</figure>`);
  }
  return { id: 'charts', title: H.charts, body: html`<p class="note">${H.chartsNote}</p><div class="chart-grid">${figures}</div>` };
}

/** The numerator and denominator in words, under a chart's title. */
function caption(id: string, c: PageContext): Html {
  const about = c.about(id);
  if (!about) return html``;
  return html`<span class="def">n: ${about.numerator}<br>N: ${about.denominator}</span>`;
}

export { monthLabel };

/** The months of a run by month: per indicator, a line per tier and a table of rate and n/N. Null when no result has a month. */
export async function trendSection(doc: ScoreDoc, c: PageContext): Promise<Section | null> {
  const monthly = doc.results.filter((r) => (r.month ?? null) !== null && r.unit === null && (r.district ?? null) === null);
  if (monthly.length === 0) return null;
  const H = HTML_LABELS[c.lang];
  const months = [...new Set(monthly.map((r) => r.month!))].sort();
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size === 1;
  const label = (m: string) => monthLabel(m, oneYear, c.lang);
  const figures: Html[] = [];
  for (const [id, rs] of byIndicator(monthly)) {
    const tiers = TIER_ORDER.filter((t) => rs.some((r) => r.tier === t));
    const at = (t: string, m: string) => rs.find((r) => r.tier === t && r.month === m);
    let chart = html``;
    if (!rs.some((r) => r.scale === 'change') && rs.some((r) => r.denominator > 0)) {
      const points: TrendPoint[] = rs.map((r) => ({
        month: r.month!,
        monthLabel: label(r.month!),
        series: tierLabel(r.tier, c.lang),
        rate: r.denominator === 0 ? null : (r.numerator / r.denominator) * 100,
        target: r.target,
      }));
      const series = tiers.map((t) => tierLabel(t, c.lang));
      const svg = await renderSvg(trendSpec(points, series, Math.max(320, Math.min(640, months.length * 56))), `trend-${figures.length + 1}`);
      chart = html`<div class="chart" role="img" aria-label="${H.chartLabel(c.name(id), H.trend)}">${trusted(svg)}</div>`;
    }
    const table = html`<table class="months"><thead><tr><th scope="col"></th>${months.map((m) => html`<th scope="col">${label(m)}</th>`)}</tr></thead><tbody>${tiers.map(
      (t) =>
        html`<tr><th scope="row">${tierLabel(t, c.lang)}</th>${months.map((m) => {
          const r = at(t, m);
          return r
            ? html`<td class="st-${r.status}" data-indicator="${id}" data-tier="${t}" data-month="${m}"><span class="rate">${rateText(r, c.lang)}</span><span class="nN">${countsText(r, c.lang)}</span></td>`
            : html`<td>—</td>`;
        })}</tr>`,
    )}</tbody></table>`;
    figures.push(html`<figure class="trend" data-indicator="${id}"><figcaption><b>${c.name(id)}</b></figcaption>${chart}${table}</figure>`);
  }
  return { id: 'months', title: H.trend, body: html`<p class="note">${H.trendNote}</p>${figures}` };
}
