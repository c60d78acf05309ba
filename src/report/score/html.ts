/**
 * `score --format html`: one self-contained page a director can read and print — inline CSS,
 * charts as static inline SVG, no script, and a Content-Security-Policy that forbids loading
 * anything, so it opens the same on a closed network. Built from the JSON document (json.ts):
 * the page's numbers are the JSON's. Sections: the verdicts (indicator × tier), a chart per
 * indicator, the months (when results carry them), the lowest units or districts (with --by),
 * inputs and data quality. Everything from the data is escaped (html-escape.ts).
 */
import { HTML_LABELS } from '../../i18n/html.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import { yearEndCell } from './cells.js';
import { LABELS, MEASURE_LABELS } from '../../i18n/messages.js';
import { LazyArray } from '../json.js';
import { formatInt } from '../format.js';
import { html, trusted, type Html } from '../html-escape.js';
import { scoreJson } from './json.js';
import { STYLE } from './html-style.js';
import { chartsSection, trendSection } from './html-charts.js';
import { lowestSection } from './html-units.js';
import { inputsSection } from './html-inputs.js';
import {
  TIER_ORDER,
  byIndicator,
  countsText,
  isOverall,
  rateText,
  shortText,
  targetText,
  tierLabel,
  verdict,
  viDay,
  type PageContext,
  type ProblemDoc,
  type ResultDoc,
  type ScoreDoc,
  type Section,
} from './html-doc.js';
import type { Render } from '../render.js';
import type { ScoreView } from './view.js';
import type { Status } from '../../model/result.js';

/** What a page forbids: everything but its own inline styles and data: images. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export const render: Render<ScoreView> = async ({ score, indicators, fieldName }, { lang, version }) => {
  const doc = scoreJson(score, lang, version);
  const plan = new Map(indicators.map((i) => [i.id, i]));
  return scoreHtml(
    { ...doc, problems: made(doc.problems) },
    {
      lang,
      name: (id) => plan.get(id)?.name[lang] ?? MEASURE_LABELS[lang][id] ?? id,
      about: (id) => {
        const i = plan.get(id);
        return i && { numerator: i.numerator[lang], denominator: i.denominator[lang], dataset: i.dataset };
      },
      fieldName: (dataset, field) => (dataset === null ? field : fieldName(dataset, field, lang)),
    },
  );
};

/** A LazyArray's elements, made one at a time. */
function* made<S>(problems: LazyArray<S, ProblemDoc>): Generator<ProblemDoc> {
  for (const p of problems.items) yield problems.make(p);
}

/** The page of a score document. */
export async function scoreHtml(doc: ScoreDoc, c: PageContext): Promise<string> {
  const H = HTML_LABELS[c.lang];
  const sections: Section[] = [overviewSection(doc, c), await chartsSection(doc, c)];
  const trend = await trendSection(doc, c);
  if (trend) sections.push(trend);
  sections.push(...lowestSection(doc, c));
  sections.push(inputsSection(doc, c));
  const title = `${doc.plan.id} — ${H.title} — ${doc.period.label}`;
  const page = html`<!DOCTYPE html>
<html lang="${c.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ccch ${doc.tool.version}">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${header(doc, c)}
<nav class="toc" aria-label="${H.contents}"><ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>
<main>
${sections.map((s, i) => html`<section id="${s.id}"><h2><span class="num">${i + 1}.</span> ${s.title}</h2>
${s.body}</section>
`)}</main>
<footer><p>${H.generated(doc.tool.version)}</p></footer>
</body>
</html>
`;
  return page.text;
}

