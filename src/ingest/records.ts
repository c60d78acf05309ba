/**
 * CSV rows → typed records. One decoder per file: it knows the file's columns, turns each row
 * into a record (reused between rows), or says why the row is rejected, and reports unknown
 * values as warnings. Rejection rules and vocabularies: domain.md, "Bad rows".
 */
import { CHANNEL, PAYMENT, RATING, YES_NO, SUMMARY_FIELDS, SUMMARY_PARTS, fieldSpec, lookup, parseFee, type Vocabulary } from './contract.js';
import { parseReportPeriod } from './report-period.js';
import type { ColumnMap } from './headers.js';
import { tierFromColumn, tierFromName } from './tier.js';
import { parseDay, parseDayBytes, formatIso } from '../util/dates.js';
import { ByteMemo, FoldCache, fold, tidy, type ByteFields } from '../util/text.js';
import { BLANK, UNKNOWN, Payment, YesNo } from '../model/record.js';
import type { CountField, Dataset, FactKind, Field, Kind } from '../model/kinds.js';
import type { Period } from '../model/period.js';
import type { Tier } from '../model/tier.js';
import type { Rejection, Warning } from '../model/problem.js';
import { ABSENT, type RowRecord } from '../model/record.js';

/** The decoder's reusable record: `code` is decoded from the row's bytes only when asked for. */
class DecodedRecord implements RowRecord {
  unit = '';
  tier: Tier = 'so';
  received = NaN;
  due = NaN;
  resolved = NaN;
  channel = ABSENT;
  digitized = ABSENT;
  eResult = ABSENT;
  rating = ABSENT;
  payment = ABSENT;
  fee = ABSENT;
  codeBuf: Uint8Array | null = null;
  codeStart = 0;
  codeEnd = 0;
  unitSlots: Int32Array | null = null;
  private codeText = '';

  get code(): string {
    if (this.codeBuf !== null) {
      this.codeText = Buffer.from(this.codeBuf.buffer, this.codeBuf.byteOffset + this.codeStart, this.codeEnd - this.codeStart).toString('utf8');
      this.codeBuf = null;
    }
    return this.codeText;
  }

  set code(v: string) {
    this.codeText = v;
    this.codeBuf = null;
  }

  setCodeBytes(buf: Uint8Array, start: number, end: number) {
    this.codeBuf = buf;
    this.codeStart = start;
    this.codeEnd = end;
  }
}

/** A byte at the edge of a field that JavaScript's trim() certainly keeps: printable ASCII, not a space. */
const solid = (c: number) => c > 0x20 && c < 0x7f;

interface UnitInfo {
  unit: string;
  /** Tier from a units file or the name; null when undecidable. */
  tier: Tier | null;
  /** See RowRecord.unitSlots. */
  slots: Int32Array;
}

/** Resolves a unit's tier from a units file (domain.md tier rule 2); undefined when it does not know the unit. */
export type UnitTierLookup = (unitName: string) => Tier | undefined;

/** A unit's name as the units file writes it (an export may name a unit by its code); undefined when it does not know the unit. */
export type UnitNameLookup = (unitNameOrCode: string) => string | undefined;

/** The unit's name for grouping and display: the units file's spelling when it knows the unit. */
function unitNamer(unitName?: UnitNameLookup): (tidied: string) => string {
  if (!unitName) return (u) => u;
  const cache = new FoldCache((u: string) => unitName(u) ?? u);
  return (u) => (u === '' ? u : cache.get(u));
}

