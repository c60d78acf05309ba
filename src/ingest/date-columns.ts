/**
 * The date columns of a record list, judged on a sample of their first values before the file
 * is read (docs/domain.md "When a column is absent or holds something else"):
 * - a column headed as a date whose values are mostly not dates (one system's "Hạn xử lý" holds
 *   `Quá hạn`, `Trong hạn`) is set aside for that field, with one warning and a sample value,
 *   and the field's next alias is tried; its rows are not rejected for it;
 * - a column with a value that reads only month first (`1/13/2023`) and none that reads only
 *   day first refuses the file, naming the column and the line, advising --date-order mdy.
 * The peek gathers the sample (peek.ts); the decision is made once per file, on the main
 * thread, and handed to the split workers as it is.
 */
import { matchHeaders, type KindFields } from './headers.js';
import { inputError } from '../model/errors.js';
import { parseDay, parseSerialDay } from '../util/dates.js';
import type { Field, Kind } from '../model/kinds.js';

/** The non-blank values looked at per column. */
export const DATE_SAMPLE = 200;
/** The most rows the sample reads (a column mostly blank decides on what it has by then). */
export const SAMPLE_ROWS = 2000;

const DATE_FIELDS: readonly Field[] = ['received', 'due', 'resolved', 'handedOver'];

/**
 * Whether a value that is no date is text (`Quá hạn`, `Còn 2 ngày`), not a date mistyped
 * (`31/02/2023`, `15/15/2023 08:00`): only text is evidence that the column holds something else.
 */
const isText = (v: string) => /\p{L}/u.test(v.replace(/(?<=\d)T(?=\d)|Z$|(SA|CH|AM|PM)$/giu, ''));

/** A date column set aside: its place, the field its header named, the header, a value that is no date. */
export interface SetAside {
  column: number;
  field: Field;
  header: string;
  sample: string;
}

/** A column's first non-blank values, with their lines. */
export class DateSample {
  readonly values = new Map<number, Array<{ value: string; line: number }>>();
  private rows = 0;

  constructor(
    readonly kind: Kind,
    readonly header: readonly string[],
    fields: KindFields,
    /** The header's line. */
    readonly line: number,
  ) {
    // Every column some date field's alias names: the one chosen, and those tried after it.
    const skip = new Set<number>();
    for (;;) {
      const map = matchHeaders(kind, blanked(header, skip), fields);
      const cols = DATE_FIELDS.map((f) => map.columns[f]).filter((k): k is number => k !== undefined && !skip.has(k));
      if (cols.length === 0) break;
      for (const k of cols) {
        this.values.set(k, []);
        skip.add(k);
      }
    }
  }

  /** Takes one data row; false once the sample is full. */
  row(fields: readonly string[], line: number): boolean {
    let full = true;
    for (const [k, list] of this.values) {
      if (list.length >= DATE_SAMPLE) continue;
      const v = (fields[k] ?? '').trim();
      if (v !== '') list.push({ value: v.slice(0, 64), line });
      if (list.length < DATE_SAMPLE) full = false;
    }
    return !full && ++this.rows < SAMPLE_ROWS;
  }
}

const blanked = (header: readonly string[], skip: ReadonlySet<number>) => header.map((h, i) => (skip.has(i) ? '' : h));

/**
 * The columns to set aside, in the order found; throws input.monthFirst for a column read
 * day first (not `mdy`) whose sample reads only month first.
 */
export function judgeDates(sample: DateSample, fields: KindFields, file: string, mdy: boolean, workbook = false): SetAside[] {
  const parse = (v: string, m: boolean) => {
    const d = parseDay(v, m);
    return Number.isNaN(d) && workbook ? parseSerialDay(v) : d;
  };
  const out: SetAside[] = [];
  const skip = new Set<number>();
  for (;;) {
    const map = matchHeaders(sample.kind, blanked(sample.header, skip), fields);
    let changed = false;
    for (const f of DATE_FIELDS) {
      const k = map.columns[f];
      const list = k === undefined ? undefined : sample.values.get(k);
      if (k === undefined || !list || list.length === 0) continue;
      let dates = 0;
      let monthFirst: { value: string; line: number } | null = null;
      let dayFirst = false;
      for (const v of list) {
        const dmy = !Number.isNaN(parse(v.value, mdy));
        const other = !Number.isNaN(parse(v.value, !mdy));
        if (dmy || !isText(v.value)) dates++;
        if (!mdy && !dmy && other) monthFirst ??= v;
        if (!mdy && dmy && !other) dayFirst = true;
      }
      if (monthFirst && !dayFirst) throw inputError({ file, line: monthFirst.line, column: k + 1 }, 'input.monthFirst', { header: sample.header[k]!, value: monthFirst.value });
      if (dates * 2 >= list.length) continue;
      // Mostly not dates: set aside, unless a required field would then have no column (its rows are rejected as before).
      const spec = fields[sample.kind].find((s) => s.field === f);
      const trial = new Set(skip).add(k);
      if (spec?.required && matchHeaders(sample.kind, blanked(sample.header, trial), fields).columns[f] === undefined) continue;
      skip.add(k);
      out.push({ column: k, field: f, header: sample.header[k]!, sample: list.find((v) => Number.isNaN(parse(v.value, mdy)) && isText(v.value))!.value });
      changed = true;
      break;
    }
    if (!changed) return out;
  }
}

/** The header with the set-aside columns blanked: no alias matches them. */
export function withoutSetAside(header: readonly string[], setAside: readonly SetAside[] | undefined): string[] {
  if (!setAside?.length) return [...header];
  return blanked(header, new Set(setAside.map((s) => s.column)));
}
