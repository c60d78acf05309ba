/**
 * What the JSON renderers share: the schema version of `score` and `validate` documents, an
 * input's and a problem's entry, and the writing of a large document in chunks (jsonText).
 */
import { message } from '../i18n/messages.js';
import type { Lang } from '../model/lang.js';
import type { InputReport } from '../model/accounting.js';
import type { Problem } from '../model/problem.js';
import type { Judging, NamedPeriod } from '../model/period.js';
import { formatIso } from '../util/dates.js';

/** `score` and `validate` JSON (README, "JSON output"): bump on any change that is not a pure addition. */
export const SCHEMA_VERSION = 1;

/** One input's entry, shared by `score` and `validate`. */
export function inputJson(i: InputReport) {
  return {
    file: i.file,
    dataset: i.dataset,
    rows: i.rows,
    counted: i.counted,
    rejected: i.rejected,
    superseded: i.superseded,
    unmatched: i.unmatched,
    excluded: i.excluded,
    excludedBy: i.excludedBy,
    warnings: i.warnings,
    bytes: i.bytes,
    format: i.format,
    delimiter: i.delimiter,
    encoding: i.encoding,
    sheet: i.sheet,
    skipped: i.skipped,
    columns: i.columns,
    missingColumns: i.missingColumns,
    ignoredColumns: i.ignoredColumns,
    notComputed: i.notComputed,
    missingFor: i.missingFor,
    joined: i.joined,
    summaryPeriod: i.summaryPeriod,
    summary: i.summary,
    dataFrom: day(i.dataFrom),
    dataTo: day(i.dataTo),
    inPeriod: i.inPeriod,
    unknownValues: i.unknownValues,
  };
}

/** The period scored: its days and name, and the report whose title gave it (null when it was given or the default). */
const day = (d: number | null) => (d === null ? null : formatIso(d));

/** The period's entry, shared by `score` and `validate`: P (and where it came from), with J and the data's dates (README "JSON output"). */
export function periodJson(p: NamedPeriod, j: Judging) {
  return {
    from: formatIso(p.from),
    to: formatIso(p.to),
    label: p.label,
    fromTitle: p.fromTitle ?? null,
    asOf: day(j.asOf),
    judgedAt: day(j.judgedAt),
    dataFrom: day(j.dataFrom),
    dataTo: day(j.dataTo),
  };
}

export function problemJson(p: Problem, lang: Lang) {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    header: p.header,
    severity: p.severity,
    field: p.field,
    code: p.code,
    message: message(lang, p.code, p.params),
  };
}

/**
 * An array whose elements are made as they are written (jsonText): up to 100 000 problems, each
 * with its message, are then never all held at once. JSON.stringify sees the made array.
 */
export class LazyArray<S, T> {
  constructor(
    readonly items: readonly S[],
    readonly make: (item: S) => T,
  ) {}
  toJSON(): T[] {
    return this.items.map(this.make);
  }
}

const CHUNK_CHARS = 1 << 13;

/**
 * `JSON.stringify(value, null, 2) + '\n'`, in chunks of about 64 K characters, so that a large
 * document (100 000 problems is some 30 MB) is never built as one string: the chunks are
 * written as they come. Joined, they are exactly that text (test/report/json.test.ts).
 */
export function* jsonText(value: unknown): Generator<string> {
  let buf = '';
  for (const piece of jsonPieces(resolved(value, '', 2), '', 2)) {
    buf += piece;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}\n`;
}

/**
 * The pieces of JSON.stringify(value, null, 2) for a value written at `indent`: the members of
 * objects and the elements of arrays `levels` deep one by one, anything deeper whole. `value` is
 * already resolved (toJSON applied) and is not undefined, a function or a symbol (which have no
 * JSON text; as members they are left out, as elements written null, as JSON.stringify does).
 */
function* jsonPieces(value: unknown, indent: string, levels: number): Generator<string> {
  const whole = levels === 0 || value === null || typeof value !== 'object' || value instanceof Number || value instanceof String || value instanceof Boolean;
  if (whole) {
    const text = JSON.stringify(value, null, 2);
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value) || value instanceof LazyView) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = resolved(value instanceof LazyView ? value.at(i) : value[i], String(i), levels - 1);
      if (hasJson(v)) yield* jsonPieces(v, inner, levels - 1);
      else yield 'null';
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  // Members read, resolved and written one at a time, in JSON.stringify's order.
  yield '{';
  let none = true;
  for (const k of Object.keys(value)) {
    const v = resolved((value as Record<string, unknown>)[k], k, levels - 1);
    if (!hasJson(v)) continue;
    yield `${none ? '\n' : ',\n'}${inner}${JSON.stringify(k)}: `;
    none = false;
    yield* jsonPieces(v, inner, levels - 1);
  }
  yield none ? '}' : `\n${indent}}`;
}

/**
 * A member's or element's value as JSON.stringify writes it: what its toJSON(key) gives, if it
 * has one — except a LazyArray that is written element by element (`levels` left), which is
 * read through a LazyView instead.
 */
function resolved(v: unknown, key: string, levels: number): unknown {
  if (v instanceof LazyArray && levels > 0) return new LazyView(v);
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return (toJSON as (key: string) => unknown).call(v, key);
  }
  return v;
}

/** A LazyArray read element by element (its toJSON would make them all). */
class LazyView<S, T> {
  constructor(private readonly lazy: LazyArray<S, T>) {}
  get length(): number {
    return this.lazy.items.length;
  }
  at(i: number): T {
    return this.lazy.make(this.lazy.items[i]!);
  }
}

/** Whether JSON.stringify writes the value (undefined, functions and symbols it does not). */
function hasJson(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}