export class RowDecoder {
  readonly record: RowRecord;
  readonly warnings: Warning[] = [];
  private readonly col: Partial<Record<Field, number>>;
  private readonly tierCache: FoldCache<Tier | null>;
  private readonly vocabCaches = new Map<Vocabulary, FoldCache<number>>();
  private readonly rec: DecodedRecord;
  // The byte path's memos, one per column (see decodeBytes).
  private readonly unitMemo: ByteMemo<UnitInfo>;
  private readonly unitOf: (tidied: string) => string;
  private readonly tierMemo = new ByteMemo<Tier | null | undefined>((raw) => tierFromColumn(raw));
  private readonly feeMemo = new ByteMemo<number>((raw) => parseFee(raw));
  /** The byte path's vocabulary columns: field, column (undefined when absent) and memo, looked up once, not per row. */
  private readonly channelCol: VocabColumn;
  private readonly digitizedCol: VocabColumn;
  private readonly eResultCol: VocabColumn;
  private readonly ratingCol: VocabColumn;
  private readonly paymentCol: VocabColumn;
  private codeScratch = Buffer.alloc(64);

  constructor(
    readonly dataset: Dataset,
    map: ColumnMap,
    unitTier?: UnitTierLookup,
    unitName?: UnitNameLookup,
  ) {
    this.col = map.columns;
    this.rec = new DecodedRecord();
    this.record = this.rec;
    this.tierCache = new FoldCache((name) => unitTier?.(name) ?? tierFromName(name));
    this.unitOf = unitNamer(unitName);
    this.unitMemo = new ByteMemo((raw) => {
      const unit = this.unitOf(tidy(raw));
      return { unit, tier: unit === '' ? null : this.tierCache.get(unit), slots: new Int32Array([-1, -1, -1]) };
    });
    const vocab = (field: Field, v: Vocabulary): VocabColumn => ({ field, k: this.col[field], memo: new ByteMemo((raw) => lookup(v, raw)) });
    this.channelCol = vocab('channel', CHANNEL);
    this.digitizedCol = vocab('digitized', YES_NO);
    this.eResultCol = vocab('eResult', YES_NO);
    this.ratingCol = vocab('rating', RATING);
    this.paymentCol = vocab('payment', PAYMENT);
  }

  /** The columns this decoder reads, for the CSV reader to decode. */
  columns(): number[] {
    return Object.values(this.col).filter((v): v is number => v !== undefined);
  }

  private cell(fields: string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : fields[i];
  }

  private vocab(fields: string[], f: Field, v: Vocabulary, blankIs: number | null): number {
    const raw = this.cell(fields, f);
    if (raw === undefined) return ABSENT;
    let cache = this.vocabCaches.get(v);
    if (!cache) {
      cache = new FoldCache((s) => lookup(v, s));
      this.vocabCaches.set(v, cache);
    }
    const code = cache.get(raw);
    if (code === UNKNOWN) this.warnings.push({ code: 'value.unknown', field: f, value: raw.trim() });
    if (code === BLANK && blankIs === null) this.warnings.push({ code: 'value.blank', field: f, value: '' });
    if (code === BLANK && blankIs !== null) return blankIs;
    return code;
  }

  private date(raw: string | undefined): number {
    if (raw === undefined) return NaN;
    return parseDay(raw);
  }

