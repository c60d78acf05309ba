/**
 * The period a summary report's row covers ("Kỳ báo cáo"), as the one-stop systems print it:
 * the forms of model/period.ts (`Quý I/2023`, `Tháng 03 năm 2023`, `01/01/2023 - 31/03/2023`…),
 * but never a single day.
 */
import { readPeriod, type Period } from '../model/period.js';
import { parseDay } from '../util/dates.js';
import { fold } from '../util/text.js';

/** The period, or null when the text is not one. */
export function parseReportPeriod(raw: string): Period | null {
  const p = readPeriod(raw);
  return p === null ? null : { from: p.from, to: p.to };
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
