/**
 * The one entry to tabular input: `readTable` looks at a source's first bytes and reads it as
 * XLSX (a zip: `PK\x03\x04`) or as delimited text (CSV, decoded first when UTF-16 or when an
 * encoding is named), feeding either into the same sink (csv.ts `CsvSink`). The file's name or
 * extension plays no part. An OLE file is refused, told apart by what it holds (ole.ts): an Excel
 * 97–2003 workbook (.xls), a password-protected workbook, or something else.
 *
 * Around the sink it recognizes printed reports' extra rows, for CSV and XLSX alike:
 * - title rows: the rows above the header (the sink's header() returns null for them);
 * - the total row: the first data row whose first non-empty cell, folded as headers are (case,
 *   spacing, diacritics) and without a trailing colon, is "tong cong", "tong" or "cong"
 *   ("Tổng cộng", "TỔNG:", "Cộng");
 * - footer rows: every row below the total row (signatures, dates, notes).
 * None of them reaches the sink's row(); they are counted in `skipped`. A sink that reads its
 * own totals (`ownTotals`: a summary report, whose total may come first) gets every row.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CsvError, readCsv, type CsvByteSink, type CsvSink } from './csv.js';
import { decodeStream, guessLegacy, utf16Bom, type Legacy } from './decode.js';
import { oleKind } from './ole.js';
import { utf8Evidence } from './utf8.js';
import type { InputSource } from './source.js';
import { fold } from '../util/text.js';
import { inputError } from '../model/errors.js';
import { noneSkipped, type FileAccounting, type Skipped } from '../model/accounting.js';

export interface TableOptions {
  /** The delimiter of delimited text (default: sniffed). */
  delimiter?: string;
  /** The text encoding, as canonicalEncoding() gives it (default: UTF-8, or UTF-16 by its BOM). */
  encoding?: string;
  /** The XLSX sheet (default: the first). */
  sheet?: string;
  onProgress?: (bytes: number) => void;
  /** The most bytes to read (a workbook: its size); past them the read stops with input.tooLarge. */
  maxBytes?: number;
}

export interface TableStats {
  format: 'csv' | 'xlsx';
  bytes: number;
  /** Delimited text: the delimiter used; XLSX: null. */
  delimiter: string | null;
  /** Delimited text: the encoding read ("utf-8", "utf-16le", …); XLSX: null. */
  encoding: string | null;
  /** XLSX: the sheet read; delimited text: null. */
  sheet: string | null;
  skipped: Skipped;
  /** Line (or sheet row) of the total row, when there was one. */
  totalLine: number | null;
  /** Delimited text: the line number after the last line break (CsvStats.endLine); XLSX: null. */
  endLine: number | null;
}

/** Puts how a file was read (readTable's stats) into its accounting. */
export function takeStats(report: FileAccounting, stats: TableStats): void {
  report.bytes = stats.bytes;
  report.format = stats.format;
  report.delimiter = stats.delimiter;
  report.encoding = stats.encoding;
  report.sheet = stats.sheet;
  report.skipped = stats.skipped;
}

const TOTAL_LABELS = new Set(['tong cong', 'tong', 'cong']);

/** Whether a row's first non-empty cell marks it as a total row (see the module comment). */
export function isTotalLabel(cell: string): boolean {
  // Runs once per row: rule out codes and numbers before folding.
  if (cell.length > 24) return false;
  let i = 0;
  while (i < cell.length && cell.charCodeAt(i) <= 32) i++;
  const c = cell.charCodeAt(i) | 0x20; // lower-cased ASCII
  if (c !== 0x74 /* t */ && c !== 0x63 /* c */) return false;
  return TOTAL_LABELS.has(fold(cell).replace(/\s*:$/, ''));
}

/** isTotalLabel's first test on bytes: the lead cell's first non-blank byte must be t or c. */
function maybeTotal(row: { buf: Uint8Array; starts: Int32Array; ends: Int32Array; lead: number }): boolean {
  let i = row.starts[row.lead]!;
  const e = row.ends[row.lead]!;
  while (i < e && row.buf[i]! <= 32) i++;
  const c = (row.buf[i] ?? 0) | 0x20;
  return c === 0x74 || c === 0x63;
}

