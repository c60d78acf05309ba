/**
 * The period a summary report's row covers ("Kỳ báo cáo"), as the one-stop systems print it:
 * `2023`, `Năm 2023`; `2023-Q1`, `Quý 1/2023`, `Quý I/2023`, `Quý 1 năm 2023`, `Q1/2023`;
 * `2023-H1`, `6 tháng đầu năm 2023`, `6 tháng cuối năm 2023`; `2023-03`, `Tháng 3/2023`,
 * `Tháng 03 năm 2023`, `03/2023`; or two dates `01/01/2023 - 31/03/2023` (also `từ … đến …`).
 * Matching is on folded text (case, spacing, diacritics).
 */
import { parsePeriod, type Period } from '../model/period.js';
import { daysFromCivil, daysInMonth, parseDay } from '../util/dates.js';
import { fold } from '../util/text.js';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function months(y: number, m1: number, m2: number): Period | null {
  if (y < 1900 || y > 2100 || m1 < 1 || m2 > 12 || m2 < m1) return null;
  return { from: daysFromCivil(y, m1, 1), to: daysFromCivil(y, m2, daysInMonth(y, m2)) };
}

/** The period, or null when the text is not one. */
export function parseReportPeriod(raw: string): Period | null {
  const s = fold(raw);
  if (s === '') return null;
  try {
    const p = parsePeriod(s);
    return { from: p.from, to: p.to };
  } catch {
    // not one of the ISO-like forms
  }
  let m = /^nam (\d{4})$/.exec(s);
  if (m) return months(Number(m[1]), 1, 12);
  m = /^(?:quy|q) ?(\d|i{1,3}|iv)(?: ?\/ ?| nam )(\d{4})$/.exec(s);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    return q >= 1 && q <= 4 ? months(Number(m[2]), q * 3 - 2, q * 3) : null;
  }
  m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(s);
  if (m) return m[1] === 'dau' ? months(Number(m[2]), 1, 6) : months(Number(m[2]), 7, 12);
  m = /^(?:thang )?(\d{1,2})(?: ?\/ ?| nam )(\d{4})$/.exec(s);
  if (m) return months(Number(m[2]), Number(m[1]), Number(m[1]));
  const ends = s.replace(/^tu /, '').split(/ (?:-|–|den) |–/);
  if (ends.length === 2) {
    const from = parseDay(ends[0]!);
    const to = parseDay(ends[1]!);
    if (!Number.isNaN(from) && !Number.isNaN(to) && from <= to) return { from, to };
  }
  return null;
}

/** A title line's row: its line and its non-blank cells. */
export interface TitleLine {
  line: number;
  cells: readonly string[];
}

export interface TitlePeriod extends Period {
  line: number;
  /** The cell that gave it, as written. */
  text: string;
}

const SPAN = /(?:^|[^a-z0-9])tu(?: ngay)? (\d{1,2}[/.-]\d{1,2}[/.-]\d{4}) (?:den|toi)(?: het)?(?: ngay)? (\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/;

/** The longest run of a cell's last words that is a period ("… QUÝ I NĂM 2023" → Q1), or null. */
function trailingPeriod(folded: string): Period | null {
  if (/\bngay \d/.test(folded)) return null; // a date line ("Đồng Nai, ngày 05 tháng 01 năm 2024")
  const words = folded.replace(/[()[\],;:]/g, ' ').split(/\s+/).filter(Boolean);
  for (let k = 0; k < words.length; k++) {
    const p = parseReportPeriod(words.slice(k).join(' '));
    if (p) return p;
  }
  return null;
}

/**
 * The period a printed report's title lines give (README "Summary reports as units file them"):
 * "(Từ ngày 01/01/2023 đến ngày 31/03/2023)" anywhere in them first; else the first cell that
 * ends in a period ("TÌNH HÌNH … QUÝ I NĂM 2023", "Kỳ báo cáo: 6 tháng đầu năm 2023"; a dated
 * line such as "Đồng Nai, ngày 05 tháng 01 năm 2024" is not one). Null when none does.
 */
export function titlePeriod(lines: readonly TitleLine[]): TitlePeriod | null {
  for (const { line, cells } of lines) {
    for (const cell of cells) {
      const m = SPAN.exec(fold(cell));
      if (!m) continue;
      const from = parseDay(m[1]!);
      const to = parseDay(m[2]!);
      if (!Number.isNaN(from) && !Number.isNaN(to) && from <= to) return { from, to, line, text: cell.trim() };
    }
  }
  for (const { line, cells } of lines) {
    for (const cell of cells) {
      const p = trailingPeriod(fold(cell));
      if (p) return { ...p, line, text: cell.trim() };
    }
  }
  return null;
}
