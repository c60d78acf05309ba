/**
 * The fast path against the oracle. The same CSV text is scored three ways and the whole
 * Score (row accounting, every result per tier and unit, every problem with its line, column
 * and message parameters) must be identical:
 *   1. readCsv's byte sink + RowDecoder.decodeBytes (the default), fed in chunks cut anywhere;
 *   2. readCsv's string sink (through readTable) + RowDecoder.decode;
 *   3. test/ingest/reference-reader.ts (csv-parse) + RowDecoder.decode.
 * The CSV comes from a seeded fuzzer: headers in alias, case, NFD and ASCII-folded spellings,
 * shuffled columns and unknown ones; values from the contract's vocabularies, dates in every
 * format and broken ones, padded with spaces, tabs or no-break spaces, quoted or not; notes
 * with delimiters, doubled quotes and line breaks; Vietnamese text in NFC and NFD; ragged rows,
 * blank lines, duplicate codes; BOM, comma or semicolon, LF or CRLF.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { score } from '../../src/pipeline/score.js';
import { parsePeriod } from '../../src/model/period.js';
import { readFileSync } from 'node:fs';
import { fixture, outcome, plan, textSource } from '../helpers.js';
import { referenceReader } from './reference-reader.js';
import type { Score } from '../../src/model/result.js';

function rng(seed: number) {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const DOSSIER_COLS: Array<[string, string[]]> = [
  ['code', ['Mã hồ sơ', 'Số hồ sơ', 'MaHoSo']],
  ['unit', ['Đơn vị', 'Đơn vị tiếp nhận', 'Cơ quan giải quyết', 'DonViXuLy']],
  ['tier', ['Cấp', 'Cấp hành chính']],
  ['received', ['Ngày tiếp nhận', 'Ngày nhận', 'NgayTiepNhan']],
  ['due', ['Ngày hẹn trả', 'Hạn xử lý']],
  ['resolved', ['Ngày kết thúc xử lý', 'Ngày trả kết quả', 'NgayTra']],
  ['channel', ['Hình thức nộp', 'Kênh nộp']],
  ['digitized', ['Số hóa', 'Đã số hóa']],
  ['eResult', ['Kết quả điện tử']],
  ['rating', ['Đánh giá', 'Mức độ hài lòng']],
  ['fee', ['Phí, lệ phí', 'Số tiền']],
  ['payment', ['Hình thức thanh toán', 'Phương thức thanh toán']],
  ['note', ['Ghi chú', 'Mã đơn vị', 'Nội dung']],
];
const FEEDBACK_COLS: Array<[string, string[]]> = [
  ['code', ['Mã PAKN', 'Mã phản ánh']],
  ['unit', ['Cơ quan xử lý', 'Đơn vị']],
  ['tier', ['Cấp']],
  ['received', ['Ngày gửi', 'Ngày tiếp nhận']],
  ['due', ['Hạn trả lời', 'Hạn xử lý']],
  ['resolved', ['Ngày trả lời', 'Ngày xử lý xong']],
  ['rating', ['Mức độ hài lòng', 'Đánh giá']],
  ['note', ['Nội dung']],
];

const UNITS = [
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Ban Quản lý các Khu công nghiệp',
  'Bảo hiểm xã hội tỉnh Đồng Nai',
  'Trung tâm Hành chính công tỉnh',
  'UBND huyện Trảng Bom',
  'UBND thành phố Biên Hòa',
  'Phòng Tư pháp huyện Long Thành',
  'UBND xã Long Hưng, TP Biên Hòa',
  'UBND phường Tân Phong',
  'UBND thị trấn Dầu Giây',
  'UBND thị xã Long Khánh',
  'Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu',
  'Cơ quan quản lý "đặc biệt"',
  '',
];
const TIERS = ['', '', '', 'Sở', 'Cấp huyện', 'xa', 'CẤP XÃ', 'Tỉnh', 'Quận?'];
const VOCAB: Record<string, string[]> = {
  channel: ['Trực tuyến', 'Nộp trực tuyến', 'online', '2', 'Trực tiếp', 'Bưu chính công ích', 'BCCI', '1', '3', '', 'Fax', 'truc tuyen'],
  digitized: ['Có', 'x', '1', 'true', 'Đã số hóa', 'Không', '0', 'false', 'Chưa số hóa', '', '?'],
  eResult: ['Có', 'Không', '', 'X', 'chua so hoa', 'maybe'],
  rating: ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng', '', '5 sao', 'HAI LONG'],
  payment: ['Trực tuyến', 'Thanh toán trực tuyến', 'Online', '1', '2', 'Chuyển khoản', 'POS', 'Thẻ', 'QR', 'Tiền mặt', '0', '', 'Séc'],
  fee: ['0', '50.000', '1.200.000 đ', '100,000', '25 000 VNĐ', '30000', '', 'miễn phí', '-5', '12.5đ'],
};
const NOTES = ['', '', 'Bổ sung, hẹn trả', 'ghi "khẩn"', 'dòng 1\ndòng 2', 'a;b,c', 'Đã đối chiếu bản chính', '"', 'x\r\ny'];

function dateText(r: () => number, day: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const dt = new Date(Date.UTC(2023, 0, 1) + day * 86400000);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  const forms = [
    `${p(d)}/${p(m)}/${y}`,
    `${d}/${m}/${y}`,
    `${p(d)}/${p(m)}/${y} 08:30`,
    `${p(d)}/${p(m)}/${y} 23:59:59`,
    `${y}-${p(m)}-${p(d)}`,
    `${y}-${p(m)}-${p(d)}T10:00:00`,
    `${y}-${p(m)}-${p(d)} 10:00:00`,
    `${y}${p(m)}${p(d)}101500`,
    '31/02/2023',
    '2023-13-01',
    '12/25/2023',
    'không rõ',
    `${p(d)}/${p(m)}/${y} 25:00`,
    `２０２３-01-01`,
  ];
  const x = r();
  return forms[x < 0.85 ? Math.floor(r() * 8) : 8 + Math.floor(r() * (forms.length - 8))]!;
}

function pad(r: () => number, s: string): string {
  const x = r();
  if (x < 0.85) return s;
  const pads = [' ', '  ', '\t', '\u00a0', '\u3000'];
  const p = pads[Math.floor(r() * pads.length)]!;
  return x < 0.93 ? `${p}${s}` : `${s}${p}`;
}

function spell(r: () => number, s: string): string {
  const x = r();
  if (x < 0.7) return s;
  if (x < 0.8) return s.normalize('NFD');
  if (x < 0.88) return s.toUpperCase();
  if (x < 0.95) return ascii(s);
  return s.replace(/ /g, '  ');
}

/** A fuzzed export, deterministic for a seed. */
function fuzzCsv(seed: number): string {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const kind = r() < 0.75 ? 'dossiers' : 'feedback';
  const all = kind === 'dossiers' ? DOSSIER_COLS : FEEDBACK_COLS;
  const cols = all.filter(([f]) => f === 'code' || f === 'unit' || f === 'received' || r() < 0.8);
  for (let i = cols.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [cols[i], cols[j]] = [cols[j]!, cols[i]!];
  }
  const delim = r() < 0.7 ? ',' : ';';
  const eol = r() < 0.6 ? '\n' : '\r\n';
  const q = (s: string, force = false) =>
    force || s.includes('"') || s.includes(delim) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  const head = cols.map(([, aliases]) => q(spell(r, pick(aliases))));
  let out = (r() < 0.3 ? '\ufeff' : '') + head.join(delim) + eol;
  const nRows = 1 + Math.floor(r() * 40);
  const codes: string[] = [];
  for (let i = 0; i < nRows; i++) {
    if (r() < 0.05) out += eol; // a blank line
    if (r() < 0.03) out += delim.repeat(cols.length - 1) + eol; // a line of empty fields
    const rec = Math.floor(r() * 420) - 20;
    const vals = cols.map(([f]) => {
      switch (f) {
        case 'code': {
          if (r() < 0.05) return pick(['', ' ', '""']);
          const c = codes.length && r() < 0.2 ? pick(codes) : `HS${seed % 1000}-${i}${r() < 0.1 ? ' Đ' : ''}`;
          codes.push(c);
          return pad(r, c);
        }
        case 'unit':
          return pad(r, spell(r, pick(UNITS)));
        case 'tier':
          return pad(r, pick(TIERS));
        case 'received':
          return r() < 0.03 ? '' : pad(r, dateText(r, rec));
        case 'due':
          return r() < 0.1 ? '' : pad(r, dateText(r, rec + Math.floor(r() * 30)));
        case 'resolved':
          return r() < 0.25 ? '' : pad(r, dateText(r, rec + Math.floor(r() * 40) - 3));
        case 'note':
          return spell(r, pick(NOTES));
        default:
          return pad(r, spell(r, pick(VOCAB[f]!)));
      }
    });
    // Ragged rows: a missing or an extra field now and then.
    if (r() < 0.05) vals.pop();
    if (r() < 0.05) vals.push('thừa');
    out += vals.map((v) => (v === '""' ? v : q(v, r() < 0.08))).join(delim);
    if (i < nRows - 1 || r() < 0.8) out += eol;
  }
  return out;
}

