/**
 * The tally of one calendar month of a run by month (`score --by month`): the month is a period
 * of its own — its records counted by the rules for that period, open ones judged at its end (or
 * at the data's last day, or --as-of, when earlier) — exactly as `score --period` that month would
 * count the same files. Every record of the run is given to every month's tally, so that a
 * later row of a code supersedes an earlier one in each month as it does in the run.
 */
import { Tally } from './tally.js';
import type { CodeIndex } from './code-index.js';
import type { Indicator } from '../plan/schema.js';
import type { MonthOf } from '../model/period.js';
import type { RowRecord } from '../model/record.js';

export class MonthTally extends Tally {
  readonly month: string;

  constructor(indicators: readonly Indicator[], month: MonthOf, makeIndex?: () => CodeIndex) {
    super(indicators, { from: month.from, to: month.to }, makeIndex);
    this.month = month.month;
  }

  /**
   * The record's unit by its name: the decoder's cache of unit numbers per spelling (unitSlots)
   * holds the run's tally's numbers, which a month's need not share.
   */
  protected override unitOf(r: RowRecord): number {
    return this.unitNamed(r.unit, r.tier);
  }
}
