/**
 * The XLSX reader: one worksheet of an Office Open XML workbook, streamed row by row into the
 * same sink as CSV (csv.ts `CsvSink`), so that an .xlsx export follows the same contracts.
 *
 * - The zip is read with yauzl (random access through the central directory), its parts
 *   within limits and CRC-checked (xlsx-package.ts); the XML with saxes, a streaming parser:
 *   the worksheet is never held in memory. The shared strings table is (Excel keeps every
 *   distinct text of the workbook there; held as UTF-8 bytes), and the styles table, to know
 *   which cells are date-formatted.
 * - The sheet: the first one in the workbook, or the one named by `sheet` (exact name first,
 *   then compared as headers are: case, spacing, diacritics).
 * - Cell values become the strings a CSV export would hold: text as written (shared, inline or
 *   a formula's text result); numbers as stored ("100000", "0.5"); booleans "true"/"false";
 *   errors as shown ("#N/A"); a date-formatted number (a date serial) becomes its calendar day
 *   as yyyy-mm-dd through util/dates.ts `daysFromSerial`, honouring the workbook's 1904 date
 *   system, followed by its time of day (" HH:mm:ss") when the cell carries one: its serial has
 *   a fraction of a day, or its number format shows a time (docs/domain.md "A cell carries a time").
 * - Line numbers are the sheet's row numbers. Empty rows are not rows. A row's field count is
 *   the header's width, or more when it has cells beyond it.
 * - Merged cells hold their value in the top-left cell (the others read as blank); the sheet's
 *   merged ranges (<mergeCells>, after the rows) go to the sink's `merges` after the last row.
 * - Limits (README "Limits"), besides the package's: cells up to column XFD (16,384, Excel's
 *   last), refused from the reference alone; XLSX_SHEET_LIMITS rows, shared strings, cell
 *   formats, characters in a cell and in the cells a row keeps (past the header a row keeps
 *   only the columns asked for and its first non-empty cell).
 */
import type yauzl from 'yauzl';
import type { CellRange, CsvSink } from './csv.js';
import { XlsxError, XlsxPackage, attr, tooMany, type PackageLimits, type XmlHandlers } from './xlsx-package.js';
import { daysFromSerial, formatClock, formatIso, msOfSerialDay } from '../util/dates.js';
import { fold } from '../util/text.js';
import { CcchError, inputError } from '../model/errors.js';

export { XlsxError } from './xlsx-package.js';

export interface XlsxOptions {
  /** The sheet to read (default: the first). */
  sheet?: string;
  /** The input's name, as messages show it. */
  name: string;
  /** For tests: limits in place of XLSX_LIMITS' and XLSX_SHEET_LIMITS'. */
  limits?: Partial<PackageLimits & SheetLimits>;
}

export interface XlsxStats {
  sheet: string;
  rows: number;
}

export type SheetLimits = { -readonly [K in keyof typeof XLSX_SHEET_LIMITS]: number };

export const XLSX_SHEET_LIMITS = {
  /** Columns: A…XFD, as in Excel. */
  columns: 16_384,
  /** Row elements of the sheet (and the highest row number): 4× Excel's 1,048,576, 2× a province-year's dossiers. */
  rows: 4 * 1_048_576,
  /** Shared strings: the bench's export has 3.6 distinct strings a row; 8 a row for 2M rows. */
  strings: 16 * 1_048_576,
  /** Cell formats (cellXfs): Excel allows 64,000. */
  formats: 65_536,
  /** Characters in a cell or a shared string: 32× Excel's 32,767. */
  cellChars: 1_048_576,
  /** Characters in the cells a row keeps. */
  rowChars: 16 * 1_048_576,
} as const;

