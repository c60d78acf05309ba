/**
 * The format of the record batches a split worker's RecordBatcher (batcher.ts) sends and
 * Tally.addBatch reads: a unit entry (tag BATCH_UNIT, its number, tier code, name length, name)
 * before a unit's first record; a record entry (tag BATCH_DOSSIER or BATCH_FEEDBACK, its unit,
 * mask, first and last day, flip, code length, code).
 */
import type { Tier } from '../model/tier.js';

export const BATCH_BYTES = 1 << 16;
export const BATCH_DOSSIER = 1;
export const BATCH_FEEDBACK = 2;
export const BATCH_UNIT = 3;
/** A batched record's head: tag, unit, mask, first and last day, flip (4 bytes each but the tag), code length (2); then the code. */
export const RECORD_HEAD = 23;
export const TIER_CODE: Record<Tier, number> = { so: 0, huyen: 1, xa: 2 };
export const TIER_OF_CODE: Tier[] = ['so', 'huyen', 'xa'];
