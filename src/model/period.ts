/**
 * Reporting periods: a year, a half, a quarter, a month, or explicit first/last days.
 * A period runs from its first to its last calendar day, inclusive.
 *
 * One parser for every place a period is written: `--period` and a summary report's period
 * column ("Kỳ báo cáo") accept the same forms, matched on folded text (case, spacing,
 * diacritics): `2023`, `Năm 2023`; `2023-Q1`, `Quý 1/2023`, `Quý I/2023`, `Quý 1 năm 2023`,
 * `Q1/2023`; `2023-H1`, `6 tháng đầu năm 2023`, `6 tháng cuối năm 2023`; `2023-03`,
 * `Tháng 3/2023`, `Tháng 03 năm 2023`, `03/2023`; a day `15/04/2023` or `2023-04-15`; two days
 * `01/01/2023 - 31/03/2023` (also `từ … đến …`, and `2023-01-01..2023-03-31`, the label ccch
 * prints).
 */
import { civilFromDays, daysFromCivil, daysInMonth, formatIso, parseDay } from '../util/dates.js';
import { fold } from '../util/text.js';
import { usageError } from './errors.js';

export interface Period {
  /** First day, inclusive (day number). */
  from: number;
  /** Last day, inclusive (day number). */
  to: number;
}

export interface NamedPeriod extends Period {
  /** Its canonical name: "2023", "2023-Q1", "2023-H2", "2023-03", or "2023-01-01..2023-03-31". */
  label: string;
  /** When no period was given: the summary report whose title lines gave it, and their line. */
  fromTitle?: { file: string; line: number };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function range(y: number, m1: number, m2: number, label: string): NamedPeriod | null {
  if (y < 1900 || y > 2999 || m1 < 1 || m2 > 12 || m2 < m1) return null;
  return { from: daysFromCivil(y, m1, 1), to: daysFromCivil(y, m2, daysInMonth(y, m2)), label };
}

const year = (y: number) => range(y, 1, 12, String(y));
const quarter = (y: number, q: number) => (q >= 1 && q <= 4 ? range(y, q * 3 - 2, q * 3, `${y}-Q${q}`) : null);
const half = (y: number, h: number) => range(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12, `${y}-H${h}`);
const month = (y: number, m: number) => range(y, m, m, `${y}-${String(m).padStart(2, '0')}`);

/** Two days, first to last; a single day is a period of one day. */
function days(from: number, to: number): NamedPeriod | null {
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return { from, to, label: `${formatIso(from)}..${formatIso(to)}` };
}

/**
 * The period a text names, in any of the forms above; null when it names none. A single day is
 * a period only where `oneDay` allows it (`--period`; a report's period column is never a day).
 */
export function readPeriod(raw: string, oneDay = false): NamedPeriod | null {
  const s = fold(raw);
  if (s === '') return null;
  let m = /^(?:nam )?(\d{4})$/.exec(s);
  if (m) return year(Number(m[1]));
  m = /^(\d{4})-q([1-4])$/.exec(s);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(?:quy|q) ?(\d|i{1,3}|iv)(?: ?\/ ?| nam )(\d{4})$/.exec(s);
  if (m) return quarter(Number(m[2]), ROMAN[m[1]!] ?? Number(m[1]));
  m = /^(\d{4})-h([12])$/.exec(s);
  if (m) return half(Number(m[1]), Number(m[2]));
  m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(s);
  if (m) return half(Number(m[2]), m[1] === 'dau' ? 1 : 2);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(?:thang )?(\d{1,2})(?: ?\/ ?| nam )(\d{4})$/.exec(s);
  if (m) return month(Number(m[2]), Number(m[1]));
  const ends = s.replace(/^tu /, '').split(/\.\.| (?:-|–|den) |–/);
  if (ends.length === 2) return days(parseDay(ends[0]!), parseDay(ends[1]!));
  if (oneDay) {
    const d = parseDay(s);
    return days(d, d);
  }
  return null;
}

/** `--period`: the period, or a usage error naming the forms. */
export function parsePeriod(spec: string): NamedPeriod {
  const p = readPeriod(spec, true);
  if (p === null) throw usageError('usage.period', { value: spec });
  return p;
}

/** A period's name: the year, half, quarter or month it is ("2023-Q1"), else its days ("2023-01-15..2023-04-14"). */
export function namePeriod(p: Period): NamedPeriod {
  const { y } = civilFromDays(p.from);
  const labels = [String(y), `${y}-H1`, `${y}-H2`, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`)];
  for (let m = 1; m <= 12; m++) labels.push(`${y}-${String(m).padStart(2, '0')}`);
  for (const label of labels) {
    const named = parsePeriod(label);
    if (named.from === p.from && named.to === p.to) return named;
  }
  return { from: p.from, to: p.to, label: `${formatIso(p.from)}..${formatIso(p.to)}` };
}

/** A calendar month of a period, cut to the period: "2023-03" and its first and last day in it. */
export interface MonthOf extends Period {
  month: string;
}

/** The calendar months a period touches, in order, each cut to the period. */
export function monthsOf(p: Period): MonthOf[] {
  const out: MonthOf[] = [];
  let { y, m } = civilFromDays(p.from);
  for (;;) {
    const first = daysFromCivil(y, m, 1);
    if (first > p.to) return out;
    const last = daysFromCivil(y, m, daysInMonth(y, m));
    out.push({ month: `${y}-${String(m).padStart(2, '0')}`, from: Math.max(first, p.from), to: Math.min(last, p.to) });
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

/** --from/--to, as day numbers (either may be omitted: the year's first or last day fills in). */
export function periodFromDates(from: number | undefined, to: number | undefined, year: number): NamedPeriod {
  const f = from ?? daysFromCivil(year, 1, 1);
  const t = to ?? daysFromCivil(year, 12, 31);
  if (t < f) throw usageError('usage.toBeforeFrom', { to: formatIso(t), from: formatIso(f) });
  return { from: f, to: t, label: `${formatIso(f)}..${formatIso(t)}` };
}

/**
 * When a run's open records are judged (docs/domain.md "The judging moment J"): the end of the
 * period's last day, or of the data's last day when earlier, or of --as-of when earlier still.
 */
export interface Judging {
  /** --as-of (day number), or null. */
  asOf: number | null;
  /**
   * J: the day at whose end open dossiers and PAKN items were judged. Null only when record rows
   * were counted and none of them falls in the period (`score` refuses such a run).
   */
  judgedAt: number | null;
  /** The first received and latest received or resolved day of the run's counted record rows; null with none. */
  dataFrom: number | null;
  dataTo: number | null;
  /** Counted record rows received or resolved in the period. */
  inPeriod: number;
  /** Record lists (dossier and PAKN files) read. */
  recordLists: number;
}

/** The period the counting rules are given: P, ending at --as-of when that is earlier (J0). */
export function countingPeriod(p: Period, asOf: number | null | undefined): Period {
  return asOf != null && asOf < p.to ? { from: p.from, to: asOf } : { from: p.from, to: p.to };
}

/** --as-of: a day in any form of the data contract (2023-04-15, 15/04/2023…: util/dates parseDay), as a day number. */
export function parseAsOf(value: string): number {
  const day = parseDay(value);
  if (Number.isNaN(day)) throw usageError('usage.asOf', { value });
  return day;
}

/** --as-of for `score` and `validate`: not before the period's first day (nothing would be in it). */
export function checkAsOf(asOf: number, period: Period): number {
  if (asOf < period.from) throw usageError('usage.asOfBeforePeriod', { value: formatIso(asOf), from: formatIso(period.from) });
  return asOf;
}
