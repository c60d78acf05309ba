/**
 * Dossier and PAKN rows → typed records (model/record.ts). One decoder per file: it knows the
 * file's columns, turns each row into a record (reused between rows), or says why the row is
 * rejected, and reports unknown values as warnings. Rejection rules and vocabularies:
 * docs/domain.md, "Bad rows".
 */
import { PAYMENT_FLAG_HEADER, lookup, parseFee, valueKey, type Vocabulary } from '../vocabulary.js';
import { DEFAULT_CONTRACT, type Contract } from '../mapping.js';
import { headerKey } from '../headers.js';
import type { ColumnMap } from '../headers.js';
import { tierFromColumn, tierFromName } from '../tier.js';
import { badDate, resolveTier, unitNamer, type UnitNameLookup, type UnitTierLookup } from './decoding.js';
import { parseDay, parseDayBytes, parseSerialDay, parsedMinute, formatIso } from '../../util/dates.js';
import { ByteMemo, FoldCache, tidy, type ByteFields } from '../../util/text.js';
import { ABSENT, BLANK, Channel, DossierStatus, UNKNOWN, YesNo, type RowRecord } from '../../model/record.js';
import { inputError } from '../../model/errors.js';
import type { Dataset, Field } from '../../model/kinds.js';
import type { Tier } from '../../model/tier.js';
import type { Rejection, Warning } from '../../model/problem.js';

/** The decoder's reusable record: `code` is decoded from the row's bytes only when asked for. */
class DecodedRecord implements RowRecord {
  unit = '';
  tier: Tier = 'so';
  received = NaN;
  due = NaN;
  resolved = NaN;
  dueTime = -1;
  resolvedTime = -1;
  channel = ABSENT;
  digitized = ABSENT;
  eResult = ABSENT;
  rating = ABSENT;
  payment = ABSENT;
  fee = ABSENT;
  status = ABSENT;
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

/**
 * The most distinct units one file may name: a province has at most a few thousand (the whole
 * country ~10,600 communes and ~700 districts); each costs ~1 KB and ~40 µs (300,000 of them
 * took 13 s and 350 MB), and would make a table of their own.
 */
export const MAX_UNITS = 65_536;

/** A byte at the edge of a field that JavaScript's trim() certainly keeps: printable ASCII, not a space. */
const solid = (c: number) => c > 0x20 && c < 0x7f;

interface UnitInfo {
  unit: string;
  /** Tier from a units file or the name; null when undecidable. */
  tier: Tier | null;
  /** See RowRecord.unitSlots. */
  slots: Int32Array;
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
  private readonly tierMemo: ByteMemo<Tier | null | undefined>;
  private readonly feeMemo: ByteMemo<number>;
  private readonly fee: (raw: string) => number;
  private readonly tierVocab: Vocabulary;
  /** The byte path's vocabulary columns: field, column (undefined when absent) and memo, looked up once, not per row. */
  private readonly channelCol: VocabColumn;
  private readonly digitizedCol: VocabColumn;
  private readonly eResultCol: VocabColumn;
  private readonly ratingCol: VocabColumn;
  private readonly paymentCol: VocabColumn;
  private readonly statusCol: VocabColumn;
  /** The channel's blank: a warning in a channel column, not online in a yes/no column (onlineFlag). */
  private readonly channelBlank: number | null;
  private codeScratch = Buffer.alloc(64);
  /** --date-order mdy. */
  private readonly mdy: boolean;

  /** The distinct units named so far (tidied), up to MAX_UNITS: past it the file is refused. */
  private readonly units = new Set<string>();

