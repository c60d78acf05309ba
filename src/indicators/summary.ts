/**
 * Summary reports (báo cáo tổng hợp): one row per unit with counts for one period. README
 * "Summary reports" gives the contract; here, how each indicator computes from the counts it
 * needs. A count that is missing (no column, or a blank cell) leaves the indicators that need
 * it without data for that unit. The counts go into the same Tally as records, so tier and
 * province sums are unchanged.
 */
import { RULE_SPECS } from './specs.js';
import type { Tally } from './tally.js';
import type { Indicator } from '../plan/schema.js';
import { COUNT_FIELDS, COUNT_INDEX, type CountField, type Dataset } from '../model/kinds.js';
import type { Tier } from '../model/tier.js';

const FEEDBACK_COUNT = (f: CountField) => f.startsWith('fb');

interface Entry {
  input: number;
  line: number;
  /** The rows it sums (a report of fields of work sums several into its unit). */
  rows: number;
  counts: Float64Array;
}

export interface DoubleCount {
  input: number;
  line: number;
  unit: string;
  tier: Tier;
  dataset: Dataset;
}

export class SummaryStore {
  /** Unit (tally index) → its row. The same unit twice: the later row supersedes. */
  private readonly rows = new Map<number, Entry>();
  /** Input number → rows superseded in it. */
  readonly superseded = new Map<number, number>();

  get size(): number {
    return this.rows.size;
  }

  /** A unit's counts from `rows` rows (1, or a report's fields of work summed) at `line`. */
  add(tally: Tally, input: number, line: number, unit: string, tier: Tier, counts: Float64Array, rows = 1): void {
    const u = tally.unit(unit, tier);
    const prev = this.rows.get(u);
    if (prev) this.superseded.set(prev.input, (this.superseded.get(prev.input) ?? 0) + prev.rows);
    this.rows.set(u, { input, line, rows, counts: Float64Array.from(counts) });
  }

  /**
   * Takes an input's rows out (a summary report refused while the pass cannot run again:
   * ingest/refusals.ts). Rows of earlier inputs it superseded stay counted as superseded.
   */
  drop(input: number): void {
    for (const [u, e] of this.rows) if (e.input === input) this.rows.delete(u);
    this.superseded.delete(input);
  }

  /** Rows kept per input. */
  counted(): Map<number, number> {
    const m = new Map<number, number>();
    for (const e of this.rows.values()) m.set(e.input, (m.get(e.input) ?? 0) + e.rows);
    return m;
  }

  /**
   * A unit that has both records and a summary row of one dataset is counted twice; the
   * first such unit, or null. Call before `apply` (records alone have marked units seen).
   */
  doubleCount(tally: Tally): DoubleCount | null {
    for (const [u, e] of this.rows) {
      const unit = tally.units[u]!;
      for (const dataset of ['dossiers', 'feedback'] as const) {
        const bit = dataset === 'dossiers' ? 1 : 2;
        if (unit.seen & bit && this.datasets(e) & bit) return { input: e.input, line: e.line, unit: unit.name, tier: unit.tier, dataset };
      }
    }
    return null;
  }

  private datasets(e: Entry): number {
    let bits = 0;
    COUNT_FIELDS.forEach((f, i) => {
      if (!Number.isNaN(e.counts[i]!)) bits |= FEEDBACK_COUNT(f) ? 2 : 1;
    });
    return bits;
  }

  /** Adds every unit's counts to the tally; returns, per indicator, the inputs that fed it. */
  apply(tally: Tally, indicators: readonly Indicator[]): Map<number, Set<number>> {
    const fed = new Map<number, Set<number>>();
    for (const [u, e] of this.rows) {
      const ds = this.datasets(e);
      if (ds & 1) tally.markSeen(u, 'dossiers');
      if (ds & 2) tally.markSeen(u, 'feedback');
      const get: (f: CountField) => number = (f) => e.counts[COUNT_INDEX[f]]!;
      indicators.forEach((ind, k) => {
        const rule = RULE_SPECS[ind.rule].summary[ind.dataset];
        const nd = rule?.(get);
        if (!nd) return;
        tally.addCounts(u, k, nd[0], nd[1]);
        let s = fed.get(k);
        if (!s) fed.set(k, (s = new Set()));
        s.add(e.input);
      });
    }
    return fed;
  }
}
