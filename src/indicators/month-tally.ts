/**
 * The tally of one calendar month of a run by month (`score --by month`): the month is a period
 * of its own — its records counted by the rules for that period, open ones judged at its end (or
 * at the data's last day, or --as-of, when earlier) — exactly as `score --period` that month would
 * count the same files. Every record of the run is given to every month's tally, so that a
 * later row of a code supersedes an earlier one in each month as it does in the run.
 *
 * A month keeps no code index: the run's tally (which every record reaches first, in the same
 * order) tells it each record's lookup as it places the record (Tally.followers), and as both number
 * new codes alike, the run's entry is the month's. Until then the month keeps the record's unit,
 * mask, dates and flip in a queue (at most the run's staged records).
 */
import { Tally } from './tally.js';
import type { Indicator } from '../plan/schema.js';
import type { Dataset } from '../model/kinds.js';
import type { MonthOf } from '../model/period.js';
import type { RowRecord } from '../model/record.js';

/** A record waiting for its lookup: dataset (0 dossiers, 1 feedback), file, unit, mask, first, last, flip. */
const FIELDS = 7;

export class MonthTally extends Tally {
  readonly month: string;
  private queue = new Float64Array(64 * FIELDS);
  private head = 0;
  private tail = 0;

  constructor(indicators: readonly Indicator[], month: MonthOf, run: Tally) {
    super(indicators, { from: month.from, to: month.to }, () => ({ getOrInsert: () => -1 }));
    this.month = month.month;
    run.followers.push(this);
  }

  /** Queued until the run's tally places the record (`follow`). */
  override add(dataset: Dataset, file: number, r: RowRecord, enabled: number): void {
    // A month marks no record left out for want of a column (the run's results say how many).
    const mask = this.maskOf(dataset, r, enabled, 0);
    const flip = this.flipOf(dataset, r, mask);
    const last = r.resolved > r.received ? r.resolved : r.received;
    // The record's unit by its name: the decoder's cache of unit numbers (unitSlots) holds the run's.
    const u = this.unitNamed(r.unit, r.tier);
    if (this.tail + FIELDS > this.queue.length) this.grow();
    const q = this.queue;
    const t = this.tail;
    q[t] = dataset === 'dossiers' ? 0 : 1;
    q[t + 1] = file;
    q[t + 2] = u;
    q[t + 3] = mask;
    q[t + 4] = r.received;
    q[t + 5] = last;
    q[t + 6] = flip;
    this.tail = t + FIELDS;
  }

  /** The run's tally placed the next record: its code's entry, or -1 for a new code. */
  follow(prev: number): void {
    const q = this.queue;
    const h = this.head;
    if (h >= this.tail) throw new Error('a month tally was told of a record it was not given');
    this.head = h + FIELDS;
    if (this.head === this.tail) this.head = this.tail = 0;
    this.place(q[h] === 0 ? 'dossiers' : 'feedback', q[h + 1]!, q[h + 2]!, q[h + 3]!, q[h + 4]!, q[h + 5]!, q[h + 6]!, prev);
  }

  /** Room for more: the waiting records moved to the front, or a bigger queue. */
  private grow(): void {
    const n = this.tail - this.head;
    if (n + FIELDS <= this.queue.length / 2) this.queue.copyWithin(0, this.head, this.tail);
    else {
      const q = new Float64Array(this.queue.length * 2);
      q.set(this.queue.subarray(this.head, this.tail));
      this.queue = q;
    }
    this.head = 0;
    this.tail = n;
  }
}