  /** Decodes one row into `this.record`; returns a rejection, or null when accepted. */
  decode(fields: string[]): Rejection | null {
    if (this.warnings.length !== 0) this.warnings.length = 0; // setting the length is a runtime call: only when needed
    const r = this.record;
    const code = (this.cell(fields, 'code') ?? '').trim();
    if (code === '') return { code: 'row.noCode', field: 'code', params: {} };
    const unitRaw = this.cell(fields, 'unit') ?? '';
    const unit = this.unitOf(tidy(unitRaw));
    if (unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };

    const receivedRaw = (this.cell(fields, 'received') ?? '').trim();
    if (receivedRaw === '') return { code: 'row.noReceived', field: 'received', params: {} };
    const received = this.date(receivedRaw);
    if (Number.isNaN(received)) return badDate(this.dataset, 'received', receivedRaw);

    let due = NaN;
    const dueRaw = (this.cell(fields, 'due') ?? '').trim();
    if (dueRaw !== '') {
      due = this.date(dueRaw);
      if (Number.isNaN(due)) return badDate(this.dataset, 'due', dueRaw);
    }
    let resolved = NaN;
    const resolvedRaw = (this.cell(fields, 'resolved') ?? '').trim();
    if (resolvedRaw !== '') {
      resolved = this.date(resolvedRaw);
      if (Number.isNaN(resolved)) return badDate(this.dataset, 'resolved', resolvedRaw);
      if (resolved < received) {
        return { code: 'row.resolvedBeforeReceived', field: 'resolved', params: { resolved: formatIso(resolved), received: formatIso(received) } };
      }
    }

    // Tier: the row's column, then a units file, then the name.
    const tier = resolveTier(this.cell(fields, 'tier'), unit, this.tierCache);
    if (typeof tier !== 'string') return tier;

    this.rec.code = code;
    this.rec.unitSlots = null;
    r.unit = unit;
    r.tier = tier;
    r.received = received;
    r.due = due;
    r.resolved = resolved;
    // Warnings come out in the contract's field order.
    if (this.dataset === 'dossiers') {
      r.channel = this.vocab(fields, 'channel', CHANNEL, null);
      r.digitized = this.vocab(fields, 'digitized', YES_NO, YesNo.NO);
      r.eResult = this.vocab(fields, 'eResult', YES_NO, YesNo.NO);
    }
    r.rating = this.vocab(fields, 'rating', RATING, BLANK);
    if (this.dataset === 'dossiers') {
      const feeRaw = this.cell(fields, 'fee');
      if (feeRaw === undefined) r.fee = ABSENT;
      else {
        r.fee = parseFee(feeRaw);
        if (Number.isNaN(r.fee)) this.warnings.push({ code: 'value.unknown', field: 'fee', value: feeRaw.trim() });
      }
      r.payment = this.vocab(fields, 'payment', PAYMENT, BLANK);
    }
    return null;
  }