/** The heading: plan, period, the verdicts counted, and the targets missed with their shortfall. */
function header(doc: ScoreDoc, c: PageContext): Html {
  const H = HTML_LABELS[c.lang];
  const L = LABELS[c.lang];
  const overall = doc.results.filter(isOverall);
  const count = (rs: readonly ResultDoc[], s: Status) => rs.filter((r) => r.status === s).length;
  const statuses: Status[] = ['fail', 'pass', 'no-data', 'no-target'];
  const others = doc.results.filter((r) => !isOverall(r));
  const failing = overall.filter((r) => r.status === 'fail');
  return html`<header class="top">
<p class="kicker">${L.plan} ${doc.plan.id}</p>
<h1>${H.title}</h1>
<p class="plan">${doc.plan.title}</p>
<p class="period">${L.period}: <b>${doc.period.label}</b> (${viDay(doc.period.from)} – ${viDay(doc.period.to)})${doc.period.fromTitle ? ` — ${L.periodFromTitle(doc.period.fromTitle.file, doc.period.fromTitle.line)}` : ''}</p>
${doc.period.judgedAt && doc.period.judgedAt < doc.period.to ? html`<p class="judged">${L.judgedAt(viDay(doc.period.judgedAt))}</p>` : ''}
<div class="cards" aria-label="${H.cardsOf}">${statuses.map(
    (s) => html`<div class="card st-${s}" data-status="${s}"><span class="n">${count(overall, s)}</span><span class="what">${H.cards[s]}</span></div>`,
  )}<p class="of">${H.cardsOf}</p></div>
${others.length ? html`<p class="units-summary">${H.unitSummary(count(others, 'pass'), count(others, 'fail'), count(others, 'no-data'))}</p>` : ''}
<div class="failing"><h2 class="sub">${H.failing}</h2>
${
  failing.length
    ? html`<ul>${[...byIndicator(failing)].map(
        ([id, rs]) =>
          html`<li><b>${c.name(id)}</b>: ${rs.map((r, i) => {
            const short = shortText(r, c);
            return html`${i > 0 ? '; ' : ''}${tierLabel(r.tier, c.lang)} <b>${rateText(r, c.lang)}</b> (${countsText(r, c.lang)}, ${H.targetLine} ${targetText(r, c.lang)}${short ? html`, <span class="short">${short}</span>` : ''})`;
          })}</li>`,
      )}</ul>`
    : html`<p>${H.noFailing}</p>`
}</div>
</header>`;
}

/** Indicator × tier: the verdict, rate, n/N, target and shortfall in each cell. */
function overviewSection(doc: ScoreDoc, c: PageContext): Section {
  const H = HTML_LABELS[c.lang];
  const L = LABELS[c.lang];
  const overall = doc.results.filter(isOverall);
  const tiers = TIER_ORDER.filter((t) => overall.some((r) => r.tier === t));
  const rows = [...byIndicator(overall)].map(([id, rs]) => {
    const first = rs[0]!;
    const cells = tiers.map((t) => {
      const r = rs.find((x) => x.tier === t);
      if (!r) return html`<td class="cell none">—</td>`;
      const short = shortText(r, c);
      const year = yearEndCell(r, c.lang);
      const cov = r.leftOut ? html`<span class="cov">* ${H.leftOut(formatInt(r.leftOut.records, c.lang))}</span>` : '';
      return html`<td class="cell st-${r.status}" data-indicator="${r.indicator}" data-tier="${r.tier}">${verdict(r.status, c.lang)}<span class="rate">${rateText(r, c.lang)}</span><span class="nN">${countsText(r, c.lang)}</span><span class="tgt">${L.target}: ${targetText(r, c.lang)}</span>${short ? html`<span class="short">${short}</span>` : ''}${cov}${year ? html`<span class="yearend" data-estimate="true">${ACTION_LABELS[c.lang].yearEndCol}: ${year}</span>` : ''}</td>`;
    });
    return html`<tr><th scope="row" class="ind"><span class="name">${c.name(id)}</span><span class="clause">${H.clause(first.clause)}</span></th>${cells}</tr>`;
  });
  return {
    id: 'overview',
    title: H.overview,
    body: html`<p class="note">${H.overviewNote}</p>
<table class="overview"><thead><tr><th scope="col">${L.indicator}</th>${tiers.map((t) => html`<th scope="col">${tierLabel(t, c.lang)}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>
<p class="note">${H.rateRounding} ${H.shortfallMeaning}${yearEndNote(overall, c)}</p>`,
  };
}

/** Under the overview, with a year-to-date run: what the year-end estimate assumes. */
function yearEndNote(results: readonly ResultDoc[], c: PageContext): string {
  const y = results.find((r) => r.yearEnd)?.yearEnd;
  return y ? ` ${ACTION_LABELS[c.lang].yearEndNote(y.daysElapsed, y.daysLeft)}.` : '';
}
