/**
 * The CSV reader: RFC 4180 over raw bytes, streaming. Everything that reads CSV goes
 * through `readCsv`; the rest of ccch sees only a header and rows of strings.
 *
 * - UTF-8 with or without BOM; a UTF-16 BOM, NUL bytes or invalid UTF-8 stop the read with a
 *   CsvError naming the line and column (other encodings are decoded before, see decode.ts).
 * - Delimiter: comma, semicolon, tab or pipe, sniffed from the header line (see
 *   sniffDelimiter), unless given.
 * - Line ends: LF, CRLF or a lone CR. Quoted fields may hold delimiters, doubled quotes and
 *   line breaks. Blank lines are skipped and are not rows.
 * - Only the columns the sink asks for are decoded to strings (the others read as ""); a
 *   CsvByteSink receives the row's bytes and field offsets instead and decodes what it needs.
 * - A row whose quoting is malformed (text after a closing quote) is passed to the sink as
 *   malformed, so that it can be rejected with its line; an unclosed quote at the end of the
 *   input stops the read (it would swallow the rest of the file).
 * - Limits (README "Limits"): a record (a line, or several when quoted cells hold line breaks)
 *   of more than MAX_RECORD_BYTES, or of more than MAX_FIELDS fields, stops the read with a
 *   CsvError naming its line: no export's row comes near either, and the record is held in
 *   memory whole. A record open across chunks is scanned again only once the bytes held have
 *   doubled, so that a long record costs time in proportion to its length.
 */
import { isUtf8 } from 'node:buffer';
import { charColumn, firstInvalidUtf8, incompleteTail, blankFrom } from './utf8.js';

export interface CsvSink {
  /**
   * Receives the first row, and each next one while it returns null (fields all decoded).
   * Returns the column indexes to decode for rows, or null: "not the header" — the row is a
   * title row above the header, and the next row is offered as the header (the delimiter, when
   * sniffed, is sniffed again from it).
   */
  header(fields: string[], line: number): number[] | null;
  /**
   * Receives one row. `fields` is reused between calls: copy what you keep. `count` is the
   * number of fields the row really had. `malformed` is set for rows with broken quoting.
   * `lead` is the row's first non-empty field (how total rows are recognized, see table.ts).
   */
  row(fields: string[], count: number, line: number, malformed: boolean, lead: string): void;
  /** XLSX only: the sheet's merged cell ranges, after its last row (a summary form's header needs them). */
  merges?(ranges: CellRange[]): void;
}

/** A merged range of cells: sheet rows (1-based, as line numbers) and 0-based columns, inclusive. */
export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/**
 * The current row as the scanner holds it: field k is buf[starts[k], ends[k]), quoted[k] = 1
 * when it was quoted (doubled quotes still doubled). Valid only during the call; `text(k)`
 * decodes field k exactly as a CsvSink would receive it ('' for k ≥ count).
 */
export interface CsvRow {
  readonly buf: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: Uint8Array;
  readonly count: number;
  /** The row's first non-empty field (how total rows are recognized, see table.ts). */
  readonly lead: number;
  text(k: number): string;
}

/**
 * The byte-level variant of CsvSink, for the hot path: the sink decodes only what it needs,
 * straight from the bytes. The header is still decoded to strings.
 */
export interface CsvByteSink {
  header(fields: string[], line: number): number[] | null;
  rowBytes(row: CsvRow, line: number, malformed: boolean): void;
}

export interface CsvOptions {
  delimiter?: string;
  /** Called with the number of bytes read so far, at most once per chunk. */
  onProgress?: (bytes: number) => void;
}

export type CsvErrorCode = 'empty' | 'utf16' | 'binary' | 'encoding' | 'unclosedQuote' | 'noHeader' | 'recordTooLong' | 'tooManyFields';

/**
 * The longest record read (bytes): a row of an export is a few hundred bytes, and even a
 * row of Excel's widest, 16,384 cells, of a thousand bytes each fits; beyond it a file is not
 * an export (or a quote was left open, swallowing the lines below).
 */
export const MAX_RECORD_BYTES = 16 << 20;
/** The most fields a record may have: Excel's column limit (XFD), as for XLSX. */
export const MAX_FIELDS = 16_384;

export class CsvError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** An encoding error: the bytes around the first that is not UTF-8 (up to 32 KB each side), and that byte. */
    readonly context?: { bytes: Buffer; byte: number },
  ) {
    super(code);
    this.name = 'CsvError';
  }
}