const SAMPLE = 64 * 1024;

/**
 * What readTable feeds. A sink may also take rows as bytes (csv.ts CsvByteSink, the fast path):
 * delimited text then reaches `rowBytes`; XLSX rows always reach `row`.
 */
export interface TableSink extends CsvSink, Partial<Pick<CsvByteSink, 'rowBytes'>> {
  /**
   * Asked once the header is taken: true when the sink reads total rows and what follows them
   * itself (a summary report, whose totals may come first): they then reach it as rows.
   */
  ownTotals?(): boolean;
}

export async function readTable(source: InputSource, sink: TableSink, opts: TableOptions = {}): Promise<TableStats> {
  const stream = await source.open();
  const it = stream[Symbol.asyncIterator]();
  // The first bytes (at least 4, when there are so many) decide the format.
  const head: Buffer[] = [];
  let headLen = 0;
  while (headLen < 4) {
    const r = await it.next();
    if (r.done) break;
    const b = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
    head.push(b);
    headLen += b.length;
  }
  const first = Buffer.concat(head);
  let bytes = 0;
  const max = opts.maxBytes ?? Infinity;
  const tooLarge = () => inputError({ file: source.name }, 'input.tooLarge', { limit: `${max / 2 ** 20} MiB` });
  const rest = (async function* () {
    bytes += first.length;
    if (bytes > max) throw tooLarge();
    opts.onProgress?.(bytes);
    if (first.length) yield first;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      const b = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value;
      bytes += b.length;
      if (bytes > max) throw tooLarge();
      opts.onProgress?.(bytes);
      yield b;
    }
  })();

  const skipped: Skipped = noneSkipped();
  let totalLine: number | null = null;
  let below = false;
  let own = false;
  const guarded: CsvSink = {
    header(fields, line) {
      const w = sink.header(fields, line);
      if (w === null) skipped.title++;
      else own = sink.ownTotals?.() === true;
      return w;
    },
    row(fields, count, line, malformed, lead) {
      if (below) {
        skipped.footer++;
        return;
      }
      if (!own && isTotalLabel(lead)) {
        skipped.total++;
        totalLine = line;
        below = true;
        return;
      }
      sink.row(fields, count, line, malformed, lead);
    },
    ...(sink.merges ? { merges: sink.merges.bind(sink) } : {}),
  };
  const rowBytes = sink.rowBytes;
  const guardedBytes: CsvSink & CsvByteSink = {
    header: guarded.header,
    row: guarded.row,
    rowBytes(row, line, malformed) {
      if (below) {
        skipped.footer++;
        return;
      }
      if (!own && maybeTotal(row) && isTotalLabel(row.text(row.lead))) {
        skipped.total++;
        totalLine = line;
        below = true;
        return;
      }
      rowBytes!(row, line, malformed);
    },
  };

  if (isZip(first)) {
    const { path, size, cleanup } = await onDisk(source, rest, it);
    try {
      if (size > max) throw tooLarge();
      // The XLSX reader (zip + XML parsers) is loaded only for workbooks.
      const { readXlsx } = await import('./xlsx.js');
      const st = await readXlsx(path, guarded, { sheet: opts.sheet, name: source.name });
      opts.onProgress?.(size);
      return { format: 'xlsx', bytes: size, delimiter: null, encoding: null, sheet: st.sheet, skipped, totalLine, endLine: null };
    } finally {
      await cleanup();
    }
  }
  if (isOle(first)) throw await oleRefusal(source, rest, it);

  const bom = utf16Bom(first);
  const encoding = opts.encoding !== undefined && opts.encoding !== 'utf-8' ? opts.encoding : (bom ?? 'utf-8');
  const text = encoding === 'utf-8' ? rest : decodeStream(rest, encoding);
  try {
    const st = await readCsv(text, rowBytes ? guardedBytes : guarded, { delimiter: opts.delimiter });
    return { format: 'csv', bytes, delimiter: st.delimiter, encoding, sheet: null, skipped, totalLine, endLine: st.endLine };
  } catch (e) {
    throw e instanceof CsvError && encoding === 'utf-8' ? diagnosed(e, first, source.name) : e;
  } finally {
    await it.return?.();
  }
}

