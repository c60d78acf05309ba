/**
 * A typed record: one dossier or PAKN row after decoding (ingest/kinds/records.ts), as the
 * counting rules (indicators/rules.ts) read it. Vocabulary values are small integer codes.
 */
import type { Tier } from './tier.js';

/** The file has no column for the field. */
export const ABSENT = -2;

// Value codes. Each vocabulary (ingest/contract.ts) maps folded spellings to one of these.
// `BLANK` is an empty cell; `UNKNOWN` a value the vocabulary does not know (a warning).
export const BLANK = 0;
export const UNKNOWN = -1;

export const Channel = { ONLINE: 1, OFFLINE: 2 } as const;
export const YesNo = { YES: 1, NO: 2 } as const;
export const Rating = { SATISFIED: 1, NOT_SATISFIED: 2 } as const;
/** UNSTATED: not paid online, method not stated (DuocThanhToanTrucTuyen 0 and 3): in the payment denominators, in neither numerator. */
export const Payment = { ONLINE: 1, NON_CASH: 2, CASH: 3, UNSTATED: 4 } as const;
/** A dossier's status (docs/domain.md "Dossier status"): excluded, withdrawn or stopped, or no effect. */
export const DossierStatus = { EXCLUDED: 1, WITHDRAWN: 2, NONE: 3 } as const;
export const TierCode = { so: 1, huyen: 2, xa: 3 } as const;

export interface RowRecord {
  code: string;
  unit: string;
  tier: Tier;
  received: number;
  /** Day number, or NaN when blank. */
  due: number;
  /** Day number, or NaN when blank (open). */
  resolved: number;
  /**
   * The time of day the due and resolved cells carry, in minutes after midnight; -1 when the
   * cell has a date alone (or is blank). Lateness is judged to the minute only when both carry
   * one (docs/domain.md "When a dossier is late").
   */
  dueTime: number;
  resolvedTime: number;
  /** Vocabulary codes; BLANK, UNKNOWN or ABSENT otherwise. */
  channel: number;
  digitized: number;
  eResult: number;
  rating: number;
  payment: number;
  /** VND ≥ 0; -1 blank; NaN unknown; ABSENT with no column. */
  fee: number;
  /** The dossier's status (DossierStatus), BLANK, UNKNOWN or ABSENT; an excluded dossier never becomes a record. */
  status: number;
  /**
   * When the row was decoded from bytes: the code's UTF-8 bytes, codeBuf[codeStart, codeEnd)
   * (valid until the next row), so that the code index need not build a string. null otherwise.
   */
  readonly codeBuf?: Uint8Array | null;
  readonly codeStart?: number;
  readonly codeEnd?: number;
  /**
   * A small array that stays with this spelling of the unit for as long as the decoder lives
   * (three slots, one per tier, -1 at first): the tally notes its unit numbers there so as not
   * to look the name up on every row. null when the decoder has none.
   */
  readonly unitSlots?: Int32Array | null;
}

// Fact exports (online submissions, digitization, payments): one small bit set per row,
// OR-ed per dossier code (indicators/facts.ts).

/** What one fact row says. Online: ONLINE. Digitization: D_*. Payments: A_* | M_*. */
export const FactBit = {
  ONLINE: 1,
  D_YES: 1,
  D_NO: 2,
  D_UNKNOWN: 4,
  /** Amount 0, > 0, unparseable, blank (or no amount column). */
  A_ZERO: 1,
  A_POS: 2,
  A_UNKNOWN: 4,
  A_BLANK: 8,
  /** Method online, other non-cash, cash, unknown, blank. */
  M_ONLINE: 16,
  M_NONCASH: 32,
  M_CASH: 64,
  M_UNKNOWN: 128,
  M_BLANK: 256,
} as const;
