/**
 * Reading one export: its header (after any title rows) names its kind and columns; the handler
 * of that kind (kinds/) takes every data row. What every kind shares happens here: each row is
 * counted, a malformed one rejected, a ragged one warned about. A summary report is the
 * exception: its header may span several rows and its rows may be groups and totals, so its
 * handler takes the rows as read and accounts for them at the end of the file (kinds/summaries.ts).
 */
import { stat } from 'node:fs/promises';
import { CsvError, type CsvRow } from './csv.js';
import { detectKind, matchHeaders, type ColumnMap } from './headers.js';
import { MAX_FIELD_BYTES } from './contract.js';
import { takeStats } from './table.js';
import { csvError, missingRequired, KIND_NAMES } from './errors.js';
import { readRows, TitleRows } from './rows.js';
import type { IngestInternals, ReaderOptions } from './options.js';
import { describeColumns, type FileContext, type HandlerFactory, type IngestState, type KindHandler } from './kinds/handler.js';
import { RecordsHandler } from './kinds/records.js';
import { FactsHandler } from './kinds/facts.js';
import { SummariesHandler } from './kinds/summaries.js';
import type { Field, Kind } from '../model/kinds.js';
import { FIELDS } from './contract.js';
import { withoutSetAside, type SetAside } from './date-columns.js';

/** The handler of each kind of export whose header is one row (a summary report's is read at its end, by SummariesHandler). */
export const HANDLERS: Record<Exclude<Kind, 'summary'>, HandlerFactory> = {
  dossiers: (state, file, map) => new RecordsHandler(state, file, map, 'dossiers'),
  feedback: (state, file, map) => new RecordsHandler(state, file, map, 'feedback'),
  online: (state, file, map) => new FactsHandler(state, file, map, 'online'),
  digitization: (state, file, map) => new FactsHandler(state, file, map, 'digitization'),
  payments: (state, file, map) => new FactsHandler(state, file, map, 'payments'),
};

/** Where a file's text ended and its total row, as the table reader saw them (line numbers; null when none). */
export interface ReadEnd {
  endLine: number | null;
  totalLine: number | null;
}

export interface ReadFileOptions extends ReaderOptions {
  internal?: IngestInternals;
  /** --unit: the reporting unit of summary reports whose rows are fields of work. */
  reportingUnit?: string;
  /** Bytes read so far, all ranges of a split file together (default: this read's). */
  totalBytes?: (bytes: number) => number;
  onProgress?: (bytes: number) => void;
  /** Date columns set aside (date-columns.ts): matched to no field. */
  setAside?: readonly SetAside[];
}

/** A row as the CSV scanner's bytes, to a handler that takes rows as read: every field as text. */
function rawBytes(h: SummariesHandler, row: CsvRow, line: number, malformed: boolean): void {
  const all: string[] = [];
  for (let k = 0; k < row.count; k++) all.push(row.text(k));
  h.raw(all, row.count, line, malformed);
}

