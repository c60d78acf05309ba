/**
 * The one place the ingest pass reads a table: the header peek and the full read both go
 * through readRows, so that the reader options (delimiter, encoding, sheet) and the test hook
 * that swaps the CSV reader apply to both alike. TitleRows tells a printed report's title
 * rows from a header of no known kind.
 */
import { readTable, type TableOptions, type TableSink, type TableStats } from './table.js';
import type { InputSource } from './source.js';
import { unknownKind } from './errors.js';
import type { IngestInternals, ReaderOptions } from './options.js';
import type { FactKind } from '../model/kinds.js';
import { noneSkipped } from '../model/accounting.js';
import type { TitleLine } from './report-period.js';

/** How many rows (blank ones aside) may stand above the header as title rows. */
export const MAX_TITLE_ROWS = 20;

/**
 * The one place the ingest pass reads a table: the header peek and the full read both go
 * through here, so that reader options (delimiter, encoding, sheet) apply to both alike.
 */
export async function readRows(
  source: InputSource,
  sink: TableSink,
  opts: ReaderOptions & { internal?: IngestInternals },
  onProgress?: (bytes: number) => void,
): Promise<TableStats> {
  const options: TableOptions = { delimiter: opts.delimiter, encoding: opts.encoding, sheet: opts.sheet, onProgress };
  if (opts.internal?.csvReader === 'strings') return readTable(source, { header: sink.header, row: sink.row, ownTotals: sink.ownTotals, merges: sink.merges }, options);
  if (opts.internal?.csvReader) {
    const st = await opts.internal.csvReader(await source.open(), { header: sink.header, row: sink.row });
    return { format: 'csv', bytes: st.bytes, delimiter: st.delimiter, encoding: 'utf-8', sheet: null, skipped: noneSkipped(), totalLine: null, endLine: st.endLine };
  }
  return readTable(source, sink, options);
}

/**
 * Rows above the header that match no kind: title rows of a printed report, up to
 * MAX_TITLE_ROWS of them; past that (or at the end of the input) the first such row is
 * reported as headers of no known kind.
 */
export class TitleRows {
  private first: { line: number; fields: string[] } | undefined;
  private count = 0;
  /** The title rows' non-blank cells (each cut at 500 characters): a summary report's period and reporting unit are read from them. */
  readonly lines: TitleLine[] = [];
  constructor(private readonly file: string) {}

  /** For the sink's header(): null (skip it as a title row), or throws. */
  title(fields: string[], line: number, ambiguous: FactKind[]): null {
    if (ambiguous.length) throw unknownKind(this.file, line, fields, ambiguous);
    this.first ??= { line, fields: [...fields] };
    this.lines.push({ line, cells: fields.flatMap((f) => (f.trim() === '' ? [] : [f.trim().slice(0, 500)])) });
    if (++this.count < MAX_TITLE_ROWS) return null;
    throw unknownKind(this.file, this.first.line, this.first.fields);
  }

  /** At the end of the input with no header found. */
  end(): void {
    if (this.first) throw unknownKind(this.file, this.first.line, this.first.fields);
  }
}

