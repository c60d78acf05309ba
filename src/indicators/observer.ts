/**
 * What a Tally tells an observer (explain, overdue): every record it counts, as the tally itself
 * decided it, and every record it takes back out when a later row with the same code supersedes
 * it. The observer holds what it wants to list, so its memory is bounded by that, not by the
 * input; the rule stays in one place (rules.ts, applied by the tally).
 */
import type { Dataset } from '../model/kinds.js';
import type { RowRecord } from '../model/record.js';

export interface Counted {
  dataset: Dataset;
  /** The code's entry in the tally (stable for the code; a later row of the code gets the same one). */
  entry: number;
  /** The tally's unit number (Tally.units). */
  unit: number;
  /** Two bits per indicator slot of the dataset (Tally.slots): 1 in the denominator, 3 also in the numerator. */
  mask: number;
  /** The slots the file's columns let the rules compute (a mask like `mask`). */
  enabled: number;
  /** The day from whose end an open record late at the counting period's end is late, less its first day (Tally.flipOf), else 0. */
  flip: number;
  /** The record (valid during the call only: the decoder reuses it). */
  record: RowRecord;
  /** The tally's file number, and the row's line in it. */
  file: number;
  line: number;
}

export interface TallyObserver {
  /** A record file: the tally's file number and its name (before its first record). */
  file(file: number, name: string): void;
  counted(c: Counted): void;
  /** The record of `entry` taken back out: a later row with its code (`by`, counted next) supersedes it. */
  withdrawn(dataset: Dataset, entry: number): void;
  /** A row left out of the run before the tally: received after --as-of. */
  excluded?(dataset: Dataset, file: number, line: number, record: RowRecord): void;
}
