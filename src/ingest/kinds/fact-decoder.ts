/**
 * Fact exports (online submissions, digitization, payments): one small bit set per row (the
 * FactBit of model/record.ts), OR-ed per dossier code by indicators/facts.ts. README "Joined
 * exports".
 */
import { PAYMENT, YES_NO, lookup, parseFee } from '../vocabulary.js';
import type { ColumnMap } from '../headers.js';
import { badDate } from './decoding.js';
import { parseDay } from '../../util/dates.js';
import { BLANK, FactBit, Payment, UNKNOWN, YesNo } from '../../model/record.js';
import type { FactKind, Field } from '../../model/kinds.js';
import type { Rejection, Warning } from '../../model/problem.js';

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

