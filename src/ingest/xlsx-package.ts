/**
 * An XLSX package — a zip of XML parts — read part by part within limits (README "Limits"),
 * so that no workbook costs more time or memory than its size warrants:
 *
 * - at most XLSX_LIMITS.entries parts (a workbook has a dozen or so);
 * - each part's inflated size within its kind's cap (PART_CAPS), and, past the first
 *   XLSX_LIMITS.ratioFree bytes, at most XLSX_LIMITS.ratio times its compressed size (real
 *   worksheets inflate 6–10×, regular ones up to ~24×; compression bombs 1000×). Both are
 *   checked on the central directory's sizes before a byte is inflated; yauzl then stops any
 *   part that inflates to more than it declared (validateEntrySizes);
 * - each part read in full has its CRC-32 checked against the directory's;
 * - the XML streamed through saxes with no token (text, attribute, comment, doctype) longer
 *   than XLSX_LIMITS.tokenBytes (saxes holds one whole before handing it over; counted as the
 *   bytes written between two of its events) and elements nested at most XLSX_LIMITS.depth
 *   deep (its stack of open elements).
 *
 * A broken package (bad zip, bad XML, a missing part, a CRC mismatch) is an XlsxError, which
 * readXlsx reports as a damaged workbook; a limit passed is a coded input error naming it.
 */
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { inputError } from '../model/errors.js';

/** A fault in the workbook itself (damaged zip or XML, a part missing). */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

export type PackageLimits = { -readonly [K in keyof typeof XLSX_LIMITS]: number };

export const XLSX_LIMITS = {
  /** Parts in the zip. */
  entries: 65_536,
  /** Inflated bytes per compressed byte, past `ratioFree` bytes of a part. */
  ratio: 32,
  ratioFree: 16 << 20,
  /** The longest XML token saxes may hold (bytes). */
  tokenBytes: 16 << 20,
  /** Elements open at once. */
  depth: 64,
} as const;

export type PartKind = 'sheet' | 'sharedStrings' | 'styles' | 'other';

/**
 * The most a part may inflate to (bytes). A 2M-row export (twice a province-year's dossiers)
 * has ~1.7 GB of worksheet XML and ~250 MB of shared strings (measured on the bench's export
 * written by exceljs: 840 and 125 bytes a row); styles are kilobytes (Excel's 64,000 cell
 * formats would be ~10 MB); the workbook part and relationships likewise.
 */
export const PART_CAPS: Record<PartKind, number> = {
  sheet: 4 * 2 ** 30 - 1,
  sharedStrings: 2 ** 30,
  styles: 64 << 20,
  other: 16 << 20,
};

const crc32: (data: Uint8Array, value?: number) => number = typeof zlib.crc32 === 'function' ? zlib.crc32 : tableCrc32;

let crcTable: Int32Array | undefined;
/** CRC-32 (the zip one: reflected, polynomial 0xEDB88320) for Node versions without zlib.crc32 (before 20.15). */
export function tableCrc32(data: Uint8Array, value = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(t: string): void;
  close?(name: string): void;
}

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** An attribute by its local name, whatever its prefix (r:id); undefined when absent. */
export function attr(attrs: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k.includes(':') && local(k) === name) return v;
  return undefined;
}

