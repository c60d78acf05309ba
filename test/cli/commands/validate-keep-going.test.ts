/**
 * `ccch validate` keeps going (ingest/refusals.ts): a file `score` would refuse is reported as
 * unreadable with its one-line reason, every other file is still checked, the whole report is
 * written in every format, and the exit code is 2. A refused file takes no part: a row of it never
 * supersedes another file's, and fact exports are not joined when a dossier list is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch } from '../../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccch-keep-going-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const HEAD = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\n';
/** HS1 and HS2, counted. */
const A = file('a.csv', `${HEAD}HS1,Sở Tư pháp,05/01/2023\nHS2,Sở Tư pháp,06/01/2023\n`);
/** HS1 again (it would supersede a.csv's), then a quote never closed: refused once its rows have started to count. */
const B_TEXT = `${HEAD}HS1,Sở Tư pháp,07/01/2023\nHS3,"Sở Tư pháp,08/01/2023\nHS4,Sở Tư pháp,09/01/2023\n`;
const B = file('b.csv', B_TEXT);
/** A dossier list without its unit column: refused at its header. */
const NO_UNIT = file('no-unit.csv', 'Mã hồ sơ,Ngày tiếp nhận\nHS9,05/01/2023\n');
/** Online submissions for HS1 and for a code no list has. */
const ONLINE = file('online.csv', 'Mã hồ sơ,Ngày nộp\nHS1,05/01/2023\nZZ9,05/01/2023\n');

type Json = { inputs: Array<Record<string, unknown>>; summary: Record<string, unknown>; problems: Array<Record<string, unknown>> };
const json = async (args: string[], input?: string) => {
  const r = await ccch(['validate', ...args, '--format', 'json'], input === undefined ? {} : { input });
  return { code: r.code, stderr: r.stderr, j: JSON.parse(r.stdout) as Json };
};

describe('validate keeps going', () => {
  it('reports every file whatever happens to another, in the table and the JSON', async () => {
    const t = await ccch(['validate', NO_UNIT, A, 'nope.csv', '--lang', 'en']);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe('');
    expect(t.stdout).toContain(`✗ ${NO_UNIT} (dossiers) — unreadable\n    ${NO_UNIT}:1: dossier file lacks required column: unit (`);
    // One warning: its data stop on 06/01 of the year validated (coverage); clean all the same.
    expect(t.stdout).toContain(`✓ ${A} (dossiers): 2 rows read = 2 counted + 0 rejected + 0 superseded (duplicate code); 1 warning — clean`);
    expect(t.stdout).toContain('✗ nope.csv (kind unknown) — unreadable\n    nope.csv: no such file');
    expect(t.stdout).toContain('Result: 1 of 3 files clean, 2 unreadable.');

    const { code, j } = await json([NO_UNIT, A, 'nope.csv']);
    expect(code).toBe(2);
    expect(j.inputs.map((i) => [i.dataset, i.status, i.rows])).toEqual([
      ['dossiers', 'unreadable', 0],
      ['dossiers', 'clean', 2],
      [null, 'unreadable', 0],
    ]);
    expect(j.inputs[0]!.reason).toMatchObject({ code: 'input.missingRequired', line: 1, column: null });
    expect(j.inputs[2]!.reason).toEqual({ code: 'input.notFound', line: null, column: null, message: 'không tìm thấy tệp' });
    expect(j.inputs[1]!.reason).toBeNull();
    expect(j.summary).toMatchObject({ files: 3, unreadable: 2, rows: 2, counted: 2, verdict: 'unreadable', clean: false });
  });

  it('score still refuses the first such file: exit 2, one line, nothing on stdout', async () => {
    const r = await ccch(['score', A, NO_UNIT]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^ccch: ${NO_UNIT.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1: tệp hồ sơ thiếu cột bắt buộc: đơn vị .*\\n$`));
  });

  it('a file refused after its rows began to count takes no part: the pass runs again without it', async () => {
    const { code, j } = await json([A, B]);
    expect(code).toBe(2);
    // b.csv's HS1 would have superseded a.csv's: with b.csv out, a.csv's two rows count.
    expect(j.inputs[0]).toMatchObject({ file: A, status: 'clean', rows: 2, counted: 2, superseded: 0 });
    expect(j.inputs[1]).toMatchObject({ file: B, status: 'unreadable', rows: 0, counted: 0 });
    expect(j.inputs[1]!.reason).toMatchObject({ code: 'input.unclosedQuote', line: 3, column: 5 });
  });

  it('…unless an input read once (standard input) is among the others: the rows read before the fault keep their part', async () => {
    const { code, j } = await json(['-', B], `${HEAD}HS1,Sở Tư pháp,05/01/2023\nHS2,Sở Tư pháp,06/01/2023\n`);
    expect(code).toBe(2);
    // The quote on line 3 swallows the rest of the file: b.csv gave one row, HS1, which supersedes stdin's HS1.
    expect(j.inputs[0]).toMatchObject({ file: '-', status: 'clean', rows: 2, counted: 1, superseded: 1 });
    expect(j.inputs[1]).toMatchObject({ file: B, status: 'unreadable', rows: 1, counted: 1 });
    const t = await ccch(['validate', '-', B, '--lang', 'en'], { input: `${HEAD}HS1,Sở Tư pháp,05/01/2023\n` });
    expect(t.stdout).toContain(`    ${B}:3:5: quote opened here is never closed\n    ${B} (dossiers): 1 row read = 1 counted`);
  });

  it('fact exports are not joined when a dossier list is refused: no row called unmatched for want of it', async () => {
    const joined = await json([A, ONLINE]);
    expect(joined.code).toBe(1);
    expect(joined.j.inputs[1]).toMatchObject({ dataset: 'online', joined: true, counted: 1, unmatched: 1, status: 'errors' });
    const { code, j } = await json([A, NO_UNIT, ONLINE]);
    expect(code).toBe(2);
    expect(j.inputs[2]).toMatchObject({ dataset: 'online', joined: false, counted: 2, unmatched: 0, status: 'clean' });
    const t = await ccch(['validate', A, NO_UNIT, ONLINE, '--lang', 'en']);
    expect(t.stdout).toContain('2 rows read = 2 counted + 0 rejected + 0 superseded (duplicate code) + 0 unmatched; 0 warnings (not joined: a dossier list is unreadable) — clean');
  });

  it('a summary report that counts a unit twice is refused; the record list is checked', async () => {
    const { code, j } = await json(['fixtures/joins/full.csv', 'fixtures/summary/tong-hop-2023.csv']);
    expect(code).toBe(2);
    expect(j.inputs.map((i) => [i.dataset, i.status, i.counted])).toEqual([
      ['dossiers', 'clean', 12],
      ['summary', 'unreadable', 0],
    ]);
    expect(j.inputs[1]!.reason).toMatchObject({ code: 'input.doubleCounted', line: 2 });
  });

  it('a side file that cannot be read is refused; the exports are read as without it', async () => {
    const { code, j } = await json([A, '--units', NO_UNIT]);
    expect(code).toBe(2);
    expect(j.inputs.map((i) => [i.file, i.dataset, i.status])).toEqual([
      [NO_UNIT, 'units', 'unreadable'],
      [A, 'dossiers', 'clean'],
    ]);
    expect(j.inputs[0]!.reason).toMatchObject({ code: 'input.unitsNameOrCode', line: 1 });
  });
});
