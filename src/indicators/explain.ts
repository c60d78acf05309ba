/**
 * `explain`'s collector: told by the tally of every record it counts and takes back
 * (observer.ts), it keeps the rows of one result — an indicator, for a tier, a unit or the
 * province — that the listing asks for, as the tally decided them (the two bits of the
 * indicator's slot in the record's mask): the rows listed are the rows counted, supersession,
 * joins and the judging moment included. Memory: the rows kept, never the input.
 */
import { fold } from '../util/text.js';
import { ABSENT, BLANK, Channel, Payment, Rating, UNKNOWN, YesNo, type RowRecord } from '../model/record.js';
import type { Dataset, Field } from '../model/kinds.js';
import type { Tier } from '../model/tier.js';
import type { Period } from '../model/period.js';
import type { ExplainedRow, LeftOut, ListedRow, ValueWord, Which } from '../model/listing.js';
import type { Indicator } from '../plan/schema.js';
import { LEFT_OUT, RULE_ORDER, applyRule, OUT } from './rules.js';
import { RULE_SPECS } from './specs.js';
import type { Counted, TallyObserver } from './observer.js';
import type { Tally } from './tally.js';

export interface ExplainScope {
  tier?: Tier | undefined;
  /** A unit's name (matched folded, in `tier` when given). */
  unit?: string | undefined;
}

/** A record's dates and place, copied (the decoder reuses its record). */
export function listedRow(r: RowRecord, file: string, line: number): ListedRow {
  const day = (v: number) => (Number.isNaN(v) ? null : v);
  const time = (day: number, t: number) => (Number.isNaN(day) || t < 0 ? null : t);
  return {
    file,
    line,
    code: r.code,
    unit: r.unit,
    tier: r.tier,
    received: r.received,
    due: day(r.due),
    dueTime: time(r.due, r.dueTime),
    resolved: day(r.resolved),
    resolvedTime: time(r.resolved, r.resolvedTime),
  };
}

const WORDS: Partial<Record<Field, Record<number, string>>> = {
  channel: { [Channel.ONLINE]: 'online', [Channel.OFFLINE]: 'offline' },
  digitized: { [YesNo.YES]: 'yes', [YesNo.NO]: 'no' },
  eResult: { [YesNo.YES]: 'yes', [YesNo.NO]: 'no' },
  rating: { [Rating.SATISFIED]: 'satisfied', [Rating.NOT_SATISFIED]: 'not-satisfied' },
  payment: { [Payment.ONLINE]: 'online', [Payment.NON_CASH]: 'non-cash', [Payment.CASH]: 'cash' },
};

/** A value a rule read, as a word (or the fee in VND). */
export function valueWord(field: Field, r: RowRecord): ValueWord {
  const v = (r as unknown as Record<string, number>)[field]!;
  if (v === ABSENT) return 'absent';
  if (field === 'fee') return Number.isNaN(v) ? 'unknown' : v < 0 ? 'blank' : v;
  if (v === BLANK) return 'blank';
  if (v === UNKNOWN) return 'unknown';
  return WORDS[field]?.[v] ?? String(v);
}

/** The values that would put a record into the rule, for the fields it reads (`value` exclusions). */
const COUNTING: Partial<Record<Field, number>> = {
  channel: Channel.ONLINE,
  digitized: YesNo.YES,
  eResult: YesNo.YES,
  rating: Rating.SATISFIED,
  payment: Payment.ONLINE,
  fee: 1,
};

interface Kept {
  row: ExplainedRow;
  bits: number;
  flip: number;
  /** The row's place in the reading (files in order, each from the top): the listing's order. */
  seq: number;
}

export class ExplainCollector implements TallyObserver {
  private readonly dataset: Dataset;
  private readonly slot: number;
  private readonly rule: number;
  private readonly onTime: boolean;
  private readonly fields: readonly Field[];
  private readonly files: string[] = [];
  private readonly inScope = new Map<number, boolean>();
  private readonly unitKey: string | null;
  /** The units of the scope met (a unit's name may be spelled in several tiers). */
  readonly units = new Set<number>();
  private readonly kept = new Map<number, Kept>();
  private readonly left: Kept[] = [];
  /** The row just taken back, waiting for the row that superseded it. */
  private taken: ExplainedRow | null = null;
  private seq = 0;

  constructor(
    private readonly tally: Tally,
    /** The indicator's index in the plan. */
    private readonly k: number,
    private readonly scope: ExplainScope,
    private readonly which: Which,
    /** The period P (rows received after --as-of are judged against it). */
    private readonly period: Period,
  ) {
    const ind: Indicator = tally.indicators[k]!;
    this.dataset = ind.dataset;
    this.slot = tally.slots(ind.dataset).indexOf(k);
    this.rule = RULE_ORDER.indexOf(ind.rule);
    this.onTime = ind.rule === 'on-time';
    this.fields = RULE_SPECS[ind.rule].fields;
    this.unitKey = scope.unit !== undefined ? fold(scope.unit) : null;
  }

