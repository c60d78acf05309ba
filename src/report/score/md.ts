/**
 * `score --format md`: Markdown for an issue tracker or an email. The plan, the period and the
 * tally of verdicts; an overview (each indicator's verdict per tier at a glance); then each
 * indicator under its heading with its clause and a table of its tiers (and units, districts or
 * months, and any further fields the results carry); the inputs; the data quality, problems
 * summed up by message. Everything from the data escaped (markdown.ts); the figures are the
 * JSON document's (content.ts).
 */
import { ACTION_LABELS } from '../../i18n/action.js';
import { LABELS } from '../../i18n/messages.js';
import type { Lang } from '../../model/lang.js';
import { inputLine, skippedLine } from '../lines.js';
import { mdTable, mdText } from '../markdown.js';
import { groupProblems, groupText, groupsHeading, placesText, variantsText } from '../problems.js';
import type { Render } from '../render.js';
import { blocks, fieldValue, hasYearEnd, indicatorNames, isTierRow, peopleFields, scoreDocument, shortfallOf, type ResultDoc } from './content.js';
import { formatInt } from '../format.js';
import { yearEndCell } from './cells.js';
import { HEADINGS, clauseText, countsText, fieldHeading, periodLines, placeHeading, placeText, qualityNotes, rateText, statusText, targetText, tierText } from './labels.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';

const T = {
  vi: { overview: 'Tổng quan', results: 'Kết quả theo chỉ tiêu', count: 'Số lần', values: 'Giá trị', where: 'Ở đâu', kind: 'Lỗi' },
  en: { overview: 'Overview', results: 'Results by indicator', count: 'Count', values: 'Values', where: 'Where', kind: 'Problem' },
};

/** The marks of the overview. */
const legend = (lang: Lang) => (['pass', 'fail', 'no-data', 'no-target'] as const).map((st) => statusText({ status: st }, lang)).join(' · ');

export const render: Render<ScoreView, ScoreRenderOptions> = (view, { lang, version }) => {
  const L = LABELS[lang];
  const H = HEADINGS[lang];
  const doc = scoreDocument(view, { lang, version });
  const results = doc.results as ResultDoc[];
  const name = indicatorNames(view, lang);
  const out: string[] = [`# ${mdText(`${L.plan} ${doc.plan.id} — ${doc.plan.title}`)}`, ''];
  const [period, ...periodMore] = periodLines(doc, lang);
  out.push(`**${L.period}:** ${mdText(period!.slice(L.period.length + 2))}  `, ...periodMore.map((l) => `${mdText(l)}  `));
  const s = doc.summary;
  const [tally, ...rest] = L.summary(s.pass, s.fail, s.noData, s.noTarget).split(':');
  out.push(`**${mdText(tally!)}:**${mdText(rest.join(':'))}`, '');

  // Overview: indicator × tier, the verdict and the rate.
  const groups = blocks(results);
  const tiers = [...new Set(results.filter(isTierRow).map((r) => r.tier))];
  out.push(`## ${T[lang].overview}`, '');
  out.push(
    ...mdTable(
      [H.indicator!, ...tiers.map((t) => tierText(t, lang))],
      ['left', ...tiers.map((): 'right' => 'right')],
      groups.map((b) => [
        mdText(name(b.indicator)),
        ...tiers.map((t) => {
          const r = b.rows.find((p) => p.depth === 0 && p.result.tier === t)?.result;
          return r ? `${statusText(r, lang).split(' ')[0]} ${mdText(rateText(r, lang))}` : '';
        }),
      ]),
    ),
    '',
    mdText(legend(lang)),
    '',
  );

  // Each indicator: its tiers, and what is under them.
  out.push(`## ${T[lang].results}`);
  const extras = peopleFields(results);
  const yearEnd = hasYearEnd(results);
  const below = results.some((r) => !isTierRow(r));
  // The shortfall: a column when some result fails (the fewest items short of the target).
  const short = results.some((r) => shortfallOf(r) !== null);
  const head = [H.tier!, ...(below ? [placeHeading(results, lang)] : []), H.rate!, H.counts!, H.target!, H.status!, ...(short ? [H.shortfall!] : []), ...extras.map((f) => fieldHeading(f, lang)), ...(yearEnd ? [ACTION_LABELS[lang].yearEndCol] : [])];
  const first = below ? 2 : 1; // rate, n/N, target; then the verdict, the shortfall, the further fields
  const align = head.map((_, i): 'left' | 'right' => ((i >= first && i < first + 3) || (short && i === first + 4) || (i >= head.length - extras.length - (yearEnd ? 1 : 0) && !(yearEnd && i === head.length - 1)) ? 'right' : 'left'));
  for (const b of groups) {
    out.push('', `### ${mdText(name(b.indicator))}`, '', `\`${b.indicator}\` · ${mdText(clauseText(b.clause, lang))}`, '');
    const rows = b.rows.map(({ result: r, depth }) => [
      depth === 0 ? `**${mdText(tierText(r.tier, lang))}**` : mdText(tierText(r.tier, lang)),
      ...(below ? [depth === 0 ? '' : mdText(placeText(r, lang))] : []),
      mdText(rateText(r, lang)),
      mdText(countsText(r, lang)),
      mdText(targetText(r, lang)),
      mdText(statusText(r, lang)),
      ...(short ? [shortfallOf(r) === null ? '' : formatInt(shortfallOf(r)!, lang)] : []),
      ...extras.map((f) => mdText(String(fieldValue(r, f) ?? ''))),
      ...(yearEnd ? [mdText(yearEndCell(r as Parameters<typeof yearEndCell>[0], lang))] : []),
    ]);
    out.push(...mdTable(head, align, rows));
  }

  // Inputs and data quality.
  out.push('', `## ${L.inputs}`, '');
  for (const i of view.score.inputs) {
    out.push(`- ${mdText(inputLine(i, lang, doc.period.label, view.score.judging.asOf))}`);
    const sk = skippedLine(i, lang);
    if (sk) out.push(`  - ${mdText(sk)}`);
  }
  out.push('', `## ${L.quality}`, '');
  out.push(...quality(view, lang));
  return `${out.join('\n')}\n`;
};

/** Missing columns, unplaced units, and every problem group (by message, with counts, values and places). */
function quality(view: ScoreView, lang: Lang): string[] {
  const L = LABELS[lang];
  const out = qualityNotes(view, lang).map((n) => `- ${mdText(n)}`);
  if (out.length) out.push('');
  const total = view.score.problemCount;
  if (total === 0) return [...out, L.noProblems];
  const groups = groupProblems(view.score.problems, lang);
  out.push(mdText(groupsHeading(groups, total, lang)), '');
  out.push(
    ...mdTable(
      [T[lang].count, T[lang].kind, T[lang].values, T[lang].where],
      ['right', 'left', 'left', 'left'],
      groups.map((g) => [String(g.count), mdText(groupText(g, lang)), mdText(variantsText(g)), mdText(placesText(g, lang))]),
    ),
  );
  if (view.score.problemCount > view.score.problems.length) out.push('', mdText(L.truncated(view.score.problemCount - view.score.problems.length)));
  return out;
}
