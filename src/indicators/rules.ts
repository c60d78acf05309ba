/**
 * The counting rules: for one record and a period, whether the record is in an indicator's
 * denominator, and whether also in its numerator. Definitions: README "Indicator
 * definitions" and docs/domain.md. A record is in P by calendar days; whether it is late, by
 * "When a dossier is late": to the minute where both due and resolved carry a time.
 *
 * The period the rules are given ends at J0, the end of P or of --as-of when earlier: open
 * records are judged there. The judging moment J may turn out earlier still (the data's last
 * day, known only at the end of reading): Tally.judge settles the open records it changes
 * (see lateFrom).
 */
import type { Rule } from '../plan/schema.js';
import { ABSENT, type RowRecord, BLANK, Channel, DossierStatus, Payment, Rating, YesNo } from '../model/record.js';
import type { Period } from '../model/period.js';

/** Not counted. */
export const OUT = 0;
/** In the denominator only. */
export const DEN = 1;
/** In the denominator and the numerator. */
export const HIT = 3;
/**
 * In neither, left out for want of a column the rule needs (docs/domain.md "When a column is
 * absent"): counted apart, as the result's coverage. (The numerator bit alone: no rule gives it.)
 */
export const LEFT_OUT = 2;

export type RuleFn = (r: RowRecord, p: Period) => number;

const receivedIn = (r: RowRecord, p: Period) => r.received >= p.from && r.received <= p.to;
const resolvedIn = (r: RowRecord, p: Period) => r.resolved >= p.from && r.resolved <= p.to; // NaN compares false

/**
 * A resolved record (with a due date) is late when resolved after its due: to the minute when
 * both cells carry a time, else by calendar date (a due date alone ends with its day).
 */
const lateResolved = (r: RowRecord) => r.resolved > r.due || (r.resolved === r.due && r.dueTime >= 0 && r.resolvedTime > r.dueTime);

/**
 * An open record (with a due date) is late at the end of day J when its due < J: from the end
 * of this day on. A due with a time passes during its day; a due date alone at its end, so the
 * record is late only from the next day's end.
 */
export const lateFrom = (r: RowRecord) => (r.dueTime < 0 ? r.due + 1 : r.due);

/** Open at the end of day `day`: received by then and not resolved by then (on-time's open records; overdue). */
export const openAt = (r: RowRecord, day: number) => r.received <= day && !(r.resolved <= day);

/**
 * A column the file does not have reads as blank cells (docs/domain.md gives blank a meaning for
 * every field the rules use but the channel): no due date, open, not digitized, no electronic
 * result, not rated, no payment recorded, fee unknown.
 */
const orBlank = (v: number, blank: number) => (v === ABSENT ? blank : v);

/** A dossier is known to carry a financial obligation: 1 yes, 0 no, -1 unknown. */
function obligation(r: RowRecord): number {
  if (r.fee >= 0) return r.fee > 0 ? 1 : 0;
  if (Number.isNaN(r.fee)) return -1;
  // Fee blank (-1) or no fee column (ABSENT): a recorded payment method says so.
  const pay = orBlank(r.payment, BLANK);
  if (pay < 0) return -1; // unknown payment value
  return pay > 0 ? 1 : 0;
}

function payment(r: RowRecord, p: Period, paid: (method: number) => boolean): number {
  if (!receivedIn(r, p)) return OUT;
  const ob = obligation(r);
  if (ob !== 1) return OUT;
  const pay = orBlank(r.payment, BLANK);
  if (pay < 0) return OUT; // unknown method: no way to tell how it was paid
  return paid(pay) ? HIT : DEN;
}

// The payment predicates, made once (not a closure per row).
const paidOnline = (m: number) => m === Payment.ONLINE;
const paidCashless = (m: number) => m === Payment.ONLINE || m === Payment.NON_CASH;

export const RULES: Record<Rule, RuleFn> = {
  online(r, p) {
    if (!receivedIn(r, p) || r.channel <= 0) return OUT;
    return r.channel === Channel.ONLINE ? HIT : DEN;
  },
  'on-time'(r, p) {
    // Withdrawn or stopped: on time on its resolved date; with none, in no on-time count (docs/domain.md "Dossier status").
    // (Resolved after P, it was open at P's end like any other.)
    if (r.status === DossierStatus.WITHDRAWN) {
      if (resolvedIn(r, p)) return HIT;
      if (Number.isNaN(r.resolved)) return OUT;
    }
    if (resolvedIn(r, p)) return Number.isNaN(r.due) || !lateResolved(r) ? HIT : DEN;
    // Open at the end of P: received by then and not resolved by then.
    if (openAt(r, p.to)) return Number.isNaN(r.due) || lateFrom(r) > p.to ? HIT : DEN;
    return OUT;
  },
  satisfaction(r, p) {
    if (!resolvedIn(r, p) || r.rating <= 0) return OUT;
    return r.rating === Rating.SATISFIED ? HIT : DEN;
  },
  digitized(r, p) {
    const v = orBlank(r.digitized, YesNo.NO);
    if (!receivedIn(r, p) || v <= 0) return OUT;
    return v === YesNo.YES ? HIT : DEN;
  },
  'e-result'(r, p) {
    const v = orBlank(r.eResult, YesNo.NO);
    if (!resolvedIn(r, p) || v <= 0) return OUT;
    // A withdrawn or stopped dossier gets no result: never in the numerator.
    return v === YesNo.YES && r.status !== DossierStatus.WITHDRAWN ? HIT : DEN;
  },
  'online-payment'(r, p) {
    return payment(r, p, paidOnline);
  },
  'cashless-payment'(r, p) {
    return payment(r, p, paidCashless);
  },
};

/**
 * Whether a record is in a rule's scope for P, as far as its file tells without the column the
 * rule lacks: received in P (online, digitization; payments unless the fee is known to be 0);
 * resolved in P (satisfaction, e-result) or, with no resolved column, received by P's end; for
 * on time, received by P's end and not resolved before P. The records so counted are the ones
 * left out of the rule (LEFT_OUT) when their file lacks a column it needs.
 */
export function inScope(rule: Rule, r: RowRecord, p: Period, resolvedColumn: boolean): boolean {
  switch (rule) {
    case 'online':
    case 'digitized':
      return receivedIn(r, p);
    case 'online-payment':
    case 'cashless-payment':
      return receivedIn(r, p) && r.fee !== 0;
    case 'on-time':
      return r.received <= p.to && !(r.resolved < p.from);
    default:
      return resolvedColumn ? resolvedIn(r, p) : r.received <= p.to;
  }
}

/** The rules in a fixed order, for applyRule: a rule's number is its place here. */
export const RULE_ORDER = Object.keys(RULES) as Rule[];
const [R0, R1, R2, R3, R4, R5, R6] = RULE_ORDER.map((k) => RULES[k]) as [RuleFn, RuleFn, RuleFn, RuleFn, RuleFn, RuleFn, RuleFn];
if (RULE_ORDER.length !== 7) throw new Error('applyRule lists seven rules');

/**
 * RULES[RULE_ORDER[i]](r, p), through a switch over the rule functions themselves: each call
 * site then calls one known function, which the compiler can inline, where calling them through
 * an array is one call site for all seven (~25 ns less per record for the plan's seven).
 */
export function applyRule(i: number, r: RowRecord, p: Period): number {
  switch (i) {
    case 0:
      return R0(r, p);
    case 1:
      return R1(r, p);
    case 2:
      return R2(r, p);
    case 3:
      return R3(r, p);
    case 4:
      return R4(r, p);
    case 5:
      return R5(r, p);
    default:
      return R6(r, p);
  }
}
