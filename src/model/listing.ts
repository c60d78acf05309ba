/**
 * The rows behind a number (`explain`) and the overdue list (`overdue`): what the core gives
 * their renderers. Dates are day numbers, times minutes after midnight (null: a date alone).
 */
import type { Dataset, Field } from './kinds.js';
import type { Tier } from './tier.js';
import type { InputReport } from './accounting.js';
import type { Judging, NamedPeriod } from './period.js';
import type { Problem } from './problem.js';

/** A record row as it was counted: where it is, its code, unit and dates. */
export interface ListedRow {
  file: string;
  line: number;
  code: string;
  unit: string;
  tier: Tier;
  received: number;
  due: number | null;
  dueTime: number | null;
  resolved: number | null;
  resolvedTime: number | null;
}

/** Which rows `explain` lists. */
export const WHICH = ['numerator', 'denominator', 'not-numerator', 'excluded'] as const;
export type Which = (typeof WHICH)[number];

/**
 * Why a row of the scope is not in the result (`--which excluded`): a later row with its code
 * superseded it; received after --as-of; its file has no column the rule needs; a value leaves it
 * out (blank or unknown, not rated, no fee…) although its dates place it in the period.
 */
export type LeftOut = 'superseded' | 'after-as-of' | 'no-column' | 'value';

/** A value that decided, as a word: online, offline, yes, no, satisfied, not-satisfied, cash, non-cash, blank, unknown, absent (no column), or a fee in VND. */
export type ValueWord = string | number;

export interface ExplainedRow extends ListedRow {
  /** The rule's fields (specs.ts), as the rule read them (after joins). */
  values: Partial<Record<Field, ValueWord>>;
  /** In the numerator (counted rows); false for excluded rows. */
  numerator: boolean;
  /** on-time: open at J (not resolved by then); null for other rules. */
  open: boolean | null;
  /** Excluded rows: why, and for a superseded row the row that superseded it (`file:line`). */
  reason: LeftOut | null;
  by: string | null;
}

export interface Explanation {
  plan: { id: string; title: string };
  indicator: { id: string; clause: string; name: { vi: string; en: string }; rule: string; dataset: Dataset };
  tier: Tier | 'all';
  /** The unit as first spelled in the data; null for a tier or the province. */
  unit: string | null;
  which: Which;
  period: NamedPeriod;
  judging: Judging;
  /** The result's numerator and denominator, as `score` gives them. */
  numerator: number;
  denominator: number;
  rows: ExplainedRow[];
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
}

export type OverdueState = 'overdue' | 'due-soon';

export interface OverdueRow extends ListedRow {
  dataset: Dataset;
  state: OverdueState;
  /** as-of − due, in calendar days: ≥ 0 overdue (0: due with a time that passed on the as-of day), < 0 days left. */
  daysOverdue: number;
}

export interface OverdueUnit {
  unit: string;
  tier: Tier;
  overdue: number;
  dueSoon: number;
}

export interface OverdueList {
  plan: { id: string; title: string };
  asOf: number;
  /** --within N, or null. */
  within: number | null;
  /** Most overdue first. */
  rows: OverdueRow[];
  /** Per unit, most overdue items first. */
  units: OverdueUnit[];
  counts: { overdue: number; dueSoon: number };
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
}