/** The Score, or the refusal of a run whose rows are all outside the period (as `outcome` gives it). */
async function scoreWith(text: string | Buffer, how: 'fast' | 'strings' | 'reference', chunk: number) {
  return outcome(score({
    plan: await plan(),
    period: parsePeriod('2023'),
    inputs: [textSource({ name: 'fuzz.csv', text, chunk })],
    byUnit: true,
    internal: { csvReader: how === 'fast' ? undefined : how === 'strings' ? 'strings' : referenceReader },
  }), (s: Score) => s);
}

describe('the fast path gives what csv-parse and the string path give', () => {
  it('on fuzzed exports, chunked anywhere', async () => {
    await fc.assert(
      // Chunks of at least 3 bytes: readCsv looks for the BOM in the first chunk only (a BOM
      // split over chunks is not recognized; file reads come in 1 MiB chunks).
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 64 }), async (seed, chunk) => {
        const text = fuzzCsv(seed);
        const ref = await scoreWith(text, 'reference', 1 << 20);
        const str = await scoreWith(text, 'strings', chunk);
        const fast = await scoreWith(text, 'fast', chunk);
        const fastWhole = await scoreWith(text, 'fast', 1 << 20);
        expect(str).toEqual(ref);
        expect(fast).toEqual(ref);
        expect(fastWhole).toEqual(ref);
      }),
      { numRuns: 300 },
    );
    // 1 200 scorings: ~20 s on an idle 2-core machine, so more than the default 30 s under load.
  }, 120_000);

  it('on the sample year (realistic exports from scripts/generate.mjs)', async () => {
    for (const f of ['ho-so-2023.csv', 'pakn-2023.csv']) {
      const text = readFileSync(fixture(`sample/${f}`));
      const ref = await scoreWith(text, 'reference', 1 << 20);
      expect('refused' in ref ? 0 : ref.inputs[0]!.rows).toBeGreaterThan(300);
      expect(await scoreWith(text, 'fast', 4093)).toEqual(ref);
    }
  });

  it('the fuzzer reaches the cases it is meant to', async () => {
    // Guard against a fuzzer that silently stopped producing the hard cases.
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const s = await scoreWith(fuzzCsv(seed), 'fast', 7);
      if ('refused' in s) continue;
      for (const p of s.problems) seen.add(p.code);
      if (s.inputs[0]!.superseded > 0) seen.add('superseded');
    }
    for (const code of ['row.noCode', 'row.noUnit', 'row.noReceived', 'row.badDate', 'row.resolvedBeforeReceived', 'row.badTier', 'row.tierUndecidable', 'row.fieldCount', 'value.unknown', 'superseded']) {
      expect(seen).toContain(code);
    }
  });
});
