/**
 * `score --format xlsx`: a workbook for Excel, from the JSON document. Sheets (English names
 * with --lang en): "Tổng hợp" — the plan, the period and the tally above a table of each
 * indicator's tiers (name, id, clause, tier, numerator, denominator, the rate as a number shown
 * as a percentage, the target with its comparison shown, the verdict, and any further fields
 * such as a shortfall); "Theo đơn vị" — the units' or districts' results (with --by unit or
 * --by district); "Theo tháng" — results per month (when the run has months); "Dữ liệu vào" —
 * each input's accounting; "Lỗi dữ liệu" — every problem kept. Each a table with a frozen,
 * filtered header (report/xlsx.ts).
 */
import { LABELS, SIDE_LABELS } from '../../i18n/messages.js';
import type { Lang } from '../../model/lang.js';
import type { Render } from '../render.js';
import { datasetLabel, severityText } from '../lines.js';
import { SIGN, yearEndCell } from './cells.js';
import { ACTION_LABELS } from '../../i18n/action.js';
import { workbook, type XCell, type XSheet } from '../xlsx.js';
import { hasYearEnd, peopleFields, fieldValue, indicatorNames, isTierRow, problemsOf, shortfallOf, scoreDocument, type InputDoc, type ResultDoc, type ScoreDoc } from './content.js';
import { HEADINGS, MARK, clauseText, fieldHeading, monthText, periodLines, placeHeading, tierText } from './labels.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';

const SHEETS = {
  vi: { summary: 'Tổng hợp', units: 'Theo đơn vị', months: 'Theo tháng', inputs: 'Dữ liệu vào', problems: 'Lỗi dữ liệu' },
  en: { summary: 'Summary', units: 'By unit', months: 'By month', inputs: 'Inputs', problems: 'Problems' },
};

const INPUT_HEAD = {
  vi: ['Tệp', 'Loại', 'Định dạng', 'Trang tính', 'Dòng đọc', 'Được tính', 'Trong kỳ', 'Bị loại', 'Bị thay thế', 'Không khớp', 'Cảnh báo', 'Cột không có', 'Không tính được'],
  en: ['File', 'Kind', 'Format', 'Sheet', 'Rows read', 'Counted', 'In the period', 'Rejected', 'Superseded', 'Unmatched', 'Warnings', 'Columns missing', 'Not computed'],
};
const PROBLEM_HEAD = {
  vi: ['Tệp', 'Dòng', 'Cột', 'Tên cột', 'Mức', 'Mã lỗi', 'Nội dung'],
  en: ['File', 'Line', 'Column', 'Header', 'Severity', 'Code', 'Message'],
};

const COLOR: Record<string, string> = { pass: '#1A7F37', fail: '#C62828' };

export const render: Render<ScoreView, ScoreRenderOptions> = async (view, { lang, version }) => {
  const doc = scoreDocument(view, { lang, version });
  const results = doc.results as ResultDoc[];
  const S = SHEETS[lang];
  const extras = peopleFields(results).filter((f) => f !== 'month');
  const name = indicatorNames(view, lang);
  const months = results.filter((r) => typeof r.month === 'string');
  const units = results.filter((r) => !isTierRow(r) && typeof r.month !== 'string');
  const sheets: XSheet[] = [
    { name: S.summary, title: titleLines(doc, lang), ...resultTable(results.filter(isTierRow), [], extras, name, lang) },
    ...(units.length ? [{ name: S.units, ...resultTable(units, ['place'], extras, name, lang) }] : []),
    ...(months.length ? [{ name: S.months, ...resultTable(months, ['place', 'month'], extras, name, lang) }] : []),
    inputsSheet(doc, lang),
    { name: S.problems, head: PROBLEM_HEAD[lang], rows: [...problemRows(doc, lang)] },
  ];
  return workbook(sheets);
};

/** The plan, the period (and its further fields), the tally. */
function titleLines(doc: ScoreDoc, lang: Lang): string[] {
  const L = LABELS[lang];
  const s = doc.summary;
  return [
    `${L.plan} ${doc.plan.id} — ${doc.plan.title}`,
    ...periodLines(doc, lang),
    L.summary(s.pass, s.fail, s.noData, s.noTarget),
  ];
}

