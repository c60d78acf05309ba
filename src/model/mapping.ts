/**
 * A mapping file (--map FILE, YAML; docs/domain.md "A mapping file"): what a user adds to the
 * data contract for exports no list foresees — more header aliases per field, more values per
 * field with their meaning, and units' tiers. Read and validated by ingest/side/map-file.ts,
 * applied by ingest/mapping.ts. Plain data: it crosses to the split workers as it is.
 */
import type { Tier } from './tier.js';

/** The meanings a mapped value may have, per field (README "A mapping file"). */
export const VALUE_MEANINGS = {
  channel: ['online', 'not-online'],
  digitized: ['yes', 'no'],
  eResult: ['yes', 'no'],
  rating: ['satisfied', 'not-satisfied', 'not-rated'],
  payment: ['online', 'cashless', 'cash', 'not-stated', 'none'],
  tier: ['so', 'huyen', 'xa'],
  status: ['excluded', 'withdrawn', 'none'],
} as const;

export type ValueField = keyof typeof VALUE_MEANINGS | 'fee';
export type Meaning<F extends keyof typeof VALUE_MEANINGS> = (typeof VALUE_MEANINGS)[F][number];

export interface Mapping {
  /** The file, as given (for messages). */
  file: string;
  /** Field → extra header aliases, tried before the contract's own. */
  headers: Record<string, string[]>;
  /** Field → value as written → its meaning (a fee: the amount in VND). */
  values: { [F in keyof typeof VALUE_MEANINGS]?: Record<string, Meaning<F>> } & { fee?: Record<string, number> };
  /** Unit name → its tier. */
  units: Record<string, { tier: Tier }>;
}
