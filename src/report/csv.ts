/**
 * CSV for spreadsheets and scripts: RFC 4180 (comma, CRLF, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel
 * reads the diacritics right. Text cells are guarded against formula injection (the OWASP rule):
 * a text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
 * a unit named `=HYPERLINK(…)` is shown, not run. Numbers are written as numbers (the JSON's
 * shortest form, `.` for decimals) and never guarded: a change of −3 stays the number -3.
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
const CHUNK = 1 << 16;
const RISKY = new Set(['=', '+', '-', '@', '\t', '\r']);

/** One cell's text: a number as written in JSON, a text guarded and quoted as needed, nothing for null. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = v.length > 0 && RISKY.has(v[0]!) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The whole file, in chunks: the byte-order mark, the header, then the rows as they come. */
export function* csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  let buf = BOM + csvLine(header);
  for (const row of rows) {
    buf += csvLine(row);
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}