  constructor(
    readonly dataset: Dataset,
    map: ColumnMap,
    unitTier?: UnitTierLookup,
    unitName?: UnitNameLookup,
    contract: Contract = DEFAULT_CONTRACT,
    /** The file's name, for the refusal of too many units. */
    private readonly file = '',
    /** The file is a workbook (XLSX): a plain number in a date column is a date serial. */
    private readonly workbook = false,
  ) {
    this.col = map.columns;
    this.mdy = contract.mdy === true;
    const v = contract.vocab;
    this.tierVocab = v.tier;
    this.tierMemo = new ByteMemo((raw) => tierFromColumn(raw, v.tier));
    const fees = contract.fees;
    this.fee = fees.size === 0 ? parseFee : (raw) => fees.get(valueKey(raw)) ?? parseFee(raw);
    this.feeMemo = new ByteMemo(this.fee);
    this.rec = new DecodedRecord();
    this.record = this.rec;
    this.tierCache = new FoldCache((name) => unitTier?.(name) ?? tierFromName(name));
    this.unitOf = unitNamer(unitName);
    this.unitMemo = new ByteMemo((raw) => {
      const unit = this.seen(this.unitOf(tidy(raw)));
      return { unit, tier: unit === '' ? null : this.tierCache.get(unit), slots: new Int32Array([-1, -1, -1]) };
    });
    const vocab = (field: Field, vocabulary: Vocabulary): VocabColumn => ({ field, k: this.col[field], vocab: vocabulary, memo: new ByteMemo((raw) => lookup(vocabulary, raw)) });
    // The channel: its column, else a yes/no column (docs/domain.md "Values as real systems write them").
    const flagOnly = this.col.channel === undefined && this.col.onlineFlag !== undefined;
    this.channelCol = flagOnly ? vocab('onlineFlag', v.onlineFlag) : vocab('channel', v.channel);
    this.channelBlank = flagOnly ? Channel.OFFLINE : null;
    this.digitizedCol = vocab('digitized', v.digitized);
    this.eResultCol = vocab('eResult', v.eResult);
    this.ratingCol = vocab('rating', v.rating);
    // A payment column headed DuocThanhToanTrucTuyen: 0 and 3 are "not paid online, method not stated".
    const flagPayment = map.headers.payment !== undefined && headerKey(map.headers.payment) === headerKey(PAYMENT_FLAG_HEADER);
    this.paymentCol = vocab('payment', flagPayment ? v.paymentFlag : v.payment);
    this.statusCol = vocab('status', v.status);
  }

  /** A unit named in a row: counted among the file's distinct units (see MAX_UNITS). */
  private seen(unit: string): string {
    if (this.units.size < MAX_UNITS) this.units.add(unit);
    else if (!this.units.has(unit)) throw inputError({ file: this.file }, 'input.tooManyUnits', { limit: MAX_UNITS });
    return unit;
  }

  /** The columns this decoder reads, for the CSV reader to decode. */
  columns(): number[] {
    const skip = this.col.channel !== undefined ? this.col.onlineFlag : undefined; // the channel column decides
    return Object.values(this.col).filter((v): v is number => v !== undefined && v !== skip);
  }

  private cell(fields: string[], f: Field): string | undefined {
    const i = this.col[f];
    return i === undefined ? undefined : fields[i];
  }

  private vocab(fields: string[], c: VocabColumn, blankIs: number | null): number {
    const f = c.field;
    const v = c.vocab;
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
    const d = parseDay(raw, this.mdy);
    // A workbook's date column may hold plain numbers: date serials without a date format.
    return Number.isNaN(d) && this.workbook ? parseSerialDay(raw) : d;
  }

  /** Decodes one row into `this.record`; returns a rejection, or null when accepted. */
  decode(fields: string[]): Rejection | null {
    if (this.warnings.length !== 0) this.warnings.length = 0; // setting the length is a runtime call: only when needed
    const r = this.record;
    const code = (this.cell(fields, 'code') ?? '').trim();
    if (code === '') return { code: 'row.noCode', field: 'code', params: {} };
    // Status: a dossier never accepted is excluded (docs/domain.md "Dossier status").
    const status = this.statusCol.k === undefined ? ABSENT : this.vocab(fields, this.statusCol, BLANK);
    if (status === DossierStatus.EXCLUDED) return excluded(this.cell(fields, 'status')!);
    const unitRaw = this.cell(fields, 'unit') ?? '';
    const unit = this.seen(this.unitOf(tidy(unitRaw)));
    if (unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };

    const receivedRaw = (this.cell(fields, 'received') ?? '').trim();
    if (receivedRaw === '') return { code: 'row.noReceived', field: 'received', params: {} };
    const received = this.date(receivedRaw);
    if (Number.isNaN(received)) return badDate(this.dataset, 'received', receivedRaw, this.mdy);

    let due = NaN;
    let dueTime = -1;
    const dueRaw = (this.cell(fields, 'due') ?? '').trim();
    if (dueRaw !== '') {
      due = this.date(dueRaw);
      if (Number.isNaN(due)) return badDate(this.dataset, 'due', dueRaw, this.mdy);
      dueTime = parsedMinute();
    }
    let resolved = NaN;
    let resolvedTime = -1;
    // The processing end, else the hand-over date.
    let resolvedField: Field = 'resolved';
    let resolvedRaw = (this.cell(fields, 'resolved') ?? '').trim();
    if (resolvedRaw === '' && this.col.handedOver !== undefined) resolvedRaw = (this.cell(fields, (resolvedField = 'handedOver')) ?? '').trim();
    if (resolvedRaw !== '') {
      resolved = this.date(resolvedRaw);
      if (Number.isNaN(resolved)) return badDate(this.dataset, resolvedField, resolvedRaw, this.mdy);
      resolvedTime = parsedMinute();
      // Calendar dates: a same-day resolution at an earlier clock time is no error (docs/domain.md).
      if (resolved < received) {
        return { code: 'row.resolvedBeforeReceived', field: 'resolved', params: { resolved: formatIso(resolved), received: formatIso(received) } };
      }
    }

    // Tier: the row's column, then a units file, then the name.
    const tier = resolveTier(this.cell(fields, 'tier'), unit, this.tierCache, this.tierVocab);
    if (typeof tier !== 'string') return tier;

    this.rec.code = code;
    this.rec.unitSlots = null;
    r.unit = unit;
    r.tier = tier;
    r.received = received;
    r.due = due;
    r.resolved = resolved;
    r.dueTime = dueTime;
    r.resolvedTime = resolvedTime;
    r.status = status;
    // Warnings come out in the contract's field order.
    if (this.dataset === 'dossiers') {
      r.channel = this.vocab(fields, this.channelCol, this.channelBlank);
      r.digitized = this.vocab(fields, this.digitizedCol, YesNo.NO);
      r.eResult = this.vocab(fields, this.eResultCol, YesNo.NO);
    }
    r.rating = this.vocab(fields, this.ratingCol, BLANK);
    if (this.dataset === 'dossiers') {
      const feeRaw = this.cell(fields, 'fee');
      if (feeRaw === undefined) r.fee = ABSENT;
      else {
        r.fee = this.fee(feeRaw);
        if (Number.isNaN(r.fee)) this.warnings.push({ code: 'value.unknown', field: 'fee', value: feeRaw.trim() });
      }
      r.payment = this.vocab(fields, this.paymentCol, BLANK);
    }
    if (status === DossierStatus.WITHDRAWN && Number.isNaN(resolved)) this.warnWithdrawnOpen();
    return null;
  }

