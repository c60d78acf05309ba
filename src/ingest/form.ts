/**
 * Summary forms (form 06/VPCP/KSTT and its kin; README "Summary reports as units file them"): a
 * header of up to three rows whose cells are merged, a row of column numbers under it, and title
 * lines that name the reporting unit. Only a summary report whose first header row looks like a
 * form (headers.ts detectKind, `form`) has more than one header row; any summary may have the
 * row of column numbers.
 *
 * A column's meaning is the path of its header cells, outermost first ("Số hồ sơ đã giải quyết ›
 * Quá hạn"). In a workbook, a merged range's value sits in its top-left cell: the sheet's ranges
 * say which cells continue it. Without ranges (CSV, or a workbook that has none in its header),
 * a blank header cell continues the cell to its left when both sit under the same cells above
 * (a merged group's continuation), and otherwise adds nothing (the cell above continues down).
 */
import { matchHeaders, headerKey } from './headers.js';
import { REPORTING_UNIT_LABELS } from './contract.js';
import type { CellRange } from './csv.js';
import type { TitleLine } from './report-period.js';
import { parseCount } from '../util/numbers.js';
import { tidy } from '../util/text.js';

/** A data row as read, kept until the header is known. */
export interface RawRow {
  fields: string[];
  count: number;
  line: number;
  malformed: boolean;
}

export interface FormHeader {
  /** Each column's header path, outermost first ([] for a column with no header cell of its own). */
  paths: string[][];
  /** The lines of the header's rows. */
  lines: number[];
  /** How merged cells were read: from the sheet's ranges, or blank cells as continuations; null for one row. */
  merged: 'ranges' | 'blank' | null;
  /** The line of the column-number row, or null. */
  columnNumbers: number | null;
  /** Index in the rows given of the first body row. */
  bodyStart: number;
  /** The widest header row's number of cells. */
  width: number;
}

/** The most header rows a form has. */
export const MAX_HEADER_ROWS = 3;

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** A column-number cell: "3", "(3)", "(3)=(4)+(5)"; letters "A", "(B)" name the first columns in some forms. */
const NUMBER_CELL = /^\(?\s*(\d{1,3})\s*\)?(?:\s*=.*)?$/;
const LETTER_CELL = /^\(?[A-Z]\)?$/;

/** Whether a row is the form's column numbers: at least three numbers, each one more than the last, and nothing else but letters. */
export function isColumnNumbers(fields: readonly string[]): boolean {
  let last = -1;
  let n = 0;
  for (const f of fields) {
    const t = f.trim();
    if (t === '') continue;
    const m = NUMBER_CELL.exec(t);
    if (m) {
      const v = Number(m[1]);
      if (last >= 0 && v !== last + 1) return false;
      last = v;
      n++;
    } else if (!LETTER_CELL.test(t)) return false;
  }
  return n >= 3;
}

/** A further header row: blank in the STT and name columns, some text, and no number. */
function isHeaderRow(row: RawRow, nameCols: readonly number[]): boolean {
  if (row.malformed || nameCols.some((c) => !blank(row.fields[c]))) return false;
  let text = false;
  for (const f of row.fields) {
    if (blank(f)) continue;
    if (!Number.isNaN(parseCount(f))) return false;
    text = true;
  }
  return text;
}

/**
 * Reads a summary report's header from its first row and the rows after it: up to two more
 * header rows when `form`, then the column-number row if there is one.
 */
