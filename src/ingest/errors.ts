/**
 * The input errors of the ingest pass, as coded CcchErrors (texts in i18n/errors.ts): the CSV
 * reader's, a header of no known kind, a missing required column, double counting.
 */
import { CsvError, MAX_FIELDS, MAX_RECORD_BYTES } from './csv.js';
import { FIELDS } from './contract.js';
import type { FieldSpec } from './contract.js';
import { inputError, type CcchError, type ErrorCode } from '../model/errors.js';
import { formatVi } from '../util/dates.js';
import { clip } from '../util/safe-text.js';
import type { Dataset, FactKind, Kind, SideKind } from '../model/kinds.js';
import type { NamedPeriod } from '../model/period.js';
import type { InputReport } from '../model/accounting.js';

const CSV_CODES: Record<CsvError['code'], ErrorCode> = {
  empty: 'input.empty',
  noHeader: 'input.noHeader',
  utf16: 'input.utf16',
  binary: 'input.binary',
  encoding: 'input.encoding',
  unclosedQuote: 'input.unclosedQuote',
  recordTooLong: 'input.recordTooLong',
  tooManyFields: 'input.tooManyFields',
};

/** The CSV reader's error as an input error of `file` (an empty file or no header has no line). */
export function csvError(e: CsvError, file: string): CcchError {
  const where = e.code === 'empty' || e.code === 'noHeader' ? { file } : { file, line: e.line, column: e.column };
  const limit = e.code === 'recordTooLong' ? `${MAX_RECORD_BYTES >> 20} MiB` : e.code === 'tooManyFields' ? MAX_FIELDS : undefined;
  return inputError(where, CSV_CODES[e.code], limit === undefined ? {} : { limit });
}

export const KIND_NAMES: Record<Kind, [string, string]> = {
  dossiers: ['hồ sơ', 'dossier'],
  feedback: ['PAKN', 'feedback'],
  online: ['nộp trực tuyến', 'online-submission'],
  digitization: ['số hóa', 'digitization'],
  payments: ['thanh toán', 'payment'],
  summary: ['báo cáo tổng hợp', 'summary-report'],
};

/** Headers of no known kind, or of several fact kinds at once. */
export function unknownKind(file: string, line: number, header: string[], ambiguous: FactKind[] = []): CcchError {
  if (ambiguous.length) {
    const names = (l: 0 | 1) => ambiguous.map((k) => KIND_NAMES[k][l]).join(l === 0 ? ' và ' : ' and ');
    return inputError({ file, line }, 'input.ambiguousKind', { kindsVi: names(0), kindsEn: names(1) });
  }
  const codes = (d: Kind) => FIELDS[d].find((s) => s.field === 'code')!.aliases.join(', ');
  const found = header.slice(0, 6).map((h) => `"${clip(h, 60).trim()}"`).join(', ') + (header.length > 6 ? ', …' : '');
  return inputError({ file, line }, 'input.unknownKind', { dossierCodes: codes('dossiers'), feedbackCodes: codes('feedback'), found });
}

export function doubleCounted(file: string, line: number, unit: string, dataset: Dataset, period: string): CcchError {
  const what = dataset === 'dossiers' ? ['hồ sơ', 'dossier'] : ['PAKN', 'feedback'];
  return inputError({ file, line }, 'input.doubleCounted', { unit, whatVi: what[0]!, whatEn: what[1]!, period });
}

/** A file lacking required columns: each named with its aliases, in both languages. */
export function missingRequired(file: string, line: number, kind: { vi: string; en: string }, missing: ReadonlyArray<Pick<FieldSpec<string>, 'vi' | 'en' | 'aliases'>>): CcchError {
  const list = (lang: 'vi' | 'en') => missing.map((s) => `${lang === 'vi' ? s.vi : s.en} (${s.aliases.join(' / ')})`).join('; ');
  return inputError({ file, line }, 'input.missingRequired', { kindVi: kind.vi, kindEn: kind.en, columnsVi: list('vi'), columnsEn: list('en') });
}

/**
 * Counted record rows, none of them in the period (docs/domain.md "The judging moment J"): the run is
 * refused, naming the period and the dates the data covers (`dataFrom`, `dataTo`); and the file,
 * when there is one record list.
 */
export function noDataInPeriod(period: NamedPeriod, dataFrom: number, dataTo: number, inputs: readonly InputReport[]): CcchError {
  const lists = inputs.filter((i) => i.inPeriod !== null);
  const where = lists.length === 1 ? { file: lists[0]!.file } : {};
  const p = { period: period.label, periodFrom: formatVi(period.from), periodTo: formatVi(period.to) };
  return inputError(where, 'input.noDataInPeriod', { ...p, from: formatVi(dataFrom), to: formatVi(dataTo) });
}

/** A side file given among the exports to a command that takes it by its option only (score). */
export function sideFileAsExport(file: string, kind: SideKind, option: string): CcchError {
  const [vi, en] = SIDE_KIND_NAMES[kind];
  return inputError({ file }, 'input.sideFileAsExport', { kindVi: vi, kindEn: en, option });
}

export const SIDE_KIND_NAMES: Record<SideKind, [string, string]> = {
  units: ['danh sách đơn vị', 'units file'],
  catalog: ['danh mục TTHC', 'procedures catalog'],
  'task-status': ['trạng thái nhiệm vụ', 'task status file'],
};
