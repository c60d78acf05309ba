import { describe, it, expect } from 'vitest';
import { readCsv, CsvError, sniffDelimiter, swarStops } from '../../src/ingest/csv.js';

interface Got {
  header: string[];
  rows: Array<{ fields: string[]; line: number; count: number; malformed: boolean }>;
}

async function read(text: string | Buffer, chunk = 1 << 20, delimiter?: string): Promise<Got> {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  async function* gen() {
    for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
  }
  const got: Got = { header: [], rows: [] };
  await readCsv(
    gen(),
    {
      header(fields) {
        got.header = fields;
        return fields.map((_, i) => i);
      },
      row(fields, count, line, malformed) {
        got.rows.push({ fields: fields.slice(0, count), line, count, malformed });
      },
    },
    { delimiter },
  );
  return got;
}

async function fails(text: string | Buffer): Promise<CsvError> {
  try {
    await read(text);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('did not fail');
}

describe('readCsv', () => {
  const sample = 'a,b,c\r\n1,"x, y","he said ""hi"""\r\n\r\n2,"multi\r\nline",z\r\n3,,\r\n';

  it('parses RFC 4180 quoting, CRLF, blank lines, and reports start lines', async () => {
    const got = await read(sample);
    expect(got.header).toEqual(['a', 'b', 'c']);
    expect(got.rows.map((r) => r.fields)).toEqual([
      ['1', 'x, y', 'he said "hi"'],
      ['2', 'multi\r\nline', 'z'],
      ['3', '', ''],
    ]);
    expect(got.rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('lines of white space only (or of fields that are only white space) are blank lines, not rows', async () => {
    const text = 'a,b,c\n1,2,3\n   \n\t\n , , \n4,5,6\n';
    const got = await read(text);
    expect(got.rows.map((r) => r.fields)).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(got.rows.map((r) => r.line)).toEqual([2, 6]);
    for (let chunk = 1; chunk <= text.length; chunk++) expect(await read(text, chunk)).toEqual(got);
  });

  it('quoted white space, empty quotes and Unicode white space make blank lines too', async () => {
    const text = 'a,b\n1,2\n"  "\n"",,""\n" "," "\n\u00a0,\u2003\n\f\n"\r\n"\n3,4\n';
    const got = await read(text);
    expect(got.rows.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(got.rows.map((r) => r.line)).toEqual([2, 10]);
  });

  it('a white-space line above the header does not decide the delimiter', async () => {
    const text = '\n  \na;b\n1;2\n';
    const got = await read(text);
    expect(got.header).toEqual(['a', 'b']);
    expect(got.rows.map((r) => r.fields)).toEqual([['1', '2']]);
  });

  it('gives the same result at every chunk size', async () => {
    const whole = await read(sample);
    for (let chunk = 1; chunk <= sample.length; chunk++) expect(await read(sample, chunk)).toEqual(whole);
  });

  it('sniffs the delimiter from the header line even after blank lines', async () => {
    expect((await read('\n\r\na;b\n1;2\n')).rows[0]!.fields).toEqual(['1', '2']);
  });

  it('strips a UTF-8 BOM and sniffs semicolons', async () => {
    const got = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Mã;Tên\nA;"x;y"\n')]));
    expect(got.header).toEqual(['Mã', 'Tên']);
    expect(got.rows[0]!.fields).toEqual(['A', 'x;y']);
  });

  it('keeps multi-byte characters split across chunks', async () => {
    const text = 'Đơn vị,Ngày\nUBND xã Phú Hữu,05/01/2023\n';
    for (let chunk = 1; chunk < 12; chunk++) expect((await read(text, chunk)).rows[0]!.fields[0]).toBe('UBND xã Phú Hữu');
  });

  it('handles LF, lone CR and no final newline', async () => {
    expect((await read('a,b\n1,2')).rows[0]!.fields).toEqual(['1', '2']);
    const cr = await read('a,b\r1,2\r3,4');
    expect(cr.rows.map((r) => [r.fields, r.line])).toEqual([
      [['1', '2'], 2],
      [['3', '4'], 3],
    ]);
  });

  it('counts fields of ragged rows and skips all-empty rows', async () => {
    const got = await read('a,b,c\n1,2\n,,\n1,2,3,4\n');
    expect(got.rows.map((r) => r.count)).toEqual([2, 4]);
    expect(got.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('marks text after a closing quote as malformed, and goes on', async () => {
    const got = await read('a,b\n"x"y,2\n3,4\n');
    expect(got.rows[0]!.malformed).toBe(true);
    expect(got.rows[1]).toMatchObject({ fields: ['3', '4'], malformed: false, line: 3 });
  });

  it('uses a given delimiter', async () => {
    expect((await read('a;b,c\n1;2,3\n', 1 << 20, ',')).header).toEqual(['a;b', 'c']);
  });

  it('refuses an unclosed quote with its line and column', async () => {
    const e = await fails('a,b\n1,2\n3,"never closed\nmore\n');
    expect(e).toMatchObject({ code: 'unclosedQuote', line: 3, column: 3 });
  });

  it('refuses UTF-16, NUL bytes, invalid UTF-8 and empty input', async () => {
    expect((await fails(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).code).toBe('utf16');
    expect(await fails(Buffer.from('a,b\n1,\u0000\n'))).toMatchObject({ code: 'binary', line: 2 });
    // "Ngày" in Windows-1258 (0xE0 is "à" there): not UTF-8.
    const e = await fails(Buffer.concat([Buffer.from('a,b\nx,y\nNg'), Buffer.from([0xe0]), Buffer.from('y,1\n')]));
    expect(e).toMatchObject({ code: 'encoding', line: 3, column: 3 });
    expect((await fails('')).code).toBe('empty');
    expect((await fails('\n\r\n')).code).toBe('empty');
  });
});

describe('readCsv: dialects and title rows', () => {
  it('sniffs tab and pipe as well as comma and semicolon (comma first on a tie)', async () => {
    expect((await read('a\tb|c\n1\t2|3\n')).header).toEqual(['a', 'b|c']);
    expect((await read('a|b|c\n1|2|3\n')).rows[0]!.fields).toEqual(['1', '2', '3']);
    expect((await read('"a|b";c\n1;2\n')).header).toEqual(['a|b', 'c']); // quoted pipes do not count
    expect((await read('a,b;c\n1,2;3\n')).header).toEqual(['a', 'b;c']);
    expect(sniffDelimiter(Buffer.from('x\ty|z\n'), 0, 6)).toBe('\t');
    expect(sniffDelimiter(Buffer.from('a;b\nx|y|z'), 4, 9)).toBe('|');
    expect(sniffDelimiter(Buffer.from('title'), 0, 5)).toBe(',');
  });

  it('offers rows as the header until the sink takes one, sniffing the delimiter anew', async () => {
    const offered: Array<[string[], number]> = [];
    const rows: Array<[string[], number, string]> = [];
    await readCsv(
      (async function* () {
        yield Buffer.from('ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\n,,,\n"BÁO CÁO, NĂM 2023"\nSTT;Mã;Tên\n1;A;x\n;B;\n');
      })(),
      {
        header(fields, line) {
          offered.push([fields, line]);
          return fields.includes('Mã') ? [1] : null;
        },
        row(fields, count, line, _m, lead) {
          rows.push([fields.slice(0, count), line, lead]);
        },
      },
    );
    // ",,," is blank (not offered); the title line has no delimiter, the header's is ";".
    expect(offered).toEqual([
      [['ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI'], 1],
      [['BÁO CÁO, NĂM 2023'], 3],
      [['STT', 'Mã', 'Tên'], 4],
    ]);
    // Only column 1 is decoded; `lead` is the first non-empty field, decoded or not.
    expect(rows).toEqual([
      [['', 'A', ''], 5, '1'],
      [['', 'B', ''], 6, 'B'],
    ]);
  });
});

describe('swarStops (four bytes at a time)', () => {
  it('is true exactly when some byte of the word is below 0x0e or the delimiter (the quote, inside a quoted cell)', () => {
    const word = new Uint8Array(4);
    const view = new Int32Array(word.buffer);
    for (const delim of [0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x200]) {
      const dWord = delim < 0x80 ? Math.imul(delim, 0x01010101) : 0;
      for (const filler of [0x41, 0x7f, 0x80, 0xc3, 0xff, 0x0e]) {
        for (let at = 0; at < 4; at++) {
          for (let b = 0; b < 256; b++) {
            word.fill(filler);
            word[at] = b;
            const want = b < 0x0e || b === delim || filler === delim;
            expect(swarStops(view[0]!, dWord), `delimiter ${delim}, byte ${b} at ${at} among ${filler}`).toBe(want);
          }
        }
      }
    }
  });
});
