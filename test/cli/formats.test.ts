/**
 * The command line (in-process) on XLSX, UTF-16, other delimiters and legacy encodings: NO_COLOR=1,
 * asserting stdout, stderr and the exit code.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ccch } from '../helpers.js';



const XLSX = 'fixtures/formats/ho-so-2023.xlsx';

describe('ccch score on other formats', () => {
  it('reads an XLSX workbook and says which rows were not data', async () => {
    const r = await ccch(['score', XLSX, '--problems']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${XLSX} (hồ sơ): 23 dòng đọc = 15 được tính + 7 bị loại + 1 bị thay thế (trùng mã); 3 cảnh báo`);
    expect(r.stdout).toContain('    không phải dữ liệu, đã bỏ qua: 4 dòng tiêu đề trên dòng tên cột, 1 dòng tổng cộng, 2 dòng dưới dòng tổng cộng');
    expect(r.stdout).toMatch(/│ Tỷ lệ hồ sơ tiếp nhận trực\s+│ Sở\s+│\s+80,0% │\s+4\/5 │/);
    expect(r.stdout).toContain(`${XLSX}:16:3: bị loại [Đơn vị]: không xác định được cấp của đơn vị "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu"`);
  });

  it('--sheet picks a sheet; --lang en; the JSON inputs entry tells format, sheet and skipped rows', async () => {
    const r = await ccch(['score', XLSX, '--sheet', 'PAKN', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${XLSX} (feedback): 8 rows read = 6 counted + 1 rejected + 1 superseded`);
    expect(r.stdout).toContain('    not data, skipped: 1 title row above the header, 1 total row, 2 rows below the total row');
    const j = JSON.parse((await ccch(['score', XLSX, '--sheet', 'pakn', '--format', 'json'])).stdout);
    expect(j.inputs[0]).toMatchObject({ format: 'xlsx', sheet: 'PAKN', delimiter: null, encoding: null, skipped: { title: 1, total: 1, footer: 2 } });
  });

  it('gives the same JSON results for CSV, XLSX, UTF-16 and XLSX from stdin', async () => {
    const results = async (args: string[], input?: Buffer) => JSON.parse((await ccch(['score', ...args, '--format', 'json', '--by', 'unit'], { input })).stdout).results;
    const csv = await results(['fixtures/hand/ho-so-2023.csv']);
    expect(await results([XLSX])).toEqual(csv);
    expect(await results(['fixtures/formats/ho-so-2023.utf16le.txt'])).toEqual(csv);
    expect(await results(['-'], readFileSync(join(ROOT, XLSX)))).toEqual(csv);
  });

  it('reads UTF-16 text, tab and pipe delimited files, and --delimiter', async () => {
    const j = async (args: string[]) => JSON.parse((await ccch(['score', ...args, '--format', 'json'])).stdout).inputs[0];
    expect(await j(['fixtures/formats/utf16-excel.txt'])).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 1, counted: 1 });
    expect(await j(['fixtures/formats/pakn-2023.tab.txt'])).toMatchObject({ delimiter: '\t', rows: 8 });
    expect(await j(['fixtures/formats/pakn-2023.pipe.csv', '--delimiter', '|'])).toMatchObject({ delimiter: '|', rows: 8 });
    expect(await j(['fixtures/formats/pakn-2023.tab.txt', '--delimiter', 'tab'])).toMatchObject({ delimiter: '\t', rows: 8 });
    expect(await j(['fixtures/formats/pakn-2023.tab.txt', '--delimiter', '\\t'])).toMatchObject({ delimiter: '\t', rows: 8 });
  });

  it('decodes Windows-1258 with --encoding', async () => {
    const r = await ccch(['score', 'fixtures/formats/pakn-2023.windows-1258.csv', '--encoding', 'windows-1258', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).inputs[0]).toMatchObject({ dataset: 'feedback', encoding: 'windows-1258', rows: 8, counted: 6 });
  });
});

describe('refused formats: exit 2 and one clear line on stderr', () => {
  it.each([
    [['score', 'fixtures/formats/tcvn3.csv'], /^ccch: fixtures\/formats\/tcvn3\.csv:1:2: tệp có vẻ mã hóa TCVN3 \(ABC\), ccch không đọc được; hãy chuyển mã sang Unicode/],
    [['score', 'fixtures/formats/vni.csv'], /^ccch: fixtures\/formats\/vni\.csv:1:3: tệp có vẻ mã hóa VNI, ccch không đọc được/],
    [['score', 'fixtures/formats/vni.csv', '--lang', 'en'], /^ccch: fixtures\/formats\/vni\.csv:1:3: file looks VNI encoded, which ccch cannot read; convert it to Unicode/],
    [['score', 'fixtures/formats/pakn-2023.windows-1258.csv'], /^ccch: fixtures\/formats\/pakn-2023\.windows-1258\.csv:1:3: tệp mã hóa Windows-1258, không phải UTF-8; hãy chạy lại với --encoding windows-1258/],
    [['score', XLSX, '--sheet', 'Tháng 13'], /^ccch: fixtures\/formats\/ho-so-2023\.xlsx: không có trang tính "Tháng 13" \(có: "Hồ sơ", "PAKN"\)$/],
    [['score', 'fixtures/bad/binary.xlsx', '--lang', 'en'], /^ccch: fixtures\/bad\/binary\.xlsx: damaged XLSX workbook, cannot be read \(.*\); open it in Excel and save it again$/],
    [['score', 'fixtures/hand/all-pass.csv', '--delimiter', ':'], /^ccch: --delimiter: dấu phân cách không hỗ trợ ":" \(dùng , ; \| hoặc tab\)$/],
    [['score', 'fixtures/hand/all-pass.csv', '--encoding', 'tcvn3'], /^ccch: --encoding: không hỗ trợ bảng mã "tcvn3" .*TCVN3 hay VNI cần chuyển mã sang Unicode trước\)$/],
    [['score', 'fixtures/hand/all-pass.csv', '--encoding', 'nope', '--lang', 'en'], /^ccch: --encoding: unsupported encoding "nope"/],
  ])('%j', async (args, pattern) => {
    const r = await ccch(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(pattern);
    expect(r.stderr.split('\n')).toHaveLength(2); // one line
  });

  it('refuses an Excel 97–2003 workbook by its magic bytes, whatever its name', async () => {
    const r = await ccch(['score', '-'], { input: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccch: -: tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại dạng "Sổ làm việc Excel (.xlsx)" hoặc "CSV UTF-8"\n');
  });

  it('names UTF-16 without a BOM and the --encoding that reads it', async () => {
    const text = 'MaHoSo\tDonViXuLy\tNgayTiepNhan\r\nHS1\tSở Tư pháp\t05/01/2023\r\n';
    const le = await ccch(['score', '-'], { input: Buffer.from(text, 'utf16le') });
    expect(le.code).toBe(2);
    expect(le.stderr).toBe('ccch: -:1:2: tệp có vẻ mã hóa UTF-16 không có BOM; hãy chạy lại với --encoding utf-16le, hoặc lưu lại dạng "CSV UTF-8"\n');
    const be = await ccch(['score', '-', '--lang', 'en'], { input: Buffer.from(text, 'utf16le').swap16() });
    expect(be.stderr).toMatch(/^ccch: -:1:1: file looks UTF-16 encoded without a byte-order mark; run again with --encoding utf-16be/);
    const ok = await ccch(['score', '-', '--encoding', 'utf-16le', '--format', 'json'], { input: Buffer.from(text, 'utf16le') });
    expect(JSON.parse(ok.stdout).inputs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 1, counted: 1 });
  });

  it('still refuses invalid UTF-8 that names no legacy encoding, with line and column', async () => {
    const r = await ccch(['score', '-'], { input: Buffer.from('MaHoSo,DonViXuLy,NgayTiepNhan\nHS1,caf\xe9,05/01/2023\n', 'latin1') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ccch: -:2:8: không phải UTF-8 \(có thể là Windows-1258, TCVN3 hoặc VNI\)/);
  });
});
