/**
 * One spec per counting rule: what it reads, what it needs, which fact exports feed it and how
 * a summary report computes it. The ingest pass reads these when it sees a file's header; the
 * rules themselves (rules.ts) decide per record. Adding a rule is one entry here and one
 * function in rules.ts.
 */
import type { Rule } from '../plan/schema.js';
import type { CountField, Dataset, FactKind, Field } from '../model/kinds.js';

type Get = (f: CountField) => number;
/** [numerator, denominator], or null when a needed count is missing. */
type SummaryRule = (c: Get) => [number, number] | null;

const known = (...v: number[]) => v.every((x) => !Number.isNaN(x));
/**
 * Counts that may be absent, read as 0: "Trước hạn" (systems that print only "Đúng hạn" count early
 * dossiers in it), and the dossiers returned and withdrawn, which count as resolved on time (as
 * form 06/VPCP/KSTT counts them).
 */
const optional = (c: Get, f: CountField) => (Number.isNaN(c(f)) ? 0 : c(f));

export interface RuleSpec {
  /** The fields the rule reads its answer from (beyond the dates that place a record in P). */
  fields: readonly Field[];
  /**
   * Every group must have at least one of its fields present in a file (or supplied by a joined
   * fact export), or the rule is not computed from that file: its records in scope are left out
   * of numerator and denominator and counted as such (docs/domain.md "When a column is absent").
   */
  needs: ReadonlyArray<readonly Field[]>;
  /** The fact exports that supply its fields, joined to the dossiers by code. */
  facts: readonly FactKind[];
  /** How a summary report's counts give its numerator and denominator, per dataset. */
  summary: Partial<Record<Dataset, SummaryRule>>;
}

export const RULE_SPECS: Record<Rule, RuleSpec> = {
  online: {
    fields: ['channel'],
    needs: [['channel', 'onlineFlag']],
    facts: ['online'],
    summary: {
      dossiers: (c) => (known(c('receivedOnline'), c('receivedTotal')) ? [c('receivedOnline'), c('receivedTotal')] : null),
    },
  },
  'on-time': {
    fields: ['due', 'resolved'],
    needs: [['due'], ['resolved', 'handedOver']],
    facts: [],
    summary: {
      dossiers: (c) => {
        const e = optional(c, 'resolvedEarly') + optional(c, 'resolvedReturned') + optional(c, 'resolvedWithdrawn');
        const [t, l, w, o] = [c('resolvedOnTime'), c('resolvedLate'), c('openWithin'), c('openOverdue')];
        return known(t, l, w, o) ? [e + t + w, e + t + l + w + o] : null;
      },
      feedback: (c) => {
        const [t, l, w, o] = [c('fbResolvedOnTime'), c('fbResolvedLate'), c('fbOpenWithin'), c('fbOpenOverdue')];
        return known(t, l, w, o) ? [t + w, t + l + w + o] : null;
      },
    },
  },
  satisfaction: {
    fields: ['rating'],
    needs: [['resolved', 'handedOver'], ['rating']],
    facts: [],
    summary: {
      dossiers: (c) => (known(c('satisfied'), c('rated')) ? [c('satisfied'), c('rated')] : null),
      feedback: (c) => (known(c('fbSatisfied'), c('fbRated')) ? [c('fbSatisfied'), c('fbRated')] : null),
    },
  },
  digitized: {
    fields: ['digitized'],
    needs: [['digitized']],
    facts: ['digitization'],
    summary: {
      dossiers: (c) => (known(c('digitizedCount'), c('receivedTotal')) ? [c('digitizedCount'), c('receivedTotal')] : null),
    },
  },
  'e-result': {
    fields: ['eResult'],
    needs: [['resolved', 'handedOver'], ['eResult']],
    facts: [],
    summary: {
      dossiers: (c) => {
        const n = c('eResultCount');
        let d = c('resolvedTotal');
        if (Number.isNaN(d) && known(c('resolvedOnTime'), c('resolvedLate'))) d = optional(c, 'resolvedEarly') + c('resolvedOnTime') + c('resolvedLate');
        return known(n, d) ? [n, d] : null;
      },
    },
  },
  'online-payment': {
    fields: ['fee', 'payment'],
    needs: [['payment']],
    facts: ['payments'],
    summary: {
      dossiers: (c) => (known(c('paidOnline'), c('withFee')) ? [c('paidOnline'), c('withFee')] : null),
    },
  },
  'cashless-payment': {
    fields: ['fee', 'payment'],
    needs: [['payment']],
    facts: ['payments'],
    summary: {
      dossiers: (c) => (known(c('paidCashless'), c('withFee')) ? [c('paidCashless'), c('withFee')] : null),
    },
  },
};

/** Whether a fact kind feeds a rule. */
export const feeds = (kind: FactKind, rule: Rule): boolean => RULE_SPECS[rule].facts.includes(kind);

/** The fields of `needs` that `has` lacks (one per unmet group: its first), in the rule's order. */
export function missingFor(rule: Rule, has: (f: Field) => boolean): Field[] {
  return RULE_SPECS[rule].needs.filter((group) => !group.some(has)).map((group) => group[0]!);
}
