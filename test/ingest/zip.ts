/**
 * A minimal zip writer (stored entries, no compression) for tests that need XLSX parts
 * written by hand: inline strings, booleans, the 1904 date system, namespace prefixes —
 * what the fixture writer (exceljs) does not produce.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A part written with deflate, or lying about itself: `size` (the inflated size the directory
 * declares), `crc`, the encryption flag.
 */
export interface Part {
  data: string | Buffer;
  deflate?: boolean;
  size?: number;
  crc?: number;
  encrypted?: boolean;
}

export function zip(files: Record<string, string | Buffer | Part>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const part: Part = typeof content === 'string' || Buffer.isBuffer(content) ? { data: content } : content;
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const data = part.deflate ? deflateRawSync(raw, { level: 9 }) : raw;
    const fname = Buffer.from(name, 'utf8');
    const crc = part.crc ?? crc32(raw);
    const size = part.size ?? raw.length;
    const flags = 0x0800 | (part.encrypted ? 1 : 0); // UTF-8 names
    const method = part.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fname.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const n = Object.keys(files).length;
  end.writeUInt16LE(n, 8);
  end.writeUInt16LE(n, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of the given sheets (name → sheetData inner XML), with optional shared strings and styles. */
export function workbook(opts: {
  sheets: Array<[string, string]>;
  strings?: string[];
  /** numFmtId of each cellXfs entry; custom formats as [id, code]. */
  xfs?: number[];
  numFmts?: Array<[number, string]>;
  date1904?: boolean;
  /** Write tags with an "x:" prefix, as some non-Excel writers do. */
  prefixed?: boolean;
  /** Parts to write instead of (or besides) the ones made from the options above. */
  parts?: Record<string, string | Buffer | Part>;
}): Buffer {
  const p = opts.prefixed ? 'x:' : '';
  const xmlns = opts.prefixed ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
  const files: Record<string, string | Buffer | Part> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook ${xmlns} xmlns:r="${REL}">${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${opts.sheets
      .map(([name], i) => `<${p}sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${opts.sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><${p}sst ${xmlns}>${(opts.strings ?? []).map((s) => `<${p}si><${p}t xml:space="preserve">${s}</${p}t></${p}si>`).join('')}</${p}sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><${p}styleSheet ${xmlns}><${p}numFmts>${(opts.numFmts ?? [])
      .map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${code}"/>`)
      .join('')}</${p}numFmts><${p}cellStyleXfs><${p}xf numFmtId="14"/></${p}cellStyleXfs><${p}cellXfs>${(opts.xfs ?? [0])
      .map((id) => `<${p}xf numFmtId="${id}"/>`)
      .join('')}</${p}cellXfs></${p}styleSheet>`,
  };
  opts.sheets.forEach(([, data], i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><${p}worksheet ${xmlns}><${p}sheetData>${data}</${p}sheetData></${p}worksheet>`;
  });
  return zip({ ...files, ...opts.parts });
}
