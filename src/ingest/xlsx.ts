/**
 * The XLSX reader: one worksheet of an Office Open XML workbook, streamed row by row into the
 * same sink as CSV (csv.ts `CsvSink`), so that an .xlsx export follows the same contracts.
 *
 * - The zip is read with yauzl (random access through the central directory, CRC-checked);
 *   the XML with saxes, a streaming parser: the worksheet is never held in memory. The shared
 *   strings table is (Excel keeps every distinct text of the workbook there), and the styles
 *   table, to know which cells are date-formatted.
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
 */
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellRange, CsvSink } from './csv.js';
import { daysFromSerial, formatClock, formatIso, msOfSerialDay } from '../util/dates.js';
import { fold } from '../util/text.js';
import { CcchError, inputError } from '../model/errors.js';

export interface XlsxOptions {
  /** The sheet to read (default: the first). */
  sheet?: string;
  /** The input's name, as messages show it. */
  name: string;
}

export interface XlsxStats {
  sheet: string;
  rows: number;
}

/** A fault in the workbook itself (damaged zip or XML, a part missing). */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

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

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(t: string): void;
  close?(name: string): void;
}

/** Streams one zip entry through saxes; tag names without their namespace prefix. */
async function parseEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, h: XmlHandlers): Promise<void> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
  );
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (h.open) parser.on('opentag', (t: SaxesTagPlain) => h.open!(local(t.name), t.attributes));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  if (h.close) parser.on('closetag', (t: SaxesTagPlain) => h.close!(local(t.name)));
  const dec = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(dec.write(chunk as Buffer));
    if (failure) throw failure;
  }
  parser.write(dec.end());
  parser.close();
  if (failure) throw failure;
}

async function need(entries: Map<string, yauzl.Entry>, path: string): Promise<yauzl.Entry> {
  const e = entries.get(path);
  if (!e) throw new XlsxError(`missing part ${path}`);
  return e;
}

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

async function readRels(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>, part: string): Promise<Map<string, { target: string; type: string }>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, { target: string; type: string }>();
  const e = entries.get(relsPath);
  if (!e) return rels;
  await parseEntry(zip, e, {
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
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
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
    return await readWorkbook(zip, guarded, opts);
  } catch (e) {
    if (typeof e === 'object' && e !== null && fromSink.has(e)) throw e;
    if (e instanceof CcchError) throw e;
    throw damaged(opts.name, e);
  } finally {
    zip.close();
  }
}

function damaged(name: string, e: unknown) {
  const detail = e instanceof Error ? e.message : String(e);
  return inputError({ file: name }, 'input.xlsxDamaged', { detail });
}

