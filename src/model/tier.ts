/** The three tiers of units (docs/domain.md, "Tiers"); the classifier is ingest/tier.ts. */
export type Tier = 'so' | 'huyen' | 'xa';
export const TIERS: readonly Tier[] = ['so', 'huyen', 'xa'];