/** Excel writes control characters in strings as _xHHHH_. */
const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** A relationship target, relative to the part's folder, as a zip path. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function readRels(pkg: XlsxPackage, part: string): Promise<Map<string, { target: string; type: string }>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, { target: string; type: string }>();
  const e = pkg.get(relsPath);
  if (!e) return rels;
  await pkg.parse(e, 'other', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, { target: resolveTarget(part, a.Target), type: a.Type ?? '' });
    },
  });
  return rels;
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, and the East Asian ones). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Built-in number formats that show a time of day (a subset of BUILTIN_DATE). */
const BUILTIN_TIME = new Set([18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

/** What a cell format shows of a number: a number, a date, or a date and a time of day. */
const Shows = { NUMBER: 0, DATE: 1, DATE_TIME: 2 } as const;
type Shows = (typeof Shows)[keyof typeof Shows];

/** A number format's first section without quoted text, escaped characters, [brackets], fill/space codes and "General". */
function formatSection(code: string): string {
  return (code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '')
    .split(';')[0] ?? '').replace(/general/gi, '');
}

/**
 * A custom number format shows a date when its first section has d, m, y, h or s outside
 * quoted text, escaped characters, [brackets] (colors, locales, elapsed time) and fill/space
 * codes; "General" does not.
 */
export function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(formatSection(code));
}

/** A date format shows a time of day when its first section has h or s (as isDateFormat reads it) or AM/PM. */
export function isTimeFormat(code: string): boolean {
  return /[hs]|am\/pm|a\/p/i.test(formatSection(code));
}

/** A strict OOXML ISO date cell: its calendar date, and its time when the cell carries one (not midnight, or a format showing a time). */
function isoCellText(value: string, shows: Shows): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value);
  if (!m) return value;
  const time = m[2] !== undefined && (shows === Shows.DATE_TIME || !/^00:00(:00)?$/.test(m[2]));
  return time ? `${m[1]} ${m[2]}` : m[1]!;
}

/** A number cell: as stored, or, date-formatted, its calendar day and its time when the cell carries one (a fraction, or a format showing a time). */
function numberCellText(value: string, shows: Shows, date1904: boolean): string {
  if (value === '' || shows === Shows.NUMBER) return value;
  const serial = Number(value);
  const day = daysFromSerial(serial, date1904);
  if (Number.isNaN(day)) return value;
  const ms = msOfSerialDay(serial);
  return ms !== 0 || shows === Shows.DATE_TIME ? `${formatIso(day)} ${formatClock(ms)}` : formatIso(day);
}

export async function readXlsx(path: string, sink: CsvSink, opts: XlsxOptions): Promise<XlsxStats> {
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.open(path, opts.name, opts.limits);
  } catch (e) {
    if (e instanceof CcchError) throw e;
    throw damaged(opts.name, e);
  }
  // What the sink throws (a rejection of the input, or a caller's early stop) passes through as it is.
  const fromSink = new WeakSet<object>();
  const pass = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
    try {
      return f(...a);
    } catch (e) {
      if (typeof e === 'object' && e !== null) fromSink.add(e);
      throw e;
    }
  };
  const guarded: CsvSink = {
    header: pass(sink.header.bind(sink)),
    row: pass(sink.row.bind(sink)),
    ...(sink.merges ? { merges: pass(sink.merges.bind(sink)) } : {}),
  };
  try {
    return await readWorkbook(pkg, guarded, opts);
  } catch (e) {
    if (typeof e === 'object' && e !== null && fromSink.has(e)) throw e;
    if (e instanceof CcchError) throw e;
    throw damaged(opts.name, e);
  } finally {
    pkg.close();
  }
}

function damaged(name: string, e: unknown) {
  const detail = e instanceof Error ? e.message : String(e);
  return inputError({ file: name }, 'input.xlsxDamaged', { detail });
}

