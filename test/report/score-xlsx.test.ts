/**
 * `score --format xlsx`: read back by ccch's own reader (ingest/table.ts) and by exceljs. The
 * sheets and their tables, the JSON's numbers exactly (numbers as numbers, the rate as n/N shown
 * as a percentage), frozen filtered headers, text always text (never a formula), every problem.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ccch } from '../helpers.js';
import { readTable } from '../../src/ingest/table.js';
import { fileSource } from '../../src/ingest/source.js';
import { shortfall } from '../../src/evaluate/shortfall.js';

const SAMPLE = ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccch-xlsx-'));
});

/** Runs score twice, to a workbook and as JSON. */
async function both(args: string[], name: string, input?: string) {
  const file = join(dir, name);
  const opts = input === undefined ? {} : { input };
  const r = await ccch([...args, '-o', file], opts);
  const json = JSON.parse((await ccch([...args, '--format', 'json'], opts)).stdout);
  return { r, file, json };
}

/** A sheet's table through ccch's reader: the rows below the header row whose first cell is `first`. */
async function readSheet(file: string, sheet: string, first: string): Promise<string[][]> {
  const rows: string[][] = [];
  let width = 0;
  await readTable(fileSource(file), {
    header(fields) {
      if (fields[0] !== first) return null; // a title line above the table
      width = fields.length;
      rows.push([...fields]);
      return fields.map((_, i) => i);
    },
    row(fields, count) {
      rows.push(fields.slice(0, Math.max(count, width)));
    },
  }, { sheet });
  return rows;
}

