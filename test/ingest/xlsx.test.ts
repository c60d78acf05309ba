import { refused } from '../helpers.js';
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/ingest/table.js';
import { fileSource, streamSource } from '../../src/ingest/source.js';
import { columnIndex, isDateFormat, isTimeFormat, readXlsx, SharedStrings, type XlsxOptions } from '../../src/ingest/xlsx.js';
import { tableCrc32 } from '../../src/ingest/xlsx-package.js';
import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { CcchError } from '../../src/model/errors.js';
import { workbook, zip, type Part } from './zip.js';

interface Got {
  headers: Array<{ fields: string[]; line: number }>;
  rows: Array<{ fields: string[]; count: number; line: number; lead: string }>;
}

const dir = mkdtempSync(join(tmpdir(), 'ccch-xlsx-test-'));
let n = 0;
function file(buf: Buffer): string {
  const p = join(dir, `t${n++}.xlsx`);
  writeFileSync(p, buf);
  return p;
}

/** Reads with a sink that takes the first row containing "Mã" as the header and decodes every column. */
async function read(buf: Buffer, opts: { sheet?: string; stdin?: boolean } = {}) {
  const got: Got = { headers: [], rows: [] };
  const source = opts.stdin
    ? streamSource(
        '-',
        (async function* () {
          for (let i = 0; i < buf.length; i += 100) yield buf.subarray(i, i + 100);
        })(),
      )
    : fileSource(file(buf), 'book.xlsx');
  const stats = await readTable(
    source,
    {
      header(fields, line) {
        got.headers.push({ fields, line });
        return fields.some((f) => f.startsWith('Mã')) ? fields.map((_, i) => i) : null;
      },
      row(fields, count, line, _malformed, lead) {
        got.rows.push({ fields: fields.slice(0, count), count, line, lead });
      },
    },
    { sheet: opts.sheet },
  );
  return { got, stats };
}

const c = (ref: string, v: string, extra = '') => `<c r="${ref}"${extra}><v>${v}</v></c>`;

