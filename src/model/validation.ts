/**
 * What `validate` finds (pipeline/validate.ts), as its renderers read it: each input with its
 * status, the problems, the totals and the run's verdict.
 */
import type { InputReport, RowCounts, UnknownValues } from './accounting.js';
import type { CcchError } from './errors.js';
import type { Judging, NamedPeriod } from './period.js';
import type { Problem } from './problem.js';

/**
 * An input's status: `unreadable` (refused: its reason in `error`), `errors` (rows rejected or
 * unmatched: problems of severity error), or `clean` (warnings allowed).
 */
export type InputStatus = 'clean' | 'errors' | 'unreadable';

export interface CheckedInput extends InputReport {
  status: InputStatus;
  /** Why the input was refused; null unless unreadable. */
  error: CcchError | null;
  /** The fields whose unknown values fill at least half of its rows (an error: README "Values as real systems write them"). */
  mostlyUnknown: string[];
}

/**
 * The run's verdict, worst first (model/problem.ts "Severity"): an input unreadable; an error
 * (rows rejected or unmatched); more warnings than --max-warnings allows; clean.
 */
export type Verdict = 'unreadable' | 'errors' | 'warnings' | 'clean';

export interface ValidationTotals extends RowCounts {
  files: number;
  unreadable: number;
}

export interface Validation {
  period: NamedPeriod;
  /** When open records would be judged, and the data's dates (per file: the inputs' dataFrom, dataTo, inPeriod). */
  judging: Judging;
  inputs: CheckedInput[];
  problems: Problem[];
  problemCount: number;
  totals: ValidationTotals;
  /** Per field, the values no vocabulary knew, most frequent first (all inputs). */
  unknownValues: UnknownValues[];
  /** --max-warnings (null: no limit). */
  maxWarnings: number | null;
  verdict: Verdict;
}