async function readWorkbook(pkg: XlsxPackage, sink: CsvSink, opts: XlsxOptions): Promise<XlsxStats> {
  const lim: SheetLimits = { ...XLSX_SHEET_LIMITS, ...opts.limits, columns: XLSX_SHEET_LIMITS.columns };
  const book = await readBook(pkg, opts);
  const stylesEntry = pkg.get(book.stylesPath ?? 'xl/styles.xml');
  const dateStyle = stylesEntry ? await readStyles(pkg, stylesEntry, lim) : new Uint8Array(0);
  const sstEntry = pkg.get(book.sstPath ?? 'xl/sharedStrings.xml');
  const strings = sstEntry ? await readSharedStrings(pkg, sstEntry, lim) : new SharedStrings(0);
  const sheet = new SheetReader(sink, strings, dateStyle, book.date1904, opts.name, lim);
  await pkg.parse(pkg.need(book.sheetPath), 'sheet', sheet);
  if (sheet.merges.length) sink.merges?.(sheet.merges);
  return { sheet: book.sheet, rows: sheet.rows };
}

interface Book {
  sheet: string;
  sheetPath: string;
  stylesPath?: string;
  sstPath?: string;
  date1904: boolean;
}

/** The workbook part: its sheets (the one to read), date system, and where the styles and shared strings are. */
async function readBook(pkg: XlsxPackage, opts: XlsxOptions): Promise<Book> {
  // The workbook part: from the package relationships, else the usual place.
  let wbPath = 'xl/workbook.xml';
  for (const r of (await readRels(pkg, '')).values()) if (r.type.endsWith('/officeDocument')) wbPath = r.target;
  const wbEntry = pkg.get(wbPath);
  if (!wbEntry) throw inputError({ file: opts.name }, 'input.xlsxNoWorkbook');
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  await pkg.parse(wbEntry, 'other', {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: attr(a, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const wbRels = await readRels(pkg, wbPath);
  if (!sheets.length) throw new XlsxError('no worksheet');
  let sheet = sheets[0]!;
  if (opts.sheet !== undefined) {
    const want = opts.sheet;
    const found = sheets.find((s) => s.name === want) ?? sheets.find((s) => fold(s.name) === fold(want));
    if (!found) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      throw inputError({ file: opts.name }, 'input.xlsxNoSheet', { sheet: want, sheets: names });
    }
    sheet = found;
  }
  const sheetPath = wbRels.get(sheet.rid)?.target;
  if (!sheetPath) throw new XlsxError(`no part for sheet "${sheet.name}"`);
  const book: Book = { sheet: sheet.name, sheetPath, date1904 };
  for (const r of wbRels.values()) {
    if (r.type.endsWith('/styles')) book.stylesPath = r.target;
    else if (r.type.endsWith('/sharedStrings')) book.sstPath = r.target;
  }
  return book;
}

/** Styles: what each cell format (cellXfs, by index) shows of a number (Shows: a number, a date, a date and a time). */
async function readStyles(pkg: XlsxPackage, entry: yauzl.Entry, lim: SheetLimits): Promise<Uint8Array> {
  const custom = new Map<number, string>();
  let dateStyle = new Uint8Array(64);
  let count = 0;
  let inXfs = false;
  await pkg.parse(entry, 'styles', {
    open(name, a) {
      if (name === 'numFmt') {
        if (custom.size >= lim.formats) throw tooMany(pkg.name, entry.fileName, 'định dạng số', 'number formats', lim.formats);
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) {
        if (count >= lim.formats) throw tooMany(pkg.name, entry.fileName, 'định dạng ô', 'cell formats', lim.formats);
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (count === dateStyle.length) {
          const grown = new Uint8Array(2 * count);
          grown.set(dateStyle);
          dateStyle = grown;
        }
        const date = code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id);
        const time = code !== undefined ? isTimeFormat(code) : BUILTIN_TIME.has(id);
        dateStyle[count++] = !date ? Shows.NUMBER : time ? Shows.DATE_TIME : Shows.DATE;
      }
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
  });
  return dateStyle.subarray(0, count);
}

const CACHE = 4096;

/** The shared strings table, as UTF-8 bytes end to end and where each string ends. */
export class SharedStrings {
  private bytes: Buffer;
  private ends = new Uint32Array(1024);
  private used = 0;
  count = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.min(Math.max(capacity, 1024), 64 << 20));
  }

  add(s: string): void {
    const need = this.used + Buffer.byteLength(s, 'utf8');
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.bytes.length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(s, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(2 * this.count);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** The strings decoded last, by index modulo CACHE (units, channels, dates repeat row after row). */
  private readonly cached: string[] = new Array<string>(CACHE).fill('');
  private readonly cachedAt = new Int32Array(CACHE).fill(-1);

  /** String i, or undefined past the end. */
  get(i: number): string | undefined {
    if (!(Number.isInteger(i) && i >= 0 && i < this.count)) return undefined;
    const slot = i & (CACHE - 1);
    if (this.cachedAt[slot] === i) return this.cached[slot];
    const s = this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
    this.cachedAt[slot] = i;
    this.cached[slot] = s;
    return s;
  }
}

async function readSharedStrings(pkg: XlsxPackage, entry: yauzl.Entry, lim: SheetLimits): Promise<SharedStrings> {
  const strings = new SharedStrings(entry.uncompressedSize);
  let cur = '';
  let inT = false;
  let inPhonetic = false;
  await pkg.parse(entry, 'sharedStrings', {
    open(name) {
      if (name === 'si') cur = '';
      else if (name === 't' && !inPhonetic) inT = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (!inT) return;
      cur += t;
      if (cur.length > lim.cellChars) throw cellTooLong(pkg.name, `${entry.fileName} #${strings.count + 1}`, undefined, lim.cellChars);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (strings.count >= lim.strings) throw tooMany(pkg.name, entry.fileName, 'chuỗi dùng chung', 'shared strings', lim.strings);
        strings.add(unescapeOoxml(cur));
        cur = '';
      }
    },
  });
  return strings;
}

function cellTooLong(file: string, ref: string, line: number | undefined, limit: number) {
  return inputError(line === undefined ? { file } : { file, line }, 'input.xlsxCellTooLong', { ref, limit });
}

/**
 * "B7" → 1 (the 0-based column of a cell reference: letters, then the row's digits), or −1
 * when it is not one or lies past column XFD (seen from its length, before any arithmetic).
 */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  if (i === 0 || n > XLSX_SHEET_LIMITS.columns) return -1;
  const d = ref.charCodeAt(i);
  if (i < ref.length && !(d >= 0x30 && d <= 0x39)) return -1;
  return n - 1;
}

