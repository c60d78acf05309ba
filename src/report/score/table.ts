/**
 * `score --format table`, the default: a heading (plan, period, input accounting), one table of
 * results that fits the terminal's width, the sources of joined figures, and the data quality
 * with the problems summed up by message. The figures are the JSON document's (content.ts).
 *
 * The table takes one of two layouts. Tiers only: the indicator's name down the first column
 * beside its tiers, wrapped to the width left; when that would be narrower than NAME_MIN, or
 * when results go below the tiers (--by unit, --by district, months), the name spans the table
 * above its rows, and each tier's units (districts, months) follow it, indented, in one column
 * that takes the width left and wraps.
 */
import type { ChalkInstance } from 'chalk';
import { LABELS } from '../../i18n/messages.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import { MARK, shortCell, yearEndCell } from './cells.js';
import { monthsSection } from './table-months.js';
import type { Lang } from '../../model/lang.js';
import { RULE, columnWidths, grid, tableWidth, textWidth, wrapText, type GridColumn, type GridLine } from '../grid.js';
import { coverageLines, inputLine, periodLine, problemLine, skippedLine, unknownLines } from '../lines.js';
import type { Dataset } from '../../model/kinds.js';
import { groupProblems, groupText, groupsHeading, moreGroupsText, placesText, variantsText } from '../problems.js';
import type { Render } from '../render.js';
import { blocks, indicatorNames, isTierRow, scoreDocument, type Block, type ResultDoc, type ScoreDoc } from './content.js';
import { clauseText, countsText, noRowInPeriod, placeHeading, placeText, qualityNotes, rateText, targetText, tierText } from './labels.js';
import { formatVi } from '../../util/dates.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';

/** The narrowest name column beside the tiers; narrower, the names go above. */
const NAME_MIN = 24;
/** Problem groups listed without --problems. */
const GROUPS_SHOWN = 10;

export const render: Render<ScoreView, ScoreRenderOptions> = (view, { lang, chalk: c, options, width, version }) => {
  const L = LABELS[lang];
  const doc = scoreDocument(view, { lang, version });
  const out: string[] = [];
  out.push(c.bold(`${L.plan} ${doc.plan.id} — ${doc.plan.title}`));
  const score = view.score;
  out.push(periodLine(score.period, lang));
  const j = score.judging.judgedAt;
  if (j !== null && j < score.period.to) out.push(L.judgedAt(formatVi(j)));
  out.push(`${L.inputs}:`);
  for (const i of score.inputs) {
    out.push(`  ${inputLine(i, lang, score.period.label, score.judging.asOf)}`);
    const sk = skippedLine(i, lang);
    if (sk) out.push(`    ${sk}`);
  }
  out.push('');
  // The months have a section of their own (table-months.ts).
  const whole = (doc.results as ResultDoc[]).filter((r) => (r.month ?? null) === null);
  const yearEnd = score.results.find((r) => (r.month ?? null) === null && r.yearEnd)?.yearEnd;
  const kinds = new Map<string, string>(view.indicators.map((i) => [i.id, i.dataset]));
  const verdict = (r: ResultDoc) => verdictText(r, lang, kinds.get(r.indicator) ?? (r.source as string | undefined));
  const need = (r: ResultDoc) => yearEndCell(r as Parameters<typeof yearEndCell>[0], lang);
  const fig: Figures = (r) => [rateText(r, lang), countsText(r, lang), targetText(r, lang), verdict(r), ...(yearEnd ? [need(r)] : [])];
  const more: GridColumn[] = yearEnd ? [{ head: ACTION_LABELS[lang].yearEndCol, align: 'left', wrap: true, min: 12 }] : [];
  let table = resultsTable(whole, fig, more, indicatorNames(view, lang), lang, c, width);
  if (yearEnd && (textWidth(table[0] ?? '') > width || whole.some((r) => !isTierRow(r)))) {
    // Too narrow for a column of its own, or units to name: the year-end need goes under the verdict.
    const folded: Figures = (r) => {
      const n = need(r);
      return [rateText(r, lang), countsText(r, lang), targetText(r, lang), n ? `${verdict(r)}\n${n}` : verdict(r)];
    };
    table = resultsTable(whole, folded, [], indicatorNames(view, lang), lang, c, width);
  }
  out.push(...table);
  if (yearEnd) out.push(c.dim(ACTION_LABELS[lang].yearEndNote(yearEnd.daysElapsed, yearEnd.daysLeft)));
  const s = doc.summary;
  out.push(L.summary(s.pass, s.fail, s.noData, s.noTarget));
  const listing = score.listing;
  if (listing && listing.omitted > 0) out.push(ACTION_LABELS[lang].omitted(listing.omitted, listing.failing, listing.top));
  if (listing && listing.noDataUnits > 0) out.push(ACTION_LABELS[lang].noDataUnits(listing.noDataUnits));
  // The results that left records out for want of a column (marked ` *`).
  const fieldOf = (id: string, f: string) => view.fieldName((kinds.get(id) ?? 'dossiers') as Dataset, f, lang);
  out.push(...coverageLines(score.results, lang, fieldOf, indicatorNames(view, lang)));
  out.push('');
  out.push(...monthsSection(score, view.indicators, lang, c, width));
  out.push(...sources(view, lang, c));
  out.push(...quality(view, doc, lang, c, options.problems));
  return `${out.join('\n')}\n`;
};


