import { refused } from '../helpers.js';
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/ingest/table.js';
import { fileSource, streamSource } from '../../src/ingest/source.js';
import { columnIndex, isDateFormat, isTimeFormat } from '../../src/ingest/xlsx.js';
import { CcchError } from '../../src/model/errors.js';
import { workbook, zip } from './zip.js';

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

describe('xlsx helpers', () => {
  it('columnIndex', () => {
    expect(['A1', 'Z9', 'AA10', 'AZ1', 'XFD1048576'].map(columnIndex)).toEqual([0, 25, 26, 51, 16383]);
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
