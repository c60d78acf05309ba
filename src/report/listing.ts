/**
 * What the listings' renderers (`explain`, `overdue`) share: a row's dates as people and as
 * machines read them, CSV cells (quoted, and guarded against formula injection), and text
 * columns padded to their widest cell.
 */
import { formatIso, formatVi } from '../util/dates.js';
import type { Lang } from '../model/lang.js';
import { escapeControls } from '../util/safe-text.js';

const hhmm = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;

/** A day (and time) for people: `05/03/2023 10:30`; '' for none. */
export const shownDay = (day: number | null, time: number | null = null, lang: Lang = 'vi') =>
  day === null ? '' : `${lang === 'vi' ? formatVi(day) : formatIso(day)}${time !== null ? ` ${hhmm(time)}` : ''}`;

/** A day (and time) for machines: `2023-03-05` or `2023-03-05T10:30`; null for none. */
export const isoDay = (day: number | null, time: number | null = null) => (day === null ? null : `${formatIso(day)}${time !== null ? `T${hhmm(time)}` : ''}`);

/**
 * One CSV cell: quoted when it holds a delimiter, quote or line break; a text starting with
 * = + - @ (or a tab or carriage return; "-" alone aside) gets a leading apostrophe, so that a
 * spreadsheet shows it rather than running it (OWASP's CSV injection advice); control and bidi
 * characters are shown escaped (util/safe-text.ts), so the CSV formats take the view raw (no
 * deep copy of a large listing). Numbers pass as they are.
 */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const e = escapeControls(v);
  const s = /^[=+\-@\t]/.test(e) && e !== '-' ? `'${e}` : e; // "-" alone (standard input's name) runs nothing
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: ReadonlyArray<string | number | boolean | null>) => `${cells.map(csvCell).join(',')}\r\n`;

/** Rows of cells as text columns, each padded to its widest cell (the last not padded). */
export function columns(rows: readonly string[][], gap = '  '): string[] {
  const width: number[] = [];
  for (const r of rows) r.forEach((c, i) => (width[i] = Math.max(width[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(width[i]! - [...c].length))).join(gap).trimEnd());
}
