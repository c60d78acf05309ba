/**
 * CSV rows → typed records. One decoder per file: it knows the file's columns, turns each row
 * into a record (reused between rows), or says why the row is rejected, and reports unknown
 * values as warnings. Rejection rules and vocabularies: domain.md, "Bad rows".
 */
import {
  BLANK,
  CHANNEL,
  PAYMENT,
  RATING,
  UNKNOWN,
  YES_NO,
  YesNo,
  fieldSpec,
  lookup,
  parseFee,
  type Dataset,
  type Field,
  type Vocabulary,
} from './contract.js';
import type { ColumnMap } from './headers.js';
import { tierFromColumn, tierFromName, type Tier } from './tier.js';
import { parseDay, formatIso } from '../util/dates.js';
import { FoldCache, fold, tidy } from '../util/text.js';

/** The file has no column for the field. */
export const ABSENT = -2;

export interface RowRecord {
  code: string;
  unit: string;
  tier: Tier;
  received: number;
  /** Day number, or NaN when blank. */
  due: number;
  /** Day number, or NaN when blank (open). */
  resolved: number;
  /** Vocabulary codes; BLANK, UNKNOWN or ABSENT otherwise. */
  channel: number;
  digitized: number;
  eResult: number;
  rating: number;
  payment: number;
  /** VND ≥ 0; -1 blank; NaN unknown; ABSENT with no column. */
  fee: number;
}

export interface Rejection {
  code: string;
  field: Field | null;
  params: Record<string, string | number>;
}

export interface Warning {
  code: 'value.unknown' | 'value.blank';
  field: Field;
  value: string;
}

/** Resolves a unit's tier from a units file (domain.md tier rule 2); undefined when it does not know the unit. */
export type UnitTierLookup = (unitName: string) => Tier | undefined;

export class RowDecoder {
  readonly record: RowRecord;
  readonly warnings: Warning[] = [];
  private readonly col: Partial<Record<Field, number>>;
  private readonly tierCache: FoldCache<Tier | null>;
  private readonly vocabCaches = new Map<Vocabulary, FoldCache<number>>();

  constructor(
    readonly dataset: Dataset,
    map: ColumnMap,
    unitTier?: UnitTierLookup,
  ) {
    this.col = map.columns;
    this.record = {
      code: '',
      unit: '',
      tier: 'so',
      received: NaN,
      due: NaN,
      resolved: NaN,
      channel: ABSENT,
      digitized: ABSENT,
      eResult: ABSENT,
      rating: ABSENT,
      payment: ABSENT,
      fee: ABSENT,
    };
    this.tierCache = new FoldCache((name) => unitTier?.(name) ?? tierFromName(name));
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
    this.warnings.length = 0;
    const r = this.record;
    const code = (this.cell(fields, 'code') ?? '').trim();
    if (code === '') return { code: 'row.noCode', field: 'code', params: {} };
    const unitRaw = this.cell(fields, 'unit') ?? '';
    const unit = tidy(unitRaw);
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
    let tier: Tier | null | undefined = null;
    const tierRaw = this.cell(fields, 'tier');
    if (tierRaw !== undefined) {
      tier = tierFromColumn(tierRaw);
      if (tier === undefined) return { code: 'row.badTier', field: 'tier', params: { value: tierRaw.trim() } };
    }
    if (tier === null) tier = this.tierCache.get(unit);
    if (tier === null) return { code: 'row.tierUndecidable', field: 'unit', params: { unit } };

    r.code = code;
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
}

function badDate(dataset: Dataset, field: Field, value: string): Rejection {
  const spec = fieldSpec(dataset, field);
  return { code: 'row.badDate', field, params: { fieldVi: spec.vi, fieldEn: spec.en, value } };
}

/** The unit's identity for grouping: folded name (see util/text.ts). */
export function unitKey(name: string): string {
  return fold(name);
}
