/**
 * The input layer end to end: the same hand-checked data as CSV, as XLSX (with title rows,
 * a total row and a footer), as UTF-16 text, tab/pipe delimited and Windows-1258 gives exactly
 * the same results. The variants in fixtures/formats/ are made from fixtures/hand/ by
 * scripts/make-format-fixtures.mjs.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { score } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import { isTotalLabel } from '../../src/ingest/table.js';
import { counts, fixture, plan, scoreTexts, refused } from '../helpers.js';
import type { Score } from '../../src/model/result.js';

async function run(file: string, opts: { sheet?: string; encoding?: string; delimiter?: string } = {}): Promise<Score> {
  return score({ plan: await plan(), period: parsePeriod('2023'), inputs: [fileSource(fixture(file), file)], byUnit: true, ...opts });
}

/** What must not depend on the file's format: results, accounting, and the problems but for their lines. */
function essence(s: Score) {
  const i = s.inputs[0]!;
  return {
    results: s.results,
    accounting: { dataset: i.dataset, rows: i.rows, counted: i.counted, rejected: i.rejected, superseded: i.superseded, warnings: i.warnings },
    columns: i.columns,
    problems: s.problems.map((p) => ({ ...p, file: undefined, line: undefined, column: undefined })),
  };
}

describe('the same dossiers as CSV, XLSX and UTF-16 give the same results', () => {
  it('XLSX: title rows, STT column, date cells, number cells, total row and footer', async () => {
    const csv = await run('hand/ho-so-2023.csv');
    const xlsx = await run('formats/ho-so-2023.xlsx');
    expect(essence(xlsx)).toEqual(essence(csv));
    // The hand-checked figures (test/score.test.ts) hold for the workbook too.
    expect(xlsx.inputs[0]).toMatchObject({ format: 'xlsx', sheet: 'Hồ sơ', delimiter: null, encoding: null, rows: 23, counted: 15, rejected: 7, superseded: 1 });
    // 4 title rows (rows 1, 2, 4, 5; 3 and 6 are empty), the total row, 2 rows below it.
    expect(xlsx.inputs[0]!.skipped).toEqual({ title: 4, total: 1, footer: 2, group: 0, subtotal: 0 });
    expect(counts(xlsx)['online-rate/so']).toBe('4/5');
  });

  it('XLSX problems name the sheet row', async () => {
    const xlsx = await run('formats/ho-so-2023.xlsx');
    // The header is row 7, so the CSV's line 10 (HS09, 9th data row) is sheet row 16; its unit is column C (after STT).
    const p = xlsx.problems.find((q) => q.code === 'row.tierUndecidable')!;
    expect(p).toMatchObject({ file: 'formats/ho-so-2023.xlsx', line: 16, column: 3, header: 'Đơn vị' });
  });

  it('UTF-16 LE and BE, tab separated', async () => {
    const csv = essence(await run('hand/ho-so-2023.csv'));
    for (const f of ['formats/ho-so-2023.utf16le.txt', 'formats/ho-so-2023.utf16be.txt']) {
      const s = await run(f);
      expect(essence(s)).toEqual(csv);
      expect(s.inputs[0]).toMatchObject({ format: 'csv', delimiter: '\t', encoding: f.includes('le') ? 'utf-16le' : 'utf-16be' });
    }
  });

  it('UTF-16 at every chunk boundary', async () => {
    const buf = readFileSync(fixture('formats/ho-so-2023.utf16be.txt'));
    const whole = counts(await scoreTexts([{ name: 'x', text: buf }]));
    for (const chunk of [1, 2, 3, 7]) expect(counts(await scoreTexts([{ name: 'x', text: buf, chunk }]))).toEqual(whole);
  });

  it('Excel\'s "Unicode text" export (formerly refused) is read', async () => {
    const s = await run('formats/utf16-excel.txt');
    expect(s.inputs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 1, counted: 1 });
    // The file has code, unit and received date only: no indicator's columns, so no verdict, and
    // the unit (read from UTF-16) is listed with --all-units, its one dossier left out.
    const all = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [fileSource(fixture('formats/utf16-excel.txt'), 'formats/utf16-excel.txt')], byUnit: true, allUnits: true });
    expect(all.results.find((r) => r.indicator === 'online-rate' && r.unit === 'Sở Tư pháp')).toMatchObject({ status: 'no-data', leftOut: { records: 1 } });
  });
});