/** Reads one file (its stream given) into `state`, through the handler of its kind. */
export async function readFile(state: IngestState, ctx: FileContext, stream: AsyncIterable<Buffer | string>, opts: ReadFileOptions): Promise<ReadEnd> {
  const { source, report, problems } = ctx;
  let map: ColumnMap | undefined;
  let handler: KindHandler | undefined;
  /** A summary report's handler: it takes the rows as read and does their accounting itself. */
  let raw: SummariesHandler | undefined;
  let wanted: number[] = [];
  const rowText: string[] = [];
  /** The field of each column read (by column index). */
  let fieldAt: Field[] = [];
  const titles = new TitleRows(source.name);

  /** Rejects the row when a column read holds a cell longer than MAX_FIELD_BYTES (`length(k)`). */
  const tooLong = (line: number, length: (k: number) => number): boolean => {
    for (const k of wanted) {
      const n = length(k);
      if (n <= MAX_FIELD_BYTES) continue;
      problems.reject(line, { code: 'row.tooLong', field: fieldAt[k] ?? null, params: { length: n, limit: MAX_FIELD_BYTES } });
      return true;
    }
    return false;
  };

  /** What every row goes through: false when it goes no further. */
  const accept = (count: number, line: number, malformed: boolean): boolean => {
    report.rows++;
    if (malformed) {
      report.rejected++;
      problems.add({ line, severity: 'error', field: null, code: 'row.malformed', params: {} });
      return false;
    }
    if (count !== map!.width) {
      report.warnings++;
      problems.add({ line, severity: 'warning', field: null, code: 'row.fieldCount', params: { got: count, want: map!.width } });
    }
    return true;
  };

  const size = source.size ?? (source.path ? await stat(source.path).then((st) => st.size, () => 0) : 0);
  let before = 0; // bytes read before the latest chunk
  const total = opts.totalBytes ?? ((b: number) => b);
  const stats = await readRows(
    { name: source.name, path: source.path, open: async () => stream },
    {
      header(fields, line) {
        const detection = detectKind(fields, state.contract.fields);
        if (!detection.kind) return titles.title(fields, line, detection.ambiguous);
        const kind = detection.kind;
        if (kind === 'summary') {
          // Read at the end of the file, with its header rows, title lines and merged ranges.
          const s = new SummariesHandler(state, ctx, { first: { fields: [...fields], line }, form: detection.form, titles: titles.lines, reportingUnit: opts.reportingUnit });
          handler = raw = s;
          return s.columns();
        }
        map = matchHeaders(kind, withoutSetAside(fields, opts.setAside), state.contract.fields);
        if (map.missingRequired.length) throw missingRequired(source.name, line, { vi: KIND_NAMES[kind][0], en: KIND_NAMES[kind][1] }, map.missingRequired);
        describeColumns(ctx, map, fields);
        handler = HANDLERS[kind](state, ctx, map);
        ctx.started = true;
        wanted = handler.columns();
        fieldAt = [];
        for (const [f, k] of Object.entries(map.columns) as Array<[Field, number]>) fieldAt[k] = f;
        return wanted;
      },
      row(fields, count, line, malformed) {
        if (raw) raw.raw(fields, count, line, malformed);
        else if (accept(count, line, malformed) && !tooLong(line, (k) => fields[k]?.length ?? 0)) handler!.row(fields, line);
      },
      rowBytes(row: CsvRow, line, malformed) {
        if (raw) return rawBytes(raw, row, line, malformed);
        if (!accept(row.count, line, malformed)) return;
        // A row no longer than the limit holds no cell longer than it (the common case: one test).
        const n = row.count;
        if (row.ends[n - 1]! - row.starts[0]! > MAX_FIELD_BYTES && tooLong(line, (k) => (k < n ? row.ends[k]! - row.starts[k]! : 0))) return;
        const h = handler!;
        if (h.rowBytes) h.rowBytes(row, line);
        else {
          // Only record lists decode bytes: the others get strings.
          for (const k of wanted) rowText[k] = row.text(k);
          h.row(rowText, line);
        }
      },
      merges(ranges) {
        handler?.merges?.(ranges);
      },
      ownTotals: () => raw !== undefined,
    },
    opts,
    (bytes) => {
      const b = total(bytes);
      handler?.progress?.(before, size);
      before = b;
      opts.onProgress?.(b);
    },
  ).catch((e: unknown) => {
    throw e instanceof CsvError ? csvError(e, source.name) : e;
  });
  takeStats(report, stats);
  if (!handler) titles.end();
  if (!handler) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
  handler.finish?.();
  if (!problems.unknown.empty) report.unknownValues = problems.unknown.list(FIELDS[report.dataset as Kind]?.map((f) => f.field));
  return { endLine: stats.endLine, totalLine: stats.totalLine };
}
