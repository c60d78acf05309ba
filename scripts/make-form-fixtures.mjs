#!/usr/bin/env node
/**
 * Makes the XLSX twins of the hand-checked form 06 fixtures (fixtures/form06/*.csv, see the
 * README there): the same cells, sheet row for CSV line, with the merged cells a unit's Excel
 * file has (title lines across the sheet; the header's groups across their columns and down
 * their rows), numbers as number cells and the total row as formulas with their results. Run it
 * after changing one of those CSV files:
 *
 *   node scripts/make-form-fixtures.mjs
 *
 * Written by exceljs (a devDependency), a writer independent of ccch's reader: a merged range
 * keeps its value in its top-left cell only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}fixtures/form06/`;

const FORMS = [
  {
    csv: 'bieu-06-don-vi-q1.csv',
    sheet: 'Biểu 06a',
    // Title block, then the header: STT and Đơn vị down three rows, the three groups across,
    // "Trong đó" across two columns, every other second-row cell down to the third row.
    merges: ['A1:C1', 'J1:M1', 'A2:C2', 'J2:M2', 'J3:M3', 'A4:M4', 'A5:M5', 'L6:M6'].concat(
      ['A7:A9', 'B7:B9', 'C7:F7', 'G7:J7', 'K7:M7'],
      ['C8:C9', 'D8:E8', 'F8:F9', 'G8:G9', 'H8:H9', 'I8:I9', 'J8:J9', 'K8:K9', 'L8:L9', 'M8:M9'],
    ),
    /** The total row (its line) and the unit rows it sums. */
    total: { line: 11, of: [13, 14, 15, 17, 18, 21, 22] },
  },
  {
    csv: 'bieu-06-linh-vuc-q1.csv',
    sheet: 'Theo lĩnh vực',
    merges: ['A1:D1', 'A2:F2', 'A3:N3', 'A4:N4'].concat(
      ['A5:A7', 'B5:B7', 'C5:F5', 'G5:L5', 'M5:M7', 'N5:N7'],
      ['C6:C7', 'D6:D7', 'E6:F6', 'G6:I6', 'J6:L6'],
    ),
    total: { line: 17, of: [10, 11, 13, 14, 16] },
  },
];

const col = (i) => String.fromCharCode(65 + i);

for (const form of FORMS) {
  // Lines as the CSV has them, blank ones kept (sheet row = CSV line).
  const text = readFileSync(dir + form.csv, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ccch fixtures';
  wb.created = new Date(Date.UTC(2024, 0, 5));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(form.sheet);
  lines.forEach((line, i) => {
    const n = i + 1;
    const cells = line === '' ? [] : parse(line, { delimiter: ';', relax_column_count: true })[0];
    const row = ws.getRow(n);
    cells.forEach((v, k) => {
      if (v === '') return;
      const cell = row.getCell(k + 1);
      if (n === form.total.line && /^\d+$/.test(v)) {
        cell.value = { formula: form.total.of.map((r) => `${col(k)}${r}`).join('+'), result: Number(v) };
      } else cell.value = /^\d+$/.test(v) ? Number(v) : v;
    });
    row.commit();
  });
  for (const m of form.merges) ws.mergeCells(m);
  const out = dir + form.csv.replace(/\.csv$/, '.xlsx');
  await wb.xlsx.writeFile(out);
  console.log(`written ${out.slice(root.length)}`);
}