/** Why an OLE file is refused, from what its directory holds (ole.ts): a password-protected workbook, an .xls, something else. */
async function oleRefusal(source: InputSource, rest: AsyncIterable<Buffer>, it: AsyncIterator<Buffer | string>): Promise<Error> {
  const { path, cleanup } = await onDisk(source, rest, it);
  try {
    const kind = await oleKind(path);
    return inputError({ file: source.name }, kind === 'encrypted' ? 'input.encrypted' : kind === 'xls' ? 'input.xls' : 'input.ole');
  } finally {
    await cleanup();
  }
}

/**
 * A UTF-8 read's error, told more precisely from the file's first bytes: invalid UTF-8 in a file
 * that is otherwise UTF-8 (the bytes around the bad one, and the first ones, mostly valid
 * multi-byte sequences: converting it from a legacy encoding would garble it), a legacy
 * encoding its bytes suggest, UTF-16 without a BOM; else the error as it is.
 */
function diagnosed(e: CsvError, first: Buffer, file: string): Error {
  if (e.code === 'encoding') {
    const sample = e.context ? Buffer.concat([first.subarray(0, SAMPLE), e.context.bytes]) : first.subarray(0, SAMPLE);
    const { valid, invalid } = utf8Evidence(sample);
    if (valid > 0 && valid >= 2 * invalid) {
      const byte = (e.context?.byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return inputError({ file, line: e.line, column: e.column }, 'input.invalidUtf8', { byte });
    }
    const guess = guessLegacy(sample);
    if (guess) return legacyError(file, e, guess);
  }
  if (e.code === 'binary') {
    const bare = bomlessUtf16(first.subarray(0, SAMPLE));
    if (bare) return inputError({ file, line: e.line, column: e.column }, 'input.utf16NoBom', { encoding: bare });
  }
  return e;
}

/**
 * UTF-16 without a BOM: text whose every other byte is NUL (ASCII letters, digits, delimiters
 * and line breaks are most of an export). Little-endian puts the NULs at odd offsets.
 */
export function bomlessUtf16(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = sample.length - (sample.length % 2);
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.6 && even < pairs * 0.1) return 'utf-16le';
  if (even >= pairs * 0.6 && odd < pairs * 0.1) return 'utf-16be';
  return null;
}

function legacyError(file: string, e: CsvError, guess: Legacy) {
  const code = guess === 'windows-1258' ? 'input.windows1258' : guess === 'tcvn3' ? 'input.tcvn3' : 'input.vni';
  return inputError({ file, line: e.line, column: e.column }, code);
}

/** A zip's first bytes (an XLSX workbook). */
export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** An OLE compound file's first bytes (Office 97–2003, or a password-protected workbook). */
export const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * The most bytes of a workbook read from a stream (a pipe, stdin) that are copied to a
 * temporary file: ~4× a 2M-row export (~280 MB).
 */
export const MAX_SPOOL_BYTES = 2 ** 30;

/**
 * A zip is read through its central directory, at its end: a file source is read in place; a
 * stream (stdin) is first copied to a temporary file, so that memory stays bounded.
 */
async function onDisk(
  source: InputSource,
  rest: AsyncIterable<Buffer>,
  it: AsyncIterator<Buffer | string>,
): Promise<{ path: string; size: number; cleanup: () => Promise<void> }> {
  if (source.path !== undefined) {
    await it.return?.(); // read in place
    return { path: source.path, size: (await stat(source.path)).size, cleanup: async () => {} };
  }
  return spool(source.name, rest);
}

/** Copies a stream to a temporary file (at most MAX_SPOOL_BYTES), for reading by position; `cleanup` removes it. */
export async function spool(name: string, chunks: AsyncIterable<Buffer>): Promise<{ path: string; size: number; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ccch-'));
  const path = join(dir, 'input');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let size = 0;
  const capped = async function* () {
    for await (const c of chunks) {
      size += c.length;
      if (size > MAX_SPOOL_BYTES) throw inputError({ file: name }, 'input.spoolTooLarge', { limit: `${MAX_SPOOL_BYTES / 2 ** 30} GiB` });
      yield c;
    }
  };
  try {
    await pipeline(Readable.from(capped()), createWriteStream(path));
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { path, size, cleanup };
}