/** A table of results: the indicator, where (`place`, `month` when asked), the counts, rate, target, verdict, and further fields. */
function resultTable(results: readonly ResultDoc[], where: ReadonlyArray<'place' | 'month'>, extras: readonly string[], name: (id: string) => string, lang: Lang): Pick<XSheet, 'head' | 'rows'> {
  const H = HEADINGS[lang];
  const head = [
    H.indicator!,
    H.id!,
    H.clause!,
    H.tier!,
    ...where.map((w) => (w === 'place' ? placeHeading(results, lang) : H.month!)),
    H.numerator!,
    H.denominator!,
    H.rate!,
    H.target!,
    H.status!,
    H.shortfall!,
    ...extras.map((f) => fieldHeading(f, lang)),
    ...(hasYearEnd(results) ? [ACTION_LABELS[lang].yearEndCol] : []),
  ];
  const rows = results.map((r): XCell[] => [
    name(r.indicator),
    r.indicator,
    clauseText(r.clause, lang),
    tierText(r.tier, lang),
    ...where.map((w) => (w === 'place' ? (r.unit ?? r.district ?? null) : typeof r.month === 'string' ? monthText(r.month, lang) : null)),
    { number: r.numerator },
    { number: r.denominator },
    rate(r),
    target(r),
    { text: `${MARK[r.status]} ${LABELS[lang].status[r.status] ?? r.status}`, ...(COLOR[r.status] ? { color: COLOR[r.status] } : {}) },
    value(shortfallOf(r)),
    ...extras.map((f) => value(fieldValue(r, f))),
    ...(hasYearEnd(results) ? [yearEndCell(r as Parameters<typeof yearEndCell>[0], lang) || null] : []),
  ]);
  return { head, rows };
}

/** The rate as a number shown as a percentage: the fraction n/N (711/956 → 74.37%); a change as a signed number. */
function rate(r: ResultDoc): XCell {
  if (r.value === null) return null;
  return r.scale === 'change' ? { number: r.value, format: '+0;-0;0' } : { number: r.numerator / r.denominator, format: '0.00%' };
}

/** The target as a number, its comparison shown with it ("≥ 70%"). */
function target(r: ResultDoc): XCell {
  if (r.target === null) return null;
  const sign = `"${SIGN[r.comparison] ?? r.comparison} "`;
  return r.scale === 'change' ? { number: r.target, format: `${sign}0` } : { number: r.target / 100, format: `${sign}0%` };
}

const value = (v: string | number | boolean | null): XCell => (v === null ? null : typeof v === 'number' ? { number: v } : String(v));

function inputsSheet(doc: ScoreDoc, lang: Lang): XSheet {
  const n = (x: number | null) => (x === null ? null : { number: x });
  const rows = doc.inputs.map((i: InputDoc): XCell[] => [
    i.file,
    datasetLabel(i.dataset, lang),
    i.format,
    i.sheet,
    n(i.rows),
    n(i.counted),
    n(i.inPeriod),
    n(i.rejected),
    n(i.superseded),
    n(i.unmatched),
    n(i.warnings),
    i.missingColumns.join(', ') || null,
    i.notComputed.join(', ') || null,
  ]);
  const unplaced = doc.unplacedUnits ?? [];
  return {
    name: SHEETS[lang].inputs,
    head: INPUT_HEAD[lang],
    rows,
    ...(unplaced.length ? { notes: [SIDE_LABELS[lang].unplaced(unplaced.length, unplaced.join('; '))] } : {}),
  };
}

function* problemRows(doc: ScoreDoc, lang: Lang): Generator<XCell[]> {
  const L = LABELS[lang];
  for (const p of problemsOf(doc)) {
    yield [p.file, p.line === null ? null : { number: p.line }, p.column === null ? null : { number: p.column }, p.header, severityText(p, lang), p.code, p.message];
  }
  if (doc.problemsOmitted > 0) yield [null, null, null, null, null, null, L.truncated(doc.problemsOmitted)];
}
