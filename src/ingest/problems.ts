/**
 * Where the problems of an ingest pass go: every one is counted, the first `max` are kept
 * (within MAX_PROBLEM_CHARS of text).
 * FileProblems places a row's problem in its file (column number and header from the file's
 * column map) and keeps the file's accounting of rejected rows and warnings.
 */
import { fieldSpec } from './contract.js';
import type { ColumnMap } from './headers.js';
import type { Field, Kind } from '../model/kinds.js';
import type { Problem, Rejection, Warning } from '../model/problem.js';
import type { InputReport } from '../model/accounting.js';
import { UnknownCounter } from './unknown-values.js';

export const DEFAULT_MAX_PROBLEMS = 100_000;

/**
 * The text the kept problems may hold in all (characters of their values, headers and file
 * names): values run to 1 KiB (contract.ts MAX_FIELD_BYTES), so 100,000 problems could hold a
 * few hundred MB. Past it problems are counted, not kept, as past `max`.
 */
export const MAX_PROBLEM_CHARS = 16 << 20;

/** A problem's text, roughly: what keeping it costs. */
function problemChars(p: Problem): number {
  let n = 64 + p.file.length + (p.header?.length ?? 0);
  for (const v of Object.values(p.params)) if (typeof v === 'string') n += v.length;
  return n;
}

export class ProblemLog {
  readonly list: Problem[] = [];
  /** Problems found, kept or not. */
  count = 0;
  private chars = 0;
  constructor(readonly max: number = DEFAULT_MAX_PROBLEMS) {}

  get full(): boolean {
    return this.list.length >= this.max || this.chars >= MAX_PROBLEM_CHARS;
  }

  /** Room left for problems to keep. */
  get room(): number {
    return this.chars >= MAX_PROBLEM_CHARS ? 0 : Math.max(0, this.max - this.list.length);
  }

  push(p: Problem): void {
    this.count++;
    this.keep(p);
  }

  /** Keeps `p` (not counted here) when there is room. */
  keep(p: Problem): void {
    if (this.full) return;
    this.chars += problemChars(p);
    this.list.push(p);
  }

  /** Problems found elsewhere (a worker thread's range): `kept` of them kept there, `count` in all. */
  merge(kept: readonly Problem[], count: number): void {
    for (const p of kept) this.keep(p);
    this.count += count;
  }
}

type RowProblem = Omit<Problem, 'file' | 'column' | 'header' | 'field'> & { field: Field | null };

export class FileProblems {
  /** The file's columns, once its header is read. */
  map: ColumnMap | undefined;
  /** The values its fields did not know (a tier column's reject the row). */
  readonly unknown = new UnknownCounter();

  constructor(
    readonly log: ProblemLog,
    readonly file: string,
    private readonly counts: Pick<InputReport, 'rejected' | 'warnings' | 'excluded' | 'excludedBy'>,
  ) {}

  add(p: RowProblem): void {
    this.log.count++;
    if (this.log.full) return;
    const col = p.field !== null ? this.map?.columns[p.field] : undefined;
    this.log.keep({
      file: this.file,
      column: col === undefined ? null : col + 1,
      header: p.field !== null ? (this.map?.headers[p.field] ?? null) : null,
      ...p,
    });
  }

  /** A rejected row: counted as rejected, its reason reported as an error. */
  reject(line: number, r: Rejection): void {
    this.counts.rejected++;
    if (r.code === 'row.badTier') this.unknown.add('tier', String(r.params.value));
    this.add({ line, severity: 'error', field: r.field, code: r.code, params: r.params });
  }

  /** A row the data excludes (a dossier never accepted): counted as excluded, its reason reported. */
  exclude(line: number, r: Rejection): void {
    this.counts.excluded++;
    this.counts.excludedBy.notAccepted++;
    this.add({ line, severity: 'info', field: r.field, code: r.code, params: r.params });
  }

  /** A row's warnings (unknown or blank values), each counted and reported, in the order of their columns. */
  warn(line: number, kind: Kind, warnings: readonly Warning[]): void {
    // The decoder finds them field by field; a reader goes along the row.
    const cols = this.map?.columns;
    const ordered = warnings.length > 1 && cols ? [...warnings].sort((a, b) => (cols[a.field] ?? -1) - (cols[b.field] ?? -1)) : warnings;
    for (const w of ordered) {
      this.counts.warnings++;
      if (w.code === 'value.unknown') this.unknown.add(w.field, w.value);
      const spec = fieldSpec(kind, w.field);
      this.add({ line, severity: 'warning', field: w.field, code: w.code, params: { fieldVi: spec.vi, fieldEn: spec.en, value: w.value } });
    }
  }
}
