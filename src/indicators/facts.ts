/**
 * Facts from separate exports (online submissions, digitization, payments), joined to the
 * dossier lists by dossier code. README "Joined exports" gives the rules:
 *
 * - The fact exports are read before the dossier lists. For each file we keep one small entry
 *   per distinct code (what its rows say, OR-ed; the first row's line; how many rows): memory
 *   grows with distinct codes, never with rows.
 * - For an accepted dossier row, the facts for its code override the row's own column; a
 *   dossier that no export of that kind lists keeps its own column, or, when its list has no
 *   such column, is taken as not online / not digitized / no payment recorded.
 * - Several rows per code are the shape of digitization (one per component) and payment
 *   exports (one per payment): all are counted. A repeated online row says nothing new: the
 *   repeats are counted as superseded.
 * - A code that no accepted dossier row carries is unmatched: its rows are counted as
 *   unmatched in their file and reported (one error, at the code's first line).
 */
import { ABSENT, BLANK, Channel, FactBit, Payment, UNKNOWN, YesNo, type RowRecord } from '../model/record.js';
import type { FactKind, Field } from '../model/kinds.js';

/** The dossier fields a fact kind provides (so a dossier list without them can still feed the rule). */
export const FACT_FIELDS: Record<FactKind, readonly Field[]> = {
  online: ['channel'],
  digitization: ['digitized'],
  payments: ['fee', 'payment'],
};

function grow<T extends Int32Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(a.length * 2, need));
  b.set(a);
  return b;
}

export interface Unmatched {
  code: string;
  line: number;
  rows: number;
}

export class FactFile {
  private readonly codes = new Map<string, number>();
  private entries = 0;
  private bits = new Int32Array(256);
  private line = new Int32Array(256);
  private rows = new Int32Array(256);
  private matched = new Uint8Array(256);
  /** Repeated online rows. */
  superseded = 0;

  constructor(
    readonly kind: FactKind,
    /** The input's number in the score's inputs. */
    readonly input: number,
  ) {}

  add(code: string, bits: number, line: number): void {
    const e = this.codes.get(code);
    if (e !== undefined) {
      if (this.kind === 'online') this.superseded++;
      else {
        this.bits[e] = this.bits[e]! | bits;
        this.rows[e] = this.rows[e]! + 1;
      }
      return;
    }
    const n = this.entries++;
    this.bits = grow(this.bits, n + 1, (k) => new Int32Array(k));
    this.line = grow(this.line, n + 1, (k) => new Int32Array(k));
    this.rows = grow(this.rows, n + 1, (k) => new Int32Array(k));
    this.matched = grow(this.matched, n + 1, (k) => new Uint8Array(k));
    this.codes.set(code, n);
    this.bits[n] = bits;
    this.line[n] = line;
    this.rows[n] = 1;
  }

  /** The facts for `code` (0 when none), marking the code as matched. */
  take(code: string): number {
    const e = this.codes.get(code);
    if (e === undefined) return 0;
    this.matched[e] = 1;
    return this.bits[e]!;
  }

  /** Rows of matched codes, rows of unmatched codes, distinct codes matched, and the unmatched codes (first `keep`). */
  settle(keep: number): { counted: number; unmatched: number; matchedCodes: number; list: Unmatched[]; listed: number } {
    let counted = 0;
    let unmatched = 0;
    let matchedCodes = 0;
    const list: Unmatched[] = [];
    let listed = 0;
    for (const [code, e] of this.codes) {
      if (this.matched[e]) {
        counted += this.rows[e]!;
        matchedCodes++;
      } else {
        unmatched += this.rows[e]!;
        listed++;
        if (list.length < keep) list.push({ code, line: this.line[e]!, rows: this.rows[e]! });
      }
    }
    list.sort((a, b) => a.line - b.line);
    return { counted, unmatched, matchedCodes, list, listed };
  }

  /** All accepted rows (counted + unmatched). */
  accepted(): number {
    let n = 0;
    for (let e = 0; e < this.entries; e++) n += this.rows[e]!;
    return n;
  }
}

export class FactStore {
  readonly files: FactFile[] = [];
  private readonly byKind: Record<FactKind, FactFile[]> = { online: [], digitization: [], payments: [] };

  addFile(kind: FactKind, input: number): FactFile {
    const f = new FactFile(kind, input);
    this.files.push(f);
    this.byKind[kind].push(f);
    return f;
  }

  has(kind: FactKind): boolean {
    return this.byKind[kind].length > 0;
  }

  get empty(): boolean {
    return this.files.length === 0;
  }

  private take(kind: FactKind, code: string): number {
    let bits = 0;
    for (const f of this.byKind[kind]) bits |= f.take(code);
    return bits;
  }

  /** The join hook: overrides an accepted dossier record's fields from the facts for its code. */
  apply(r: RowRecord): void {
    const B = FactBit;
    if (this.byKind.online.length) {
      if (this.take('online', r.code) & B.ONLINE) r.channel = Channel.ONLINE;
      else if (r.channel === ABSENT) r.channel = Channel.OFFLINE;
    }
    if (this.byKind.digitization.length) {
      const b = this.take('digitization', r.code);
      if (b) r.digitized = b & B.D_YES ? YesNo.YES : b & B.D_UNKNOWN ? UNKNOWN : YesNo.NO;
      else if (r.digitized === ABSENT) r.digitized = YesNo.NO;
    }
    if (this.byKind.payments.length) {
      const b = this.take('payments', r.code);
      if (b) {
        // A positive amount on any payment is an obligation; else a recorded method says so.
        r.fee = b & B.A_POS ? 1 : b & B.A_UNKNOWN ? NaN : b & B.A_BLANK ? -1 : 0;
        r.payment =
          b & B.M_ONLINE ? Payment.ONLINE : b & B.M_NONCASH ? Payment.NON_CASH : b & B.M_UNKNOWN ? UNKNOWN : b & B.M_CASH ? Payment.CASH : BLANK;
      } else {
        if (r.payment === ABSENT) r.payment = BLANK;
        if (r.fee === ABSENT) r.fee = -1;
      }
    }
  }
}
