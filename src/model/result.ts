/**
 * Results: an indicator's (or a catalog or units measure's) counts for one tier, unit or
 * district, its value and its verdict against the target; and a whole run's Score.
 */
import type { Tier } from './tier.js';
import type { Judging, NamedPeriod } from './period.js';
import type { Problem } from './problem.js';
import type { IndicatorSources, InputReport } from './accounting.js';

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
  /** With --by district: units of the exports that the units file places in no district. */
  unplacedUnits?: string[];
}
