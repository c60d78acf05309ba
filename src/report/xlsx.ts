/**
 * Workbooks (XLSX) through write-excel-file, a maintained writer with one dependency (fflate):
 * each sheet a table — title lines above it (optional), a bold header row, frozen with what is
 * above it, with an autofilter over the table, columns as wide as their text (within bounds).
 * Every cell is typed: a number is a number (with a display format: 0.00%, "≥ "0%…), a text
 * is a text, never a formula, whatever it begins with (`=SUM(…)` from the data is shown as
 * written). Texts lose the characters XML cannot hold (the writer removes them) and are cut at
 * Excel's 32,767 characters.
 */
import type { Stream } from 'node:stream';
import type { Blob } from 'node:buffer';
import writeXlsxFile, { type Cell, type Feature, type Row } from 'write-excel-file/node';
import { getOrderOfSiblings, getSelfClosingTagMarkup, insertElementMarkupAccordingToOrderOfSiblings } from 'write-excel-file/utility';
import { textWidth } from './grid.js';

/** A cell: a text, a number (with its display format), or nothing. */
export type XCell = string | null | { number: number; format?: string } | { text: string; color?: string; bold?: boolean };

export interface XSheet {
  name: string;
  /** Lines above the table (a title, the period…), in column A. */
  title?: string[];
  head: string[];
  rows: XCell[][];
  /** Lines below the table. */
  notes?: string[];
}

/** Excel's limit of characters in a cell. */
const MAX_TEXT = 32_767;
const MAX_WIDTH = 60;

const text = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function cell(c: XCell): Cell {
  if (c === null) return null;
  if (typeof c === 'string') return { type: String, value: text(c) };
  if ('number' in c) return Number.isFinite(c.number) ? { type: Number, value: c.number, ...(c.format ? { format: c.format } : {}) } : null;
  return { type: String, value: text(c.text), ...(c.color ? { textColor: c.color } : {}), ...(c.bold ? { fontWeight: 'bold' as const } : {}) };
}

/** What a cell shows, about (for the column's width). */
function shown(c: XCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if ('number' in c) return c.format?.includes('%') ? '100,00%' : String(Math.round(c.number * 100) / 100);
  return c.text;
}

/** The column letters of column n (0 → A, 26 → AA). */
function columnName(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Puts an <autoFilter> over each sheet's table, where the sheet's XML wants it. */
function autoFilters(refs: readonly string[]): Feature<Stream | Buffer | Blob> {
  const order = getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, _options, { sheetIndex }) =>
            refs[sheetIndex] ? insertElementMarkupAccordingToOrderOfSiblings(xml, getSelfClosingTagMarkup('autoFilter', { ref: refs[sheetIndex] }), order, 'worksheet') : xml,
        },
      },
    },
  };
}

/** The workbook's bytes. */
export async function workbook(sheets: readonly XSheet[]): Promise<Uint8Array> {
  const refs: string[] = [];
  const built = sheets.map((s) => {
    const above: Row[] = (s.title ?? []).map((line, i) => [{ type: String, value: text(line), ...(i === 0 ? { fontWeight: 'bold' as const } : {}) }]);
    if (above.length) above.push([]);
    const headRow = above.length + 1; // 1-based
    const head: Row = s.head.map((h) => ({ type: String, value: h, fontWeight: 'bold', backgroundColor: '#E8EEF4', borderColor: '#9AA7B4', bottomBorderStyle: 'thin' }));
    const rows: Row[] = s.rows.map((r) => r.map(cell));
    const notes: Row[] = (s.notes ?? []).map((n) => [{ type: String, value: text(n) }]);
    refs.push(`A${headRow}:${columnName(s.head.length - 1)}${headRow + Math.max(1, s.rows.length)}`);
    const widths = s.head.map((h, i) => Math.min(MAX_WIDTH, Math.max(textWidth(h), ...s.rows.map((r) => textWidth(shown(r[i] ?? null)))) + 2));
    return { data: [...above, head, ...rows, ...(notes.length ? [[], ...notes] : [])], sheet: s.name, columns: widths.map((width) => ({ width })), stickyRowsCount: headRow };
  });
  const buf = await writeXlsxFile(built, { features: [autoFilters(refs)] }).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
