/**
 * Records → counts per unit and indicator. Memory is bounded by units × indicators plus one
 * small entry per distinct code (needed to supersede duplicates): never by rows. The codes
 * are held by a CompactCodeIndex (code-index.ts) unless the caller gives another CodeIndex.
 *
 * Each accepted record contributes a bit mask (two bits per indicator of its dataset: in the denominator,
 * in the numerator). When a later accepted record has the same code, the earlier record's mask is taken
 * back out of its unit's counts and the earlier row is counted as superseded in its file. An observer
 * (observer.ts: explain, overdue) is told of both.
 *
 * The judging moment J (docs/domain.md) is the end of the period's last day — the period the tally is
 * given ends at J0, the end of P or of --as-of when earlier — or of the data's last day when
 * earlier still; that day is known only once every record is in. Only open records' on-time
 * verdicts depend on it, and only one way: an open record late at J0 whose due passes after
 * J's end is on time at J. So the records are counted at J0, and each open record late at J0
 * is also noted by the day from whose end it is late (rules.ts lateFrom), per unit and
 * on-time indicator, in `lateOpen` (bounded by units × the period's days); `judge` then moves
 * those late from after J into the numerators. Each code's entry keeps that day (`entryFlip`)
 * and its row's first and last date, so that superseding takes a record back out of these too,
 * and the data's dates are those of the counted rows.
 */
import { fold } from '../util/text.js';
import { CompactCodeIndex, grownLength, type CodeIndex } from './code-index.js';
import { Growable } from './growable.js';
import { LEFT_OUT, RULE_ORDER, applyRule, lateFrom } from './rules.js';
import type { Indicator } from '../plan/schema.js';
import type { Dataset } from '../model/kinds.js';
import type { RowRecord } from '../model/record.js';
import type { Tier } from '../model/tier.js';
import type { Period } from '../model/period.js';
import { BATCH_DOSSIER, BATCH_UNIT, RECORD_HEAD, TIER_OF_CODE } from './batch-format.js';
import type { TallyObserver } from './observer.js';
import { DATASET_BIT, type DataDates, type FileCounts, type Judged, type Unit } from './tally-types.js';

interface DatasetState {
  slots: number[]; // slot → plan indicator index
  /** Per slot, its rule's number (applyRule). */
  rules: Int32Array;
  /** The low bit of each on-time slot's two (their records may be settled by `judge`). */
  onTimeLow: number;
  codes: CodeIndex;
  entries: number;
  entryUnit: Growable;
  entryMask: Growable;
  entryFile: Growable;
  /** The entry's row: its received date and its latest date (received or resolved), less DAY_BASE. */
  entryFirst: Growable;
  entryLast: Growable;
  /** The entry's record's flip (see flipOf), 0 for none; made at the first that is not 0. */
  entryFlip: Growable | null;
  /** The byte range of its file the entry's row came from (see `range`). */
  entryRange: Uint8Array;
  entriesExpected: number;
}