  /** A withdrawn or stopped dossier with no resolved date leaves the resolved-based indicators (docs/domain.md "Dossier status"). */
  private warnWithdrawnOpen(): void {
    this.warnings.push({ code: 'status.withdrawnOpen', field: 'status', value: '' });
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

    // Status: a dossier never accepted is excluded.
    const status = this.statusCol.k === undefined ? ABSENT : this.vocabBytes(row, this.statusCol, BLANK);
    if (status === DossierStatus.EXCLUDED) return excluded(row.text(this.statusCol.k!));

    // Unit.
    const u = this.unitMemo.get(row, col.unit!);
    if (u.unit === '') return { code: 'row.noUnit', field: 'unit', params: {} };

    // Dates.
    const received = this.dayBytes(row, col.received!);
    if (received === BLANK_DAY) return { code: 'row.noReceived', field: 'received', params: {} };
    if (Number.isNaN(received)) return badDate(this.dataset, 'received', row.text(col.received!).trim(), this.mdy);
    let due = NaN;
    let dueTime = -1;
    if (col.due !== undefined) {
      due = this.dayBytes(row, col.due);
      if (due === BLANK_DAY) due = NaN;
      else if (Number.isNaN(due)) return badDate(this.dataset, 'due', row.text(col.due).trim(), this.mdy);
      else dueTime = parsedMinute();
    }
    let resolved = NaN;
    let resolvedTime = -1;
    // The processing end, else the hand-over date.
    let rk = col.resolved;
    if (rk !== undefined) resolved = this.dayBytes(row, rk);
    if ((rk === undefined || resolved === BLANK_DAY) && col.handedOver !== undefined) resolved = this.dayBytes(row, (rk = col.handedOver));
    if (rk !== undefined) {
      if (resolved === BLANK_DAY) resolved = NaN;
      else if (Number.isNaN(resolved)) return badDate(this.dataset, rk === col.resolved ? 'resolved' : 'handedOver', row.text(rk).trim(), this.mdy);
      else if (resolved < received) {
        return { code: 'row.resolvedBeforeReceived', field: 'resolved', params: { resolved: formatIso(resolved), received: formatIso(received) } };
      } else resolvedTime = parsedMinute();
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
    r.dueTime = dueTime;
    r.resolvedTime = resolvedTime;
    r.status = status;
    if (this.dataset === 'dossiers') {
      r.channel = this.vocabBytes(row, this.channelCol, this.channelBlank);
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
    if (status === DossierStatus.WITHDRAWN && Number.isNaN(resolved)) this.warnWithdrawnOpen();
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
        const d = parseDayBytes(b, s, e, this.mdy);
        if (!Number.isNaN(d)) return d;
      }
    }
    const raw = row.text(k).trim();
    return raw === '' ? BLANK_DAY : parseDay(raw, this.mdy);
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
  readonly vocab: Vocabulary;
  readonly memo: ByteMemo<number>;
}

/** A row whose status says the dossier was never accepted: excluded, not rejected. */
const excluded = (raw: string): Rejection => ({ code: 'row.excluded', field: 'status', params: { value: raw.trim() } });

