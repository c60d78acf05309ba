/**
 * The oracle for the fast path: a CSV reader built on csv-parse (the well-known library),
 * feeding the same CsvSink as ccch's own reader. Test-only; it reads the whole input at once
 * and handles well-formed input (no broken quoting, no encoding faults).
 *
 * The conventions it shares with readCsv are the data contract's: a UTF-8 BOM is dropped; the
 * delimiter is the commoner of , and ; in the header line outside quotes (comma on a tie);
 * lines that hold only empty, unquoted fields are blank and not rows; a row's line is the
 * line it starts on.
 */
import { parse } from 'csv-parse/sync';
import type { CsvSink, CsvStats } from '../../src/ingest/csv.js';

function sniff(text: string): string {
  let commas = 0;
  let semis = 0;
  let q = false;
  for (const c of text) {
    if (c === '"') q = !q;
    else if (q) continue;
    else if (c === ',') commas++;
    else if (c === ';') semis++;
    else if (c === '\n' || c === '\r') break;
  }
  return semis > commas ? ';' : ',';
}

/**
 * csv-parse's `info.lines` counts a CR and an LF inside a quoted cell as a line each; ccch (like
 * editors) counts a CRLF as one line break. Returns [csv-parse's count, the CRLFs among them].
 */
function breaks(s: string): [number, number] {
  let n = 0;
  let crlf = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) n++;
    if (c === 13 && s.charCodeAt(i + 1) === 10) crlf++;
  }
  return [n, crlf];
}

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

export async function referenceReader(input: AsyncIterable<Buffer | string>, sink: CsvSink, options: { delimiter?: string; onProgress?: (bytes: number) => void } = {}): Promise<CsvStats> {
  const parts: Buffer[] = [];
  for await (const c of input) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  const all = Buffer.concat(parts);
  let text = all.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // The header line decides the delimiter.
  const delimiter = options.delimiter ?? sniff(text);
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true, raw: true }) as unknown as Parsed[];
  let header = false;
  let wanted: number[] = [];
  let rows = 0;
  let overcount = 0; // CRLFs inside quoted cells so far, which csv-parse counted twice
  for (const { record, info, raw } of records) {
    let inner = 0;
    let crlf = 0;
    for (const f of record) {
      const [n, c] = breaks(f);
      inner += n;
      crlf += c;
    }
    const line = info.lines - inner - overcount;
    overcount += crlf;
    const blank = record.every((f) => f === '') && !raw.includes('"');
    if (blank) continue;
    if (!header) {
      header = true;
      wanted = sink.header(record, line);
      continue;
    }
    rows++;
    const fields = record.slice();
    for (const w of wanted) if (w >= fields.length) fields[w] = '';
    sink.row(fields, record.length, line, false);
  }
  return { bytes: all.length, rows, delimiter };
}