/** Merged ranges kept per sheet (a summary form's header needs a few; the rest are ignored). */
const MAX_MERGES = 10_000;

/** "C6:F6" → its rows and 0-based columns; null when it is not a range (or lies past XFD). */
export function cellRange(ref: string): CellRange | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const r = { r1: Number(m[2]), c1: columnIndex(m[1]!), r2: Number(m[4]), c2: columnIndex(m[3]!) };
  return r.c1 >= 0 && r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

/** The worksheet's rows, as handlers of its XML events, into the sink. */
class SheetReader implements XmlHandlers {
  rows = 0;
  /** The sheet's merged ranges (<mergeCells>), at most MAX_MERGES. */
  readonly merges: CellRange[] = [];
  private elements = 0; // <row> elements
  private rowNum = 0;
  private col = -1;
  /** The row's kept cells by column: all of them until the header is found, then the wanted ones. */
  private cells: string[] = [];
  private keptChars = 0;
  private maxCol = -1;
  private leadCol = -1;
  private leadText = '';
  private type = 'n';
  private style = 0;
  private ref = '';
  private value = '';
  private inValue = false;
  private inPhonetic = false;
  private headerSeen = false;
  private width = 0;
  private wanted: number[] = [];
  private wantedMask = new Uint8Array(0);
  private readonly fields: string[] = [];

  constructor(
    private readonly sink: CsvSink,
    private readonly strings: SharedStrings,
    private readonly dateStyle: Uint8Array,
    private readonly date1904: boolean,
    private readonly file: string,
    private readonly lim: SheetLimits,
  ) {}

