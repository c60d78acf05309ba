/**
 * Peeking: every input's kind is read from its header before any input is read in full (the
 * fact exports are read first). Replay lets a source's first chunks be read twice; peekKind
 * reads just the header (and, for UTF-8 text files, where the data begins, for reading the
 * file in byte ranges). The peek reads at most MAX_PEEK_BYTES: a header (after its title
 * rows) not found within them refuses the file.
 */
import { CsvError, MAX_RECORD_BYTES, recordLineEnd, sniffDelimiter } from './csv.js';
import { detectKind, type KindFields } from './headers.js';
import { DateSample } from './date-columns.js';
import { FIELDS } from './contract.js';
import { fileSource, type InputSource } from './source.js';
import { isOle, isZip, spool } from './table.js';
import { utf16Bom } from './decode.js';
import { inputError } from '../model/errors.js';
import { lineOffset } from './parallel/split.js';
import { csvError } from './errors.js';
import { readRows, TitleRows } from './rows.js';
import type { IngestInternals, ReaderOptions } from './options.js';
import { titlePeriod, type TitlePeriod } from './report-period.js';
import { recogniseSide } from './side/read.js';
import type { InputKind, Kind } from '../model/kinds.js';

class Peeked {
  constructor(
    readonly kind: InputKind,
    readonly titlePeriod: TitlePeriod | null = null,
  ) {}
}

/** The most bytes the peek reads for the date columns' sample past the header (date-columns.ts). */
const MAX_SAMPLE_BYTES = 1 << 20;

/** The header peek read MAX_PEEK_BYTES. */
class PeekLimit {}

/** The most bytes the header peek reads (and holds, to be read again): title rows, the header and the first data row fit many times over. */
export const MAX_PEEK_BYTES = 2 * MAX_RECORD_BYTES;

type Chunk = Buffer | string;
const asBuffer = (c: Chunk) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c);

/**
 * An opened input whose first chunks can be read twice: once to learn the file's kind from its
 * header, then again, followed by the rest, for the full read. A source that opens afresh (a
 * file) is reopened for the full read and the chunks held for the peek are dropped; a source
 * that gives back the same stream (standard input, a pipe) replays them. Nothing is lost either
 * way. A workbook (zip or OLE) from a stream is first copied to a temporary file (table.ts
 * spool), read from there as a file, and removed when the Replay is closed.
 */
export class Replay {
  private buffered: Chunk[] = [];
  private peeked = 0;
  private done = false;
  private closed = false;
  private readonly it: AsyncIterator<Chunk>;
  private fresh: AsyncIterable<Chunk> | null = null;

  private constructor(
    /** The source to read: the one given, or its copy on disk. */
    readonly source: InputSource,
    private readonly first: AsyncIterable<Chunk>,
    it?: AsyncIterator<Chunk>,
    private readonly cleanup: () => Promise<void> = async () => {},
  ) {
    this.it = it ?? first[Symbol.asyncIterator]();
  }

  static async open(source: InputSource, reuse: boolean): Promise<Replay> {
    let r: Replay;
    if (source.path !== undefined) r = new Replay(source, await source.open());
    else {
      // A stream: its first bytes say whether it is a workbook, to be read by position from a copy.
      const stream = await source.open();
      const it = stream[Symbol.asyncIterator]();
      const head: Buffer[] = [];
      let n = 0;
      while (n < 4) {
        const c = await it.next();
        if (c.done) break;
        head.push(asBuffer(c.value));
        n += head[head.length - 1]!.length;
      }
      const first = Buffer.concat(head);
      if (isZip(first) || isOle(first)) {
        const copy = await spool(
          source.name,
          (async function* () {
            yield* head;
            for (let c = await it.next(); !c.done; c = await it.next()) yield asBuffer(c.value);
          })(),
        );
        const file = fileSource(copy.path, source.name);
        r = new Replay(file, await file.open(), undefined, copy.cleanup);
      } else {
        // The bytes read are the first the peek gives (and the full read replays).
        r = new Replay(source, stream, it);
        r.buffered.push(...head);
        r.peeked = n;
      }
    }
    r.reuse = reuse;
    return r;
  }

  /** Whether the full read may reuse its chunk buffer (OpenOptions.reuse): the CSV reader's does. */
  private reuse = false;

  /** After settle(): the source gives one stream only (standard input, a pipe): it cannot be read again. */
  once = false;

  /** Bytes the peek has read. */
  get bytesPeeked(): number {
    return this.peeked;
  }

  /** Whether the bytes peeked begin a zip (an XLSX workbook). */
  get workbook(): boolean {
    const c = this.buffered[0];
    return c !== undefined && typeof c !== 'string' && isZip(c);
  }

  /** The stream from the start, remembering what is read (abandoning it keeps the input open). */
  peek(): AsyncIterable<Chunk> {
    return (async function* (self: Replay) {
      for (const c of self.buffered) yield c;
      while (!self.done) {
        const r = await self.it.next();
        if (r.done) {
          self.done = true;
          return;
        }
        self.buffered.push(r.value);
        self.peeked += r.value.length;
        if (self.peeked > MAX_PEEK_BYTES) throw new PeekLimit();
        yield r.value;
      }
    })(this);
  }

