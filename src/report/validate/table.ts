/**
 * `validate --format table`, the default: per file, the kind detected, the columns matched,
 * missing and ignored, the row accounting — or, for a file that could not be taken, why; then
 * the problems and the result (README "ccch validate").
 */
import type { ChalkInstance } from 'chalk';
import { LABELS, plural } from '../../i18n/messages.js';
import { errorLine } from '../../i18n/errors.js';
import { datasetLabel, inputLine, periodLine, problemLine, skippedLine, unknownLines } from '../lines.js';
import type { Render } from '../render.js';
import { formatVi } from '../../util/dates.js';
import type { ValidateView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { InputReport } from '../../model/accounting.js';
import { clip } from '../../util/safe-text.js';
import type { CheckedInput } from '../../model/validation.js';
import { notJoinedNote } from './checks.js';

const V = {
  vi: {
    title: (n: number) => `Kiểm tra ${n} tệp theo quy cách dữ liệu`,
    matched: 'cột nhận ra',
    missing: 'cột không có',
    ignored: 'cột bỏ qua',
    clean: 'đạt',
    errors: 'có dòng bị loại hoặc không khớp',
    errorsUnknown: 'có cột phần lớn là giá trị không nhận ra',
    mostlyUnknown: (cols: string) => `phần lớn giá trị không nhận ra (≥ 1/2 số dòng): ${cols}`,
    unreadable: 'không đọc được',
    result: (clean: number, n: number, unreadable: number) => `Kết quả: ${clean}/${n} tệp đạt${unreadable ? `, ${unreadable} tệp không đọc được` : ''}.`,
    tooManyWarnings: (w: number, max: number) => `${w} cảnh báo, quá giới hạn --max-warnings ${max}.`,
    header: (lines: number[], merged: string | null, numbers: number | null) =>
      `tên cột: ${lines.length} dòng (${span(lines, 'dòng')}${merged === 'ranges' ? ', ô gộp theo vùng gộp của trang tính' : merged === 'blank' ? ', ô trống là phần tiếp của ô gộp' : ''})${numbers !== null ? `; dòng số thứ tự cột ${numbers} bỏ qua` : ''}`,
    titlePeriod: (from: string, to: string, line: number) => `kỳ theo tiêu đề (dòng ${line}): ${viDay(from)} – ${viDay(to)}`,
    rowsAreFields: (unit: string, from: string, line: number | null) =>
      `mỗi dòng là một lĩnh vực của đơn vị "${unit}" (${from === 'option' ? '--unit' : `dòng tiêu đề ${line}`}), cộng theo cấp của nhóm`,
    skippedRows: 'dòng không tính',
    kind: { group: 'nhóm', total: 'tổng', subtotal: 'cộng nhóm', footer: 'cuối' } as Record<string, string>,
    more: (n: number) => `và ${n} dòng nữa`,
    dates: (from: string, to: string, n: number) => `dữ liệu từ ${from} đến ${to}; ${n} dòng trong kỳ`,
    judged: (day: string) => `Hồ sơ, PAKN chưa giải quyết được xét tại cuối ngày ${day}`,
    dataTo: (day: string) => `dữ liệu đến ${day}`,
    periodEnd: 'cuối kỳ',
    none: 'Không có dòng hồ sơ hay PAKN nào trong kỳ: ccch score sẽ không tính',
  },
  en: {
    title: (n: number) => `Checked ${plural(n, 'file')} against the data contract`,
    matched: 'columns matched',
    missing: 'columns missing',
    ignored: 'columns ignored',
    clean: 'clean',
    errors: 'some rows rejected or unmatched',
    errorsUnknown: 'a column mostly of unknown values',
    mostlyUnknown: (cols: string) => `mostly unknown values (≥ half the rows): ${cols}`,
    unreadable: 'unreadable',
    result: (clean: number, n: number, unreadable: number) => `Result: ${clean} of ${plural(n, 'file')} clean${unreadable ? `, ${unreadable} unreadable` : ''}.`,
    tooManyWarnings: (w: number, max: number) => `${plural(w, 'warning')}, more than --max-warnings ${max}.`,
    header: (lines: number[], merged: string | null, numbers: number | null) =>
      `header: ${lines.length} row${lines.length === 1 ? '' : 's'} (${span(lines, lines.length === 1 ? 'line' : 'lines')}${merged === 'ranges' ? ", merged cells from the sheet's ranges" : merged === 'blank' ? ', blank cells continue merged ones' : ''})${numbers !== null ? `; column numbers on line ${numbers} skipped` : ''}`,
    titlePeriod: (from: string, to: string, line: number) => `period from the title (line ${line}): ${viDay(from)} – ${viDay(to)}`,
    rowsAreFields: (unit: string, from: string, line: number | null) =>
      `rows are fields of work of "${unit}" (${from === 'option' ? '--unit' : `title line ${line}`}), summed per group tier`,
    skippedRows: 'rows not counted',
    kind: { group: 'group', total: 'total', subtotal: 'subtotal', footer: 'end' } as Record<string, string>,
    more: (n: number) => `and ${n} more`,
    dates: (from: string, to: string, n: number) => `data from ${from} to ${to}; ${plural(n, 'row')} in the period`,
    judged: (day: string) => `Open dossiers and feedback items are judged at the end of ${day}`,
    dataTo: (day: string) => `data up to ${day}`,
    periodEnd: 'the period’s end',
    none: 'No dossier or feedback row in the period: ccch score would refuse the run',
  },
};

const span = (lines: number[], word: string) => `${word} ${lines.length > 1 ? `${lines[0]}–${lines[lines.length - 1]}` : lines[0]}`;
const viDay = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

/** How a summary report was read: its header, its title's period and unit, the rows not counted. */
function readingLines(i: InputReport, lang: Lang): string[] {
  const r = i.summary;
  if (!r) return [];
  const T = V[lang];
  const out = r.headerRows.length > 1 || r.columnNumbers !== null ? [T.header(r.headerRows, r.merged, r.columnNumbers)] : [];
  if (r.titlePeriod) out.push(T.titlePeriod(r.titlePeriod.from, r.titlePeriod.to, r.titlePeriod.line));
  if (r.reportingUnit) out.push(T.rowsAreFields(r.reportingUnit.name, r.reportingUnit.from, r.reportingUnit.line));
  const rows = r.skippedRows.filter((s) => s.kind !== 'footer');
  if (rows.length) {
    const tier = (t: string | null) => (t ? ` → ${LABELS[lang].tier[t]}` : '');
    const shown = rows.slice(0, 30).map((s) => `${s.line} ${T.kind[s.kind]}${s.label ? ` "${s.label}"` : ''}${tier(s.tier)}`);
    if (rows.length > 30) shown.push(T.more(rows.length - 30));
    out.push(`${T.skippedRows}: ${shown.join('; ')}`);
  }
  return out;
}

/** How many ignored columns the table names (a file may have thousands). */
const IGNORED_SHOWN = 50;

/** Headers quoted and cut, the first IGNORED_SHOWN of them, then how many more. */
function listed(headers: readonly string[]): string {
  const shown = headers.slice(0, IGNORED_SHOWN).map((h) => `"${clip(h)}"`);
  return shown.join(', ') + (headers.length > IGNORED_SHOWN ? `, … (+${headers.length - IGNORED_SHOWN})` : '');
}

export const render: Render<ValidateView> = (v, { lang, chalk: c }) => {
  const L = LABELS[lang];
  const T = V[lang];
  const out: string[] = [];
  out.push(c.bold(T.title(v.inputs.length)));
  out.push(periodLine(v.period, lang));
  const j = v.judging;
  if (j.recordLists > 0) {
    if (j.judgedAt === null) out.push(T.none);
    else out.push(`${T.judged(formatVi(j.judgedAt))} (${j.judgedAt < v.period.to ? T.dataTo(formatVi(j.judgedAt)) : T.periodEnd})`);
  }
  out.push('');
  const notJoined = notJoinedNote(v.inputs, lang);
  for (const i of v.inputs) out.push(...inputLines(v, i, lang, c, notJoined));
  out.push('');
  const unknown = unknownLines(v.unknownValues, v.fieldName, lang);
  if (unknown.length) out.push(...unknown, '');
  if (v.problemCount === 0) out.push(L.noProblems);
  else {
    out.push(L.problemsHeading(v.problems.length, v.problemCount).replace(/; [^)]*--problems[^)]*/, ''));
    for (const p of v.problems) out.push(`  ${problemLine(p, lang)}`);
  }
  if (v.verdict === 'warnings') out.push(T.tooManyWarnings(v.totals.warnings, v.maxWarnings!));
  out.push(T.result(v.inputs.filter((i) => i.status === 'clean').length, v.inputs.length, v.totals.unreadable));
  return `${out.join('\n')}\n`;
};