  /**
   * The byte-level twin of `decode`, for rows straight from the CSV scanner: the same record,
   * rejections and warnings (test/ingest/fast-path.test.ts holds it to that against csv-parse).
   * The common case reads the bytes directly — dates parsed from digits, codes kept as bytes,
   * units, tiers, vocabularies and fees memoized by their raw bytes; anything unusual (quoted
   * cells, white space or non-ASCII at a cell's edge, an unparseable date) takes the string
   * path's own code on the decoded text.
   */
  decodeBytes(row: ByteFields): Rejection | null {
    if (this.warnings.length !== 0) this.warnings.length = 0; // setting the length is a runtime call: only when needed
    const r = this.rec;
    const col = this.col;
    const buf = row.buf;
    const n = row.count;

    // Code.
    const ci = col.code!;
    let cs = 0;
    let ce = 0;
    let cb: Uint8Array = buf;
    if (ci < n && row.quoted[ci] === 0 && row.ends[ci]! > row.starts[ci]! && solid(buf[row.starts[ci]!]!) && solid(buf[row.ends[ci]! - 1]!)) {
      cs = row.starts[ci]!;
      ce = row.ends[ci]!;
    } else {
      const code = row.text(ci).trim();
      if (code === '') return { code: 'row.noCode', field: 'code', params: {} };
      const len = Buffer.byteLength(code, 'utf8');
      if (len > this.codeScratch.length) this.codeScratch = Buffer.alloc(Math.max(len, this.codeScratch.length * 2));
      this.codeScratch.write(code, 0, 'utf8');
      cb = this.codeScratch;
      ce = len;
    }

    // Unit.
    const u = this.unitMemo.get(row, col.unit!);
    if (u.unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };

    // Dates.
    const received = this.dayBytes(row, col.received!);
    if (received === BLANK_DAY) return { code: 'row.noReceived', field: 'received', params: {} };
    if (Number.isNaN(received)) return badDate(this.dataset, 'received', row.text(col.received!).trim());
    let due = NaN;
    if (col.due !== undefined) {
      due = this.dayBytes(row, col.due);
      if (due === BLANK_DAY) due = NaN;
      else if (Number.isNaN(due)) return badDate(this.dataset, 'due', row.text(col.due).trim());
    }
    let resolved = NaN;
    if (col.resolved !== undefined) {
      resolved = this.dayBytes(row, col.resolved);
      if (resolved === BLANK_DAY) resolved = NaN;
      else if (Number.isNaN(resolved)) return badDate(this.dataset, 'resolved', row.text(col.resolved).trim());
      else if (resolved < received) {
        return { code: 'row.resolvedBeforeReceived', field: 'resolved', params: { resolved: formatIso(resolved), received: formatIso(received) } };
      }
    }

    // Tier: the row's column, then a units file, then the name.
    let tier: Tier | null | undefined = null;
    if (col.tier !== undefined) {
      tier = this.tierMemo.get(row, col.tier);
      if (tier === undefined) return { code: 'row.badTier', field: 'tier', params: { value: row.text(col.tier).trim() } };
    }
    if (tier === null) tier = u.tier;
    if (tier === null) return { code: 'row.tierUndecidable', field: 'unit', params: { unit: u.unit } };

    r.setCodeBytes(cb, cs, ce);
    r.unit = u.unit;
    r.unitSlots = u.slots;
    r.tier = tier;
    r.received = received;
    r.due = due;
    r.resolved = resolved;
    if (this.dataset === 'dossiers') {
      r.channel = this.vocabBytes(row, this.channelCol, null);
      r.digitized = this.vocabBytes(row, this.digitizedCol, YesNo.NO);
      r.eResult = this.vocabBytes(row, this.eResultCol, YesNo.NO);
    }
    r.rating = this.vocabBytes(row, this.ratingCol, BLANK);
    if (this.dataset === 'dossiers') {
      const fi = col.fee;
      if (fi === undefined) r.fee = ABSENT;
      else {
        r.fee = this.feeMemo.get(row, fi);
        if (Number.isNaN(r.fee)) this.warnings.push({ code: 'value.unknown', field: 'fee', value: row.text(fi).trim() });
      }
      r.payment = this.vocabBytes(row, this.paymentCol, BLANK);
    }
    return null;
  }

  /** A date cell: a day number, BLANK_DAY when blank, NaN when unparseable. */
  private dayBytes(row: ByteFields, k: number): number {
    if (k < row.count && row.quoted[k] === 0) {
      const s = row.starts[k]!;
      const e = row.ends[k]!;
      if (s === e) return BLANK_DAY;
      const b = row.buf;
      if (solid(b[s]!) && solid(b[e - 1]!)) {
        const d = parseDayBytes(b, s, e);
        if (!Number.isNaN(d)) return d;
      }
    }
    const raw = row.text(k).trim();
    return raw === '' ? BLANK_DAY : parseDay(raw);
  }

  private vocabBytes(row: ByteFields, c: VocabColumn, blankIs: number | null): number {
    const k = c.k;
    if (k === undefined) return ABSENT;
    const code = c.memo.get(row, k);
    if (code === UNKNOWN) this.warnings.push({ code: 'value.unknown', field: c.field, value: row.text(k).trim() });
    if (code === BLANK && blankIs === null) this.warnings.push({ code: 'value.blank', field: c.field, value: '' });
    if (code === BLANK && blankIs !== null) return blankIs;
    return code;
  }
}

const BLANK_DAY = -Infinity; // internal: the date cell is blank

interface VocabColumn {
  readonly field: Field;
  readonly k: number | undefined;
  readonly memo: ByteMemo<number>;
}

/**
 * A row's tier (domain.md, Tiers): its tier column when not blank (an unknown value rejects
 * the row), else the units file or the unit's name (through `byName`), else a rejection.
 */
