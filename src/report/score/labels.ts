/**
 * How `score`'s formats for people write a result, in a language: its clause ("phụ lục II.3.2;
 * thân kế hoạch II.6.1"), rate (exact, rounded down), target, verdict, the row's name, and the
 * headings of the fields. One place, so the table, Markdown and the workbook say it alike.
 */
import { LABELS, SIDE_LABELS } from '../../i18n/messages.js';
import type { InputReport } from '../../model/accounting.js';
import type { Dataset } from '../../model/kinds.js';
import type { Lang } from '../../model/lang.js';
import type { Status } from '../../model/result.js';
import { formatVi, parseIsoDate } from '../../util/dates.js';
import { formatInt } from '../format.js';
import { missingLines } from '../lines.js';
import { targetCell, valueCell } from './cells.js';
import { indicatorNames, periodExtras, type ResultDoc, type ScoreDoc } from './content.js';
import type { ScoreView } from './view.js';

export const MARK: Record<Status, string> = { pass: '✓', fail: '✗', 'no-data': '–', 'no-target': '·' };

const CLAUSE_PART: Record<Lang, Array<[RegExp, string]>> = {
  vi: [
    [/^appendix /, 'phụ lục '],
    [/^body /, 'thân kế hoạch '],
  ],
  en: [],
};

/** The plan's clause in the language: "appendix II.3.2; body II.6.1" → "phụ lục II.3.2; thân kế hoạch II.6.1". */
export function clauseText(clause: string, lang: Lang): string {
  return clause
    .split(/;\s*/)
    .map((part) => CLAUSE_PART[lang].reduce((s, [re, to]) => s.replace(re, to), part))
    .join('; ');
}

/** The value as people read it: a rate n/N to one decimal, rounded down ("74,3%"), a change signed ("+12", "−3"), "—" without data. */
export const rateText = (r: ResultDoc, lang: Lang): string => valueCell(r, lang);

/** "711/956", with thousands separators. */
export const countsText = (r: ResultDoc, lang: Lang) => `${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`;

/** "≥ 70%"; for a change, "> 0"; "—" without a target. */
export const targetText = (r: ResultDoc, lang: Lang): string => (r.target === null ? LABELS[lang].noTargetMark : targetCell(r, lang));

/** "✓ Đạt", "✗ Không đạt"… */
export const statusText = (r: Pick<ResultDoc, 'status'>, lang: Lang) => `${MARK[r.status as Status]} ${LABELS[lang].status[r.status] ?? r.status}`;

/** The tier's name ("Sở", "Toàn tỉnh"). */
export const tierText = (tier: string, lang: Lang) => LABELS[lang].tier[tier] ?? tier;

/** What a result is about below its tier: the unit, the district, the month (those it has). */
export function placeText(r: ResultDoc, lang: Lang): string {
  const month = typeof r.month === 'string' ? monthText(r.month, lang) : null;
  return [r.unit, r.district ?? null, month].filter((x): x is string => typeof x === 'string' && x !== '').join(' · ');
}

/** "2023-03" → "03/2023" in Vietnamese. */
export const monthText = (m: string, lang: Lang) => (lang === 'vi' ? m.replace(/^(\d{4})-(\d{2})$/, '$2/$1') : m);

/** The heading of the column that names what is under the tiers: units, districts, or both. */
export function placeHeading(results: readonly ResultDoc[], lang: Lang): string {
  const units = results.some((r) => r.unit !== null);
  const districts = results.some((r) => (r.district ?? null) !== null);
  const H = HEADINGS[lang];
  return (districts && !units ? H.district : units ? H.unit : H.place)!;
}

