/**
 * `-o FILE`: the output to a file, whole or not at all, its format told by the extension unless
 * --format says; refusals before any work (an unknown extension, a directory, a missing one, a
 * binary format on a terminal).
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch, fakeIo } from '../helpers.js';
import { checkTarget } from '../../src/cli/context.js';
import type { Formats } from '../../src/report/render.js';
import { CcchError } from '../../src/model/errors.js';

const HAND = ['fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv'];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccch-out-'));
});

describe('-o FILE', () => {
  it('writes the output to the file, not to stdout, and keeps the exit code', async () => {
    const file = join(dir, 'ket-qua.json');
    const r = await ccch(['score', ...HAND, '-o', file]);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json).toEqual(JSON.parse((await ccch(['score', ...HAND, '--format', 'json'])).stdout));
    expect(readdirSync(dir)).toEqual(['ket-qua.json']); // no temporary file left
  });

  it('takes the format from the extension, --format over it, and the table without either', async () => {
    const txt = join(dir, 'bang.txt');
    await ccch(['score', ...HAND, '--output', txt]);
    expect(readFileSync(txt, 'utf8')).toBe((await ccch(['score', ...HAND])).stdout);
    const forced = join(dir, 'bang.json');
    await ccch(['score', ...HAND, '-o', forced, '--format', 'table']);
    expect(readFileSync(forced, 'utf8')).toBe(readFileSync(txt, 'utf8'));
    const bare = join(dir, 'KET-QUA');
    await ccch(['plan', '-o', bare]);
    expect(readFileSync(bare, 'utf8')).toBe((await ccch(['plan'])).stdout);
    const upper = join(dir, 'KE-HOACH.JSON');
    await ccch(['plan', '-o', upper]);
    expect(JSON.parse(readFileSync(upper, 'utf8')).kind).toBe('plan');
  });

  it('writes no colors into a file, whatever FORCE_COLOR says', async () => {
    const file = join(dir, 'bang.txt');
    await ccch(['score', ...HAND, '-o', file], { env: { FORCE_COLOR: '3' } });
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b[');
  });

  it('"-" is standard output', async () => {
    expect((await ccch(['plan', '-o', '-', '--format', 'json'])).stdout).toBe((await ccch(['plan', '--format', 'json'])).stdout);
  });

  it('refuses, before reading anything, an extension no format has, a directory, a missing directory', async () => {
    const pdf = await ccch(['score', 'fixtures/nope.csv', '-o', join(dir, 'x.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toBe(`ccch: -o "${join(dir, 'x.pdf')}": không biết định dạng nào theo đuôi tệp này; dùng --format, hoặc đuôi .txt, .json, .md, .markdown, .csv, .xlsx, .html, .htm, .xml\n`);
    mkdirSync(join(dir, 'sub'));
    const isDir = await ccch(['score', 'fixtures/nope.csv', '-o', join(dir, 'sub'), '--lang', 'en']);
    expect(isDir.stderr).toBe(`ccch: -o "${join(dir, 'sub')}": cannot write the file (it is a directory)\n`);
    const missing = await ccch(['score', 'fixtures/nope.csv', '-o', join(dir, 'no', 'x.txt')]);
    expect(missing.stderr).toBe(`ccch: -o "${join(dir, 'no', 'x.txt')}": không ghi được tệp (không có thư mục này)\n`);
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it('writes nothing when the run fails', async () => {
    const file = join(dir, 'ket-qua.json');
    const r = await ccch(['score', 'fixtures/bad/unclosed-quote.csv', '-o', file]);
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a binary format', () => {
  const formats: Formats<unknown> = [
    { name: 'table', readme: '', load: async () => ({ render: () => '' }) },
    { name: 'xlsx', readme: '', binary: true, load: async () => ({ render: () => new Uint8Array() }) },
  ];
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e instanceof CcchError ? e.code : e;
    }
    return null;
  };

  it('is never written to a terminal, only to a file or a pipe', () => {
    const tty = fakeIo({ tty: { stdout: true } });
    expect(refusal(() => checkTarget(formats, { format: 'xlsx' }, tty))).toBe('usage.binaryToTerminal');
    expect(refusal(() => checkTarget(formats, { format: 'xlsx', output: '-' }, tty))).toBe('usage.binaryToTerminal');
    expect(refusal(() => checkTarget(formats, { format: 'xlsx', output: join(dir, 'a.xlsx') }, tty))).toBeNull();
    expect(refusal(() => checkTarget(formats, { format: 'xlsx' }, fakeIo()))).toBeNull();
    expect(refusal(() => checkTarget(formats, { format: 'table' }, tty))).toBeNull();
  });
});