export interface CsvStats {
  bytes: number;
  rows: number;
  delimiter: string;
  /** The line number after the last line break read: where a next byte range would begin (ingest/split.ts). */
  endLine: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const inQuoteStop = new Uint8Array(256);
inQuoteStop[QUOTE] = 1;
inQuoteStop[LF] = 1;
inQuoteStop[CR] = 1;

/**
 * The bytes of the 4-byte word `v` that are below 0x0e (LF, CR and a few control bytes) or
 * equal to the byte repeated in `dWord` (the delimiter, or the quote inside a quoted cell; 0
 * when the delimiter is not ASCII: then NUL bytes, which the reader rejects anyway): the top bit
 * of each such byte set, every other bit clear. Exact, byte by byte (no borrow or carry crosses
 * a byte: each byte's low seven bits are added to separately; "Bit Twiddling Hacks", haszero).
 */
export function stopBits(v: number, dWord: number): number {
  const x = v ^ dWord;
  const eq = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f); // byte == dWord's byte
  const low = ~(((v & 0x7f7f7f7f) + 0x72727272) | v | 0x7f7f7f7f); // byte < 0x0e
  return eq | low;
}

/** Whether this machine stores words little-endian (the word scan reads bytes in that order; big-endian scans byte by byte). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const EMPTY_WORDS = new Int32Array(0);
/** A quote in all four bytes: inside a quoted cell the quote (and LF and CR, for line numbers) stop the scan. */
const QUOTE_WORD = 0x22222222;

/**
 * After pos (whose byte stops nothing), the next byte that stopBits flags for `dWord`, four
 * bytes at a time over the buffer's whole words (w32, word w being buf[a0 + 4w … a0 + 4w + 3]):
 * its position, or where the words end; pos + 1 outside the words (byte by byte there). A
 * flagged byte is a candidate only: the caller checks it (a byte below 0x0e may be neither LF
 * nor CR).
 */
function nextCandidate(w32: Int32Array, a0: number, pos: number, dWord: number): number {
  const rel = pos + 1 - a0;
  let j = rel >> 2;
  if (rel < 0 || j >= w32.length) return pos + 1;
  // The word holding pos + 1, without the bytes before it; then whole words.
  let m = stopBits(w32[j]!, dWord) & (-1 << ((rel & 3) << 3));
  while (m === 0 && ++j < w32.length) m = stopBits(w32[j]!, dWord);
  return a0 + 4 * j + (m === 0 ? 0 : (31 - Math.clz32(m & -m)) >> 3);
}

/** The delimiters sniffed, in the order that breaks a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The end of the line that starts at buf[start]: its first LF or CR outside quotes, or `end`. */
export function recordLineEnd(buf: Uint8Array, start: number, end: number): number {
  let eol = start;
  let q = false;
  while (eol < end) {
    const c = buf[eol]!;
    if (c === QUOTE) q = !q;
    else if (!q && (c === LF || c === CR)) break;
    eol++;
  }
  return eol;
}

/**
 * The delimiter of the line buf[start, end): the most frequent of comma, semicolon, tab and
 * pipe outside quotes (the first in DELIMITERS on a tie; comma when there is none).
 */
export function sniffDelimiter(buf: Buffer, start: number, end: number): string {
  const seen = [0, 0, 0, 0];
  let inQuotes = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 0x2c) seen[0]!++;
    else if (c === 0x3b) seen[1]!++;
    else if (c === 0x09) seen[2]!++;
    else if (c === 0x7c) seen[3]!++;
    else if (c === LF || c === CR) break;
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (seen[k]! > seen[best]!) best = k;
  return DELIMITERS[best]!;
}

