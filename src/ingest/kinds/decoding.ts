/**
 * What the decoders of every kind share: a unit's name and tier (through a units file or the
 * name, docs/domain.md "Tiers") and the shape of their rejections.
 */
import { fieldSpec } from '../contract.js';
import { tierFromColumn } from '../tier.js';
import { TIER, type Vocabulary } from '../vocabulary.js';
import { FoldCache } from '../../util/text.js';
import { parseDay } from '../../util/dates.js';
import type { Field, Kind } from '../../model/kinds.js';
import type { Tier } from '../../model/tier.js';
import type { Rejection } from '../../model/problem.js';

/** Resolves a unit's tier from a units file (docs/domain.md tier rule 2); undefined when it does not know the unit. */
export type UnitTierLookup = (unitName: string) => Tier | undefined;

/** A unit's name as the units file writes it (an export may name a unit by its code); undefined when it does not know the unit. */
export type UnitNameLookup = (unitNameOrCode: string) => string | undefined;

/** The unit's name for grouping and display: the units file's spelling when it knows the unit. */
export function unitNamer(unitName?: UnitNameLookup): (tidied: string) => string {
  if (!unitName) return (u) => u;
  const cache = new FoldCache((u: string) => unitName(u) ?? u);
  return (u) => (u === '' ? u : cache.get(u));
}

/**
 * A row's tier (docs/domain.md, Tiers): its tier column when not blank (an unknown value rejects
 * the row), else the units file or the unit's name (through `byName`), else a rejection.
 */
export function resolveTier(tierRaw: string | undefined, unit: string, byName: FoldCache<Tier | null>, vocab: Vocabulary = TIER): Tier | Rejection {
  if (tierRaw !== undefined) {
    const t = tierFromColumn(tierRaw, vocab);
    if (t === undefined) return { code: 'row.badTier', field: 'tier', params: { value: tierRaw.trim() } };
    if (t !== null) return t;
  }
  return byName.get(unit) ?? { code: 'row.tierUndecidable', field: 'unit', params: { unit } };
}

export function badDate(dataset: Kind, field: Field, value: string, mdy = false): Rejection {
  const spec = fieldSpec(dataset, field);
  // A date that reads only month first: say so (docs/domain.md "Month-first dates").
  const code = !mdy && !Number.isNaN(parseDay(value, true)) ? 'row.monthFirstDate' : 'row.badDate';
  return { code, field, params: { fieldVi: spec.vi, fieldEn: spec.en, value } };
}

