#!/usr/bin/env node
/**
 * Makes fixtures/formats/ from the hand-checked CSV fixtures (fixtures/hand/), so that the
 * tests can check that the same data read as CSV, as XLSX, as UTF-16 text and as
 * Windows-1258 text gives exactly the same results. Run it after changing a hand fixture:
 *
 *   node scripts/make-format-fixtures.mjs
 *
 * The XLSX workbook is written by exceljs (a devDependency): a writer independent of ccch's
 * reader (yauzl + saxes), as Excel-like as we can get without Excel — shared strings, real
 * date cells with date number formats, numbers as numbers, merged title cells, a formula in
 * the total row. The legacy-encoded files (TCVN3, VNI) are written byte by byte from the
 * encodings' tables for the few letters they need.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (p) => `${root}fixtures/formats/${p}`;
mkdirSync(out(''), { recursive: true });

const read = (p, delimiter) => parse(readFileSync(`${root}fixtures/hand/${p}`), { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
const hoSo = read('ho-so-2023.csv', ',');
const pakn = read('pakn-2023.csv', ';');

// ---- XLSX -------------------------------------------------------------------------------

/** A date the contract accepts (dd/mm/yyyy[ time], yyyy-mm-dd[Ttime]) → a UTC Date; else null. */
function asDate(s) {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return utc(+m[3], +m[2], +m[1], m[4], m[5], m[6]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2}))?$/.exec(s);
  if (m) return utc(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  return null;
}
function utc(y, mo, d, h = '0', mi = '0', se = '0') {
  const t = new Date(Date.UTC(y, mo - 1, d, +h, +mi, +se));
  // 31/02/2023 is no date: keep it as text, as a person would have typed it.
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t : null;
}

/**
 * Sheet rows for a record list, as printed reports lay them out: title rows, an STT column,
 * the data, a total row and a footer. Date columns hold date cells where the text is a date;
 * plain integers become number cells; the rest stays text.
 */
function addReport(wb, name, records, dateCols, titles) {
  const ws = wb.addWorksheet(name);
  const [header, ...data] = records;
  for (const t of titles) {
    const r = ws.addRow(t === null ? [] : [t]);
    if (t !== null) ws.mergeCells(r.number, 1, r.number, 6);
  }
  ws.addRow(['STT', ...header]).font = { bold: true };
  data.forEach((rec, i) => {
    const cells = rec.map((v, k) => {
      if (v === '') return null;
      if (dateCols.has(k)) {
        const d = asDate(v);
        if (d) return d;
      }
      if (/^(0|[1-9]\d{0,5})$/.test(v)) return Number(v);
      return v;
    });
    const row = ws.addRow([i + 1, ...cells]);
    row.eachCell((cell, col) => {
      if (cell.value instanceof Date) cell.numFmt = /[ T]\d/.test(rec[col - 2]) ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
    });
  });
  const first = ws.lastRow.number - data.length + 1;
  const total = ws.addRow(['Tổng cộng', { formula: `COUNTA(B${first}:B${ws.lastRow.number})`, result: data.filter((r) => r[0] !== '').length }]);
  total.font = { bold: true };
  ws.addRow([]);
  ws.addRow([null, 'Người lập biểu', null, null, null, null, null, 'GIÁM ĐỐC']);
  ws.addRow([null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, '(Ký tên, đóng dấu)']);
  return ws;
}

const hoSoDates = new Set(hoSo[0].map((h, k) => (/^Ngày/.test(h) ? k : -1)).filter((k) => k >= 0));
const paknDates = new Set(pakn[0].map((h, k) => (/^(Ngày|Hạn)/.test(h) ? k : -1)).filter((k) => k >= 0));

const wb = new ExcelJS.Workbook();
wb.creator = 'ccch fixtures';
wb.created = new Date(Date.UTC(2024, 0, 5));
wb.modified = wb.created;
addReport(wb, 'Hồ sơ', hoSo, hoSoDates, [
  'ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI',
  'TRUNG TÂM HÀNH CHÍNH CÔNG TỈNH',
  null,
  'DANH SÁCH HỒ SƠ TIẾP NHẬN NĂM 2023',
  '(Kèm theo Báo cáo số 12/BC-TTHCC ngày 05/01/2024)',
  null,
]);
addReport(wb, 'PAKN', pakn, paknDates, ['BÁO CÁO PHẢN ÁNH, KIẾN NGHỊ NĂM 2023']);
await wb.xlsx.writeFile(out('ho-so-2023.xlsx'));

// ---- Text: UTF-16 (Excel's "Unicode text"), tab and pipe delimited --------------------------

function delimited(records, d, eol) {
  const q = (v) => (v.includes(d) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replace(/"/g, '""')}"` : v);
  return records.map((r) => r.map(q).join(d)).join(eol) + eol;
}
const hoSoTab = delimited(hoSo, '\t', '\r\n');
const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hoSoTab, 'utf16le')]);
writeFileSync(out('ho-so-2023.utf16le.txt'), le);
const be = Buffer.from(le);
be.swap16(); // the BOM too: FF FE → FE FF
writeFileSync(out('ho-so-2023.utf16be.txt'), be);
writeFileSync(out('pakn-2023.tab.txt'), delimited(pakn, '\t', '\n'));
writeFileSync(out('pakn-2023.pipe.csv'), delimited(pakn, '|', '\r\n'));

// ---- Windows-1258 ---------------------------------------------------------------------------

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Windows-1258 writes ă â ê ô ơ ư as letters and the five tone marks as combining bytes. */
function encode1258(text) {
  const parts = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows-1258');
    if (direct[0] !== 0x3f || ch === '?') {
      parts.push(direct);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((c) => TONES.has(c)) ?? '';
    const letter = [...nfd].filter((c) => !TONES.has(c)).join('').normalize('NFC');
    const enc = iconv.encode(letter + tone, 'windows-1258');
    if (enc.includes(0x3f)) throw new Error(`cannot write ${ch} in Windows-1258`);
    parts.push(enc);
  }
  return Buffer.concat(parts);
}
writeFileSync(out('pakn-2023.windows-1258.csv'), encode1258(delimited(pakn, ';', '\r\n')));

// ---- TCVN3 (ABC) and VNI: refused, so a header and one row are enough ------------------------

const TCVN3 = { 'ã': 0xb7, 'ồ': 0xe5, 'ơ': 0xac, 'Đ': 0xa7, 'ị': 0xde, 'à': 0xb5, 'ế': 0xd5, 'ậ': 0xcb, 'ở': 0xeb, 'ư': 0xad, 'á': 0xb8 };
const VNI = { 'ã': 'aõ', 'ồ': 'oà', 'ơ': 'ô', 'Đ': 'Ñ', 'ị': 'ò', 'à': 'aø', 'ế': 'eá', 'ậ': 'aä', 'ở': 'ôû', 'ư': 'ö', 'á': 'aù' };
const legacyText = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\r\nHS1,Sở Tư pháp,05/01/2023\r\n';
const bytes = (map, asLatin1) =>
  Buffer.concat(
    [...legacyText].map((c) => {
      const m = map[c];
      if (m === undefined) return Buffer.from(c, 'latin1');
      return asLatin1 ? Buffer.from(m, 'latin1') : Buffer.from([m]);
    }),
  );
writeFileSync(out('tcvn3.csv'), bytes(TCVN3, false));
writeFileSync(out('vni.csv'), bytes(VNI, true));

console.log('fixtures/formats written');
