/**
 * `ccch validate`: checks exports and side files against their contracts without scoring. It runs
 * the same ingest pass as `score` (kind detection, header matching, row rules, joins,
 * summary-report checks) but keeps going: an input that `score` would refuse is reported as
 * unreadable, with its reason, and every other input is still checked (ingest/refusals.ts). Side
 * files — units, catalog, task status — are checked whether given by their options or among the
 * files (recognised by their headers: ingest/side/read.ts). It returns the accounting, the
 * problems and a verdict; it never prints and never exits.
 */
import { ingest } from '../ingest/ingest.js';
import { planTasks } from '../evaluate/tasks.js';
import { coverageWarnings, expectedEnd } from '../evaluate/coverage.js';
import type { Problem } from '../model/problem.js';
import type { DayNumber } from '../util/dates.js';
import type { IngestOptions } from '../ingest/options.js';
import type { InputReport } from '../model/accounting.js';
import type { CcchError } from '../model/errors.js';
import type { CheckedInput, InputStatus, Validation, ValidationTotals, Verdict } from '../model/validation.js';

export interface ValidateOptions extends IngestOptions {
  /** More warnings than this make the verdict `warnings` (ESLint's --max-warnings); default no limit. */
  maxWarnings?: number | null;
  /** The day a task status file's completion dates may not pass (default: none is refused for it). */
  statusAsOf?: DayNumber;
  /** The day of the run: a dossier list is not expected to reach past it (evaluate/coverage.ts; default: the period's end). */
  today?: DayNumber;
}

/**
 * The fields whose unknown values fill at least half of the file's rows (a column whose values
 * no list knows, as a system writes them: a mapping file may name them).
 */
export const mostlyUnknown = (i: InputReport): string[] =>
  i.rows === 0 ? [] : i.unknownValues.filter((u) => 2 * (u.more + u.values.reduce((a, v) => a + v.count, 0)) >= i.rows).map((u) => u.field);

/**
 * An input's status: every error comes with rejected or unmatched rows in its file (model/problem.ts);
 * a field mostly of values no list knows is an error too (its column says nothing the indicators can use).
 */
export function inputStatus(i: InputReport, error: CcchError | null): InputStatus {
  if (error) return 'unreadable';
  return i.rejected === 0 && i.unmatched === 0 && mostlyUnknown(i).length === 0 ? 'clean' : 'errors';
}

export async function validate(opts: ValidateOptions): Promise<Validation> {
  const tasks = { taskIds: planTasks(opts.plan).map((t) => t.task.id), asOf: opts.statusAsOf ?? Infinity };
  const ing = await ingest({ ...opts, keepGoing: true, sideInputs: true, tasks });
  const inputs = ing.inputs.map((i, k): CheckedInput => ({ ...i, status: inputStatus(i, ing.refused[k] ?? null), error: ing.refused[k] ?? null, mostlyUnknown: mostlyUnknown(i) }));
  const coverage = coverageWarnings(
    inputs.filter((i) => i.status !== 'unreadable'),
    ing.period,
    expectedEnd(ing.period, ing.judging.asOf, opts.today ?? null),
  );
  const totals: ValidationTotals = { files: inputs.length, unreadable: 0, rows: 0, counted: 0, rejected: 0, superseded: 0, unmatched: 0, excluded: 0, warnings: 0 };
  for (const i of inputs) {
    totals.rows += i.rows;
    totals.counted += i.counted;
    totals.rejected += i.rejected;
    totals.superseded += i.superseded;
    totals.unmatched += i.unmatched;
    totals.excluded += i.excluded;
    totals.warnings += i.warnings;
    if (i.status === 'unreadable') totals.unreadable++;
  }
  const maxWarnings = opts.maxWarnings ?? null;
  const problems = withFileProblems(ing.problems, coverage, inputs);
  return {
    period: ing.period,
    judging: ing.judging,
    inputs,
    problems,
    problemCount: ing.problemCount + coverage.length,
    totals,
    unknownValues: ing.unknownValues,
    maxWarnings,
    verdict: verdict(inputs, totals.warnings, maxWarnings),
  };
}

/** The problems about whole files placed first among their file's, the files in command-line order (as ingest orders the rows' problems). */
function withFileProblems(rows: readonly Problem[], files: readonly Problem[], inputs: readonly CheckedInput[]): Problem[] {
  if (files.length === 0) return rows as Problem[];
  const order = new Map<string, number>();
  inputs.forEach((i, k) => order.has(i.file) || order.set(i.file, k));
  const rank = (p: Problem) => order.get(p.file) ?? inputs.length;
  return [...files, ...rows].sort((a, b) => rank(a) - rank(b)); // stable: a file's own first, then its rows' in order
}

function verdict(inputs: readonly CheckedInput[], warnings: number, maxWarnings: number | null): Verdict {
  if (inputs.some((i) => i.status === 'unreadable')) return 'unreadable';
  if (inputs.some((i) => i.status === 'errors')) return 'errors';
  if (maxWarnings !== null && warnings > maxWarnings) return 'warnings';
  return 'clean';
}
