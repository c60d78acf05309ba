/**
 * Whether the record lists cover the period (`validate`, README "Coverage"): an export with no
 * row in the period, or a dossier list whose received dates stop more than COVERAGE_GAP_DAYS
 * before the day the data should reach, passes every row rule yet gives figures for less than
 * the period — an export taken early, a filter left on, the wrong month's file. Each is one
 * warning about the whole file (a problem of no line); it leaves every row counted, so it makes
 * the exit code 1 only past --max-warnings.
 *
 * The day the data should reach is the period's last day, or --as-of, or today, whichever is
 * first (a month still running is not expected to be complete). Only dossier lists are held to
 * it: a unit receives dossiers every working day, while PAKN come a few a week (377 in the sample
 * year), so a feedback list's last days may well have none.
 */
import type { InputReport } from '../model/accounting.js';
import type { NamedPeriod, Period } from '../model/period.js';
import type { Problem } from '../model/problem.js';
import { formatIso, type DayNumber } from '../util/dates.js';

/** Days a dossier list's received dates may stop before the day they should reach (a weekend and a day). */
export const COVERAGE_GAP_DAYS = 3;

/** The day the data should reach, and why: the period's end, --as-of, or today. */
export interface ExpectedEnd {
  day: DayNumber;
  by: 'period' | 'asOf' | 'today';
}

export function expectedEnd(period: Period, asOf: DayNumber | null, today: DayNumber | null): ExpectedEnd {
  let e: ExpectedEnd = { day: period.to, by: 'period' };
  if (asOf !== null && asOf < e.day) e = { day: asOf, by: 'asOf' };
  if (today !== null && today < e.day) e = { day: today, by: 'today' };
  return e;
}

/** The coverage warnings of the record lists among `inputs` (those read: not refused), in their order; each counted in its input's `warnings`. */
export function coverageWarnings(inputs: readonly InputReport[], period: NamedPeriod, end: ExpectedEnd): Problem[] {
  const out: Problem[] = [];
  const warn = (i: InputReport, code: string, params: Problem['params']) => {
    i.warnings++;
    out.push({ file: i.file, line: null, column: null, header: null, severity: 'warning', field: null, code, params });
  };
  for (const i of inputs) {
    if (i.inPeriod === null) continue; // not a record list
    if (i.inPeriod === 0) {
      const data = i.dataFrom !== null && i.dataTo !== null ? { dataFrom: formatIso(i.dataFrom), dataTo: formatIso(i.dataTo) } : { dataFrom: '', dataTo: '' };
      warn(i, 'coverage.noRowsInPeriod', { period: period.label, from: formatIso(period.from), to: formatIso(period.to), ...data });
      continue;
    }
    if (i.dataset !== 'dossiers' || i.receivedTo === null || end.day < period.from) continue;
    const gap = end.day - i.receivedTo;
    if (gap > COVERAGE_GAP_DAYS) warn(i, 'coverage.endsEarly', { last: formatIso(i.receivedTo), expected: formatIso(end.day), by: end.by, days: gap });
  }
  return out;
}
