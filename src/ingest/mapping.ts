/**
 * The data contract a run reads its exports with: the contract's header aliases and value
 * vocabularies (contract.ts, vocabulary.ts), with what a mapping file adds (--map, model/mapping.ts):
 * its aliases are tried before the contract's own, its values win over the listed spellings, its
 * units' tiers come after a units file's and before the unit's name (docs/domain.md "Tiers").
 */
import type { DateOrder } from '../util/dates.js';
import { FIELDS, type FieldSpec } from './contract.js';
import { CHANNEL, ONLINE_FLAG, PAYMENT, PAYMENT_FLAG, RATING, STATUS, TIER, YES_NO, extendVocabulary, valueKey, type Vocabulary } from './vocabulary.js';
import { BLANK, Channel, DossierStatus, Payment, Rating, TierCode, YesNo } from '../model/record.js';
import type { Mapping, ValueField } from '../model/mapping.js';
import type { Kind } from '../model/kinds.js';
import type { Tier } from '../model/tier.js';
import { fold } from '../util/text.js';

/** The vocabularies of one run, per field that has one. */
export interface Vocabularies {
  channel: Vocabulary;
  onlineFlag: Vocabulary;
  digitized: Vocabulary;
  eResult: Vocabulary;
  rating: Vocabulary;
  payment: Vocabulary;
  /** A payment column headed DuocThanhToanTrucTuyen. */
  paymentFlag: Vocabulary;
  tier: Vocabulary;
  status: Vocabulary;
}

export interface Contract {
  fields: Record<Kind, FieldSpec[]>;
  vocab: Vocabularies;
  /** Fee cells a mapping file gives an amount (value key → VND). */
  fees: ReadonlyMap<string, number>;
  /** A unit's tier from the mapping file's units; undefined when it does not list the unit. */
  unitTier?: (name: string) => Tier | undefined;
  /** --date-order mdy: slashed dates are read month first. */
  mdy?: boolean;
}

export const DEFAULT_CONTRACT: Contract = {
  fields: FIELDS,
  vocab: { channel: CHANNEL, onlineFlag: ONLINE_FLAG, digitized: YES_NO, eResult: YES_NO, rating: RATING, payment: PAYMENT, paymentFlag: PAYMENT_FLAG, tier: TIER, status: STATUS },
  fees: new Map(),
};

/** A meaning of the mapping file → the vocabulary's code. */
const CODES: { [F in Exclude<ValueField, 'fee'>]: Record<string, number> } = {
  channel: { online: Channel.ONLINE, 'not-online': Channel.OFFLINE },
  digitized: { yes: YesNo.YES, no: YesNo.NO },
  eResult: { yes: YesNo.YES, no: YesNo.NO },
  rating: { satisfied: Rating.SATISFIED, 'not-satisfied': Rating.NOT_SATISFIED, 'not-rated': BLANK },
  payment: { online: Payment.ONLINE, cashless: Payment.NON_CASH, cash: Payment.CASH, 'not-stated': Payment.UNSTATED, none: BLANK },
  tier: { so: TierCode.so, huyen: TierCode.huyen, xa: TierCode.xa },
  status: { excluded: DossierStatus.EXCLUDED, withdrawn: DossierStatus.WITHDRAWN, none: DossierStatus.NONE },
};

function codes(m: Mapping, f: Exclude<ValueField, 'fee'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [raw, meaning] of Object.entries(m.values[f] ?? {})) out.set(raw, CODES[f][meaning as string]!);
  return out;
}

/** The contract with a mapping file's additions. */
export function contractWith(m: Mapping | undefined, dateOrder?: DateOrder): Contract {
  const mdy = dateOrder === 'mdy' ? { mdy: true } : {};
  if (!m) return { ...DEFAULT_CONTRACT, ...mdy };
  const fields = {} as Record<Kind, FieldSpec[]>;
  for (const [kind, specs] of Object.entries(FIELDS) as Array<[Kind, FieldSpec[]]>) {
    fields[kind] = specs.map((s) => {
      const extra = m.headers[s.field];
      return extra?.length ? { ...s, aliases: [...extra, ...s.aliases] } : s;
    });
  }
  const d = DEFAULT_CONTRACT.vocab;
  const payment = codes(m, 'payment');
  const vocab: Vocabularies = {
    channel: extendVocabulary(d.channel, codes(m, 'channel')),
    onlineFlag: d.onlineFlag,
    digitized: extendVocabulary(d.digitized, codes(m, 'digitized')),
    eResult: extendVocabulary(d.eResult, codes(m, 'eResult')),
    rating: extendVocabulary(d.rating, codes(m, 'rating')),
    payment: extendVocabulary(d.payment, payment),
    paymentFlag: extendVocabulary(d.paymentFlag, payment),
    tier: extendVocabulary(d.tier, codes(m, 'tier')),
    status: extendVocabulary(d.status, codes(m, 'status')),
  };
  const fees = new Map(Object.entries(m.values.fee ?? {}).map(([raw, v]) => [valueKey(raw), v]));
  const units = new Map(Object.entries(m.units).map(([name, u]) => [fold(name), u.tier]));
  return { fields, vocab, fees, ...mdy, ...(units.size ? { unitTier: (name: string) => units.get(fold(name)) } : {}) };
}
