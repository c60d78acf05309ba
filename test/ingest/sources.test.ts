/**
 * Inputs that are not regular files — a FIFO, a pipe as /dev/stdin, a process substitution —
 * are read once, as a stream (src/ingest/source.ts): before, a FIFO hung (the header peek
 * drained it, then it was opened again), /dev/stdin from a pipe and <(…) failed with ESPIPE
 * (positional reads), and a FIFO given to --units hung once a big file was split (each worker
 * opened it again). The CLI runs as users run it, its output compared with the same files read
 * from disk.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, plan } from '../helpers.js';
import { score } from '../../src/pipeline/score.js';
import { streamSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import { CcchError } from '../../src/model/errors.js';
import { MAX_PEEK_BYTES } from '../../src/ingest/peek.js';

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const hasBash = existsSync('/bin/bash');

/** Runs a shell script in the repository (node is "$CCCH"), with a time limit: a hang fails the test instead of stalling it. */
function sh(script: string, env: Record<string, string> = {}) {
  const r = spawnSync('sh', ['-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 1 << 26,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CCCH: `${process.execPath} ${BIN}`, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const HO_SO = 'fixtures/hand/ho-so-2023.csv';

describe('inputs that are not regular files are read once, as streams', () => {
  it('has mkfifo (coreutils) to make them', () => expect(hasMkfifo).toBe(true));

  const direct = (file: string, extra = '') => sh(`$CCCH validate ${file} --format json ${extra}`);
  /** The JSON output with the input's name put back to what the direct read shows. */
  const renamed = (out: string, from: string, to: string) => out.split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1));

  it('a FIFO export (it hung for ever)', () => {
    const d = mkdtempSync(join(tmpdir(), 'ccch-fifo-'));
    const r = sh(`mkfifo ${d}/p && (cat ${HO_SO} > ${d}/p &) && $CCCH validate ${d}/p --format json`);
    expect(r.signal).toBeNull();
    const want = direct(HO_SO);
    expect(r.code).toBe(want.code);
    expect(renamed(r.stdout, `${d}/p`, HO_SO)).toBe(want.stdout);
  });

  it('/dev/stdin from a pipe and a process substitution (both failed with ESPIPE)', () => {
    const want = direct(HO_SO);
    const piped = sh(`cat ${HO_SO} | $CCCH validate /dev/stdin --format json`);
    expect(piped.stderr).toBe('');
    expect(renamed(piped.stdout, '/dev/stdin', HO_SO)).toBe(want.stdout);
    if (!hasBash) return;
    const r = spawnSync('/bin/bash', ['-c', `${process.execPath} ${BIN} validate <(cat ${HO_SO}) --format json`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    const name = (JSON.parse(r.stdout) as { inputs: Array<{ file: string }> }).inputs[0]!.file;
    expect(name).toMatch(/^\/dev\/fd\/\d+$/);
    expect(renamed(r.stdout, name, HO_SO)).toBe(want.stdout);
  });

  it('a FIFO given to --units while a big export is read on two threads (it hung: each worker opened it again)', () => {
    const d = mkdtempSync(join(tmpdir(), 'ccch-fifo-'));
    const args = 'fixtures/sample/ho-so-2023.csv --threads 2 --format json';
    const env = { CCCH_SPLIT_MIN_BYTES: '1' };
    const r = sh(`mkfifo ${d}/u && (cat fixtures/units/don-vi.csv > ${d}/u &) && $CCCH score ${args} --units ${d}/u`, env);
    expect(r.signal).toBeNull();
    const want = sh(`$CCCH score ${args} --units fixtures/units/don-vi.csv`, env);
    expect(r.code).toBe(want.code);
    expect(renamed(r.stdout, `${d}/u`, 'fixtures/units/don-vi.csv')).toBe(want.stdout);
  });

  it('a workbook through a FIFO is copied to a temporary file once, and the copy removed', () => {
    const d = mkdtempSync(join(tmpdir(), 'ccch-fifo-'));
    const tmp = mkdtempSync(join(tmpdir(), 'ccch-tmp-'));
    const book = 'fixtures/formats/ho-so-2023.xlsx';
    const r = sh(`mkfifo ${d}/p && (cat ${book} > ${d}/p &) && $CCCH validate ${d}/p --format json`, { TMPDIR: tmp });
    const want = direct(book);
    expect(r.code).toBe(want.code);
    expect(renamed(r.stdout, `${d}/p`, book)).toBe(want.stdout);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a plan through a FIFO', () => {
    const d = mkdtempSync(join(tmpdir(), 'ccch-fifo-'));
    const r = sh(`mkfifo ${d}/plan && (cat plan/dong-nai-2023.yaml > ${d}/plan &) && $CCCH validate ${HO_SO} --plan ${d}/plan --format json`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(direct(HO_SO).stdout);
  });
});

describe('the header peek reads at most MAX_PEEK_BYTES', () => {
  it('a stream whose header does not come within them is refused (what the peek reads of a stream, it holds)', async () => {
    const title = Buffer.alloc(12 << 20, 'x');
    async function* gen() {
      for (let i = 0; i < 4; i++) yield Buffer.concat([title, Buffer.from('\n')]);
      yield Buffer.from('Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nHS1,UBND xã An Bình,2023-01-02\n');
    }
    const e = await score({ plan: await plan(), period: parsePeriod('2023'), inputs: [streamSource('-', gen())] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CcchError);
    expect(e).toMatchObject({ code: 'input.headerTooFar', where: { file: '-' }, params: { limit: `${MAX_PEEK_BYTES >> 20} MiB` } });
  });
});