  /**
   * Where the data begins in the bytes read so far (the peek's): the first data row's line and
   * offset, the header's delimiter (as given, or sniffed from the header's line as the CSV reader
   * does) and width; null past them, for text given as strings, or for a workbook or UTF-16 text.
   */
  dataStart(header: { line: number; width: number }, firstRow: number, delimiter: string | undefined): DataStart | null {
    if (this.buffered.some((c) => typeof c === 'string')) return null;
    const b = Buffer.concat(this.buffered as Buffer[]);
    const offset = lineOffset(b, firstRow);
    // Only plain text: not a workbook (zip, OLE) nor UTF-16.
    if ((b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf) || utf16Bom(b)) return null;
    const from = lineOffset(b, header.line);
    if (offset < 0 || from < 0) return null;
    const eol = recordLineEnd(b, from, offset);
    const start = from === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : from;
    const delim = delimiter ?? sniffDelimiter(b, start, eol);
    return { line: firstRow, offset, delimiter: delim.charCodeAt(0), width: header.width };
  }

  /** After the peek: reopen the source when it opens afresh, dropping the chunks held. */
  async settle(): Promise<void> {
    const again = await this.source.open({ reuse: this.reuse });
    if (again === this.first) {
      this.once = true;
      return;
    }
    this.fresh = again;
    this.buffered = [];
    await this.closeFirst();
  }

  /** The whole stream, once; the input is closed at its end. */
  all(): AsyncIterable<Chunk> {
    if (this.fresh) {
      const f = this.fresh;
      this.fresh = null;
      return f;
    }
    return (async function* (self: Replay) {
      try {
        const head = self.buffered;
        self.buffered = [];
        for (const c of head) yield c;
        while (!self.done) {
          const r = await self.it.next();
          if (r.done) return;
          yield r.value;
        }
      } finally {
        await self.closeFirst();
      }
    })(this);
  }

  private async closeFirst(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.it.return?.();
  }

  /** Closes whatever is still open (after an error stopped the run), and removes a copy on disk. */
  async close(): Promise<void> {
    await this.closeFirst();
    await this.cleanup();
    if (this.fresh) {
      // A file stream closes itself once started; start it, then stop it.
      const it = this.fresh[Symbol.asyncIterator]();
      this.fresh = null;
      try {
        await it.next();
      } catch {
        // closing anyway
      }
      await it.return?.();
    }
  }
}

/** Where a delimited-text file's first data row begins (its line and byte offset), and its header's delimiter and width. */
export interface DataStart {
  line: number;
  offset: number;
  delimiter: number;
  width: number;
}

/**
 * Reads just the header of a source, for its kind; throws the same errors a full read would.
 * For a UTF-8 text file it goes on to the first data row, to learn where the data begins (for
 * reading the file in byte ranges, see ingest/split.ts); an error past the header is left for
 * the full read to report, as it would be without the look ahead.
 */
export interface Peek {
  /** An export's kind, or a side file's (recognised by its header: side/read.ts). */
  kind: InputKind;
  /** A record list's date columns' first values (date-columns.ts); null for other kinds, or when not asked. */
  dates: DateSample | null;
  /** The source is a workbook (XLSX: a zip). */
  workbook: boolean;
  dataStart: DataStart | null;
  /** A summary report: the period its title lines give (ingest/report-period.ts), or null. */
  titlePeriod: TitlePeriod | null;
}

export async function peekKind(source: InputSource, replay: Replay, opts: ReaderOptions & { internal?: IngestInternals }, kindFields?: KindFields, sampleDates = true): Promise<Peek> {
  const titles = new TitleRows(source.name);
  let kind: Kind | null = null;
  let header: { line: number; width: number } | null = null;
  let firstRow: number | null = null;
  let dates: DateSample | null = null;
  const lookAhead = source.path !== undefined && (opts.encoding === undefined || opts.encoding === 'utf-8');
  try {
    await readRows(
      { name: source.name, path: source.path, open: async () => replay.peek() },
      {
        header(fields, line) {
          const d = detectKind(fields, kindFields);
          if (!d.kind && d.ambiguous.length === 0) {
            const side = recogniseSide(fields);
            if (side) throw new Peeked(side);
          }
          if (!d.kind) return titles.title(fields, line, d.ambiguous);
          kind = d.kind;
          header = { line, width: fields.length };
          // A summary report is never read in byte ranges: its header and title lines are enough.
          if (d.kind === 'summary') throw new Peeked(d.kind, titlePeriod(titles.lines));
          if (sampleDates && (d.kind === 'dossiers' || d.kind === 'feedback')) dates = new DateSample(d.kind, [...fields], kindFields ?? FIELDS, line);
          if (!lookAhead && !dates) throw new Peeked(d.kind);
          return dates ? [...(dates as DateSample).values.keys()] : [];
        },
        row(fields, _count, line) {
          firstRow ??= line;
          if (dates === null || !dates.row(fields, line) || replay.bytesPeeked > MAX_SAMPLE_BYTES) throw new Peeked(kind!);
        },
      },
      opts,
    );
    // The whole file was read (a short one): where its data begins all the same.
    const h = header as { line: number; width: number } | null;
    if (kind) return { kind, dataStart: firstRow === null || h === null || !lookAhead ? null : replay.dataStart(h, firstRow, opts.delimiter), titlePeriod: null, dates, workbook: replay.workbook };
    titles.end();
  } catch (e) {
    if (e instanceof Peeked) {
      const h = header as { line: number; width: number } | null;
      const dataStart = firstRow === null || h === null || !lookAhead ? null : replay.dataStart(h, firstRow, opts.delimiter);
      return { kind: e.kind, dataStart, titlePeriod: e.titlePeriod, dates, workbook: replay.workbook };
    }
    if (kind) return { kind, dataStart: null, titlePeriod: null, dates, workbook: replay.workbook };
    if (e instanceof PeekLimit) throw inputError({ file: source.name }, 'input.headerTooFar', { limit: `${MAX_PEEK_BYTES >> 20} MiB` });
    if (e instanceof CsvError) throw csvError(e, source.name);
    throw e;
  }
  throw csvError(new CsvError('noHeader', undefined, undefined), source.name);
}