function resolveTier(tierRaw: string | undefined, unit: string, byName: FoldCache<Tier | null>): Tier | Rejection {
  if (tierRaw !== undefined) {
    const t = tierFromColumn(tierRaw);
    if (t === undefined) return { code: 'row.badTier', field: 'tier', params: { value: tierRaw.trim() } };
    if (t !== null) return t;
  }
  return byName.get(unit) ?? { code: 'row.tierUndecidable', field: 'unit', params: { unit } };
}

function badDate(dataset: Kind, field: Field, value: string): Rejection {
  const spec = fieldSpec(dataset, field);
  return { code: 'row.badDate', field, params: { fieldVi: spec.vi, fieldEn: spec.en, value } };
}

/** The unit's identity for grouping: folded name (see util/text.ts). */
export function unitKey(name: string): string {
  return fold(name);
}

// ---------------------------------------------------------------------------------------
// Fact exports (online submissions, digitization, payments): one small bit set per row,
// OR-ed per dossier code by indicators/facts.ts. README "Joined exports".

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

const METHOD_BIT: Record<number, number> = {
  [Payment.ONLINE]: FactBit.M_ONLINE,
  [Payment.NON_CASH]: FactBit.M_NONCASH,
  [Payment.CASH]: FactBit.M_CASH,
  [BLANK]: FactBit.M_BLANK,
  [UNKNOWN]: FactBit.M_UNKNOWN,
};

export class FactDecoder {
  code = '';
  bits = 0;
  readonly warnings: Warning[] = [];
  private readonly col: Partial<Record<Field, number>>;

  constructor(
    readonly kind: FactKind,
    map: ColumnMap,
  ) {
    this.col = map.columns;
  }

  columns(): number[] {
    return Object.values(this.col).filter((v): v is number => v !== undefined);
  }

  private cell(fields: string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : fields[i];
  }

  private warnUnknown(f: Field, raw: string) {
    this.warnings.push({ code: 'value.unknown', field: f, value: raw.trim() });
  }

  /** Decodes one row into `code` and `bits`; returns a rejection, or null when accepted. */
  decode(fields: string[]): Rejection | null {
    if (this.warnings.length !== 0) this.warnings.length = 0; // setting the length is a runtime call: only when needed
    const code = (this.cell(fields, 'code') ?? '').trim();
    if (code === '') return { code: 'row.noCode', field: 'code', params: {} };
    const dateField = this.kind === 'online' ? 'submitted' : this.kind === 'digitization' ? 'digitizedOn' : 'paidOn';
    const dateRaw = (this.cell(fields, dateField) ?? '').trim();
    if (dateRaw !== '' && Number.isNaN(parseDay(dateRaw))) return badDate(this.kind, dateField, dateRaw);
    this.code = code;
    if (this.kind === 'online') this.bits = FactBit.ONLINE;
    else if (this.kind === 'digitization') {
      // A row is a digitized dossier or component; a status column may say otherwise.
      const raw = this.cell(fields, 'status');
      const v = raw === undefined ? BLANK : lookup(YES_NO, raw);
      if (v === UNKNOWN) this.warnUnknown('status', raw!);
      this.bits = v === BLANK || v === YesNo.YES ? FactBit.D_YES : v === YesNo.NO ? FactBit.D_NO : FactBit.D_UNKNOWN;
    } else {
      const amountRaw = this.cell(fields, 'amount');
      const amount = amountRaw === undefined ? -1 : parseFee(amountRaw);
      let bits: number;
      if (Number.isNaN(amount)) {
        this.warnUnknown('amount', amountRaw!);
        bits = FactBit.A_UNKNOWN;
      } else bits = amount < 0 ? FactBit.A_BLANK : amount === 0 ? FactBit.A_ZERO : FactBit.A_POS;
      const methodRaw = this.cell(fields, 'method') ?? '';
      const m = lookup(PAYMENT, methodRaw);
      if (m === UNKNOWN) this.warnUnknown('method', methodRaw);
      this.bits = bits | METHOD_BIT[m]!;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Summary reports: one row per unit with counts. README "Summary reports".

/** The count fields, in contract order; a row's counts are indexed by this order. */
export const COUNT_FIELDS: CountField[] = SUMMARY_FIELDS.filter((s) => s.marker).map((s) => s.field as CountField);
export const COUNT_INDEX = Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, i])) as Record<CountField, number>;

