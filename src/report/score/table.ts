/**
 * `score --format table`, the default: a heading (plan, period, input accounting), one table of
 * results, the sources of joined figures, and a short data-quality section.
 */
import Table from 'cli-table3';
import { LABELS, MEASURE_LABELS, SIDE_LABELS } from '../../i18n/messages.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import { READ_AS_BLANK } from '../../indicators/specs.js';
import { formatInt } from '../format.js';
import { statusCell, targetCell, valueCell, yearEndCell } from './cells.js';
import { monthsSection } from './table-months.js';
import { inputLine, periodLine, problemLine, skippedLine, wrap } from '../lines.js';
import type { Render } from '../render.js';
import { formatVi } from '../../util/dates.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { Result } from '../../model/result.js';
import type { Field } from '../../model/kinds.js';
import type { InputReport } from '../../model/accounting.js';

export const render: Render<ScoreView, ScoreRenderOptions> = ({ score, indicators, fieldName }, { lang, chalk: c, options }) => {
  const L = LABELS[lang];
  const out: string[] = [];
  out.push(c.bold(`${L.plan} ${score.plan.id} — ${score.plan.title}`));
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
  const whole = score.results.filter((r) => (r.month ?? null) === null);
  const byUnit = whole.some((r) => r.unit !== null || (r.district ?? null) !== null);
  const yearEnd = whole.find((r) => r.yearEnd)?.yearEnd;
  const head = [L.indicator, L.tierCol, ...(byUnit ? [L.unit] : []), L.rate, L.counts, L.target, L.result, ...(yearEnd ? [ACTION_LABELS[lang].yearEndCol] : [])];
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'left', ...(byUnit ? (['left'] as const) : []), 'right', 'right', 'right', 'left', 'left'],
  });
  const names = new Map(indicators.map((i) => [i.id, i]));
  const kinds = new Map<string, string>(indicators.map((i) => [i.id, i.dataset]));
  const groups: Result[][] = [];
  for (const r of whole) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.indicator === r.indicator) g.push(r);
    else groups.push([r]);
  }
  groups.forEach((group, gi) => {
    if (gi > 0) table.push(head.map(() => ''));
    const ind = names.get(group[0]!.indicator);
    // The indicator's name, then its id and clause (dim), down the first column.
    const lines = wrap(ind ? ind.name[lang] : (MEASURE_LABELS[lang][group[0]!.indicator] ?? group[0]!.indicator), 40);
    lines.push(c.dim(`${group[0]!.indicator} · ${group[0]!.clause}`));
    while (lines.length > group.length) lines.splice(lines.length - 2, 2, `${lines[lines.length - 2]} ${lines[lines.length - 1]}`);
    group.forEach((r, i) => {
      table.push([
        lines[i] ?? '',
        L.tier[r.tier] ?? r.tier,
        ...(byUnit ? [r.unit ?? r.district ?? ''] : []),
        valueCell(r, lang),
        `${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`,
        r.target === null ? L.noTargetMark : targetCell(r, lang),
        statusCell(r, lang, c, kinds.get(r.indicator) ?? r.source),
        ...(yearEnd ? [yearEndCell(r, lang)] : []),
      ]);
    });
  });
  out.push(table.toString());
  if (yearEnd) out.push(c.dim(ACTION_LABELS[lang].yearEndNote(yearEnd.daysElapsed, yearEnd.daysLeft)));
  out.push(L.summary(score.summary.pass, score.summary.fail, score.summary.noData, score.summary.noTarget));
  const listing = score.listing;
  if (listing && listing.omitted > 0) out.push(ACTION_LABELS[lang].omitted(listing.omitted, listing.failing, listing.top));
  if (listing && listing.noDataUnits > 0) out.push(ACTION_LABELS[lang].noDataUnits(listing.noDataUnits));
  out.push('');
  out.push(...monthsSection(score, indicators, lang, c));

  if (score.sources.some((s) => s.inputs.some((u) => u.via !== 'records'))) {
    out.push(c.bold(L.sources));
    const names = new Map(indicators.map((i) => [i.id, i.name[lang]]));
    for (const s of score.sources) {
      const uses = s.inputs.map((u) => `${u.file} (${L.via[u.via]}${u.via === 'join' ? `, ${L.joinedDossiers(u.dossiers ?? 0)}` : ''})`);
      out.push(`  ${names.get(s.indicator) ?? s.indicator}: ${uses.length ? uses.join('; ') : '—'}`);
    }
    out.push('');
  }

  out.push(c.bold(L.quality));
  let fileWarnings = 0;
  const ids = new Map<string, string>([...Object.entries(MEASURE_LABELS[lang]), ...indicators.map((i): [string, string] => [i.id, i.name[lang]])]);
  for (const i of score.inputs) {
    const isRecords = i.dataset === 'dossiers' || i.dataset === 'feedback';
    const label = (f: string) => (i.dataset === null ? f : fieldName(i.dataset, f, lang));
    if (i.notComputed.length) {
      const cols = isRecords ? i.missingColumns.filter((f) => !READ_AS_BLANK.includes(f as Field)) : i.missingColumns;
      out.push(`  ${L.missingColumns(i.file, cols.map(label).join(', '), i.notComputed.map((id) => ids.get(id) ?? id).join(', '))}`);
    }
    const blank = isRecords ? i.missingColumns.filter((f) => READ_AS_BLANK.includes(f as Field)) : [];
    if (blank.length) out.push(`  ${L.readAsBlank(i.file, blank.map(label).join(', '))}`);
    const outside = noRowInPeriod(i, score.period.label, lang);
    if (outside) {
      out.push(`  ${outside}`);
      fileWarnings++;
    }
  }
  if (score.unplacedUnits?.length) out.push(`  ${SIDE_LABELS[lang].unplaced(score.unplacedUnits.length, score.unplacedUnits.join('; '))}`);
  if (score.problemCount === 0) {
    if (fileWarnings === 0) out.push(`  ${L.noProblems}`);
  } else {
    const shown = Math.min(options.problems, score.problems.length);
    out.push(`  ${L.problemsHeading(shown, score.problemCount)}`);
    for (const p of score.problems.slice(0, shown)) out.push(`  ${problemLine(p, lang)}`);
    if (shown === score.problems.length && score.problemCount > score.problems.length) {
      out.push(`  ${L.truncated(score.problemCount - score.problems.length)}`);
    }
  }
  return `${out.join('\n')}\n`;
};

/** A record list with counted rows of which none is in the period (among others that have some: else the run is refused). */
export function noRowInPeriod(i: InputReport, period: string, lang: Lang): string | null {
  if (i.inPeriod !== 0 || i.dataFrom === null || i.dataTo === null) return null;
  return LABELS[lang].noRowInPeriod(i.file, period, formatVi(i.dataFrom), formatVi(i.dataTo));
}