  open(name: string, a: Record<string, string>): void {
    switch (name) {
      case 'row': {
        if (++this.elements > this.lim.rows) throw tooMany(this.file, 'worksheet', 'dòng', 'rows', this.lim.rows);
        const r = a.r !== undefined ? Number(a.r) : this.rowNum + 1;
        if (!Number.isInteger(r) || r < 1 || r > this.lim.rows) throw new XlsxError(`row number ${a.r?.slice(0, 20)}`);
        this.rowNum = r;
        this.col = -1;
        this.cells = [];
        this.keptChars = 0;
        this.maxCol = -1;
        this.leadCol = -1;
        break;
      }
      case 'c':
        this.ref = a.r ?? '';
        this.col = a.r !== undefined ? columnIndex(a.r) : this.col + 1;
        if (this.col < 0 || this.col >= XLSX_SHEET_LIMITS.columns) {
          throw inputError({ file: this.file, line: this.rowNum }, 'input.xlsxColumn', { ref: a.r ?? `#${this.col + 1}` });
        }
        this.type = a.t ?? 'n';
        this.style = a.s !== undefined ? Number(a.s) : 0;
        this.value = '';
        break;
      case 'v':
        this.inValue = true;
        break;
      case 't':
        if (!this.inPhonetic) this.inValue = true; // <is><t> of an inline string
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 'mergeCell': {
        const m = a.ref !== undefined && this.merges.length < MAX_MERGES ? cellRange(a.ref) : null;
        if (m) this.merges.push(m);
        break;
      }
    }
  }

  text(t: string): void {
    if (!this.inValue) return;
    this.value += t;
    if (this.value.length > this.lim.cellChars) throw cellTooLong(this.file, this.ref || `#${this.col + 1}`, this.rowNum, this.lim.cellChars);
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.inValue = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c':
        this.endCell();
        break;
      case 'row':
        this.endRow();
        break;
    }
  }

  /** What the cell's format shows of a number. */
  private shows(): Shows {
    return (this.dateStyle[this.style] ?? Shows.NUMBER) as Shows;
  }

  private cellText(): string {
    const value = this.value;
    switch (this.type) {
      case 's': {
        const s = this.strings.get(/^\d+$/.test(value) ? Number(value) : -1);
        if (s === undefined) throw new XlsxError(`shared string ${value.slice(0, 20)} out of range`);
        return s;
      }
      case 'inlineStr':
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return value === '1' ? 'true' : value === '0' ? 'false' : value;
      case 'e':
        return value;
      case 'd':
        return isoCellText(value, this.shows());
      default:
        return numberCellText(value, this.shows(), this.date1904);
    }
  }

  private endCell(): void {
    const text = this.cellText();
    const col = this.col;
    if (text === '') return;
    if (col > this.maxCol) this.maxCol = col;
    if (this.leadCol < 0 || col <= this.leadCol) {
      this.leadCol = col;
      this.leadText = text;
    }
    if (this.headerSeen && this.wantedMask[col] !== 1) return;
    this.keptChars += text.length - (this.cells[col]?.length ?? 0);
    if (this.keptChars > this.lim.rowChars) throw inputError({ file: this.file, line: this.rowNum }, 'input.xlsxRowTooLong', { limit: this.lim.rowChars });
    this.cells[col] = text;
  }

  private endRow(): void {
    if (this.maxCol < 0) return; // an empty row is not a row
    const cells = this.cells;
    if (!this.headerSeen) {
      const header: string[] = [];
      for (let k = 0; k <= this.maxCol; k++) header.push(cells[k] ?? '');
      const w = this.sink.header(header, this.rowNum);
      if (w === null) return;
      this.headerSeen = true;
      this.wanted = w;
      this.width = header.length;
      this.wantedMask = new Uint8Array(XLSX_SHEET_LIMITS.columns);
      for (const k of w) if (k < XLSX_SHEET_LIMITS.columns) this.wantedMask[k] = 1;
      this.fields.length = Math.max(this.width, ...w.map((k) => k + 1));
      this.fields.fill('');
      return;
    }
    for (const k of this.wanted) this.fields[k] = cells[k] ?? '';
    this.rows++;
    this.sink.row(this.fields, Math.max(this.width, this.maxCol + 1), this.rowNum, false, this.leadText);
  }
}
