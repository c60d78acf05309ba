/**
 * `ccch validate`: checks exports against their contracts without scoring. It runs the same
 * ingest pass as `score` (kind detection, header matching, row rules, joins, summary-report
 * checks) and returns the accounting and problems; it never prints and never exits.
 */
import { ingest } from '../ingest/ingest.js';
import type { IngestOptions } from '../ingest/options.js';
import type { Judging, NamedPeriod } from '../model/period.js';
import type { InputReport, RowCounts } from '../model/accounting.js';
import type { Problem } from '../model/problem.js';

export interface ValidationTotals extends RowCounts {
  files: number;
}

export interface Validation {
  period: NamedPeriod;
  /** When open records would be judged, and the data's dates (per file: the inputs' dataFrom, dataTo, inPeriod). */
  judging: Judging;
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
  totals: ValidationTotals;
  /** No row rejected and no fact row unmatched (warnings allowed). */
  clean: boolean;
}

/** An input is clean when none of its rows was rejected or unmatched. */
export const inputClean = (i: InputReport) => i.rejected === 0 && i.unmatched === 0;

export async function validate(opts: IngestOptions): Promise<Validation> {
  const ing = await ingest(opts);
  const totals: ValidationTotals = { files: ing.inputs.length, rows: 0, counted: 0, rejected: 0, superseded: 0, unmatched: 0, excluded: 0, warnings: 0 };
  for (const i of ing.inputs) {
    totals.rows += i.rows;
    totals.counted += i.counted;
    totals.rejected += i.rejected;
    totals.superseded += i.superseded;
    totals.unmatched += i.unmatched;
    totals.excluded += i.excluded;
    totals.warnings += i.warnings;
  }
  return {
    period: ing.period,
    judging: ing.judging,
    inputs: ing.inputs,
    problems: ing.problems,
    problemCount: ing.problemCount,
    totals,
    clean: ing.inputs.every(inputClean),
  };
}