async function exceljs(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('score --format xlsx', () => {
  it('writes the sheets, each a table with a frozen, filtered header', async () => {
    const { r, file } = await both(['score', ...SAMPLE, '--by', 'unit'], 'unit.xlsx');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const wb = await exceljs(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Dữ liệu vào', 'Lỗi dữ liệu']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('Kế hoạch 282/KH-UBND — Kế hoạch cải cách hành chính tỉnh Đồng Nai năm 2023');
    expect(summary.getCell('A2').value).toBe('Kỳ: 2023 (01/01/2023 – 31/12/2023)');
    const headRow = summary.getRow(5).values as unknown[];
    expect(headRow.slice(1)).toEqual(['Chỉ tiêu', 'Mã chỉ tiêu', 'Điều khoản', 'Cấp', 'Tử số (n)', 'Mẫu số (N)', 'Tỷ lệ', 'Mục tiêu', 'Kết quả', 'Còn thiếu']);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(summary.autoFilter).toBe('A5:J41');
    for (const w of wb.worksheets.slice(1)) {
      expect(w.views[0], w.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(w.autoFilter, w.name).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(summary.getColumn(1).width).toBeGreaterThan(30);
    expect(summary.getColumn(5).width).toBeLessThan(15);
  });

  it('carries exactly the JSON numbers: n and N as numbers, the rate n/N and the target as percentages', async () => {
    const { file, json } = await both(['score', ...SAMPLE, '--by', 'unit', '--period', '2023-Q1'], 'q1.xlsx');
    const wb = await exceljs(file);
    const tiers = json.results.filter((x: { unit: unknown }) => x.unit === null);
    const units = json.results.filter((x: { unit: unknown }) => x.unit !== null);
    const check = (sheet: string, want: Array<Record<string, number | string | null>>, from: number, nCol: number) => {
      const ws = wb.getWorksheet(sheet)!;
      want.forEach((x, k) => {
        const row = ws.getRow(from + k);
        expect(row.getCell(2).value, `${sheet} ${k}`).toBe(x.indicator);
        expect(row.getCell(nCol).value).toBe(x.numerator);
        expect(row.getCell(nCol + 1).value).toBe(x.denominator);
        const rate = row.getCell(nCol + 2);
        if (x.value === null) expect(rate.value).toBeNull();
        else {
          expect(rate.value).toBe((x.numerator as number) / (x.denominator as number));
          expect(Math.abs((rate.value as number) * 100 - (x.value as number))).toBeLessThan(1e-9);
          expect(rate.numFmt).toBe('0.00%');
        }
        const target = row.getCell(nCol + 3);
        expect(target.value).toBe(x.target === null ? null : (x.target as number) / 100);
        if (x.target !== null) expect(target.numFmt).toBe('"≥ "0%');
        expect(String(row.getCell(nCol + 4).value)).toMatch({ pass: /^✓ Đạt$/, fail: /^✗ Không đạt$/, 'no-data': /^– /, 'no-target': /^· / }[x.status as string]!);
        // The shortfall of a failing result: n plus it passes, one fewer does not (evaluate/shortfall.ts).
        const short = row.getCell(nCol + 5).value;
        if (x.status !== 'fail') expect(short).toBeNull();
        else expect(short).toBe(shortfall(x.numerator as number, x.denominator as number, x.target as number, x.comparison as '>='));
      });
      expect(ws.rowCount).toBe(from + want.length - 1);
    };
    check('Tổng hợp', tiers, 6, 5);
    check('Theo đơn vị', units, 2, 6);
  });

  it("is read by ccch's own reader: the same tables, numbers as numbers", async () => {
    const { file, json } = await both(['score', ...SAMPLE], 'year.xlsx');
    const summary = await readSheet(file, 'Tổng hợp', 'Chỉ tiêu');
    expect(summary).toHaveLength(1 + json.results.length);
    json.results.forEach((x: Record<string, number | string>, k: number) => {
      const row = summary[k + 1]!;
      expect([row[1], Number(row[4]), Number(row[5])]).toEqual([x.indicator, x.numerator, x.denominator]);
      if (x.value !== null) expect(Number(row[6])).toBeCloseTo((x.value as number) / 100, 12);
      expect(row[8]!.slice(0, 1)).toBe({ pass: '✓', fail: '✗', 'no-data': '–', 'no-target': '·' }[x.status as string]); // the same verdict
    });
    const inputs = await readSheet(file, 'Dữ liệu vào', 'Tệp');
    expect(inputs.slice(1).map((r) => [r[0], Number(r[4]), Number(r[5]), Number(r[6])])).toEqual(json.inputs.map((i: Record<string, unknown>) => [i.file, i.rows, i.counted, i.inPeriod]));
    const problems = await readSheet(file, 'Lỗi dữ liệu', 'Tệp');
    expect(problems.slice(1).map((p) => [p[0], Number(p[1]), p[5], p[6]])).toEqual(json.problems.map((p: Record<string, unknown>) => [p.file, p.line, p.code, p.message]));
  });

  it('keeps text as text: a unit named like a formula is shown, never run; a control character shown escaped, as in the table (report/render.ts)', async () => {
    // A channel column: the units have an online-rate result (an absent column gives no verdict).
    const csv = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nHS1,"=HYPERLINK(""http://x"",""bấm"") xã A",01/02/2023,Trực tuyến\nHS2,"xã \u0001B",01/02/2023,Trực tuyến\nHS3,"-3 xã C",01/02/2023,Trực tuyến\n';
    const { file } = await both(['score', '-', '--by', 'unit'], 'hostile.xlsx', csv);
    const ws = (await exceljs(file)).getWorksheet('Theo đơn vị')!;
    const cells = ws.getColumn(5).values.slice(2) as unknown[];
    expect(cells).toContain('=HYPERLINK("http://x","bấm") xã A');
    expect(cells).toContain('xã \\x01B');
    expect(cells).toContain('-3 xã C');
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('has English sheet names and headings with --lang en, and a sheet per month only when the run has months', async () => {
    const { file } = await both(['score', ...SAMPLE, '--lang', 'en'], 'en.xlsx');
    const wb = await exceljs(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Inputs', 'Problems']);
    expect((wb.getWorksheet('Summary')!.getRow(5).values as unknown[]).slice(1, 5)).toEqual(['Indicator', 'Indicator id', 'Clause', 'Tier']);
  });

  it('is never written to a terminal', async () => {
    const r = await ccch(['score', ...SAMPLE, '--format', 'xlsx'], { tty: { stdout: true } });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ccch: --format xlsx: không ghi tệp nhị phân ra màn hình; dùng -o TỆP (ví dụ -o ket-qua.xlsx) hoặc chuyển hướng > TỆP\n' });
  });
});
