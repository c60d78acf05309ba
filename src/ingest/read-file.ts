/**
 * Reading one export: its header (after any title rows) names its kind and columns; the handler
 * of that kind (kinds/) takes every data row. What every kind shares happens here: each row is
 * counted, a malformed one rejected, a ragged one warned about.
 */
import { stat } from 'node:fs/promises';
import { CsvError, type CsvRow } from './csv.js';
import { detectKind, matchHeaders, type ColumnMap } from './headers.js';
import { takeStats } from './table.js';
import { csvError, missingRequired, KIND_NAMES } from './errors.js';
import { readRows, TitleRows } from './rows.js';
import type { IngestInternals, ReaderOptions } from './options.js';
import type { FileContext, HandlerFactory, IngestState, KindHandler } from './kinds/handler.js';
import { RecordsHandler } from './kinds/records.js';
import { FactsHandler } from './kinds/facts.js';
import { SummariesHandler } from './kinds/summaries.js';
import type { Kind } from '../model/kinds.js';

/** The handler of each kind of export. */
export const HANDLERS: Record<Kind, HandlerFactory> = {
  dossiers: (state, file, map) => new RecordsHandler(state, file, map, 'dossiers'),
  feedback: (state, file, map) => new RecordsHandler(state, file, map, 'feedback'),
  online: (state, file, map) => new FactsHandler(state, file, map, 'online'),
  digitization: (state, file, map) => new FactsHandler(state, file, map, 'digitization'),
  payments: (state, file, map) => new FactsHandler(state, file, map, 'payments'),
  summary: (state, file, map) => new SummariesHandler(state, file, map),
};

/** Where a file's text ended and its total row, as the table reader saw them (line numbers; null when none). */
export interface ReadEnd {
  endLine: number | null;
  totalLine: number | null;
}

export interface ReadFileOptions extends ReaderOptions {
  internal?: IngestInternals;
  /** Bytes read so far, all ranges of a split file together (default: this read's). */
  totalBytes?: (bytes: number) => number;
  onProgress?: (bytes: number) => void;
}

/** Reads one file (its stream given) into `state`, through the handler of its kind. */
export async function readFile(state: IngestState, ctx: FileContext, stream: AsyncIterable<Buffer | string>, opts: ReadFileOptions): Promise<ReadEnd> {
  const { source, report, problems } = ctx;
  let map: ColumnMap | undefined;
  let handler: KindHandler | undefined;
  let wanted: number[] = [];
  const rowText: string[] = [];
  const titles = new TitleRows(source.name);

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
        const detection = detectKind(fields);
        if (!detection.kind) return titles.title(fields, line, detection.ambiguous);
        const kind = detection.kind;
        map = matchHeaders(kind, fields);
        if (map.missingRequired.length) throw missingRequired(source.name, line, { vi: KIND_NAMES[kind][0], en: KIND_NAMES[kind][1] }, map.missingRequired);
        report.dataset = kind;
        report.columns = map.headers;
        report.missingColumns = map.missing;
        const used = new Set(Object.values(map.columns));
        report.ignoredColumns = fields.flatMap((h, i) => (used.has(i) || h.trim() === '' ? [] : [h.trim()]));
        problems.map = map;
        handler = HANDLERS[kind](state, ctx, map);
        wanted = handler.columns();
        return wanted;
      },
      row(fields, count, line, malformed) {
        if (accept(count, line, malformed)) handler!.row(fields, line);
      },
      rowBytes(row: CsvRow, line, malformed) {
        if (!accept(row.count, line, malformed)) return;
        const h = handler!;
        if (h.rowBytes) h.rowBytes(row, line);
        else {
          // Only record lists decode bytes: the others get strings.
          for (const k of wanted) rowText[k] = row.text(k);
          h.row(rowText, line);
        }
      },
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
  if (!map) titles.end();
  if (!map) throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
  return { endLine: stats.endLine, totalLine: stats.totalLine };
}