/** A count: digits, optionally grouped by `.`, `,` or spaces in threes; NaN for anything else. */
export function parseCount(raw: string): number {
  const s = raw.trim();
  if (!/^(\d+|\d{1,3}([., ]\d{3})+)$/.test(s)) return NaN;
  return Number(s.replace(/[., ]/g, ''));
}

export class SummaryDecoder {
  unit = '';
  tier: Tier = 'so';
  /** The row's period, or null when the file has no period column. */
  period: Period | null = null;
  /** Count per COUNT_FIELDS index; NaN when the column is absent or the cell blank. */
  readonly counts = new Float64Array(COUNT_FIELDS.length);
  private readonly col: Partial<Record<Field, number>>;
  private readonly tierCache: FoldCache<Tier | null>;

  private readonly unitOf: (tidied: string) => string;

  constructor(map: ColumnMap, unitTier?: UnitTierLookup, unitName?: UnitNameLookup) {
    this.col = map.columns;
    this.tierCache = new FoldCache((name) => unitTier?.(name) ?? tierFromName(name));
    this.unitOf = unitNamer(unitName);
  }

  columns(): number[] {
    return Object.values(this.col).filter((v): v is number => v !== undefined);
  }

  private cell(fields: string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : fields[i];
  }

  decode(fields: string[]): Rejection | null {
    const unit = this.unitOf(tidy(this.cell(fields, 'unit') ?? ''));
    if (unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };
    const tier = resolveTier(this.cell(fields, 'tier'), unit, this.tierCache);
    if (typeof tier !== 'string') return tier;

    let period: Period | null = null;
    const periodRaw = this.cell(fields, 'period');
    if (periodRaw !== undefined) {
      if (periodRaw.trim() === '') return { code: 'row.noPeriod', field: 'period', params: {} };
      period = parseReportPeriod(periodRaw);
      if (period === null) return { code: 'row.badPeriod', field: 'period', params: { value: periodRaw.trim() } };
    }

    const c = this.counts;
    for (let i = 0; i < COUNT_FIELDS.length; i++) {
      const f = COUNT_FIELDS[i]!;
      const raw = this.cell(fields, f);
      if (raw === undefined || raw.trim() === '') {
        c[i] = NaN;
        continue;
      }
      const v = parseCount(raw);
      if (Number.isNaN(v)) {
        const spec = fieldSpec('summary', f);
        return { code: 'row.badCount', field: f, params: { fieldVi: spec.vi, fieldEn: spec.en, value: raw.trim() } };
      }
      c[i] = v;
    }
    for (const { total, parts } of SUMMARY_PARTS) {
      const t = c[COUNT_INDEX[total]]!;
      if (Number.isNaN(t)) continue;
      let sum = 0;
      let any = false;
      for (const p of parts) {
        const v = c[COUNT_INDEX[p]]!;
        if (!Number.isNaN(v)) {
          sum += v;
          any = true;
        }
      }
      if (any && sum > t) {
        const spec = fieldSpec('summary', total);
        const names = (lang: 'vi' | 'en') => parts.map((p) => fieldSpec('summary', p)[lang]).join(' + ');
        return { code: 'row.partsExceedTotal', field: total, params: { fieldVi: spec.vi, fieldEn: spec.en, total: t, sum, partsVi: names('vi'), partsEn: names('en') } };
      }
    }
    this.unit = unit;
    this.tier = tier;
    this.period = period;
    return null;
  }
}