describe('readXlsx through readTable', () => {
  it('reads shared, inline and formula strings, numbers, booleans, errors and date cells', async () => {
    const book = workbook({
      strings: ['Mã hồ sơ', 'Ngày tiếp nhận', 'Phí', 'HS1', 'Cờ', 'dòng_x000D_hai'],
      xfs: [0, 14, 164, 165, 2],
      numFmts: [
        [164, 'dd/mm/yyyy hh:mm'],
        [165, '#,##0 &quot;đ&quot;'],
      ],
      sheets: [
        [
          'Sheet1',
          `<row r="1">${c('A1', '0', ' t="s"')}${c('B1', '1', ' t="s"')}${c('C1', '2', ' t="s"')}${c('D1', '4', ' t="s"')}</row>` +
            `<row r="2">${c('A2', '3', ' t="s"')}${c('B2', '44929', ' s="1"')}${c('C2', '50000', ' s="3"')}${c('D2', '1', ' t="b"')}</row>` +
            `<row r="3"><c r="A3" t="inlineStr"><is><r><t>HS</t></r><r><t>2</t></r><rPh><t>ignored</t></rPh></is></c>${c('B3', '44935.75', ' s="2"')}<c r="C3" t="str"><f>A1</f><v>x</v></c>${c('D3', '#N/A', ' t="e"')}</row>` +
            `<row r="5">${c('A5', '5', ' t="s"')}${c('B5', '44927', ' s="4"')}${c('F5', '7')}</row>`,
        ],
      ],
    });
    const { got, stats } = await read(book);
    expect(stats).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', delimiter: null, encoding: null });
    expect(got.headers).toEqual([{ fields: ['Mã hồ sơ', 'Ngày tiếp nhận', 'Phí', 'Cờ'], line: 1 }]);
    expect(got.rows).toEqual([
      // 44929 with the built-in date format 14 is 2023-01-03; a currency format is no date.
      { fields: ['HS1', '2023-01-03', '50000', 'true'], count: 4, line: 2, lead: 'HS1' },
      // 44935.75 = 09/01/2023 18:00: the cell carries a time (a fraction of a day, a format showing one).
      { fields: ['HS2', '2023-01-09 18:00:00', 'x', '#N/A'], count: 4, line: 3, lead: 'HS2' },
      // A cell beyond the header widens the row (F = 6 fields, as a CSV row with extra
      // fields); only the header's columns are decoded. Format 2 ("0.00") is a number.
      { fields: ['dòng\rhai', '44927', '', ''], count: 6, line: 5, lead: 'dòng\rhai' },
    ]);
  });

  it('a date cell carries a time when its serial has a fraction of a day or its format shows a time (docs/domain.md)', async () => {
    const book = workbook({
      strings: ['Mã', 'Ngày'],
      xfs: [0, 14, 22, 164, 165],
      numFmts: [
        [164, 'dd/mm/yyyy hh:mm'],
        [165, 'dd/mm/yyyy'],
      ],
      sheets: [
        [
          'S',
          `<row r="1">${c('A1', '0', ' t="s"')}${c('B1', '1', ' t="s"')}</row>` +
            // date format, whole serial: the date alone
            `<row r="2">${c('A2', '1')}${c('B2', '45107', ' s="1"')}</row>` +
            // date format, a fraction (11:11): a time
            `<row r="3">${c('A3', '2')}${c('B3', '45260.46597222222', ' s="4"')}</row>` +
            // built-in 22 (m/d/yy h:mm) and a custom hh:mm format, whole serials: midnight, shown
            `<row r="4">${c('A4', '3')}${c('B4', '45107', ' s="2"')}</row>` +
            `<row r="5">${c('A5', '4')}${c('B5', '45107', ' s="3"')}</row>` +
            // strict OOXML ISO cells: a time of day other than midnight, or a format showing one
            `<row r="6">${c('A6', '5')}<c r="B6" t="d" s="1"><v>2023-06-30T16:00:00</v></c></row>` +
            `<row r="7">${c('A7', '6')}<c r="B7" t="d" s="1"><v>2023-06-30T00:00:00</v></c></row>` +
            `<row r="8">${c('A8', '7')}<c r="B8" t="d" s="3"><v>2023-06-30T00:00:00</v></c></row>`,
        ],
      ],
    });
    expect((await read(book)).got.rows.map((r) => r.fields[1])).toEqual([
      '2023-06-30',
      '2023-11-30 11:11:00',
      '2023-06-30 00:00:00',
      '2023-06-30 00:00:00',
      '2023-06-30 16:00:00',
      '2023-06-30',
      '2023-06-30 00:00:00',
    ]);
  });

  it('honours the 1904 date system', async () => {
    const book = workbook({
      date1904: true,
      strings: ['Mã', 'Ngày'],
      xfs: [0, 14],
      sheets: [['S', `<row r="1">${c('A1', '0', ' t="s"')}${c('B1', '1', ' t="s"')}</row><row r="2">${c('A2', '0', ' s="1"')}${c('B2', '43465', ' s="1"')}</row>`]],
    });
    // 1904 system: 0 = 1904-01-01; 43465 = 2023-01-01 (1462 days less than the 1900 serial 44927).
    expect((await read(book)).got.rows[0]!.fields).toEqual(['1904-01-01', '2023-01-01']);
  });

  it('reads tags with a namespace prefix and cells without references', async () => {
    const book = workbook({
      prefixed: true,
      strings: ['Mã', 'Tên', 'A'],
      sheets: [['S', '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row>']],
    });
    const { got } = await read(book);
    expect(got.headers[0]).toEqual({ fields: ['Mã', 'Tên'], line: 1 });
    expect(got.rows).toEqual([{ fields: ['A', '5'], count: 2, line: 2, lead: 'A' }]);
  });

  it('offers title rows as headers first, skips empty rows, and counts them in skipped', async () => {
    const book = workbook({
      strings: ['ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI', 'Mã', 'A', 'Tổng cộng', 'Người lập biểu'],
      sheets: [
        [
          'S',
          `<row r="1">${c('A1', '0', ' t="s"')}</row><row r="2"><c r="A2"/><c r="B2"/></row><row r="3">${c('B3', '1', ' t="s"')}</row>` +
            `<row r="4">${c('B4', '2', ' t="s"')}</row><row r="5">${c('A5', '3', ' t="s"')}${c('B5', '1')}</row><row r="7">${c('C7', '4', ' t="s"')}</row>`,
        ],
      ],
    });
    const { got, stats } = await read(book);
    expect(got.headers.map((h) => h.line)).toEqual([1, 3]);
    expect(got.headers[1]!.fields).toEqual(['', 'Mã']);
    expect(got.rows).toEqual([{ fields: ['', 'A'], count: 2, line: 4, lead: 'A' }]);
    expect(stats.skipped).toEqual({ title: 1, total: 1, footer: 1, group: 0, subtotal: 0 });
    expect(stats.totalLine).toBe(5);
  });

  const twoSheets = () =>
    workbook({
      strings: ['Mã', 'first', 'second'],
      sheets: [
        ['Hồ sơ', `<row r="1">${c('A1', '0', ' t="s"')}</row><row r="2">${c('A2', '1', ' t="s"')}</row>`],
        ['Phản ánh', `<row r="1">${c('A1', '0', ' t="s"')}</row><row r="2">${c('A2', '2', ' t="s"')}</row>`],
      ],
    });

  it('reads the first sheet, or the one named (exactly, or folded as headers are)', async () => {
    expect((await read(twoSheets())).got.rows[0]!.fields).toEqual(['first']);
    expect((await read(twoSheets(), { sheet: 'Phản ánh' })).stats.sheet).toBe('Phản ánh');
    expect((await read(twoSheets(), { sheet: 'PHAN  ANH' })).got.rows[0]!.fields).toEqual(['second']);
  });

  it('refuses a sheet that is not there, naming the sheets', async () => {
    await expect(read(twoSheets(), { sheet: 'PAKN' })).rejects.toThrow(CcchError);
    expect(await refused(read(twoSheets(), { sheet: 'PAKN' }))).toMatchObject({
      en: 'no sheet named "PAKN" (sheets: "Hồ sơ", "Phản ánh")',
      where: { file: 'book.xlsx' },
    });
  });

  it('reads a workbook from a stream (stdin) through a temporary file', async () => {
    const { got, stats } = await read(twoSheets(), { stdin: true });
    expect(got.rows[0]!.fields).toEqual(['first']);
    expect(stats.bytes).toBe(twoSheets().length);
  });

  it('refuses damaged workbooks with one message', async () => {
    const truncated = twoSheets().subarray(0, 200);
    expect(await refused(read(truncated))).toMatchObject({ kind: 'input', en: expect.stringMatching(/^damaged XLSX workbook, cannot be read \(/) });
    const notXlsx = zip({ 'word/document.xml': '<w:document/>' });
    expect(await refused(read(notXlsx))).toMatchObject({ en: 'a zip file but not an XLSX workbook: it has no xl/workbook.xml' });
    const noWorkbook = workbook({ sheets: [] });
    expect(await refused(read(noWorkbook))).toMatchObject({ en: expect.stringContaining('no worksheet') });
    const badXml = workbook({ strings: ['Mã'], sheets: [['S', '<row r="1"><c r="A1" t="s"><v>0</v></row>']] });
    expect(await refused(read(badXml))).toMatchObject({ en: expect.stringMatching(/^damaged XLSX workbook/) });
    const badString = workbook({ strings: ['Mã'], sheets: [['S', '<row r="1"><c r="A1" t="s"><v>9</v></c></row>']] });
    expect(await refused(read(badString))).toMatchObject({ en: expect.stringContaining('shared string 9 out of range') });
  });
});

describe('hostile workbooks: refused with one line, before the work they would cost', () => {
  const head = `<row r="1">${c('A1', 'Mã hồ sơ', ' t="str"')}</row>`;
  /** readXlsx on a workbook of one sheet, with a sink that takes the first row as the header. */
  async function direct(buf: Buffer, limits?: XlsxOptions['limits']) {
    const rows: string[][] = [];
    await readXlsx(file(buf), { header: (f) => f.map((_, i) => i), row: (f, count) => rows.push(f.slice(0, count)) }, { name: 'h.xlsx', limits });
    return rows;
  }
  const refusal = async (p: Promise<unknown>) => {
    const t0 = performance.now();
    const e = await refused(p);
    return Object.assign(e, { ms: performance.now() - t0 });
  };
  const sheet = (rows: string, parts?: Record<string, string | Buffer | Part>) => workbook({ sheets: [['S', rows]], parts });

  it('a cell past column XFD, from its reference alone (AAAAAAA1 aborted V8, ZZZZZZZZZ2 looped for ever, ZZZZZ1 took 800 MB)', async () => {
    for (const [row, ref, line] of [
      [`<row r="1">${c('A1', 'Mã', ' t="str"')}${c('AAAAAAA1', 'x', ' t="str"')}</row>`, 'AAAAAAA1', 1],
      [`${head}<row r="2">${c('ZZZZZZZZZ2', 'x', ' t="str"')}</row>`, 'ZZZZZZZZZ2', 2],
      [`<row r="1">${c('ZZZZZ1', 'x', ' t="str"')}</row>`, 'ZZZZZ1', 1],
      [`${head}<row r="2">${c('XFE2', 'x', ' t="str"')}</row>`, 'XFE2', 2],
    ] as const) {
      const e = await refusal(direct(sheet(row)));
      expect(e).toMatchObject({ code: 'input.xlsxColumn', where: { file: 'h.xlsx', line }, en: `cell "${ref}" lies past column XFD (Excel's last, the 16,384th)` });
      expect(e.ms).toBeLessThan(2000);
    }
    // XFD itself is a column; cells without references count on from the last one.
    const counts: number[] = [];
    await readXlsx(file(sheet(`${head}<row r="2">${c('A2', 'HS1', ' t="str"')}${c('XFD2', 'z', ' t="str"')}</row>`)), { header: () => [0], row: (_f, count) => counts.push(count) }, { name: 'h.xlsx' });
    expect(counts).toEqual([16_384]);
    const unreferenced = `<row r="2">${c('XFC2', 'y', ' t="str"')}<c t="str"><v>z</v></c><c t="str"><v>!</v></c></row>`;
    expect((await refusal(direct(sheet(head + unreferenced)))).en).toBe('cell "#16385" lies past column XFD (Excel\'s last, the 16,384th)');
  });

  it('parts that inflate past the ratio or their cap are refused from the directory, before a byte is inflated', async () => {
    // 64 MiB of tiny shared strings: 20 KB deflated (the 63M-string bomb took 61 s and 1.8 GB).
    const bomb = Buffer.from('<sst>' + '<si><t>a</t></si>'.repeat(4 << 20) + '</sst>');
    const e = await refusal(direct(sheet(head, { 'xl/sharedStrings.xml': { data: bomb, deflate: true } })));
    expect(e.code).toBe('input.xlsxBomb');
    expect(e.en).toMatch(/^XLSX: part xl\/sharedStrings\.xml inflates to 68 MiB, \d{3,} times its compressed size \(the limit is 32\): not a real workbook \(a zip bomb\?\)$/);
    expect(e.ms).toBeLessThan(2000);
    // Under the free allowance (16 MiB) any ratio goes.
    const small = Buffer.from('<sst>' + '<si><t>a</t></si>'.repeat(1 << 10) + '</sst>');
    expect(await direct(sheet(`<row r="1"><c r="A1" t="s"><v>5</v></c></row><row r="2"><c r="A2" t="s"><v>6</v></c></row>`, { 'xl/sharedStrings.xml': { data: small, deflate: true } }))).toEqual([['a']]);
    // A styles part that says it is 100 MiB (the 512 MB styles bomb took 47 s and 1.6 GB).
    const styles = await refusal(direct(sheet(head, { 'xl/styles.xml': { data: '<styleSheet/>', deflate: true, size: 100 << 20 } })));
    expect(styles).toMatchObject({ code: 'input.xlsxPartTooLarge', en: 'XLSX: part xl/styles.xml inflates to 100 MiB, past the limit of 64 MiB' });
  });

  it('a part that inflates to more than it declared, or whose CRC-32 is wrong, is damaged', async () => {
    const rows = `${head}<row r="2">${c('A2', 'HS1', ' t="str"')}</row>`;
    const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    const lying = await refused(direct(sheet('', { 'xl/worksheets/sheet1.xml': { data: xml, deflate: true, size: 40 } })));
    expect(lying.code).toBe('input.xlsxDamaged');
    const badCrc = await refused(direct(sheet('', { 'xl/worksheets/sheet1.xml': { data: xml, deflate: true, crc: crc32(xml) ^ 1 } })));
    expect(badCrc.en).toBe('damaged XLSX workbook, cannot be read (CRC-32 mismatch in xl/worksheets/sheet1.xml); open it in Excel and save it again');
    expect(await direct(sheet('', { 'xl/worksheets/sheet1.xml': { data: xml, deflate: true } }))).toEqual([['HS1']]);
  });

  it('counts past their limits: shared strings, cell formats, number formats, rows, zip entries', async () => {
    const sst = `<sst>${'<si><t>a</t></si>'.repeat(11)}</sst>`;
    expect((await refused(direct(sheet(head, { 'xl/sharedStrings.xml': sst }), { strings: 10 }))).en).toBe('XLSX: xl/sharedStrings.xml has more than 10 shared strings');
    const xfs = (n: number) => `<styleSheet><cellXfs>${'<xf numFmtId="14"/>'.repeat(n)}</cellXfs></styleSheet>`;
    expect((await refused(direct(sheet(head, { 'xl/styles.xml': xfs(11) }), { formats: 10 }))).en).toBe('XLSX: xl/styles.xml has more than 10 cell formats');
    expect(await direct(sheet(head, { 'xl/styles.xml': xfs(10) }), { formats: 10 })).toEqual([]);
    const fmts = `<styleSheet><numFmts>${Array.from({ length: 11 }, (_, i) => `<numFmt numFmtId="${164 + i}" formatCode="0"/>`).join('')}</numFmts></styleSheet>`;
    expect((await refused(direct(sheet(head, { 'xl/styles.xml': fmts }), { formats: 10 }))).en).toBe('XLSX: xl/styles.xml has more than 10 number formats');
    // Empty rows count (1 GB of <row/> ran for 33 s).
    expect((await refused(direct(sheet(head + '<row/>'.repeat(10)), { rows: 10 }))).en).toBe('XLSX: worksheet has more than 10 rows');
    expect((await refused(direct(sheet(`<row r="11">${c('A11', 'x', ' t="str"')}</row>`), { rows: 10 }))).en).toMatch(/damaged.*row number 11/);
    expect((await refused(direct(sheet(head), { entries: 5 }))).en).toBe('XLSX: (zip) has more than 5 parts');
  });

  it('a cell, a shared string or a row too long, an XML token too long, elements nested too deep', async () => {
    const long = 'x'.repeat(101);
    expect(await refused(direct(sheet(`${head}<row r="2">${c('B2', long, ' t="str"')}</row>`), { cellChars: 100 }))).toMatchObject({
      where: { file: 'h.xlsx', line: 2 },
      en: 'cell "B2" is longer than 100 characters (Excel allows 32,767)',
    });
    expect((await refused(direct(sheet(head, { 'xl/sharedStrings.xml': `<sst><si><t>a</t></si><si><r><t>${long.slice(50)}</t></r><r><t>${long.slice(0, 50)}</t></r></si></sst>` }), { cellChars: 100 }))).en).toBe(
      'cell "xl/sharedStrings.xml #2" is longer than 100 characters (Excel allows 32,767)',
    );
    // A row keeps its wanted cells only: ten cells of 100 characters pass a 500 limit when one is wanted.
    const wide = Array.from({ length: 10 }, (_, k) => c(`${String.fromCharCode(65 + k)}2`, long.slice(1), ' t="str"')).join('');
    expect((await refused(direct(sheet(`<row r="1">${wide.replaceAll('2"', '1"')}</row>`), { cellChars: 100, rowChars: 500 }))).en).toBe(
      'the cells of this row hold more than 500 characters: not an export\'s row',
    );
    const rows: string[][] = [];
    await readXlsx(file(sheet(`${head}<row r="2">${wide}</row>`)), { header: () => [0], row: (f) => rows.push([...f]) }, { name: 'h.xlsx', limits: { cellChars: 100, rowChars: 500 } });
    expect(rows).toEqual([[long.slice(1)]]);
    // 1 MiB of comment in one token.
    const comment = `<worksheet><!--${'c'.repeat(1 << 20)}--><sheetData>${head}</sheetData></worksheet>`;
    expect((await refused(direct(sheet('', { 'xl/worksheets/sheet1.xml': comment }), { tokenBytes: 1 << 19 }))).en).toBe(
      'XLSX: part xl/worksheets/sheet1.xml has an XML token longer than 0.5 MiB',
    );
    const deep = `<worksheet>${'<x>'.repeat(64)}${'</x>'.repeat(64)}<sheetData>${head}</sheetData></worksheet>`;
    expect((await refused(direct(sheet('', { 'xl/worksheets/sheet1.xml': deep })))).en).toBe('XLSX: part xl/worksheets/sheet1.xml has elements nested more than 64 deep');
  });

  it('a 1 MiB cell, at the real cell limit, is read', async () => {
    const big = 'ư'.repeat(1 << 20);
    expect(await direct(sheet(`${head}<row r="2">${c('A2', big, ' t="str"')}</row>`))).toEqual([[big]]);
    expect((await refused(direct(sheet(`${head}<row r="2">${c('A2', big + 'x', ' t="str"')}</row>`)))).code).toBe('input.xlsxCellTooLong');
  });

  it('an encrypted zip entry, and OLE files told apart: encrypted workbook (it was called an .xls), .xls, other (from a file and from a stream)', async () => {
    expect((await refused(direct(sheet(head, { 'xl/styles.xml': { data: '<styleSheet/>', deflate: true, encrypted: true } })))).code).toBe('input.encrypted');
    for (const [names, code] of [
      [['EncryptionInfo', 'EncryptedPackage'], 'input.encrypted'],
      [['Workbook'], 'input.xls'],
      [['WordDocument'], 'input.ole'],
    ] as const) {
      const buf = ole([...names]);
      expect((await refused(read(buf))).code, names.join()).toBe(code);
      expect((await refused(read(buf, { stdin: true }))).code, names.join()).toBe(code);
    }
    // A directory that cannot be read: taken for an .xls, as before.
    expect((await refused(read(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(600)])))).code).toBe('input.xls');
  });
});

