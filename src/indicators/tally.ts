/**
 * Records → counts per unit and indicator. Memory is bounded by units × indicators plus one
 * small entry per distinct code (needed to supersede duplicates): never by rows. The codes
 * are held by a CompactCodeIndex (code-index.ts) unless the caller gives another CodeIndex.
 *
 * Each accepted record contributes a bit mask (two bits per indicator of its dataset: in the
 * denominator, in the numerator). When a later accepted record has the same code, the earlier
 * record's mask is taken back out of its unit's counts and the earlier row is counted as
 * superseded in its file.
 */
import type { Dataset } from '../ingest/contract.js';
import type { RowRecord } from '../ingest/records.js';
import type { Tier } from '../ingest/tier.js';
import { fold } from '../util/text.js';
import { CompactCodeIndex } from './code-index.js';
import { RULES, type Period, type RuleFn } from './rules.js';
import type { Indicator } from '../plan/schema.js';

export interface Unit {
  name: string;
  tier: Tier;
  /** The datasets the unit has accepted records in (bit 1 dossiers, bit 2 feedback). */
  seen: number;
}

export const DATASET_BIT: Record<Dataset, number> = { dossiers: 1, feedback: 2 };

/** Where a dataset's codes are remembered: code → entry number. */
export interface CodeIndex {
  /** Returns the entry for `code`, or -1 after inserting it as entry `next`. */
  getOrInsert(code: string, next: number): number;
  /** The same for a code given as its UTF-8 bytes b[start, end) (optional; the fast path). */
  getOrInsertBytes?(b: Uint8Array, start: number, end: number, next: number): number;
  /** A hint: about `n` codes are expected in all (optional). */
  expect?(n: number): void;
}

export class MapCodeIndex implements CodeIndex {
  private readonly map = new Map<string, number>();
  getOrInsert(code: string, next: number): number {
    const e = this.map.get(code);
    if (e !== undefined) return e;
    this.map.set(code, next);
    return -1;
  }
}

type IntArray = Int32Array | Uint16Array;

/** A growable typed array, Uint16 where the values fit (entry masks of ≤ 8 indicators, file numbers). */
class Growable {
  data: IntArray;
  constructor(private wide: boolean) {
    this.data = wide ? new Int32Array(1024) : new Uint16Array(1024);
  }
  set(i: number, v: number) {
    if (!this.wide && (v < 0 || v > 0xffff)) this.widen();
    if (i >= this.data.length) {
      const d = this.make(Math.max(this.data.length * 2, i + 1));
      d.set(this.data);
      this.data = d;
    }
    this.data[i] = v;
  }
  private make(n: number): IntArray {
    return this.wide ? new Int32Array(n) : new Uint16Array(n);
  }
  private widen() {
    this.wide = true;
    const d = new Int32Array(this.data.length);
    d.set(this.data);
    this.data = d;
  }
}

interface DatasetState {
  slots: number[]; // slot → plan indicator index
  rules: RuleFn[];
  codes: CodeIndex;
  entries: number;
  entryUnit: Growable;
  entryMask: Growable;
  entryFile: Growable;
}

export interface FileCounts {
  accepted: number;
  superseded: number;
}

export class Tally {
  readonly units: Unit[] = [];
  private readonly unitIndex = new Map<string, number>();
  /**
   * Unit name as spelled → its unit per tier (so, huyen, xa; -1 not yet seen). Decoders hand
   * the same string again for the same spelling, so this skips folding the name on every row.
   */
  private readonly bySpelling = new Map<string, Int32Array>();
  /** counts[(unit * K + indicator) * 2 + 0|1] = denominator | numerator. */
  private counts: Float64Array;
  readonly K: number;
  private readonly state: Record<Dataset, DatasetState>;
  readonly files: FileCounts[] = [];

  constructor(
    readonly indicators: readonly Indicator[],
    readonly period: Period,
    makeIndex: () => CodeIndex = () => new CompactCodeIndex(),
  ) {
    this.K = indicators.length;
    this.counts = new Float64Array(64 * this.K * 2);
    const make = (d: Dataset): DatasetState => {
      const slots = indicators.flatMap((ind, i) => (ind.dataset === d ? [i] : []));
      if (slots.length > 16) throw new Error(`at most 16 indicators per dataset (${d} has ${slots.length})`);
      return {
        slots,
        rules: slots.map((i) => RULES[indicators[i]!.rule]),
        codes: makeIndex(),
        entries: 0,
        entryUnit: new Growable(true),
        entryMask: new Growable(slots.length > 8),
        entryFile: new Growable(false),
      };
    };
    this.state = { dossiers: make('dossiers'), feedback: make('feedback') };
  }