  file(file: number, name: string): void {
    this.files[file] = name;
  }

  /** Whether unit `u` (the tally's) is in the scope. */
  scoped(u: number): boolean {
    let ok = this.inScope.get(u);
    if (ok === undefined) {
      const unit = this.tally.units[u]!;
      ok = (this.scope.tier === undefined || unit.tier === this.scope.tier) && (this.unitKey === null || fold(unit.name) === this.unitKey);
      this.inScope.set(u, ok);
    }
    return ok;
  }

  private row(r: RowRecord, file: number, line: number, reason: LeftOut | null): ExplainedRow {
    const values: Partial<Record<Field, ValueWord>> = {};
    for (const f of this.fields) if (f !== 'due' && f !== 'resolved') values[f] = valueWord(f, r);
    const open = this.onTime ? !(r.resolved <= this.tally.period.to) : null;
    const row = listedRow(r, this.files[file] ?? '', line) as ExplainedRow;
    row.values = values;
    row.numerator = false;
    row.open = open;
    row.reason = reason;
    row.by = null;
    return row;
  }

  counted(c: Counted): void {
    if (c.dataset !== this.dataset) return;
    if (this.taken !== null) {
      this.taken.by = `${this.files[c.file] ?? ''}:${c.line}`;
      this.taken = null;
    }
    if (!this.scoped(c.unit)) return;
    this.units.add(c.unit);
    const bits = (c.mask >>> (2 * this.slot)) & 3;
    // Not counted, or left out for want of a column (LEFT_OUT: its reason is 'no-column').
    if (bits === 0 || bits === LEFT_OUT) {
      if (this.which !== 'excluded') return;
      const why = this.leftOut(c.record, c.enabled);
      if (why !== null) this.left.push({ row: this.row(c.record, c.file, c.line, why), bits, flip: 0, seq: this.seq++ });
      return;
    }
    // Kept while the code is not superseded; its verdict is settled at the end (the judging moment).
    const maybeNumerator = bits === 3 || (this.onTime && c.flip !== 0);
    const wanted =
      this.which === 'excluded' || this.which === 'denominator' || (this.which === 'numerator' ? maybeNumerator : bits === 1);
    if (wanted) this.kept.set(c.entry, { row: this.row(c.record, c.file, c.line, null), bits, flip: c.flip, seq: this.seq++ });
  }

  withdrawn(dataset: Dataset, entry: number): void {
    if (dataset !== this.dataset) return;
    const k = this.kept.get(entry);
    if (k === undefined) return;
    this.kept.delete(entry);
    if (this.which !== 'excluded') return;
    k.row.reason = 'superseded';
    this.left.push(k);
    this.taken = k.row;
  }

  excluded(dataset: Dataset, file: number, line: number, r: RowRecord): void {
    if (dataset !== this.dataset || this.which !== 'excluded') return;
    // The unit is named without registering it: a unit seen only after --as-of is in no result.
    const key = fold(r.unit);
    const inScope = (this.scope.tier === undefined || r.tier === this.scope.tier) && (this.unitKey === null || key === this.unitKey);
    if (inScope && applyRule(this.rule, r, this.period) !== OUT) this.left.push({ row: this.row(r, file, line, 'after-as-of'), bits: 0, flip: 0, seq: this.seq++ });
  }

  /** Why a counted record of the scope is out of the rule although in the period, or null (its dates put it out). */
  private leftOut(r: RowRecord, enabled: number): LeftOut | null {
    const p = this.tally.period;
    if (applyRule(this.rule, r, p) !== OUT) return ((enabled >>> (2 * this.slot)) & 3) === 0 ? 'no-column' : null;
    const probe = { ...r } as unknown as Record<string, number>;
    for (const f of this.fields) if (COUNTING[f] !== undefined) probe[f] = COUNTING[f];
    if (applyRule(this.rule, probe as unknown as RowRecord, p) === OUT) return null;
    return ((enabled >>> (2 * this.slot)) & 3) === 0 ? 'no-column' : 'value';
  }

  /** The rows listed, once J is known (`judgedAt`): in the order of the files and lines. */
  rows(judgedAt: number): ExplainedRow[] {
    let out: Kept[];
    if (this.which === 'excluded') out = this.left;
    else {
      out = [];
      for (const k of this.kept.values()) {
        const row = k.row;
        row.numerator = k.bits === 3 || (this.onTime && this.tally.onTimeAt(k.flip, judgedAt));
        if (this.which === 'denominator' || (this.which === 'numerator') === row.numerator) out.push(k);
      }
    }
    return out.sort((a, b) => a.seq - b.seq).map((k) => k.row);
  }
}