async function readWorkbook(zip: yauzl.ZipFile, sink: CsvSink, opts: XlsxOptions): Promise<XlsxStats> {
  const entries = await listEntries(zip);
  // The workbook part: from the package relationships, else the usual place.
  const pkg = await readRels(zip, entries, '');
  let wbPath = 'xl/workbook.xml';
  for (const r of pkg.values()) if (r.type.endsWith('/officeDocument')) wbPath = r.target;

  const wbEntry = entries.get(wbPath);
  if (!wbEntry) {
    throw inputError({ file: opts.name }, 'input.xlsxNoWorkbook');
  }
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  await parseEntry(zip, wbEntry, {
    open(name, a) {
      if (name === 'sheet') {
        const rid = Object.entries(a).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1] ?? '';
        sheets.push({ name: a.name ?? '', rid });
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const wbRels = await readRels(zip, entries, wbPath);
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

  // Styles: which cell formats (xf index) show dates, and times.
  const dateStyle: Shows[] = [];
  let stylesPath: string | undefined;
  let sstPath: string | undefined;
  for (const r of wbRels.values()) {
    if (r.type.endsWith('/styles')) stylesPath = r.target;
    else if (r.type.endsWith('/sharedStrings')) sstPath = r.target;
  }
  const stylesEntry = entries.get(stylesPath ?? 'xl/styles.xml');
  if (stylesEntry) {
    const custom = new Map<number, string>();
    let inXfs = false;
    await parseEntry(zip, stylesEntry, {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) {
          const id = Number(a.numFmtId ?? 0);
          const code = custom.get(id);
          const date = code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id);
          const time = code !== undefined ? isTimeFormat(code) : BUILTIN_TIME.has(id);
          dateStyle.push(!date ? Shows.NUMBER : time ? Shows.DATE_TIME : Shows.DATE);
        }
      },
      close(name) {
        if (name === 'cellXfs') inXfs = false;
      },
    });
  }

  // Shared strings.
  const strings: string[] = [];
  const sstEntry = entries.get(sstPath ?? 'xl/sharedStrings.xml');
  if (sstEntry) {
    let cur = '';
    let inT = false;
    let inPhonetic = false;
    await parseEntry(zip, sstEntry, {
      open(name) {
        if (name === 'si') cur = '';
        else if (name === 't' && !inPhonetic) inT = true;
        else if (name === 'rPh') inPhonetic = true;
      },
      text(t) {
        if (inT) cur += t;
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') strings.push(unescapeOoxml(cur));
      },
    });
  }

  // The worksheet, streamed.
  let rowNum = 0;
  let col = -1;
  let cells: string[] = [];
  let maxCol = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inValue = false;
  let inPhonetic = false;
  let headerSeen = false;
  let width = 0;
  let wanted: number[] = [];
  const fields: string[] = [];
  let rows = 0;
  const merges: CellRange[] = [];

  const cellText = (): string => {
    switch (type) {
      case 's': {
        const s = strings[Number(value)];
        if (s === undefined) throw new XlsxError(`shared string ${value} out of range`);
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
        return isoCellText(value, dateStyle[style] ?? Shows.NUMBER);
      default:
        return numberCellText(value, dateStyle[style] ?? Shows.NUMBER, date1904);
    }
  };

  const endRow = () => {
    if (maxCol < 0) return; // an empty row is not a row
    if (!headerSeen) {
      const header: string[] = [];
      for (let k = 0; k <= maxCol; k++) header.push(cells[k] ?? '');
      const w = sink.header(header, rowNum);
      if (w === null) return;
      headerSeen = true;
      wanted = w;
      width = header.length;
      fields.length = Math.max(width, ...wanted.map((k) => k + 1));
      fields.fill('');
      return;
    }
    for (const k of wanted) fields[k] = cells[k] ?? '';
    let lead = '';
    for (let k = 0; k <= maxCol; k++) {
      if (cells[k]) {
        lead = cells[k]!;
        break;
      }
    }
    rows++;
    sink.row(fields, Math.max(width, maxCol + 1), rowNum, false, lead);
  };

  await parseEntry(zip, await need(entries, sheetPath), {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNum = a.r !== undefined ? Number(a.r) : rowNum + 1;
          col = -1;
          cells = [];
          maxCol = -1;
          break;
        case 'c':
          col = a.r !== undefined ? columnIndex(a.r) : col + 1;
          type = a.t ?? 'n';
          style = a.s !== undefined ? Number(a.s) : 0;
          value = '';
          break;
        case 'v':
          inValue = true;
          break;
        case 't':
          if (!inPhonetic) inValue = true; // <is><t> of an inline string
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'mergeCell': {
          const m = a.ref !== undefined && merges.length < MAX_MERGES ? cellRange(a.ref) : null;
          if (m) merges.push(m);
          break;
        }
      }
    },
    text(t) {
      if (inValue) value += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          const text = cellText();
          if (text !== '' && col >= 0) {
            cells[col] = text;
            if (col > maxCol) maxCol = col;
          }
          break;
        }
        case 'row':
          endRow();
          break;
      }
    },
  });
  if (merges.length) sink.merges?.(merges);
  return { sheet: sheet.name, rows };
}

/** Merged ranges kept per sheet (a summary form's header needs a few; the rest are ignored). */
const MAX_MERGES = 10_000;

/** "C6:F6" → its rows and 0-based columns; null when it is not a range. */
export function cellRange(ref: string): CellRange | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const r = { r1: Number(m[2]), c1: columnIndex(m[1]!), r2: Number(m[4]), c2: columnIndex(m[3]!) };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

/** "B7" → 1 (0-based column of a cell reference). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}
