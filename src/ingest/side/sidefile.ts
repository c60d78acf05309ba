/**
 * Reading the small side inputs — the procedures catalog, the units file, the task status
 * file — through the same CSV reader (csv.ts), the one header matcher (headers.ts) and the
 * same row accounting as the exports: every row is counted, rejected (with file, line, column
 * and reason) or superseded by a later row with the same key.
 */
import { CsvError } from '../csv.js';
import { readTable, takeStats } from '../table.js';
import { matchFields, type FieldColumns } from '../headers.js';
import { MAX_FIELD_BYTES, type FieldSpec } from '../contract.js';
import type { InputSource } from '../source.js';
import { csvError, missingRequired } from '../errors.js';
import { inputError, type ErrorCode } from '../../model/errors.js';
import { emptyAccounting } from '../../model/accounting.js';
import type { Problem } from '../../model/problem.js';
import type { SideReport } from '../../model/side.js';

/** A side file's problem: the same shape as an export's (model/problem.ts). */
export type SideProblem = Problem;

// report/tasks.ts still imports SideReport from here; it lives in model/side.ts (the layer rules
// in .dependency-cruiser.mjs keep report/ out of ingest/), and this re-export goes with that import.
export type { SideReport };

/** What a row handler gets: the row's cells by field, and ways to reject it or warn. */
export interface SideRow<F extends string> {
  line: number;
  /** The cell of a field (untrimmed), or undefined when the file has no such column. */
  cell(f: F): string | undefined;
  has(f: F): boolean;
  warn(f: F | null, code: string, params?: Record<string, string | number>): void;
  /** Reports a row that is neither counted nor rejected (an unmatched key), as an error. */
  unmatched(f: F | null, code: string, params?: Record<string, string | number>): void;
}

/** A row handler returns null to accept the row, or a rejection. */
export type SideRejection<F extends string> = { field: F | null; code: string; params?: Record<string, string | number> };

export interface SideKind<F extends string> {
  specs: readonly FieldSpec<F>[];
  /** "danh mục TTHC" / "catalog", for messages. */
  vi: string;
  en: string;
  /** Checks the header beyond required fields (e.g. "name or code"); returns an error code or null. */
  checkHeader?: (map: FieldColumns<F>) => ErrorCode | null;
}

/**
 * The most bytes a side file may hold: the procedures catalog, the largest, is ~2 MB for a
 * province (a few thousand procedures); a units list of a thousand units, ~100 KB. (A side
 * file's rows cost ~8 µs each: 16 MiB of them, ~6 s.)
 */
export const MAX_SIDE_BYTES = 16 << 20;

export async function readSideFile<F extends string>(
  source: InputSource,
  kind: SideKind<F>,
  handle: (row: SideRow<F>) => SideRejection<F> | null,
  problems: SideProblem[],
): Promise<{ report: SideReport<F>; map: FieldColumns<F> }> {
  let map: FieldColumns<F> | undefined;
  const report: SideReport<F> = {
    ...emptyAccounting(source.name),
    columns: {},
    missingColumns: [],
  };
  const problem = (line: number, severity: 'error' | 'warning', field: F | null, code: string, params: Record<string, string | number> = {}) => {
    const col = field !== null ? map?.columns[field] : undefined;
    const spec = field !== null ? kind.specs.find((s) => s.field === field) : undefined;
    problems.push({
      file: source.name,
      line,
      column: col === undefined ? null : col + 1,
      header: field !== null ? (map?.headers[field] ?? null) : null,
      severity,
      field,
      code,
      params: spec ? { fieldVi: spec.vi, fieldEn: spec.en, ...params } : params,
    });
  };
  let fields: string[] = [];
  let line = 0;
  const row: SideRow<F> = {
    get line() {
      return line;
    },
    cell: (f) => {
      const i = map!.columns[f];
      return i === undefined ? undefined : fields[i];
    },
    has: (f) => map!.columns[f] !== undefined,
    warn: (f, code, params) => {
      report.warnings++;
      problem(line, 'warning', f, code, params);
    },
    unmatched: (f, code, params) => {
      report.unmatched++;
      problem(line, 'error', f, code, params);
    },
  };
  try {
    const stats = await readTable(
      source,
      {
        header(h, at) {
          map = matchFields(kind.specs, h);
          if (map.missingRequired.length) throw missingRequired(source.name, at, kind, map.missingRequired);
          const bad = kind.checkHeader?.(map);
          if (bad) throw inputError({ file: source.name, line: at }, bad, { kindVi: kind.vi, kindEn: kind.en });
          report.columns = map.headers;
          report.missingColumns = map.missing;
          return Object.values(map.columns) as number[];
        },
        row(f, count, at, malformed) {
          report.rows++;
          line = at;
          fields = f;
          if (malformed) {
            report.rejected++;
            problem(at, 'error', null, 'row.malformed');
            return;
          }
            if (count !== map!.width) {
            report.warnings++;
            problem(at, 'warning', null, 'row.fieldCount', { got: count, want: map!.width });
          }
          const long = (Object.entries(map!.columns) as Array<[F, number]>).find(([, k]) => (f[k]?.length ?? 0) > MAX_FIELD_BYTES);
          if (long) {
            report.rejected++;
            problem(at, 'error', long[0], 'row.tooLong', { length: f[long[1]]!.length, limit: MAX_FIELD_BYTES });
            return;
          }
          const rejection = handle(row);
          if (rejection) {
            report.rejected++;
            problem(at, 'error', rejection.field, rejection.code, rejection.params);
          }
        },
      },
      { maxBytes: MAX_SIDE_BYTES },
    );
    takeStats(report, stats);
    if (!map) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
  } catch (e) {
    if (e instanceof CsvError) throw csvError(e, source.name);
    throw e;
  }
  return { report, map };
}
