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
import { fold } from '../util/text.js';
import { CompactCodeIndex, grownLength, type CodeIndex } from './code-index.js';
import { RULE_ORDER, applyRule } from './rules.js';
import type { Indicator } from '../plan/schema.js';
import type { Dataset } from '../model/kinds.js';
import type { RowRecord } from '../model/record.js';
import type { Tier } from '../model/tier.js';
import type { Period } from '../model/period.js';

export interface Unit {
  name: string;
  tier: Tier;
  /** The datasets the unit has accepted records in (bit 1 dossiers, bit 2 feedback). */
  seen: number;
}

export const DATASET_BIT: Record<Dataset, number> = { dossiers: 1, feedback: 2 };

type IntArray = Int32Array | Uint16Array;

/** A growable typed array, Uint16 where the values fit (entry masks of ≤ 8 indicators, file numbers). */
class Growable {
  data: IntArray;
  /** A hint: the length expected in all; growing goes towards it at once (up to 256×). */
  expected = 0;
  constructor(private wide: boolean) {
    this.data = wide ? new Int32Array(1024) : new Uint16Array(1024);
  }
  set(i: number, v: number) {
    if (!this.wide && (v < 0 || v > 0xffff)) this.widen();
    if (i >= this.data.length) {
      const d = this.make(Math.max(grownLength(this.data.length, this.expected), i + 1));
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
  /** Per slot, its rule's number (applyRule). */
  rules: Int32Array;
  codes: CodeIndex;
  entries: number;
  entryUnit: Growable;
  entryMask: Growable;
  entryFile: Growable;
  /** The byte range of its file the entry's row came from (see `range`). */
  entryRange: Uint8Array;
  entriesExpected: number;
}

export interface FileCounts {
  accepted: number;
  superseded: number;
}

export class Tally {
  /** The units (read through `units`, which first counts the staged records). */
  protected readonly unitList: Unit[] = [];
  private unitIndex = new Map<string, number>();
  /**
   * Unit name as spelled → its unit per tier (so, huyen, xa; -1 not yet seen). Decoders hand
   * the same string again for the same spelling, so this skips folding the name on every row.
   */
  private bySpelling = new Map<string, Int32Array>();
  /** counts[(unit * K + indicator) * 2 + 0|1] = denominator | numerator. */
  private counts: Float64Array;
  readonly K: number;
  private state: Record<Dataset, DatasetState>;
  /** Per input file (read through `files`). */
  protected readonly fileList: FileCounts[] = [];
  /**
   * The byte range of the current file that rows now come from (0 unless the file is read on
   * several threads, see ingest/split.ts and addBatch). Rows of a file reach the tally range by
   * range in any interleaving, each range's in order: a code's later row is the one from the
   * higher range, or from the same range added later; a unit's name is its spelling in the
   * lowest range that has it, as if the file had been read from the top.
   */
  range = 0;
  /** The file that rows now come from (set by add and addBatch; -1 for units named otherwise). */
  private file = -1;
  /**
   * Per unit: the file it was first seen in and the lowest range of that file it was seen in.
   * Only a lower range of that same file renames it: any later file is read after all of it.
   */
  private unitFile: number[] = [];
  private unitRange: number[] = [];

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
        rules: Int32Array.from(slots, (i) => RULE_ORDER.indexOf(indicators[i]!.rule)),
        codes: makeIndex(),
        entries: 0,
        entryUnit: new Growable(false), // Uint16 until a unit number passes 65 535
        entryMask: new Growable(slots.length > 8),
        entryFile: new Growable(false),
        entryRange: new Uint8Array(1024),
        entriesExpected: 0,
      };
    };
    this.state = { dossiers: make('dossiers'), feedback: make('feedback') };
  }

  /** The units, in the order they were first seen. */
  get units(): readonly Unit[] {
    this.countStaged();
    return this.unitList;
  }

  /** Accepted and superseded rows per input file. */
  get files(): readonly FileCounts[] {
    this.countStaged();
    return this.fileList;
  }

  /** Registers an input file; returns its number. */
  addFile(): number {
    this.fileList.push({ accepted: 0, superseded: 0 });
    return this.fileList.length - 1;
  }

  /** Distinct codes of `dataset` counted so far. */
  distinct(dataset: Dataset): number {
    this.countStaged();
    return this.state[dataset].entries;
  }

  /** A hint: about `n` distinct codes of `dataset` are expected in all (see CompactCodeIndex.expect). */
  expect(dataset: Dataset, n: number): void {
    const st = this.state[dataset];
    st.codes.expect?.(n);
    st.entryUnit.expected = n;
    st.entryMask.expected = n;
    st.entryFile.expected = n;
    st.entriesExpected = n;
  }

  /** The plan indicator indexes of a dataset, in slot order. */
  slots(dataset: Dataset): readonly number[] {
    return this.state[dataset].slots;
  }

  /** A unit's number, registering it when new (for callers outside a file's records: summary reports…). */
  unit(name: string, tier: Tier): number {
    this.countStaged();
    this.file = -1;
    return this.unitNamed(name, tier);
  }

  private unitNamed(name: string, tier: Tier): number {
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
    if (u !== undefined && this.unitFile[u] === this.file && this.unitRange[u]! > this.range) {
      // First seen further down this file (a later range, read sooner): this spelling comes first.
      this.unitList[u]!.name = name;
      this.unitRange[u] = this.range;
    }
    if (u === undefined) {
      u = this.unitList.length;
      this.unitList.push({ name, tier, seen: 0 });
      this.unitFile.push(this.file);
      this.unitRange.push(this.range);
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

  /** The bit mask of a record: two bits per indicator slot of its dataset (in the denominator, in the numerator). */
  protected maskOf(dataset: Dataset, r: RowRecord, enabled: number): number {
    const st = this.state[dataset];
    let mask = 0;
    for (let s = 0; s < st.rules.length; s++) mask |= applyRule(st.rules[s]!, r, this.period) << (2 * s);
    return mask & enabled;
  }

  /** The record's unit number (cached per spelling in the decoder's unitSlots). */
  protected unitOf(r: RowRecord): number {
    const slots = r.unitSlots;
    if (slots == null) return this.unitNamed(r.unit, r.tier);
    const t = r.tier === 'so' ? 0 : r.tier === 'huyen' ? 1 : 2;
    let u = slots[t]!;
    if (u < 0) {
      u = this.unitNamed(r.unit, r.tier);
      slots[t] = u;
    }
    return u;
  }

  /**
   * Counts one accepted record of `dataset` from file `file`. `enabled` masks out the slots
   * whose columns the file lacks.
   */
  add(dataset: Dataset, file: number, r: RowRecord, enabled: number): void {
    const mask = this.maskOf(dataset, r, enabled);
    this.file = file;
    const u = this.unitOf(r);
    if (r.codeBuf != null) this.count(dataset, file, u, mask, r.codeBuf, r.codeStart!, r.codeEnd!);
    else {
      this.countStaged();
      const st = this.state[dataset];
      this.place(dataset, file, u, mask, st.codes.getOrInsert(r.code, st.entries));
    }
  }

  /**
   * Counts a record whose code is the UTF-8 bytes b[start, end): staged when the code index
   * looks codes up in batches, else looked up now (after what is staged).
   */
  private count(dataset: Dataset, file: number, u: number, mask: number, b: Uint8Array, start: number, end: number): void {
    const st = this.state[dataset];
    const codes = st.codes;
    if (codes.getOrInsertMany !== undefined) {
      this.stage(dataset, file, u, mask, b, start, end);
      return;
    }
    this.countStaged();
    const prev =
      codes.getOrInsertBytes !== undefined
        ? codes.getOrInsertBytes(b, start, end, st.entries)
        : codes.getOrInsert(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', start, end), st.entries);
    this.place(dataset, file, u, mask, prev);
  }

  /**
   * Records whose codes are looked up together (CodeIndex.getOrInsertMany, which overlaps their
   * cache misses): up to STAGE of them, of one dataset, each with its file, range, unit and mask.
   * Staging changes nothing but the timing: countStaged() counts them in order, exactly as add() would
   * have, and every reader of the counts (units, files, distinct, get…) counts them first.
   */
  private staged = 0;
  private stagedDataset: Dataset = 'dossiers';
  private stagedCodes = new Uint8Array(STAGE * 32);
  private readonly stagedAt = new Int32Array(STAGE + 1);
  private readonly stagedFile = new Int32Array(STAGE);
  private readonly stagedRange = new Uint8Array(STAGE);
  private readonly stagedUnit = new Int32Array(STAGE);
  private readonly stagedMask = new Int32Array(STAGE);
  private readonly stagedPrev = new Int32Array(STAGE);

  private stage(dataset: Dataset, file: number, u: number, mask: number, b: Uint8Array, start: number, end: number): void {
    if (this.staged > 0 && dataset !== this.stagedDataset) this.countStaged();
    const n = this.staged;
    this.stagedDataset = dataset;
    const at = this.stagedAt[n]!;
    const len = end - start;
    if (at + len > this.stagedCodes.length) {
      const g = new Uint8Array(Math.max(2 * this.stagedCodes.length, at + len));
      g.set(this.stagedCodes.subarray(0, at));
      this.stagedCodes = g;
    }
    const codes = this.stagedCodes;
    for (let i = 0; i < len; i++) codes[at + i] = b[start + i]!;
    this.stagedAt[n + 1] = at + len;
    this.stagedFile[n] = file;
    this.stagedRange[n] = this.range;
    this.stagedUnit[n] = u;
    this.stagedMask[n] = mask;
    this.staged = n + 1;
    if (n + 1 === STAGE) this.countStaged();
  }

  /** Counts the staged records (see `stage`). */
  countStaged(): void {
    const n = this.staged;
    if (n === 0) return;
    this.staged = 0;
    const dataset = this.stagedDataset;
    const st = this.state[dataset];
    st.codes.getOrInsertMany!(this.stagedCodes, this.stagedAt, n, st.entries, this.stagedPrev);
    const saved = this.range;
    for (let j = 0; j < n; j++) {
      this.range = this.stagedRange[j]!;
      this.place(dataset, this.stagedFile[j]!, this.stagedUnit[j]!, this.stagedMask[j]!, this.stagedPrev[j]!);
    }
    this.range = saved;
  }

  /** Counts a record whose code lookup gave `prev` (its entry, or -1: a new code, entry `entries`). */
  private place(dataset: Dataset, file: number, u: number, mask: number, prev: number): void {
    const st = this.state[dataset];
    this.unitList[u]!.seen |= DATASET_BIT[dataset];
    const fc = this.fileList[file]!;
    fc.accepted++;
    let e: number;
    if (prev >= 0) {
      e = prev;
      if (st.entryRange[e]! > this.range && st.entryFile.data[e] === file) {
        // The code's row from a later range of this file is in already: this row is the earlier one.
        fc.superseded++;
        return;
      }
      this.apply(st, st.entryUnit.data[e]!, st.entryMask.data[e]!, -1);
      this.fileList[st.entryFile.data[e]!]!.superseded++;
    } else {
      e = st.entries++;
      if (e >= st.entryRange.length) {
        const g = new Uint8Array(Math.max(grownLength(st.entryRange.length, st.entriesExpected), e + 1));
        g.set(st.entryRange);
        st.entryRange = g;
      }
    }
    st.entryUnit.set(e, u);
    st.entryMask.set(e, mask);
    st.entryFile.set(e, file);
    st.entryRange[e] = this.range;
    this.apply(st, u, mask, 1);
  }

  /**
   * Counts a batch of records that a RecordBatcher (a worker thread reading byte range `range`
   * of file `file`) encoded, as if they had been added here. `units` maps the batch's unit
   * numbers to ours; it is kept by the caller from batch to batch and filled in here.
   */
  addBatch(batch: Uint8Array, file: number, range: number, units: number[]): void {
    const saved = this.range;
    this.range = range;
    this.file = file;
    try {
      const b = Buffer.from(batch.buffer, batch.byteOffset, batch.byteLength);
      let p = 0;
      while (p < b.length) {
        const tag = b[p]!;
        if (tag === BATCH_UNIT) {
          const local = b.readUInt32LE(p + 1);
          const tier = TIER_OF_CODE[b[p + 5]!]!;
          const len = b.readUInt16LE(p + 6);
          const name = b.toString('utf8', p + 8, p + 8 + len);
          p += 8 + len;
          units[local] = this.unitByKey(name, tier);
          continue;
        }
        const dataset: Dataset = tag === BATCH_DOSSIER ? 'dossiers' : 'feedback';
        const u = units[b.readUInt32LE(p + 1)]!;
        const mask = b.readInt32LE(p + 5);
        const len = b.readUInt16LE(p + 9);
        const start = p + 11;
        p = start + len;
        this.count(dataset, file, u, mask, b, start, p);
      }
    } finally {
      this.range = saved;
    }
  }

  /** Marks a unit as having data of `dataset` (a summary report's row), for --by unit. */
  markSeen(u: number, dataset: Dataset): void {
    this.countStaged();
    this.unitList[u]!.seen |= DATASET_BIT[dataset];
  }

  /**
   * Adds counts for unit `u` and plan indicator `k` directly: a summary report gives a unit's
   * numerator and denominator, not records. Tier and province sums treat them like any other.
   */
  addCounts(u: number, k: number, numerator: number, denominator: number): void {
    this.countStaged();
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
    this.countStaged();
    const at = (u * this.K + k) * 2;
    return [this.counts[at + 1]!, this.counts[at]!];
  }
}

/** Records staged for one getOrInsertMany (see Tally.stage): enough misses to overlap, few enough to stay in cache. */
const STAGE = 32;
const BATCH_BYTES = 1 << 16;
const BATCH_DOSSIER = 1;
const BATCH_FEEDBACK = 2;
const BATCH_UNIT = 3;
const TIER_CODE: Record<Tier, number> = { so: 0, huyen: 1, xa: 2 };
const TIER_OF_CODE: Tier[] = ['so', 'huyen', 'xa'];

/**
 * A Tally for a worker thread reading one byte range of a file (ingest/split-worker.ts): it
 * counts nothing itself but encodes each accepted record — its dataset, unit, indicator mask and
 * code — into batches for the main thread's Tally.addBatch, which supersedes and counts them.
 * A unit's name and tier go out once, before its first record. Batches are handed to `flush`
 * as they fill (and by `end`); a batch's buffer given back through `recycle` is used again.
 */
export class RecordBatcher extends Tally {
  private buf: Buffer;
  private used = 0;
  private sentUnits = 0;
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    indicators: readonly Indicator[],
    period: Period,
    private readonly flush: (batch: Uint8Array) => void,
    private readonly batchBytes = BATCH_BYTES,
  ) {
    super(indicators, period);
    this.buf = Buffer.alloc(batchBytes);
  }

  override add(dataset: Dataset, file: number, r: RowRecord, enabled: number): void {
    const mask = this.maskOf(dataset, r, enabled);
    const u = this.unitOf(r);
    this.fileList[file]!.accepted++;
    while (this.sentUnits < this.unitList.length) {
      const unit = this.unitList[this.sentUnits]!;
      const len = Buffer.byteLength(unit.name, 'utf8');
      this.room(8 + len);
      const b = this.buf;
      b[this.used] = BATCH_UNIT;
      b.writeUInt32LE(this.sentUnits, this.used + 1);
      b[this.used + 5] = TIER_CODE[unit.tier];
      b.writeUInt16LE(len, this.used + 6);
      b.write(unit.name, this.used + 8, 'utf8');
      this.used += 8 + len;
      this.sentUnits++;
    }
    let len: number;
    if (r.codeBuf != null) len = r.codeEnd! - r.codeStart!;
    else len = Buffer.byteLength(r.code, 'utf8');
    this.room(11 + len);
    const b = this.buf;
    const p = this.used;
    b[p] = dataset === 'dossiers' ? BATCH_DOSSIER : BATCH_FEEDBACK;
    b.writeUInt32LE(u, p + 1);
    b.writeUInt32LE(mask >>> 0, p + 5);
    b.writeUInt16LE(len, p + 9);
    if (r.codeBuf != null) {
      const src = r.codeBuf;
      const s0 = r.codeStart!;
      for (let i = 0; i < len; i++) b[p + 11 + i] = src[s0 + i]!;
    } else b.write(r.code, p + 11, 'utf8');
    this.used = p + 11 + len;
  }

  /** Hands over what is left. */
  end(): void {
    if (this.used > 0) this.send();
  }

  /** Takes back the buffer of a batch that was counted, for a next batch. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.batchBytes) this.spare.push(buffer);
  }

  private room(n: number) {
    if (this.used + n <= this.buf.length) return;
    if (this.used > 0) this.send();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  private send() {
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.used);
    this.used = 0;
    const next = this.spare.pop();
    this.buf = next ? Buffer.from(next) : Buffer.alloc(this.batchBytes);
    this.flush(out);
  }
}
