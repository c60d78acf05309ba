import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalEncoding, decodeStream, guessLegacy, utf16Bom } from '../../src/ingest/decode.js';
import { fixture } from '../helpers.js';

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
