/**
 * The one period resolver of `score` and `validate`: --period, else --from/--to (either alone
 * filled in from the plan's year), else the plan's year. The options are parsed and checked
 * against each other by the option table; the plan's year is known only once the plan is loaded.
 */
import { parsePeriod, periodFromDates, type NamedPeriod } from '../model/period.js';
import { daysFromCivil, type DayNumber } from '../util/dates.js';

/** Today, as a day number (the machine's local date). */
export function today(): DayNumber {
  const now = new Date();
  return daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface PeriodOptions {
  period?: NamedPeriod | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** Whether the user named the period (else a summary report's title may give it, see ingest). */
export const periodNamed = (v: PeriodOptions): boolean => v.period !== undefined || v.from !== undefined || v.to !== undefined;

export function resolvePeriod(v: PeriodOptions, planYear: number): NamedPeriod {
  if (v.period !== undefined) return v.period;
  if (v.from !== undefined || v.to !== undefined) return periodFromDates(v.from, v.to, planYear);
  return parsePeriod(String(planYear));
}