const paintStatus = (r: ResultDoc, c: ChalkInstance) => (text: string) =>
  r.status === 'pass' ? c.green(text) : r.status === 'fail' ? c.red.bold(text) : c.dim(text);

/** The figures of a result, after its name or tier: rate, n/N, target, verdict (4th: painted), and the year end when the run has it. */
type Figures = (r: ResultDoc) => string[];

/** "✗ Không đạt, thiếu 37 hồ sơ": the verdict, and a failing result's shortfall (report/score/cells.ts). */
function verdictText(r: ResultDoc, lang: Lang, kind: string | undefined): string {
  const short = shortCell(r, lang, kind);
  // ` *`: records left out for want of a column (the note under the table says which).
  return `${MARK[r.status]} ${LABELS[lang].status[r.status] ?? r.status}${r.leftOut ? ' *' : ''}${short ? `, ${short}` : ''}`;
}

function resultsTable(results: ResultDoc[], figures: Figures, more: GridColumn[], name: (id: string) => string, lang: Lang, c: ChalkInstance, width: number): string[] {
  const L = LABELS[lang];
  const figureColumns: GridColumn[] = [
    { head: L.rate, align: 'right' },
    { head: L.counts, align: 'right' },
    { head: L.target, align: 'right' },
    { head: L.result, align: 'left', wrap: true, min: 11 },
    ...more,
  ];
  const groups = blocks(results);
  const below = results.some((r) => !isTierRow(r));
  if (!below) {
    // Beside the tiers when the names get NAME_MIN columns and nothing else wraps (a verdict cut in two is hard to read).
    const columns: GridColumn[] = [{ head: L.indicator, align: 'left', flex: true, min: NAME_MIN }, { head: L.tierCol, align: 'left' }, ...figureColumns.map((col) => ({ ...col, wrap: false }))];
    const rows = groups.flatMap((b) => b.rows.map(({ result: r }) => [name(b.indicator), tierText(r.tier, lang), ...figures(r)]));
    const widths = columnWidths(columns, rows.map((cells) => ({ cells })), width);
    if (tableWidth(widths) <= width) return beside(groups, columns, widths[0]!, figures, name, lang, c, width);
  }
  const head = below ? `${L.tierCol} / ${placeHeading(results, lang).toLowerCase()}` : L.tierCol;
  return above(groups, [{ head, align: 'left', flex: true, min: 9 }, ...figureColumns], figures, name, lang, c, width);
}

/** Tiers only: the name, then the id and clause (dim), down the first column beside the tiers. */
function beside(groups: Block[], columns: GridColumn[], nameWidth: number, figures: Figures, name: (id: string) => string, lang: Lang, c: ChalkInstance, width: number): string[] {
  const lines: GridLine[] = [];
  for (const b of groups) {
    if (lines.length) lines.push(RULE);
    const named = wrapText(name(b.indicator), nameWidth);
    const label = [...named, ...wrapText(`${b.indicator} · ${clauseText(b.clause, lang)}`, nameWidth)];
    const rows = b.rows.map(({ result: r }) => ({ r, cells: [tierText(r.tier, lang), ...figures(r)] }));
    // Lines of the label beyond the rows go on rows of their own.
    const height = Math.max(rows.length, label.length);
    for (let k = 0; k < height; k++) {
      const row = rows[k];
      const text = label[k] ?? '';
      const dim = k >= named.length;
      lines.push({
        cells: [text, ...(row ? row.cells : columns.slice(1).map(() => ''))],
        paint: (i, t) => (i === 0 ? (dim ? c.dim(t) : t) : i === 5 && row ? paintStatus(row.r, c)(t) : t),
      });
    }
  }
  return grid(columns, lines, width, c);
}

