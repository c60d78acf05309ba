/**
 * What a tally gives out (tally.ts): its units, the dates of the rows it counted and what the
 * end of reading settles, and the per-file counts; the datasets' bits of a unit's `seen`.
 */
import type { Dataset } from '../model/kinds.js';
import type { Tier } from '../model/tier.js';

export interface Unit {
  name: string;
  tier: Tier;
  /** The datasets the unit has accepted records in (bit 1 dossiers, bit 2 feedback). */
  seen: number;
}

export const DATASET_BIT: Record<Dataset, number> = { dossiers: 1, feedback: 2 };

/** The dates of the counted rows of a file, or of all (Tally.judge). */
export interface DataDates {
  /** The first received and the latest received or resolved day (day numbers); null with no counted row. */
  from: number | null;
  to: number | null;
  /** The latest received day (null with no counted row): where an export taken early stops (validate's coverage warning). */
  receivedTo: number | null;
  /** Counted rows received or resolved in the period. */
  inPeriod: number;
}

/** What the end of reading settles (Tally.judge). */
export interface Judged extends DataDates {
  /** J: the day at whose end open records were judged, min(the period's end, the data's last day). */
  judgedAt: number;
  /** Per file of the tally (addFile's numbers). */
  files: DataDates[];
}

export interface FileCounts {
  accepted: number;
  superseded: number;
}