/** One input's lines: its accounting, dates and columns, or (unreadable) why, as `score` would say it. */
function inputLines(v: ValidateView, i: CheckedInput, lang: Lang, c: ChalkInstance, notJoined: string | undefined): string[] {
  const T = V[lang];
  const asOf = v.judging.asOf;
  if (i.status === 'unreadable') {
    const lines = [`${c.red('✗')} ${i.file} (${datasetLabel(i.dataset, lang)}) — ${T.unreadable}`, `    ${errorLine(i.error!, lang)}`];
    // What it gave before the fault, when it kept its part (ingest/refusals.ts).
    if (i.rows > 0) lines.push(`    ${inputLine(i, lang, v.period.label, asOf, notJoined, false)}`);
    return lines;
  }
  const ok = i.status === 'clean';
  const lines = [`${ok ? c.green('✓') : c.red('✗')} ${inputLine(i, lang, v.period.label, asOf, notJoined, false)} — ${ok ? T.clean : i.rejected + i.unmatched > 0 ? T.errors : T.errorsUnknown}`];
  if (i.dataFrom !== null && i.dataTo !== null && i.inPeriod !== null) lines.push(`    ${T.dates(formatVi(i.dataFrom), formatVi(i.dataTo), i.inPeriod)}`);
  const sk = skippedLine(i, lang);
  if (sk) lines.push(`    ${sk}`);
  for (const line of readingLines(i, lang)) lines.push(`    ${line}`);
  const label = (f: string) => (i.dataset === null ? f : v.fieldName(i.dataset, f, lang));
  const matched = Object.entries(i.columns).map(([f, h]) => `${label(f)} ← "${clip(h ?? '')}"`);
  lines.push(`    ${T.matched}: ${matched.join(', ')}`);
  if (i.missingColumns.length) lines.push(`    ${T.missing}: ${i.missingColumns.map(label).join(', ')}`);
  if (i.ignoredColumns.length) lines.push(`    ${T.ignored}: ${listed(i.ignoredColumns)}`);
  if (i.mostlyUnknown.length) lines.push(`    ${T.mostlyUnknown(i.mostlyUnknown.map(label).join(', '))}`);
  return lines;
}