export async function readCsv(input: AsyncIterable<Buffer | string>, sink: CsvSink | CsvByteSink, options: CsvOptions = {}): Promise<CsvStats> {
  let delim = options.delimiter !== undefined ? options.delimiter.charCodeAt(0) : -1;
  let bytes = 0;
  let first = true;
  let line = 1; // line number at the start of the bytes held (see `work`)
  let headerSeen = false;
  let wanted: number[] = [];
  let wantedMask: Uint8Array = new Uint8Array(0);
  let rows = 0;
  let sawContent = false;
  const fields: string[] = [];
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let quoted = new Uint8Array(64);

  // Bytes that end an unquoted field (the delimiter, LF, CR), and bytes that matter in a quoted one.
  const stop = new Uint8Array(256);
  let stopFor = -1;
  function setStops() {
    stop.fill(0);
    stop[LF] = 1;
    stop[CR] = 1;
    if (delim >= 0 && delim < 256) stop[delim] = 1;
    stopFor = delim;
  }

  /** Doubles the field arrays; past MAX_FIELDS, refuses the record (`line`: the line of byte `pos`, which begins a field of the record at `recStart`). */
  function growFields(line: number, buf: Buffer, recStart: number, pos: number) {
    if (starts.length >= MAX_FIELDS) {
      let lineStart = pos;
      while (lineStart > recStart && buf[lineStart - 1] !== LF && buf[lineStart - 1] !== CR) lineStart--;
      throw new CsvError('tooManyFields', line, charColumn(buf, lineStart, pos));
    }
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    starts = grow(starts);
    ends = grow(ends);
    const qq = new Uint8Array(quoted.length * 2);
    qq.set(quoted);
    quoted = qq;
  }

  let unquoted = Buffer.alloc(256);
  function decodeField(buf: Buffer, k: number): string {
    const s = starts[k]!;
    const e = ends[k]!;
    const q = quoted[k] === 0 ? -1 : buf.indexOf(QUOTE, s);
    if (q < 0 || q >= e) return buf.toString('utf8', s, e);
    // Quoted with quotes in it, each doubled (a single one would have closed it): copied without
    // the second of each pair, then decoded once (string replacing is slow with many of them).
    if (unquoted.length < e - s) unquoted = Buffer.allocUnsafe(Math.max(e - s, 2 * unquoted.length));
    const n = buf.copy(unquoted, 0, s, q + 1);
    let j = n;
    for (let i = q + 2; i < e; i++) {
      const c = buf[i]!;
      unquoted[j++] = c;
      if (c === QUOTE) i++;
    }
    return unquoted.toString('utf8', 0, j);
  }

  const byteSink = 'rowBytes' in sink ? sink : null;
  const view = {
    buf: Buffer.alloc(0) as Buffer,
    starts,
    ends,
    quoted,
    count: 0,
    lead: 0,
    text(k: number): string {
      return k < view.count ? decodeField(view.buf, k) : '';
    },
  };

  /**
   * Scans complete records in buf; returns the offset where the unconsumed tail begins. With
   * `final`, the end of the buffer ends the last record.
   */
  function scan(buf: Buffer, final: boolean): number {
    const len = buf.length;
    let pos = 0;
    // The buffer's whole 4-byte words: word w holds buf[a0 + 4w … a0 + 4w + 3].
    const a0 = (4 - (buf.byteOffset & 3)) & 3;
    const w32 = LITTLE_ENDIAN && len - a0 >= 4 ? new Int32Array(buf.buffer, buf.byteOffset + a0, (len - a0) >> 2) : EMPTY_WORDS;
    while (pos < len) {
      // Skip blank lines.
      const c0 = buf[pos]!;
      if (c0 === LF) {
        line++;
        pos++;
        continue;
      }
      if (c0 === CR) {
        if (pos + 1 < len) {
          line++;
          pos += buf[pos + 1] === LF ? 2 : 1;
          continue;
        }
        if (!final) return pos;
        pos++;
        line++;
        continue;
      }
      if (!headerSeen && delim < 0) {
        // Sniff from the header line; needs the whole line in the buffer.
        const eol = recordLineEnd(buf, pos, len);
        if (eol === len && !final) return openRecord(buf, pos, line);
        delim = sniffDelimiter(buf, pos, eol).charCodeAt(0);
      }
      // One record starting at pos. The hot loop works on local aliases of the field arrays
      // and the delimiter (closure variables cost a load each time).
      if (stopFor !== delim) setStops();
      const dl = delim;
      const dWord = dl > 0 && dl < 0x80 ? Math.imul(dl, 0x01010101) : 0;
      const uw = dWord !== 0 ? w32 : EMPTY_WORDS; // a delimiter outside ASCII: byte by byte
      let st = starts;
      let en = ends;
      let qu = quoted;
      const recStart = pos;
      const recLine = line;
      let nf = 0;
      let malformed = false;
      let lines = 0;
      let complete = false;
      for (;;) {
        if (nf >= st.length) {
          growFields(recLine + lines, buf, recStart, pos);
          st = starts;
          en = ends;
          qu = quoted;
        }
        if (pos < len && buf[pos] === QUOTE) {
          // Quoted field.
          const openAt = pos;
          pos++;
          st[nf] = pos;
          qu[nf] = 1;
          let closed = false;
          while (pos < len) {
            const c = buf[pos]!;
            if (inQuoteStop[c] === 0) {
              pos = nextCandidate(w32, a0, pos, QUOTE_WORD); // to the next quote or line break, four bytes at a time
              continue;
            }
            if (c === QUOTE) {
              if (pos + 1 < len && buf[pos + 1] === QUOTE) {
                pos += 2;
                continue;
              }
              if (pos + 1 >= len && !final) break; // need the next byte to decide
              closed = true;
              break;
            }
            if (c === LF || (c === CR && buf[pos + 1] !== LF)) lines++;
            pos++;
          }
          if (!closed) {
            if (!final) {
              line = recLine;
              return openRecord(buf, recStart, recLine);
            }
            if (len - recStart > MAX_RECORD_BYTES) throw new CsvError('recordTooLong', recLine, 1);
            // Find the opening quote's line and column.
            let l = recLine;
            let ls = recStart;
            for (let i = recStart; i < openAt; i++) {
              if (buf[i] === LF || (buf[i] === CR && buf[i + 1] !== LF)) {
                l++;
                ls = i + 1;
              }
            }
            throw new CsvError('unclosedQuote', l, charColumn(buf, ls, openAt));
          }
          en[nf] = pos;
          pos++; // past the closing quote
          // Text after the closing quote up to the delimiter is malformed; keep it.
          if (pos < len && buf[pos] !== dl && buf[pos] !== LF && buf[pos] !== CR) {
            malformed = true;
            qu[nf] = 0;
            st[nf] = st[nf]! - 1;
            while (pos < len && buf[pos] !== dl && buf[pos] !== LF && buf[pos] !== CR) pos++;
            en[nf] = pos;
          }
        } else {
          st[nf] = pos;
          qu[nf] = 0;
          // To the delimiter or the line end, four bytes at a time (nextCandidate).
          while (pos < len && stop[buf[pos]!] === 0) pos = nextCandidate(uw, a0, pos, dWord);
          en[nf] = pos;
        }
        nf++;
        if (pos >= len) {
          if (!final) break;
          complete = true;
          break;
        }
        const c = buf[pos]!;
        if (c === dl) {
          pos++;
          if (pos >= len && final) {
            // Trailing delimiter at end of input: one more empty field.
            if (nf >= st.length) {
              growFields(recLine + lines, buf, recStart, pos);
              st = starts;
              en = ends;
              qu = quoted;
            }
            st[nf] = pos;
            en[nf] = pos;
            qu[nf] = 0;
            nf++;
            complete = true;
            break;
          }
          continue;
        }
        // End of line.
        if (c === CR) {
          if (pos + 1 >= len && !final) break;
          pos += buf[pos + 1] === LF ? 2 : 1;
        } else pos++;
        lines++;
        complete = true;
        break;
      }
      if (!complete) {
        line = recLine;
        return openRecord(buf, recStart, recLine);
      }
      if (pos - recStart > MAX_RECORD_BYTES) throw new CsvError('recordTooLong', recLine, 1);
      emit(buf, nf, recLine, malformed);
      line = recLine + lines;
    }
    return pos;
  }

  /** The record open at buf[recStart…] waits for more bytes: its start, unless it is already too long. */
  function openRecord(buf: Buffer, recStart: number, recLine: number): number {
    if (buf.length - recStart > MAX_RECORD_BYTES) throw new CsvError('recordTooLong', recLine, 1);
    return recStart;
  }

  function emit(buf: Buffer, nf: number, recLine: number, malformed: boolean) {
    sawContent = true;
    // Skip rows whose fields are all empty or white space, quoted or not (",,," "   " and
    // "" "," " lines are blank): white space as String.prototype.trim sees it, as for values.
    let lead = -1;
    for (let k = 0; k < nf; k++) {
      let i = starts[k]!;
      const e = ends[k]!;
      while (i < e && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
      if (i === e) continue;
      const c = buf[i]!;
      // An ASCII byte other than white space settles it; otherwise (NBSP, U+2003, \f, a quoted
      // line break…) look further, character by character.
      if ((c > 0x20 && c < 0x80) || !blankFrom(buf, i, e)) {
        lead = k;
        break;
      }
    }
    if (lead < 0) {
      // A blank line before the header: sniff the delimiter again from the next line.
      if (!headerSeen && options.delimiter === undefined) delim = -1;
      return;
    }
    if (!headerSeen) {
      headerSeen = true;
      const header: string[] = [];
      for (let k = 0; k < nf; k++) header.push(decodeField(buf, k));
      const w = sink.header(header, recLine);
      if (w === null) {
        // A title row: the next row is offered as the header, its delimiter sniffed anew.
        headerSeen = false;
        if (options.delimiter === undefined) delim = -1;
        return;
      }
      wanted = w;
      wantedMask = new Uint8Array(Math.max(nf, ...wanted.map((w) => w + 1), 1));
      for (const w of wanted) wantedMask[w] = 1;
      fields.length = wantedMask.length;
      fields.fill('');
      return;
    }
    rows++;
    if (byteSink) {
      view.buf = buf;
      view.starts = starts;
      view.ends = ends;
      view.quoted = quoted;
      view.count = nf;
      view.lead = lead;
      byteSink.rowBytes(view, recLine, malformed);
      return;
    }
    for (const w of wanted) fields[w] = w < nf ? decodeField(buf, w) : '';
    (sink as CsvSink).row(fields, nf, recLine, malformed, wantedMask[lead] === 1 ? fields[lead]! : decodeField(buf, lead));
  }

  // The bytes not yet consumed (an open record) are held at work[0, held); they are scanned
  // again only once at least `waitFor` bytes are held (twice what the last scan left), so that
  // a long record is scanned a bounded number of times over, not once per chunk.
  let work: Buffer = Buffer.alloc(0);
  let held = 0;
  let waitFor = 0;
  let carry: Buffer = Buffer.alloc(0); // incomplete UTF-8 sequence held for validation
  const hold = (from: Buffer, at: number, n: number) => {
    if (work.length < held + n) {
      const grown = Buffer.allocUnsafe(Math.max(held + n, work.length * 2, 1 << 16));
      work.copy(grown, 0, 0, held);
      work = grown;
    }
    from.copy(work, held, at, at + n);
    held += n;
  };
  for await (const chunk of input) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (buf.length === 0) continue;
    bytes += buf.length;
    if (first) {
      first = false;
      if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
        throw new CsvError('utf16', 1, 1);
      }
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    // Validate: NUL bytes and UTF-8, holding back an incomplete sequence at the end.
    const joined: Buffer = carry.length ? Buffer.concat([carry, buf]) : buf;
    const incomplete = incompleteTail(joined);
    const body = incomplete ? joined.subarray(0, joined.length - incomplete) : joined;
    carry = incomplete ? Buffer.from(joined.subarray(joined.length - incomplete)) : Buffer.alloc(0);
    checkBytes(body, work.subarray(0, held));
    let data = body;
    if (held) {
      hold(body, 0, body.length);
      if (held < waitFor) {
        options.onProgress?.(bytes);
        continue;
      }
      data = work.subarray(0, held);
    }
    const used = scan(data, false);
    const left = data.length - used;
    if (data === body) {
      held = 0;
      if (left) hold(body, used, left);
    } else {
      if (left && used) work.copyWithin(0, used, held);
      held = left;
    }
    waitFor = Math.min(2 * left, MAX_RECORD_BYTES + 1); // past the cap, the next scan refuses the record
    options.onProgress?.(bytes);
  }
  if (carry.length) throwEncoding(Buffer.concat([work.subarray(0, held), carry]), held);
  if (held) scan(work.subarray(0, held), true);
  if (!sawContent) throw new CsvError('empty', undefined, undefined);
  return { bytes, rows, delimiter: String.fromCharCode(delim < 0 ? 0x2c : delim), endLine: line };

  function checkBytes(body: Buffer, before: Buffer) {
    const nul = body.indexOf(0);
    if (nul >= 0) {
      const where = locate(Buffer.concat([before, body]), before.length + nul);
      throw new CsvError('binary', where.line, where.column);
    }
    if (!isUtf8(body)) throwEncoding(Buffer.concat([before, body]), before.length);
  }

  function throwEncoding(data: Buffer, from: number): never {
    const bad = Math.min(from + firstInvalidUtf8(data.subarray(from)), data.length - 1);
    const where = locate(data, bad);
    const bytes = Buffer.from(data.subarray(Math.max(0, bad - (32 << 10)), bad + (32 << 10)));
    throw new CsvError('encoding', where.line, where.column, { bytes, byte: data[bad]! });
  }

  /** Line and column of byte `pos` in `data`, which starts at the unconsumed tail (line `line`). */
  function locate(data: Buffer, pos: number): { line: number; column: number } {
    let l = line;
    let ls = 0;
    for (let i = 0; i < pos; i++) {
      if (data[i] === LF || (data[i] === CR && data[i + 1] !== LF)) {
        l++;
        ls = i + 1;
      }
    }
    return { line: l, column: charColumn(data, ls, pos) };
  }
}
