import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalEncoding, decodeStream, guessLegacy, utf16Bom } from '../../src/ingest/decode.js';
import { fixture, refused } from '../helpers.js';
import { readTable } from '../../src/ingest/table.js';
import { streamSource } from '../../src/ingest/source.js';
import { utf8Evidence } from '../../src/ingest/utf8.js';

async function decode(buf: Buffer, encoding: string, chunk: number): Promise<string> {
  async function* gen() {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const parts: Buffer[] = [];
  for await (const b of decodeStream(gen(), encoding)) parts.push(b);
  return Buffer.concat(parts).toString('utf8');
}

describe('decode', () => {
  const text = 'Mã hồ sơ\tĐơn vị\r\nHS1\tUBND xã Phú Hữu 𝔸\r\n'; // 𝔸: a surrogate pair

  it('decodes UTF-16 LE and BE, BOM dropped, at every chunk size', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    expect(utf16Bom(le)).toBe('utf-16le');
    expect(utf16Bom(be)).toBe('utf-16be');
    expect(utf16Bom(Buffer.from('ab'))).toBeNull();
    for (let chunk = 1; chunk <= 9; chunk++) {
      expect(await decode(le, 'utf-16le', chunk)).toBe(text);
      expect(await decode(be, 'utf-16be', chunk)).toBe(text);
    }
  });

  it('decodes Windows-1258 and recomposes to NFC across chunks', async () => {
    // "Mã hồ sơ" in Windows-1258: a + combining tilde (0xDE), ô (0xF4) + combining grave (0xCC).
    const bytes = Buffer.from([0x4d, 0x61, 0xde, 0x20, 0x68, 0xf4, 0xcc, 0x20, 0x73, 0xf5, 0x0a, 0x78, 0xe2, 0xf2]);
    for (let chunk = 1; chunk <= 5; chunk++) {
      const s = await decode(bytes, 'windows-1258', chunk);
      expect(s).toBe('Mã hồ sơ\nxậ');
      expect(s).toBe(s.normalize('NFC'));
    }
  });

  it('canonicalEncoding knows what iconv-lite knows, and not TCVN3 or VNI', () => {
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding(' Windows-1258 ')).toBe('windows-1258');
    expect(canonicalEncoding('cp1258')).toBe('cp1258');
    expect(canonicalEncoding('utf-16le')).toBe('utf-16le');
    for (const n of ['tcvn3', 'TCVN', 'vni', 'VNI-Windows', 'klingon']) expect(canonicalEncoding(n)).toBeNull();
  });

  it('guessLegacy names the legacy encoding by its byte signature', () => {
    const f = (p: string) => readFileSync(fixture(p));
    expect(guessLegacy(f('formats/tcvn3.csv'))).toBe('tcvn3');
    expect(guessLegacy(f('formats/vni.csv'))).toBe('vni');
    expect(guessLegacy(f('formats/pakn-2023.windows-1258.csv'))).toBe('windows-1258');
    expect(guessLegacy(f('bad/windows-1258.csv'))).toBe('windows-1258');
    // Too little to say: one stray Latin-1 byte, or none.
    expect(guessLegacy(Buffer.from('Ma ho so,caf\xe9\n', 'latin1'))).toBeNull();
    expect(guessLegacy(Buffer.from('plain ascii'))).toBeNull();
  });
});

describe('invalid UTF-8 told apart from a legacy encoding', () => {
  const read = (text: Buffer) => refused(readTable(streamSource('f.csv', (async function* () { yield text; })()), { header: (f) => f.map((_, i) => i), row() {} }));
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `HS${i},UBND xã Long Hưng,Đã tiếp nhận\n`).join('');

  it('a UTF-8 file with one stray byte is damaged UTF-8 at its line and column, not TCVN3 to convert (which would garble it)', async () => {
    const text = Buffer.from('Mã hồ sơ,Đơn vị,Trạng thái\n' + rows(50) + 'HS9,UBND xã Long Hưng,Đã tiếp nhận\n');
    text[text.lastIndexOf('Long Hưng') + 'Long H'.length] = 0xe3; // ư's first byte replaced: 0xE3 0xAF 0x6E is no sequence
    const e = await read(text);
    expect(e).toMatchObject({ code: 'input.invalidUtf8', where: { file: 'f.csv', line: 52, column: 19 }, params: { byte: 'E3' } });
    expect(e.en).toBe('byte 0xE3 here is not UTF-8, in a file that is UTF-8: the file is damaged at this point; fix or delete that character (do not convert the file)');
    // Before: guessLegacy on the first bytes took UTF-8's continuation bytes (0x80–0xBF) for TCVN3 letters.
    expect(guessLegacy(text)).toBe('tcvn3');
  });

  it('the bytes around the bad one count, not only the first 64 KB (plain ASCII there said nothing)', async () => {
    const ascii = Buffer.from('MaHoSo,DonVi\n' + 'HS1,UBND xa Long Hung\n'.repeat(4000));
    const stray = Buffer.concat([ascii, Buffer.from('HS2,UBND xã Long Hưng \xe9 Đã\n', 'utf8'), Buffer.from([0x48, 0x53, 0x33, 0x2c, 0xe9, 0x0a])]);
    expect((await read(stray)).code).toBe('input.invalidUtf8');
    // A legacy file past 64 KB of ASCII is still named by its bytes.
    const tcvn = Buffer.concat([ascii, readFileSync(fixture('formats/tcvn3.csv'))]);
    expect((await read(tcvn)).code).toBe('input.tcvn3');
  });

  it('legacy encodings are still named', async () => {
    expect((await read(readFileSync(fixture('formats/tcvn3.csv')))).code).toBe('input.tcvn3');
    expect((await read(readFileSync(fixture('formats/vni.csv')))).code).toBe('input.vni');
    expect((await read(readFileSync(fixture('formats/pakn-2023.windows-1258.csv')))).code).toBe('input.windows1258');
  });

  it('utf8Evidence counts valid sequences and stray bytes', () => {
    expect(utf8Evidence(Buffer.from('Mã hồ sơ 😀'))).toEqual({ valid: 4, invalid: 0 });
    expect(utf8Evidence(Buffer.from([0x61, 0xe3, 0x20, 0xc3, 0xa3, 0xa3, 0xff, 0xed, 0xa0, 0x80, 0xe0, 0x80, 0x80]))).toEqual({ valid: 1, invalid: 9 });
    // A sequence cut at the end is neither.
    expect(utf8Evidence(Buffer.from([0xe1, 0xbb]))).toEqual({ valid: 0, invalid: 0 });
  });
});