/** The period line: "2023-Q1 (01/01/2023 – 31/03/2023)". */
export function periodText(doc: ScoreDoc, lang: Lang): string {
  const p = doc.period;
  return `${p.label} (${dayText(p.from, lang)} – ${dayText(p.to, lang)})`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period as the formats for people say it: its line (and the report whose title gave it),
 * the judging moment when before the period's end (as the table says them), then its further
 * members but the data's first and last days, days as people write them ("Ngày xét (--as-of): 30/06/2023").
 */
export function periodLines(doc: ScoreDoc, lang: Lang): string[] {
  const L = LABELS[lang];
  const p = doc.period as ScoreDoc['period'] & Record<string, unknown>;
  const title = p.fromTitle as { file: string; line: number } | null | undefined;
  const out = [`${L.period}: ${periodText(doc, lang)}${title ? ` — ${L.periodFromTitle(title.file, title.line)}` : ''}`];
  if (typeof p.judgedAt === 'string' && p.judgedAt < p.to) out.push(L.judgedAt(dayText(p.judgedAt, lang)));
  for (const [k, v] of periodExtras(doc)) {
    if (v === null || k === 'fromTitle' || k === 'judgedAt' || k === 'dataFrom' || k === 'dataTo') continue; // the data's days: in the JSON and CSV
    out.push(`${fieldHeading(k, lang)}: ${typeof v === 'string' && ISO_DAY.test(v) ? dayText(v, lang) : String(v)}`);
  }
  return out;
}

/** A day of the document (yyyy-mm-dd) as people of the language write it (15/04/2023). */
export const dayText = (iso: string, lang: Lang) => (lang === 'vi' ? formatVi(parseIsoDate(iso)) : iso);

/** Headings of the fields in the formats for people (the workbook's columns, Markdown's tables). */
export const HEADINGS = {
  vi: {
    indicator: 'Chỉ tiêu',
    id: 'Mã chỉ tiêu',
    clause: 'Điều khoản',
    tier: 'Cấp',
    unit: 'Đơn vị',
    district: 'Huyện',
    place: 'Đơn vị / huyện',
    month: 'Tháng',
    numerator: 'Tử số (n)',
    denominator: 'Mẫu số (N)',
    rate: 'Tỷ lệ',
    counts: 'n/N',
    value: 'Giá trị',
    target: 'Mục tiêu',
    status: 'Kết quả',
    shortfall: 'Còn thiếu',
    leftOut: 'Không tính (thiếu cột)',
    reason: 'Lý do',
    yearEnd: 'Cuối năm',
    asOf: 'Ngày xét (--as-of)',
  } as Record<string, string>,
  en: {
    indicator: 'Indicator',
    id: 'Indicator id',
    clause: 'Clause',
    tier: 'Tier',
    unit: 'Unit',
    district: 'District',
    place: 'Unit / district',
    month: 'Month',
    numerator: 'Numerator (n)',
    denominator: 'Denominator (N)',
    rate: 'Rate',
    counts: 'n/N',
    value: 'Value',
    target: 'Target',
    status: 'Result',
    shortfall: 'Shortfall',
    leftOut: 'Left out (no column)',
    reason: 'Reason',
    yearEnd: 'Year end',
    asOf: 'As of (--as-of)',
  } as Record<string, string>,
};

/** A field's heading: its own, or its name ("yearEnd.rate" → "Cuối năm: rate"). */
export function fieldHeading(name: string, lang: Lang): string {
  const H = HEADINGS[lang];
  const dot = name.indexOf('.');
  if (dot < 0) return H[name] ?? name;
  const head = name.slice(0, dot);
  return `${H[head] ?? head}: ${name.slice(dot + 1)}`;
}

/**
 * What the data quality says before the problems: per input, the columns missing and the
 * indicators they leave uncomputed from it; the units placed in no district.
 */
export function qualityNotes(view: ScoreView, lang: Lang): string[] {
  const name = indicatorNames(view, lang);
  const out: string[] = [];
  for (const i of view.score.inputs) {
    const isRecords = i.dataset === 'dossiers' || i.dataset === 'feedback';
    const field = (f: string) => (isRecords ? view.fieldName(i.dataset as Dataset, f, lang) : f);
    out.push(...missingLines(i, lang, field, name));
  }
  const unplaced = view.score.unplacedUnits;
  if (unplaced?.length) out.push(SIDE_LABELS[lang].unplaced(unplaced.length, unplaced.join('; ')));
  return out;
}

/** A record list with counted rows of which none is in the period (among others that have some: else the run is refused). */
export function noRowInPeriod(i: InputReport, period: string, lang: Lang): string | null {
  if (i.inPeriod !== 0 || i.dataFrom === null || i.dataTo === null) return null;
  return LABELS[lang].noRowInPeriod(i.file, period, formatVi(i.dataFrom), formatVi(i.dataTo));
}