/** The name above its rows; units, districts or months indented under their tier. */
function above(groups: Block[], columns: GridColumn[], figures: Figures, name: (id: string) => string, lang: Lang, c: ChalkInstance, width: number): string[] {
  const rows = groups.flatMap((b) => b.rows.map((p) => ({ p, cells: [label(p.result, p.depth, lang), ...figures(p.result)] })));
  const indentOf = (depth: number) => (depth === 1 ? '  ' : '');
  const labelWidth = columnWidths(columns, rows.map(({ p, cells }) => ({ cells: [indentOf(p.depth) + cells[0], ...cells.slice(1)] })), width)[0]!;
  const lines: GridLine[] = [];
  let k = 0;
  for (const b of groups) {
    lines.push({ span: [{ text: name(b.indicator), paint: (t) => c.bold(t) }, { text: `${b.indicator} · ${clauseText(b.clause, lang)}`, paint: (t) => c.dim(t) }] });
    for (const { p, cells } of rows.slice(k, k + b.rows.length)) {
      const wrapped = hanging(cells[0]!, labelWidth, indentOf(p.depth));
      lines.push({ cells: [wrapped.join('\n'), ...cells.slice(1)], paint: (i, t) => (i === 4 ? paintStatus(p.result, c)(t) : i === 0 && p.depth === 0 ? c.bold(t) : t) });
    }
    k += b.rows.length;
  }
  return grid(columns, lines, width, c);
}

/** A unit's name under its tier, indented; a name that wraps goes on further in (hanging). */
function hanging(text: string, width: number, indent: string): string[] {
  const [first, ...rest] = wrapText(text, Math.max(4, width - indent.length));
  if (rest.length === 0) return [indent + first];
  return [indent + first, ...wrapText(rest.join(' '), Math.max(4, width - indent.length - 2)).map((l) => `${indent}  ${l}`)];
}

const label = (r: ResultDoc, depth: number, lang: Lang) => (depth === 0 ? tierText(r.tier, lang) : placeText(r, lang) || tierText(r.tier, lang));

/** The sources of the indicators fed by joined exports or summary reports. */
function sources(view: ScoreView, lang: Lang, c: ChalkInstance): string[] {
  const L = LABELS[lang];
  const s = view.score.sources;
  if (!s.some((x) => x.inputs.some((u) => u.via !== 'records'))) return [];
  const name = indicatorNames(view, lang);
  const out = [c.bold(L.sources)];
  for (const x of s) {
    const uses = x.inputs.map((u) => `${u.file} (${L.via[u.via]}${u.via === 'join' ? `, ${L.joinedDossiers(u.dossiers ?? 0)}` : ''})`);
    out.push(`  ${name(x.indicator)}: ${uses.length ? uses.join('; ') : '—'}`);
  }
  out.push('');
  return out;
}

/** Columns missing, units placed in no district, and the problems by message (every one with --problems). */
function quality(view: ScoreView, doc: ScoreDoc, lang: Lang, c: ChalkInstance, listAll: number): string[] {
  const L = LABELS[lang];
  const outside = view.score.inputs.flatMap((i) => noRowInPeriod(i, view.score.period.label, lang) ?? []);
  const unknown = unknownLines(view.score.unknownValues, view.fieldName, lang);
  const out = [c.bold(L.quality), ...[...qualityNotes(view, lang), ...outside, ...unknown].map((n) => `  ${n}`)];
  const total = view.score.problemCount;
  if (total === 0) {
    if (outside.length === 0) out.push(`  ${L.noProblems}`);
    return out;
  }
  if (listAll === Infinity) {
    // --problems: every one, line by line.
    out.push(`  ${L.problemsHeading(view.score.problems.length, total)}`);
    for (const p of view.score.problems) out.push(`  ${problemLine(p, lang)}`);
    if (doc.problemsOmitted > 0) out.push(`  ${L.truncated(doc.problemsOmitted)}`);
    return out;
  }
  const groups = groupProblems(doc.problems.items, lang);
  out.push(`  ${groupsHeading(groups, total, lang)}`);
  const shown = groups.slice(0, GROUPS_SHOWN);
  const countWidth = String(shown[0]?.count ?? 0).length + 1;
  const indent = `    ${' '.repeat(countWidth)} `;
  for (const g of shown) {
    out.push(`    ${`×${g.count}`.padEnd(countWidth)} ${groupText(g, lang)}`);
    if (g.variants.length) out.push(`${indent}${variantsText(g)}`);
    out.push(c.dim(`${indent}${placesText(g, lang)}`));
  }
  if (shown.length < groups.length) out.push(`    ${moreGroupsText(groups.length - shown.length, lang, false)}`);
  if (doc.problemsOmitted > 0) out.push(`  ${L.truncated(doc.problemsOmitted)}`);
  out.push(`  ${lang === 'vi' ? 'Xem từng dòng với --problems.' : '--problems lists every one, line by line.'}`);
  return out;
}