/** Dates are kept per entry as days since 1900-01-01 (the parser's first year): 16 bits until 2079. */
const DAY_BASE = -25567;

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
  /** (unit * K + indicator) * 2 → records left out for want of a column (only files lacking one). */
  private readonly left = new Map<number, number>();
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

  /**
   * Open records late at the period's end, by the day from whose end they are late: key
   * (unit * K + indicator) * span + flip (see flipOf) → how many. Settled by `judge`.
   */
  private readonly lateOpen = new Map<number, number>();
  /** Tallies given the same records first (--by month's months), told each one's code lookup as it is placed here (month-tally.ts). */
  readonly followers: Array<{ follow(prev: number): void }> = [];
  private readonly span: number;
  private judged: Judged | null = null;
  /** Told of every record counted and taken back (explain, overdue): records are then placed one by one, not staged. */
  observer: TallyObserver | null = null;

  /**
   * `period` is the counting period: its last day is J0, the end of P or of --as-of when earlier
   * (rows received after --as-of are not given to the tally, and resolved after it come as open).
   */
  constructor(
    readonly indicators: readonly Indicator[],
    readonly period: Period,
    makeIndex: () => CodeIndex = () => new CompactCodeIndex(),
  ) {
    this.K = indicators.length;
    this.counts = new Float64Array(64 * this.K * 2);
    this.span = Math.max(1, period.to - period.from + 1);
    const make = (d: Dataset): DatasetState => {
      const slots = indicators.flatMap((ind, i) => (ind.dataset === d ? [i] : []));
      if (slots.length > 16) throw new Error(`at most 16 indicators per dataset (${d} has ${slots.length})`);
      return {
        slots,
        rules: Int32Array.from(slots, (i) => RULE_ORDER.indexOf(indicators[i]!.rule)),
        onTimeLow: slots.reduce((m, i, s) => (indicators[i]!.rule === 'on-time' ? m | (1 << (2 * s)) : m), 0),
        codes: makeIndex(),
        entries: 0,
        entryUnit: new Growable(false), // Uint16 until a unit number passes 65 535
        entryMask: new Growable(slots.length > 8),
        entryFile: new Growable(false),
        entryFirst: new Growable(false),
        entryLast: new Growable(false),
        entryFlip: null,
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
    st.entryFirst.expected = n;
    st.entryLast.expected = n;
    if (st.entryFlip) st.entryFlip.expected = n;
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

  protected unitNamed(name: string, tier: Tier): number {
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

  /** A record's bit mask: two bits per slot of its dataset (in the denominator, in the numerator), of the `enabled` slots; `leftOut` OR-ed in (LEFT_OUT bits). */
  protected maskOf(dataset: Dataset, r: RowRecord, enabled: number, leftOut: number): number {
    const st = this.state[dataset];
    let mask = 0;
    for (let s = 0; s < st.rules.length; s++) mask |= applyRule(st.rules[s]!, r, this.period) << (2 * s);
    return (mask & enabled) | leftOut;
  }

  /**
   * Whether judging at an earlier day than the period's end could make the record (with this
   * mask) on time: it is in an on-time indicator, open at the period's end and late there.
   * Then the day from whose end it is late, less the period's first day (> 0: a record late
   * from the first day on is late at any J), else 0.
   */
  protected flipOf(dataset: Dataset, r: RowRecord, mask: number): number {
    if ((mask & this.state[dataset].onTimeLow & ~(mask >>> 1)) === 0) return 0; // no on-time slot in the denominator only
    if (r.resolved <= this.period.to) return 0; // resolved late: J changes nothing
    const flip = lateFrom(r) - this.period.from;
    return flip > 0 ? flip : 0;
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
   * Counts an accepted record of `dataset` from file `file` (its `line`); `enabled` masks out the
   * slots whose columns it lacks; `leftOut` counts it as left out of them (maskOf).
   */
  add(dataset: Dataset, file: number, r: RowRecord, enabled: number, line = 0, leftOut = 0): void {
    const mask = this.maskOf(dataset, r, enabled, leftOut);
    const flip = this.flipOf(dataset, r, mask);
    const last = r.resolved > r.received ? r.resolved : r.received; // NaN compares false
    this.file = file;
    const u = this.unitOf(r);
    if (r.codeBuf != null && this.observer === null) this.count(dataset, file, u, mask, r.received, last, flip, r.codeBuf, r.codeStart!, r.codeEnd!);
    else {
      // Without bytes, or observed: placed now (an observer is told of the record while it holds it).
      this.countStaged();
      const st = this.state[dataset];
      const prev = st.codes.getOrInsert(r.code, st.entries);
      const entry = prev >= 0 ? prev : st.entries;
      this.place(dataset, file, u, mask, r.received, last, flip, prev);
      this.observer?.counted({ dataset, entry, unit: u, mask, enabled, flip, record: r, file, line });
    }
  }

  /**
   * Counts a record whose code is the UTF-8 bytes b[start, end): staged when the code index
   * looks codes up in batches, else looked up now (after what is staged).
   */
  private count(dataset: Dataset, file: number, u: number, mask: number, first: number, last: number, flip: number, b: Uint8Array, start: number, end: number): void {
    const st = this.state[dataset];
    const codes = st.codes;
    if (codes.getOrInsertMany !== undefined) {
      this.stage(dataset, file, u, mask, first, last, flip, b, start, end);
      return;
    }
    this.countStaged();
    const prev =
      codes.getOrInsertBytes !== undefined
        ? codes.getOrInsertBytes(b, start, end, st.entries)
        : codes.getOrInsert(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', start, end), st.entries);
    this.place(dataset, file, u, mask, first, last, flip, prev);
  }

  /**
   * Records whose codes are looked up together (CodeIndex.getOrInsertMany, which overlaps their
   * cache misses): up to STAGE of them, of one dataset, each with its file, range, unit, mask, dates and flip.
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
  private readonly stagedFirst = new Int32Array(STAGE);
  private readonly stagedLast = new Int32Array(STAGE);
  private readonly stagedFlip = new Int32Array(STAGE);
  private readonly stagedPrev = new Int32Array(STAGE);

  private stage(dataset: Dataset, file: number, u: number, mask: number, first: number, last: number, flip: number, b: Uint8Array, start: number, end: number): void {
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
    this.stagedFirst[n] = first;
    this.stagedLast[n] = last;
    this.stagedFlip[n] = flip;
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
      this.place(dataset, this.stagedFile[j]!, this.stagedUnit[j]!, this.stagedMask[j]!, this.stagedFirst[j]!, this.stagedLast[j]!, this.stagedFlip[j]!, this.stagedPrev[j]!);
    }
    this.range = saved;
  }

  /**
   * Counts a record whose code lookup gave `prev` (its entry, or -1: a new code, entry `entries`):
   * its mask, its row's first and last day, and its flip (see flipOf).
   */
  protected place(dataset: Dataset, file: number, u: number, mask: number, first: number, last: number, flip: number, prev: number): void {
    for (let i = 0; i < this.followers.length; i++) this.followers[i]!.follow(prev);
    const st = this.state[dataset];
    this.unitList[u]!.seen |= DATASET_BIT[dataset];
    const fc = this.fileList[file]!;
    fc.accepted++;
    let e = prev;
    if (prev >= 0) {
      if (!this.takeOut(st, prev, file)) {
        fc.superseded++; // the code's row from a later range of this file is in already: this row is the earlier one
        return;
      }
      this.observer?.withdrawn(dataset, prev);
    } else e = this.newEntry(st);
    st.entryUnit.set(e, u);
    st.entryMask.set(e, mask);
    st.entryFile.set(e, file);
    st.entryFirst.set(e, first - DAY_BASE);
    st.entryLast.set(e, last - DAY_BASE);
    st.entryRange[e] = this.range;
    this.apply(st, u, mask, 1);
    if (flip !== 0) this.noteFlip(st, e, u, mask, flip);
  }

  /** A new code's entry number. */
  private newEntry(st: DatasetState): number {
    const e = st.entries++;
    if (e >= st.entryRange.length) {
      const g = new Uint8Array(Math.max(grownLength(st.entryRange.length, st.entriesExpected), e + 1));
      g.set(st.entryRange);
      st.entryRange = g;
    }
    return e;
  }

  /**
   * Takes entry e's record back out of the counts (its row is superseded by the one of this
   * file now placed); false, leaving it, when its row comes from a later range of this file.
   */
  private takeOut(st: DatasetState, e: number, file: number): boolean {
    if (st.entryRange[e]! > this.range && st.entryFile.data[e] === file) return false;
    const eu = st.entryUnit.data[e]!;
    const em = st.entryMask.data[e]!;
    this.apply(st, eu, em, -1);
    if (st.entryFlip !== null) {
      const ef = st.entryFlip.data[e]!;
      if (ef !== 0) {
        this.noteLate(st, eu, em, ef, -1);
        st.entryFlip.set(e, 0);
      }
    }
    this.fileList[st.entryFile.data[e]!]!.superseded++;
    return true;
  }

  /** Keeps entry e's flip (see flipOf) and notes its record for `judge`. */
  private noteFlip(st: DatasetState, e: number, u: number, mask: number, flip: number): void {
    if (st.entryFlip === null) {
      st.entryFlip = new Growable(false);
      st.entryFlip.expected = st.entriesExpected;
    }
    st.entryFlip.set(e, flip);
    this.noteLate(st, u, mask, flip, 1);
  }

  /** Notes (sign 1) or takes back (-1) an open record late at the period's end, for `judge`. */
  private noteLate(st: DatasetState, u: number, mask: number, flip: number, sign: number): void {
    const den = mask & st.onTimeLow & ~(mask >>> 1);
    for (let s = 0; s < st.slots.length; s++) {
      if ((den & (1 << (2 * s))) === 0) continue;
      const key = (u * this.K + st.slots[s]!) * this.span + flip;
      const n = (this.lateOpen.get(key) ?? 0) + sign;
      if (n === 0) this.lateOpen.delete(key);
      else this.lateOpen.set(key, n);
    }
  }

  /**
   * Once every record is in: the counted rows' dates (all, and per file), and J, the day at
   * whose end open records are judged — the period's last day, or the data's last day when
   * earlier. The open records that are late at the period's end but not yet at J's are moved
   * into their numerators. Called once (later calls give the same answer). J is meant to be
   * in the period: when no counted row falls in it, the caller refuses the run (records late
   * from before the period's first day are not noted).
   */
  judge(): Judged {
    if (this.judged) return this.judged;
    this.countStaged();
    const p = this.period;
    const files: DataDates[] = this.fileList.map(() => ({ from: null, to: null, receivedTo: null, inPeriod: 0 }));
    const all: DataDates = { from: null, to: null, receivedTo: null, inPeriod: 0 };
    const from = p.from - DAY_BASE;
    const to = p.to - DAY_BASE;
    for (const st of [this.state.dossiers, this.state.feedback]) {
      const first = st.entryFirst.data;
      const last = st.entryLast.data;
      const file = st.entryFile.data;
      for (let e = 0; e < st.entries; e++) {
        const f = first[e]!;
        const l = last[e]!;
        const fd = files[file[e]!]!;
        if (fd.from === null || f < fd.from) fd.from = f;
        if (fd.to === null || l > fd.to) fd.to = l;
        if (fd.receivedTo === null || f > fd.receivedTo) fd.receivedTo = f;
        if ((f >= from && f <= to) || (l >= from && l <= to)) fd.inPeriod++;
      }
    }
    for (const fd of files) {
      if (fd.from === null || fd.to === null || fd.receivedTo === null) continue;
      fd.from += DAY_BASE;
      fd.to += DAY_BASE;
      fd.receivedTo += DAY_BASE;
      if (all.receivedTo === null || fd.receivedTo > all.receivedTo) all.receivedTo = fd.receivedTo;
      if (all.from === null || fd.from < all.from) all.from = fd.from;
      if (all.to === null || fd.to > all.to) all.to = fd.to;
      all.inPeriod += fd.inPeriod;
    }
    const judgedAt = all.to !== null && all.to < p.to ? all.to : p.to;
    if (judgedAt < p.to) {
      // Late at the period's end, not yet at J's: on time.
      for (const [key, n] of this.lateOpen) {
        const flip = key % this.span;
        if (!this.onTimeAt(flip, judgedAt)) continue;
        const at = ((key - flip) / this.span) * 2 + 1;
        this.counts[at] = this.counts[at]! + n;
      }
    }
    this.judged = { ...all, judgedAt, files };
    return this.judged;
  }

  /** Whether an open record with this flip (flipOf; 0 none), late at the period's end, is on time judged at `judgedAt`'s end. */
  onTimeAt(flip: number, judgedAt: number): boolean {
    return flip !== 0 && this.period.from + flip > judgedAt;
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
        const first = b.readInt32LE(p + 9);
        const last = b.readInt32LE(p + 13);
        const flip = b.readInt32LE(p + 17);
        const len = b.readUInt16LE(p + 21);
        const start = p + RECORD_HEAD;
        p = start + len;
        this.count(dataset, file, u, mask, first, last, flip, b, start, p);
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
      if (bits === LEFT_OUT) this.left.set(at, (this.left.get(at) ?? 0) + sign);
      else {
        this.counts[at] = this.counts[at]! + sign;
        if (bits === 3) this.counts[at + 1] = this.counts[at + 1]! + sign;
      }
    }
  }

  /** Records of unit `u` left out of indicator `k` for want of a column (see LEFT_OUT). */
  leftOut(u: number, k: number): number {
    this.countStaged();
    return this.left.get((u * this.K + k) * 2) ?? 0;
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
