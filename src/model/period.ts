/**
 * Reporting periods: a year, a half, a quarter, a month, or explicit first/last days.
 * A period runs from its first to its last calendar day, inclusive.
 */
import { civilFromDays, daysFromCivil, daysInMonth, formatIso } from '../util/dates.js';
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

/** --from/--to, as day numbers (either may be omitted: the year's first or last day fills in). */
export function periodFromDates(from: number | undefined, to: number | undefined, year: number): NamedPeriod {
  const f = from ?? daysFromCivil(year, 1, 1);
  const t = to ?? daysFromCivil(year, 12, 31);
  if (t < f) throw usageError('usage.toBeforeFrom', { to: formatIso(t), from: formatIso(f) });
  return { from: f, to: t, label: `${formatIso(f)}..${formatIso(t)}` };
}
