/**
 * Results: an indicator's (or a catalog or units measure's) counts for one tier, unit or
 * district, its value and its verdict against the target; and a whole run's Score.
 */
import type { Tier } from './tier.js';
import type { Judging, NamedPeriod } from './period.js';
import type { Problem } from './problem.js';
import type { IndicatorSources, InputReport, UnknownValues } from './accounting.js';

export type Status = 'pass' | 'fail' | 'no-data' | 'no-target';
export type ResultTier = Tier | 'all';

export interface Result {
  indicator: string;
  clause: string;
  tier: ResultTier;
  unit: string | null;
  numerator: number;
  denominator: number;
  /** Percent (0–100), or null with no data. */
  value: number | null;
  /** Percent, or null when the plan sets no target. */
  target: number | null;
  status: Status;
  /** What computed it: one of the plan's data indicators (the default), the catalog or the units file. */
  source?: 'data' | 'catalog' | 'units';
  /** Catalog and units results: the plan targets (ids) this result checks. */
  targets?: string[];
  /** How value compares with target (default ">="). */
  comparison?: string;
  /** "percent" (the default): value = numerator / denominator in %; "change": value = numerator − denominator. */
  scale?: 'percent' | 'change';
  /** With --by district: the district whose units are summed. */
  district?: string | null;
  /** With --by month: the calendar month ("2023-03") whose figures these are; null for the whole period. */
  month?: string | null;
  /**
   * The fewest items that would have to move into the numerator (same denominator) for the
   * result to pass: 0 when it passes; null with no data, no target, or a target that moving
   * items into the numerator does not serve (evaluate/shortfall.ts).
   */
  shortfall?: number | null;
  /** A year-to-date run: what the rest of the year needs (an estimate; evaluate/year-end.ts). */
  yearEnd?: YearEnd | null;
  /**
   * Data indicators only, when records in the indicator's scope were left out for want of a
   * column it needs (docs/domain.md "When a column is absent"): how many, and which files lack
   * which columns. The verdict stands on the records counted; with none, the status is no-data.
   */
  leftOut?: LeftOut;
  /** "not-computed": no-data because every record in scope was left out (see leftOut). */
  reason?: 'not-computed';
}

/**
 * What the rest of the plan year needs for the year's result to reach its target, at the same
 * daily volume as the run's period: an estimate (README "The rest of the year").
 */
export interface YearEnd {
  /** Always true: a projection, not a count. */
  estimate: true;
  /** The days of the year after the run's judging day, and the days the run covered. */
  daysLeft: number;
  daysElapsed: number;
  /** The denominator expected for the rest of the year: round(N × daysLeft / daysElapsed). */
  denominator: number;
  /** The numerator the rest of the year needs for the year to pass (0 when it passes already). */
  numerator: number;
  /** That as a rate of the expected denominator, in percent (may exceed 100). */
  rate: number | null;
  /** Whether the need is within the expected denominator (≤ 100%). */
  reachable: boolean;
}

/** What a listing left out of the results (--failing, --top, units with no data). */
export interface Listing {
  failing: boolean;
  top: number | null;
  allUnits: boolean;
  /** Results computed but not listed because of --failing or --top (still in `summary`). */
  omitted: number;
  /** Unit and district results with a zero denominator left out (no result; --all-units lists them). */
  noDataUnits: number;
}

export interface LeftOut {
  /** Records in scope left out (not in numerator nor denominator). */
  records: number;
  /** The files that lack a column the indicator needs, and those columns (contract fields). */
  missing: MissingColumns[];
}

export interface MissingColumns {
  file: string;
  columns: string[];
}

export interface Summary {
  pass: number;
  fail: number;
  noData: number;
  noTarget: number;
}

/** The plan's heading (plan/schema.ts validates it). */
export interface PlanInfo {
  id: string;
  date: string;
  province: string;
  year: number;
  title: string;
  titleEn?: string | undefined;
  issuer?: string | undefined;
}

export interface Score {
  plan: PlanInfo;
  period: NamedPeriod;
  /** When open records were judged (J) and the data's dates. */
  judging: Judging;
  inputs: InputReport[];
  results: Result[];
  summary: Summary;
  problems: Problem[];
  /** Problems found in all, including those beyond `maxProblems` that were not kept. */
  problemCount: number;
  /** Per plan indicator, the inputs its counts came from. */
  sources: IndicatorSources[];
  /** Per field, the values no vocabulary knew, most frequent first (all inputs). */
  unknownValues: UnknownValues[];
  /** With --by district: units of the exports that the units file places in no district. */
  unplacedUnits?: string[];
  /** What the listing left out. */
  listing?: Listing;
  /** With --by month: the months counted, each a period of its own, and the day each was judged at. */
  months?: MonthPeriod[];
}

/** A month of a run by month: its days (cut to the run's period) and J for it (day numbers). */
export interface MonthPeriod {
  month: string;
  from: number;
  to: number;
  judgedAt: number;
}