/**
 * A compound file (MS-CFB, version 3) with streams of these names in its directory, the
 * directory on sector 5 (after four empty ones), its FAT on sector 0.
 */
function ole(names: string[]): Buffer {
  const ss = 512;
  const buf = Buffer.alloc(512 + 6 * ss);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c);
  buf.writeUInt32LE(5, 0x30);
  buf.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + 4 * i);
  const fat = 512;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + 4 * i);
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4 * 5);
  const dir = 512 + 5 * ss;
  ['Root Entry', ...names].forEach((name, i) => {
    const o = dir + 128 * i;
    const n = Buffer.from(name + '\0', 'utf16le');
    n.copy(buf, o);
    buf.writeUInt16LE(n.length, o + 64);
    buf[o + 66] = i === 0 ? 5 : 2;
  });
  return buf;
}

describe('xlsx helpers', () => {
  it('columnIndex: letters A…XFD, then digits; -1 past XFD or for what is no reference', () => {
    expect(['A1', 'Z9', 'AA10', 'AZ1', 'XFD1048576', 'b7', 'C'].map(columnIndex)).toEqual([0, 25, 26, 51, 16383, 1, 2]);
    expect(['XFE1', 'AAAA1', 'AAAAAAA1', 'ZZZZZZZZZ2', '1', '', 'A-1', 'Ä1'].map(columnIndex)).toEqual([-1, -1, -1, -1, -1, -1, -1, -1]);
  });

  it('the table CRC-32 (for Node before 20.15) is zlib\'s', () => {
    for (const n of [0, 1, 3, 100, 4096]) {
      const b = randomBytes(n);
      expect(tableCrc32(b)).toBe(crc32(b));
      expect(tableCrc32(b.subarray(n >> 1), tableCrc32(b.subarray(0, n >> 1)))).toBe(crc32(b));
    }
  });

  it('SharedStrings gives back what it was given, past its cache and its first buffer', () => {
    const t = new SharedStrings(10);
    const all = Array.from({ length: 10_000 }, (_, i) => (i % 3 ? `chuỗi ${i}` : i % 2 ? '' : 'x'.repeat(i % 500)));
    for (const s of all) t.add(s);
    for (const i of [0, 1, 4095, 4096, 8191, 9999, 4096, 0]) expect(t.get(i)).toBe(all[i]);
    expect([t.get(-1), t.get(10_000), t.get(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('isDateFormat', () => {
    for (const f of ['dd/mm/yyyy', 'd/m/yy h:mm', '[$-42A]dd/mm/yyyy', 'yyyy-mm-dd"T"hh:mm:ss', 'mmm-yy', '[h]:mm:ss']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '#,##0', '#,##0 "đ"', '0.00%', '#,##0\\ "VNĐ"', '[Red]0.00', '@', '0.00E+00']) expect(isDateFormat(f), f).toBe(false);
  });

  it('isTimeFormat', () => {
    for (const f of ['d/m/yy h:mm', 'yyyy-mm-dd"T"hh:mm:ss', '[h]:mm:ss', 'dd/mm/yyyy hh:mm AM/PM', 'mm:ss']) expect(isTimeFormat(f), f).toBe(true);
    for (const f of ['dd/mm/yyyy', 'mmm-yy', '[$-42A]dd/mm/yyyy', 'd "tháng" m', 'dd/mm/yyyy "(giờ)"']) expect(isTimeFormat(f), f).toBe(false);
  });
});