export function readFormHeader(first: { fields: readonly string[]; line: number }, rows: readonly RawRow[], merges: readonly CellRange[] | null, form: boolean): FormHeader {
  const firstMap = matchHeaders('summary', first.fields);
  const nameCols = [firstMap.columns.unit, firstMap.columns.stt].filter((c): c is number => c !== undefined);
  const header: Array<readonly string[]> = [first.fields];
  const lines = [first.line];
  let i = 0;
  while (form && header.length < MAX_HEADER_ROWS && i < rows.length && !isColumnNumbers(rows[i]!.fields) && isHeaderRow(rows[i]!, nameCols)) {
    header.push(rows[i]!.fields);
    lines.push(rows[i]!.line);
    i++;
  }
  let columnNumbers: number | null = null;
  if (i < rows.length && !rows[i]!.malformed && isColumnNumbers(rows[i]!.fields)) {
    columnNumbers = rows[i]!.line;
    i++;
  }
  const width = Math.max(...header.map((h) => h.length));
  const inHeader = (merges ?? []).filter((m) => m.r1 <= lines[lines.length - 1]! && m.r2 >= lines[0]!);
  if (header.length === 1) return { paths: first.fields.map((h) => (blank(h) ? [] : [h])), lines, merged: null, columnNumbers, bodyStart: i, width };
  const cells = inHeader.length ? fromRanges(header, lines, width, inHeader) : fromBlanks(header, width, nameCols);
  return { paths: pathsOf(cells, width), lines, merged: inHeader.length ? 'ranges' : 'blank', columnNumbers, bodyStart: i, width };
}

/** A header cell as read: its text, and whether it is the column's own (not a merged continuation). */
interface Seg {
  text: string;
  own: boolean;
}

/** Header cells by the sheet's merged ranges: a range's value is its top-left cell's. */
function fromRanges(header: ReadonlyArray<readonly string[]>, lines: readonly number[], width: number, ranges: readonly CellRange[]): Array<Array<Seg | null>> {
  return header.map((row, r) => {
    const line = lines[r]!;
    const out: Array<Seg | null> = [];
    for (let c = 0; c < width; c++) {
      const m = ranges.find((g) => g.r1 <= line && line <= g.r2 && g.c1 <= c && c <= g.c2);
      if (!m) out.push(blank(row[c]) ? null : { text: row[c]!.trim(), own: true });
      else if (m.r1 !== line) out.push(null); // continues a cell above: nothing new in the path
      else {
        const v = row[m.c1];
        out.push(blank(v) ? null : { text: v!.trim(), own: c === m.c1 });
      }
    }
    return out;
  });
}

/** Header cells where merged continuations are blank: see the module comment. */
function fromBlanks(header: ReadonlyArray<readonly string[]>, width: number, nameCols: readonly number[]): Array<Array<Seg | null>> {
  const cells: Array<Array<Seg | null>> = header.map(() => []);
  const sameAbove = (a: number, b: number, r: number) => {
    for (let k = 0; k < r; k++) if ((cells[k]![a]?.text ?? null) !== (cells[k]![b]?.text ?? null)) return false;
    return true;
  };
  header.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const left = c > 0 ? cells[r]![c - 1] : null;
      if (!blank(row[c])) cells[r]![c] = { text: row[c]!.trim(), own: true };
      else if (left && !nameCols.includes(c) && sameAbove(c - 1, c, r)) cells[r]![c] = { text: left.text, own: false };
      else cells[r]![c] = null;
    }
  });
  return cells;
}

/** Each column's path: its cells top to bottom; none when no cell is its own. */
function pathsOf(cells: Array<Array<Seg | null>>, width: number): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const segs = cells.map((row) => row[c]).filter((s): s is Seg => s !== null && s !== undefined);
    paths.push(segs.some((s) => s.own) ? segs.map((s) => s.text) : []);
  }
  return paths;
}

const UNIT_LABELS = new Set(REPORTING_UNIT_LABELS.map(headerKey));

/**
 * The reporting unit a title line names: "Đơn vị báo cáo: Sở Tư pháp", "- Cơ quan: UBND huyện
 * Nhơn Trạch", or the label in one cell and the name in the next. Null when none does.
 */
export function reportingUnit(lines: readonly TitleLine[]): { name: string; line: number } | null {
  for (const { line, cells } of lines) {
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!.replace(/^[\s\-–•*+]+/, '');
      const colon = cell.indexOf(':');
      if (colon < 0 || !UNIT_LABELS.has(headerKey(cell.slice(0, colon)))) continue;
      const name = tidy(cell.slice(colon + 1).trim() || (cells[k + 1] ?? ''));
      if (name !== '') return { name, line };
    }
  }
  return null;
}