export class XlsxPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, yauzl.Entry>,
    /** The input's name, for errors. */
    readonly name: string,
    private readonly limits: PackageLimits,
  ) {}

  /** Opens the package at `path`; `limits` replace XLSX_LIMITS' (for tests). */
  static async open(path: string, name: string, limits: Partial<PackageLimits> = {}): Promise<XlsxPackage> {
    const lim: PackageLimits = { ...XLSX_LIMITS, ...limits };
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))),
    );
    try {
      if (zip.entryCount > lim.entries) throw tooMany(name, '(zip)', 'phần', 'parts', lim.entries);
      return new XlsxPackage(zip, await listEntries(zip), name, lim);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  close(): void {
    this.zip.close();
  }

  get(path: string): yauzl.Entry | undefined {
    return this.entries.get(path);
  }

  need(path: string): yauzl.Entry {
    const e = this.entries.get(path);
    if (!e) throw new XlsxError(`missing part ${path}`);
    return e;
  }

  /** Streams one part through saxes (tag names without their namespace prefix), within the limits of its kind. */
  async parse(entry: yauzl.Entry, kind: PartKind, h: XmlHandlers): Promise<void> {
    const lim = this.limits;
    this.check(entry, kind);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
    const parser = new SaxesParser();
    let failure: Error | undefined;
    let depth = 0;
    let since = 0; // bytes written since saxes last handed something over
    parser.on('error', (e) => {
      failure ??= e;
    });
    parser.on('opentag', (t: SaxesTagPlain) => {
      since = 0;
      if (++depth > lim.depth) throw xmlLimit(this.name, entry.fileName, `các thẻ lồng nhau quá ${lim.depth} tầng`, `elements nested more than ${lim.depth} deep`);
      h.open?.(local(t.name), t.attributes);
    });
    parser.on('closetag', (t: SaxesTagPlain) => {
      since = 0;
      depth--;
      h.close?.(local(t.name));
    });
    const text = (t: string) => {
      since = 0;
      h.text?.(t);
    };
    parser.on('text', text);
    parser.on('cdata', text);
    // No handlers for comments, processing instructions or the doctype: a run of them counts as
    // one token (no part has 16 MiB of them), and saxes keeps its handlers as properties added
    // to the parser: three more made its every step slower (~5×, measured on a 200k-row sheet).
    const dec = new StringDecoder('utf8');
    let crc = 0;
    try {
      for await (const chunk of stream) {
        const b = chunk as Buffer;
        crc = crc32(b, crc);
        parser.write(dec.write(b));
        if (failure) throw failure;
        since += b.length;
        if (since > lim.tokenBytes) throw xmlLimit(this.name, entry.fileName, `một thành phần XML dài hơn ${mib(lim.tokenBytes)}`, `an XML token longer than ${mib(lim.tokenBytes)}`);
      }
    } finally {
      (stream as unknown as { destroy?: () => void }).destroy?.();
    }
    parser.write(dec.end());
    parser.close();
    if (failure) throw failure;
    if (crc >>> 0 !== entry.crc32 >>> 0) throw new XlsxError(`CRC-32 mismatch in ${entry.fileName}`);
  }

  /** Refuses a part before it is inflated: encrypted, or larger than its kind's cap or the ratio allows. */
  private check(entry: yauzl.Entry, kind: PartKind): void {
    if (entry.isEncrypted()) throw inputError({ file: this.name }, 'input.encrypted');
    const size = entry.uncompressedSize;
    const cap = PART_CAPS[kind];
    if (size > cap) throw inputError({ file: this.name }, 'input.xlsxPartTooLarge', { part: entry.fileName, size: mib(size), limit: mib(cap) });
    const { ratio, ratioFree } = this.limits;
    if (size > ratioFree && size > ratio * entry.compressedSize) {
      throw inputError({ file: this.name }, 'input.xlsxBomb', { part: entry.fileName, size: mib(size), ratio: Math.round(size / Math.max(1, entry.compressedSize)), limit: ratio });
    }
  }
}

/** Bytes as MiB: "0.5 MiB", "16 MiB", "1021 MiB". */
const mib = (n: number) => `${Number((n / 2 ** 20).toFixed(n < 2 ** 24 ? 1 : 0))} MiB`;

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const map = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      map.set(e.fileName.replace(/\\/g, '/').replace(/^\//, ''), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(map));
    zip.on('error', reject);
    zip.readEntry();
  });
}

export function tooMany(file: string, part: string, whatVi: string, whatEn: string, limit: number) {
  return inputError({ file }, 'input.xlsxTooMany', { part, whatVi, whatEn, limit });
}

export function xmlLimit(file: string, part: string, whatVi: string, whatEn: string) {
  return inputError({ file }, 'input.xlsxXmlLimit', { part, whatVi, whatEn });
}
