import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readCsv, CsvError, sniffDelimiter, stopBits, MAX_RECORD_BYTES, MAX_FIELDS } from '../../src/ingest/csv.js';
import { blankFrom } from '../../src/ingest/utf8.js';

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

describe('readCsv against csv-parse, cell by cell', () => {
  // Cells of bytes that the four-bytes-at-a-time scan must look at closely: control bytes below
  // 0x0e other than LF and CR (which it flags and must pass over), the other delimiters, quotes
  // inside unquoted cells, multi-byte characters, and quoted cells with line breaks.
  const piece = fc.constantFrom('a', 'Bc', 'đ', 'Hồ sơ', '\t', '\x0b', '\x0c', '\x01', ' ', ';', ',', '|', '0123456789', 'x"y');
  const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));
  const quotedText = fc.array(fc.oneof(piece, fc.constantFrom('"', '\n', '\r\n', '\r')), { maxLength: 10 }).map((ps) => ps.join(''));

  it('gives csv-parse\'s cells for well-formed input, chunked anywhere and at any byte alignment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(fc.oneof(text.map((t) => ({ t, q: false })), quotedText.map((t) => ({ t, q: true }))), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 0, max: 3 }),
        async (delim, records, eol, chunk, shift) => {
          // A first cell that is never blank, so that no record is a blank line; unquoted cells
          // cannot hold the delimiter, a line break, or start with a quote.
          // All records as wide as the first (the header), which decides the columns read.
          const width = records[0]!.length;
          const rows = records.map((cells, i) => [
            { t: `r${i}`, q: false },
            ...Array.from({ length: width }, (_, k) => cells[k] ?? { t: '', q: false }).map((c) => (c.q ? c : { t: c.t.split(delim).join('').replace(/^"/, ''), q: false })),
          ]);
          const csv = rows.map((cells) => cells.map((c) => (c.q ? `"${c.t.replace(/"/g, '""')}"` : c.t)).join(delim)).join(eol) + eol;
          const want = parse(csv, { delimiter: delim, relax_column_count: true, relax_quotes: true }) as string[][];
          const bytes = Buffer.from(csv);
          const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).subarray(shift);
          const got = await read(shifted, chunk, delim);
          expect([got.header, ...got.rows.map((r) => r.fields)]).toEqual(want);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('stopBits (four bytes at a time)', () => {
  it('flags exactly the bytes below 0x0e and those equal to the delimiter (the quote, inside a quoted cell)', () => {
    const word = new Uint8Array(4);
    const view = new Int32Array(word.buffer);
    const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
    for (const delim of [0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x200]) {
      const dWord = delim < 0x80 ? Math.imul(delim, 0x01010101) : 0;
      const stops = (b: number) => b < 0x0e || b === delim;
      for (const filler of [0x41, 0x7f, 0x80, 0xc3, 0xff, 0x0e, 0x00, 0x0d, delim & 0xff]) {
        for (let at = 0; at < 4; at++) {
          for (let b = 0; b < 256; b++) {
            word.fill(filler);
            word[at] = b;
            let want = 0;
            for (let k = 0; k < 4; k++) if (stops(word[k]!)) want |= 0x80 << (8 * (little ? k : 3 - k));
            expect(stopBits(view[0]!, dWord) >>> 0, `delimiter ${delim}, byte ${b} at ${at} among ${filler}`).toBe(want >>> 0);
          }
        }
      }
    }
  });
});

describe('readCsv: long records and limits', () => {
  /** The bytes of `parts` (a piece repeated n times as [piece, n]), generated as they are read, in chunks of `chunk` bytes. */
  async function* stream(parts: Array<string | [string, number]>, chunk: number) {
    const out = Buffer.alloc(chunk);
    let used = 0;
    for (const p of parts) {
      const [piece, times] = typeof p === 'string' ? [p, 1] : p;
      const b = Buffer.from(piece);
      for (let i = 0; i < times; i++) {
        for (let at = 0; at < b.length; ) {
          const n = b.copy(out, used, at);
          at += n;
          used += n;
          if (used === chunk) {
            yield Buffer.from(out);
            used = 0;
          }
        }
      }
    }
    if (used) yield Buffer.from(out.subarray(0, used));
  }
  const sink = (rows: Array<{ line: number; width: number; count: number }>) => ({
    header: (f: string[]) => f.map((_, i) => i),
    row: (f: string[], count: number, line: number) => rows.push({ line, width: f.slice(0, count).join('').length, count }),
  });

  it('a 12 MB record in 16 KB chunks is scanned a bounded number of times over, not once per chunk (it took seconds)', async () => {
    const rows: Array<{ line: number; width: number; count: number }> = [];
    const chunks: Buffer[] = [];
    for await (const c of stream(['a,b,c\n1,"', ['xy\n,""', 2 << 20], '",3\n4,5,6\n'], 16 << 10)) chunks.push(c);
    const t0 = performance.now();
    await readCsv(
      (async function* () {
        yield* chunks;
      })(),
      sink(rows),
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(rows).toEqual([
      { line: 2, width: 1 + (5 << 21) + 1, count: 3 },
      { line: 3 + (2 << 20), count: 3, width: 3 },
    ]);
  });

  it('a record over MAX_RECORD_BYTES stops the read at its line, unquoted or with a quote left open (which held the whole rest of the file)', async () => {
    for (const open of ['', '"']) {
      let rows = 0;
      const e = await readCsv(stream(['a,b\n1,2\n', `3,${open}`, ['x', MAX_RECORD_BYTES + 10], '\n7,8\n'], 1 << 20), { header: () => [0, 1], row: () => rows++ }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CsvError);
      expect(e).toMatchObject({ code: 'recordTooLong', line: 3, column: 1 });
      expect(rows).toBe(1);
    }
    // Just under the cap is read.
    const rows: Array<{ line: number; width: number; count: number }> = [];
    await readCsv(stream(['a,b\n', '1,', ['x', MAX_RECORD_BYTES - 3], '\n'], 1 << 20), sink(rows));
    expect(rows).toEqual([{ line: 2, width: MAX_RECORD_BYTES - 2, count: 2 }]);
  });

  it('more than MAX_FIELDS fields stops the read, with the line and the column where they overflow', async () => {
    const e = await readCsv(stream(['a,b\n', 'é', [',', MAX_FIELDS + 5], '\n'], 4096), { header: () => [0], row() {} }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'tooManyFields', line: 2, column: MAX_FIELDS + 2 });
    const rows: Array<{ line: number; width: number; count: number }> = [];
    await readCsv(stream(['a,b\n', 'x', [',', MAX_FIELDS - 1], '\n'], 4096), sink(rows));
    expect(rows[0]!.count).toBe(MAX_FIELDS);
  });

  it('blankFrom agrees with trim() on any text, without decoding the whole field', () => {
    const pieces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u001c', 'a', 'ư', '"', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (arr) => {
        const text = arr.join('');
        const b = Buffer.from(text);
        expect(blankFrom(b, 0, b.length)).toBe(text.trim() === '');
      }),
      { numRuns: 3000 },
    );
  });
});
