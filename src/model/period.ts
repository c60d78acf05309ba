/**
 * Reporting periods: a year, a half, a quarter, a month, or explicit first/last days.
 * A period runs from its first to its last calendar day, inclusive.
 */
import { civilFromDays, daysFromCivil, daysInMonth, formatIso, parseDay, parseIsoDate } from '../util/dates.js';
import { usageError } from './errors.js';

export interface Period {
  /** First day, inclusive (day number). */
  from: number;
  /** Last day, inclusive (day number). */
  to: number;
}

export interface NamedPeriod extends Period {
  /** As the user named it: "2023", "2023-Q1", "2023-H2", "2023-03", or "2023-01-01..2023-03-31". */
  label: string;
  /** When no period was given: the summary report whose title lines gave it, and their line. */
  fromTitle?: { file: string; line: number };
}

function range(y: number, m1: number, m2: number, label: string): NamedPeriod {
  return { from: daysFromCivil(y, m1, 1), to: daysFromCivil(y, m2, daysInMonth(y, m2)), label };
}

export function parsePeriod(spec: string): NamedPeriod {
  const s = spec.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return range(Number(m[1]), 1, 12, s);
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const q = Number(m[2]);
    return range(Number(m[1]), q * 3 - 2, q * 3, s);
  }
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) {
    const h = Number(m[2]);
    return range(Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12, s);
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return range(Number(m[1]), Number(m[2]), Number(m[2]), s);
  throw usageError('usage.period', { value: spec });
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

/** --as-of: a day as YYYY-MM-DD or dd/mm/yyyy (d/m/yyyy too), as a day number. */
export function parseAsOf(value: string): number {
  const s = value.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseIsoDate(s) : /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s) ? parseDay(s) : NaN;
  if (Number.isNaN(day)) throw usageError('usage.asOf', { value });
  return day;
}

/** --as-of for `score` and `validate`: not before the period's first day (nothing would be in it). */
export function checkAsOf(asOf: number, period: Period): number {
  if (asOf < period.from) throw usageError('usage.asOfBeforePeriod', { value: formatIso(asOf), from: formatIso(period.from) });
  return asOf;
}