  /** Registers an input file; returns its number. */
  addFile(): number {
    this.files.push({ accepted: 0, superseded: 0 });
    return this.files.length - 1;
  }

  /** Distinct codes of `dataset` counted so far. */
  distinct(dataset: Dataset): number {
    return this.state[dataset].entries;
  }

  /** A hint: about `n` distinct codes of `dataset` are expected in all (see CompactCodeIndex.expect). */
  expect(dataset: Dataset, n: number): void {
    this.state[dataset].codes.expect?.(n);
  }

  /** The plan indicator indexes of a dataset, in slot order. */
  slots(dataset: Dataset): readonly number[] {
    return this.state[dataset].slots;
  }

  unit(name: string, tier: Tier): number {
    let per = this.bySpelling.get(name);
    if (per === undefined) {
      per = new Int32Array([-1, -1, -1]);
      this.bySpelling.set(name, per);
    }
    const t = tier === 'so' ? 0 : tier === 'huyen' ? 1 : 2;
    let u = per[t]!;
    if (u < 0) {
      u = this.unitByKey(name, tier);
      per[t] = u;
    }
    return u;
  }

  private unitByKey(name: string, tier: Tier): number {
    const key = `${tier}|${fold(name)}`;
    let u = this.unitIndex.get(key);
    if (u === undefined) {
      u = this.units.length;
      this.units.push({ name, tier, seen: 0 });
      this.unitIndex.set(key, u);
      const need = (u + 1) * this.K * 2;
      if (need > this.counts.length) {
        const c = new Float64Array(Math.max(need, this.counts.length * 2));
        c.set(this.counts);
        this.counts = c;
      }
    }
    return u;
  }

  /**
   * Counts one accepted record of `dataset` from file `file`. `enabled` masks out the slots
   * whose columns the file lacks.
   */
  add(dataset: Dataset, file: number, r: RowRecord, enabled: number): void {
    const st = this.state[dataset];
    let mask = 0;
    for (let s = 0; s < st.rules.length; s++) mask |= st.rules[s]!(r, this.period) << (2 * s);
    mask &= enabled;
    const slots = r.unitSlots;
    let u: number;
    if (slots != null) {
      const t = r.tier === 'so' ? 0 : r.tier === 'huyen' ? 1 : 2;
      u = slots[t]!;
      if (u < 0) {
        u = this.unit(r.unit, r.tier);
        slots[t] = u;
      }
    } else u = this.unit(r.unit, r.tier);
    this.units[u]!.seen |= DATASET_BIT[dataset];
    this.files[file]!.accepted++;
    const codes = st.codes;
    const prev =
      r.codeBuf != null && codes.getOrInsertBytes !== undefined
        ? codes.getOrInsertBytes(r.codeBuf, r.codeStart!, r.codeEnd!, st.entries)
        : codes.getOrInsert(r.code, st.entries);
    let e: number;
    if (prev >= 0) {
      e = prev;
      this.apply(st, st.entryUnit.data[e]!, st.entryMask.data[e]!, -1);
      this.files[st.entryFile.data[e]!]!.superseded++;
    } else {
      e = st.entries++;
    }
    st.entryUnit.set(e, u);
    st.entryMask.set(e, mask);
    st.entryFile.set(e, file);
    this.apply(st, u, mask, 1);
  }

  /** Marks a unit as having data of `dataset` (a summary report's row), for --by unit. */
  markSeen(u: number, dataset: Dataset): void {
    this.units[u]!.seen |= DATASET_BIT[dataset];
  }

  /**
   * Adds counts for unit `u` and plan indicator `k` directly: a summary report gives a unit's
   * numerator and denominator, not records. Tier and province sums treat them like any other.
   */
  addCounts(u: number, k: number, numerator: number, denominator: number): void {
    const at = (u * this.K + k) * 2;
    this.counts[at] = this.counts[at]! + denominator;
    this.counts[at + 1] = this.counts[at + 1]! + numerator;
  }

  private apply(st: DatasetState, u: number, mask: number, sign: number) {
    if (mask === 0) return;
    const base = u * this.K;
    for (let s = 0; s < st.slots.length; s++) {
      const bits = (mask >>> (2 * s)) & 3;
      if (bits === 0) continue;
      const at = (base + st.slots[s]!) * 2;
      this.counts[at] = this.counts[at]! + sign;
      if (bits & 2) this.counts[at + 1] = this.counts[at + 1]! + sign;
    }
  }

  /** [numerator, denominator] of indicator `k` (plan index) for unit `u`. */
  get(u: number, k: number): [number, number] {
    const at = (u * this.K + k) * 2;
    return [this.counts[at + 1]!, this.counts[at]!];
  }
}