describe('the same feedback in every dialect', () => {
  it('XLSX second sheet (--sheet), tab, pipe, Windows-1258 with --encoding', async () => {
    const csv = essence(await run('hand/pakn-2023.csv'));
    const xlsx = await run('formats/ho-so-2023.xlsx', { sheet: 'PAKN' });
    expect(essence(xlsx)).toEqual(csv);
    expect(xlsx.inputs[0]!.skipped).toEqual({ title: 1, total: 1, footer: 2, group: 0, subtotal: 0 });
    const tab = await run('formats/pakn-2023.tab.txt');
    expect(essence(tab)).toEqual(csv);
    expect(tab.inputs[0]!.delimiter).toBe('\t');
    const pipe = await run('formats/pakn-2023.pipe.csv');
    expect(essence(pipe)).toEqual(csv);
    expect(pipe.inputs[0]!.delimiter).toBe('|');
    const w = await run('formats/pakn-2023.windows-1258.csv', { encoding: 'windows-1258' });
    expect(essence(w)).toEqual(csv);
    expect(w.inputs[0]!.encoding).toBe('windows-1258');
    // Unit names come out in NFC, as first spelled in the UTF-8 file.
    expect(w.results.some((r) => r.unit === 'Sở Tài nguyên và Môi trường')).toBe(true);
  });

  it('a given delimiter wins over sniffing', async () => {
    // Split on ";" the header is one field naming no known kind.
    expect(await refused(run('formats/pakn-2023.pipe.csv', { delimiter: ';' }))).toMatchObject({
      where: { line: 1 },
      en: expect.stringMatching(/^headers of no known kind: .*found "Mã PAKN\|Cơ quan xử lý/),
    });
    expect((await run('formats/pakn-2023.pipe.csv', { delimiter: '|' })).inputs[0]!.rows).toBe(8);
  });
});

describe('title rows and total rows in delimited text', () => {
  const header = 'Mã hồ sơ;Đơn vị;Ngày tiếp nhận;Hình thức nộp';
  const data = ['HS1;Sở Tư pháp;05/01/2023;Trực tuyến', 'HS2;Sở Tư pháp;06/01/2023;Trực tiếp', 'HS3;UBND xã Phú Hữu;07/01/2023;Trực tuyến'];

  it('skips title rows, the total row and the footer, and says so', async () => {
    const text = ['ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI', ';;;', 'BÁO CÁO TÌNH HÌNH TIẾP NHẬN HỒ SƠ;;;', '(Từ ngày 01/01/2023 đến ngày 31/12/2023)', '', header, ...data, ';TỔNG CỘNG:;3;', ';;;', ';Người lập biểu;;Thủ trưởng đơn vị'].join('\r\n');
    const s = await scoreTexts([{ name: 'bc.csv', text }]);
    // Lines 1, 3, 4 are title rows (2 and 5 are blank); 10 is the total row; 12 is below it.
    expect(s.inputs[0]).toMatchObject({ delimiter: ';', rows: 3, counted: 3, rejected: 0, skipped: { title: 3, total: 1, footer: 1 } });
    expect(counts(s)['online-rate/so']).toBe('1/2');
    expect(counts(s)['online-rate/xa']).toBe('1/1');
    expect(s.problems).toEqual([]);
  });

  it('"Tổng", "Cộng", "Tổng cộng" in any case, spacing or spelling; nothing else', () => {
    for (const t of ['Tổng cộng', 'TỔNG CỘNG', ' tong  cong ', 'Tổng:', 'Cộng', 'Tổng cộng :', 'Tổng cộng'.normalize('NFD')]) expect(isTotalLabel(t), t).toBe(true);
    for (const t of ['Tổng số', 'Cộng hòa', 'Tổng cộng 2023', 'HS1', '', 'Tổng cục Thuế']) expect(isTotalLabel(t), t).toBe(false);
  });

  it('a header up to the 20th row is found; none in the first 20 is the usual error', async () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `Dòng tiêu đề ${i + 1}`);
    const ok = await scoreTexts([{ name: 'a.csv', text: [...titles(19), header, data[0]].join('\n') }]);
    expect(ok.inputs[0]).toMatchObject({ rows: 1, counted: 1, skipped: { title: 19, total: 0, footer: 0 } });
    expect(await refused(scoreTexts([{ name: 'b.csv', text: [...titles(20), header, data[0]].join('\n') }]))).toMatchObject({
      where: { file: 'b.csv', line: 1 },
      en: expect.stringMatching(/^headers of no known kind: .*found "Dòng tiêu đề 1"$/),
    });
    // A short file with no header at all names its first row too.
    await expect(scoreTexts([{ name: 'c.csv', text: 'a,b\n1,2\n' }])).rejects.toMatchObject({ where: { file: 'c.csv', line: 1 } });
  });

  it('a data row that merely starts with a number or a code is data', async () => {
    const s = await scoreTexts([{ name: 'x.csv', text: ['STT;' + header, ...data.map((d, i) => `${i + 1};${d}`), 'Cộng;;;;'].join('\n') }]);
    expect(s.inputs[0]).toMatchObject({ rows: 3, counted: 3, skipped: { title: 0, total: 1, footer: 0 } });
  });
});
