/**
 * The one period resolver of `score` and `validate`: --period, else --from/--to (either alone
 * filled in from the plan's year), else the plan's year. The options are parsed and checked
 * against each other by the option table; the plan's year is known only once the plan is loaded.
 */
import { parsePeriod, periodFromDates, type NamedPeriod } from '../model/period.js';
import { daysFromCivil, type DayNumber } from '../util/dates.js';
import type { Lang } from '../model/lang.js';

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

/**
 * A named period not within the plan's year: the one-line warning that the targets compared with
 * are the plan year's (the run goes on), else null.
 */
export function periodWarning(p: NamedPeriod, planYear: number, lang: Lang): string | null {
  if (p.from >= daysFromCivil(planYear, 1, 1) && p.to <= daysFromCivil(planYear, 12, 31)) return null;
  return lang === 'vi'
    ? `ccch: cảnh báo: kỳ ${p.label} nằm ngoài năm ${planYear} của kế hoạch; mục tiêu so sánh là mục tiêu năm ${planYear}\n`
    : `ccch: warning: period ${p.label} is outside the plan's year ${planYear}; the targets compared with are ${planYear}'s\n`;
}

export function resolvePeriod(v: PeriodOptions, planYear: number): NamedPeriod {
  if (v.period !== undefined) return v.period;
  if (v.from !== undefined || v.to !== undefined) return periodFromDates(v.from, v.to, planYear);
  return parsePeriod(String(planYear));
}
