/**
 * Starting split workers early (src/ingest/workers.ts). Workers run the built code, so this
 * test calls dist/ingest/parallel/workers.js (npm test builds first).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ROOT } from '../../helpers.js';

type Workers = typeof import('../../../src/ingest/parallel/workers.js');
let w: Workers;
let dir: string;
let big: string;
const taken: Worker[] = [];

beforeAll(async () => {
  w = (await import(pathToFileURL(join(ROOT, 'dist/ingest/parallel/workers.js')).href)) as Workers;
  dir = mkdtempSync(join(tmpdir(), 'ccch-workers-'));
  big = join(dir, 'big.csv');
  writeFileSync(big, 'Mã hồ sơ,Đơn vị\nA,Sở Tư pháp\n');
});
afterAll(async () => {
  await Promise.all(taken.map((t) => t.terminate()));
  rmSync(dir, { recursive: true, force: true });
});

/** Prewarms for `args` (with files of 1 byte or more counting as big), takes what it started, and says how many. */
function started(args: string[], env: NodeJS.ProcessEnv = { CCCH_SPLIT_MIN_BYTES: '1' }): number {
  w.prewarm(['node', 'ccch', ...args], env);
  const n = w.prewarmedCount();
  for (let i = 0; i < n; i++) taken.push(w.spawnSplitWorker());
  expect(w.prewarmedCount()).toBe(0); // spawnSplitWorker takes the early ones first
  return n;
}

describe('prewarm', () => {
  it('starts threads − 1 workers for score or validate of a big file', () => {
    expect(started(['score', big, '--threads', '3'])).toBe(2);
    expect(started(['validate', '--threads=2', big])).toBe(1);
    expect(started(['score', big])).toBe(w.defaultThreads() - 1);
  });

  it('does not hand out a worker that stopped before it was taken (its end would never be heard of)', async () => {
    const [a, b] = w.prewarm(['node', 'ccch', 'score', big, '--threads', '3'], { CCCH_SPLIT_MIN_BYTES: '1' });
    expect(w.prewarmedCount()).toBe(2);
    const gone = new Promise((resolve) => b!.once('exit', resolve));
    await b!.terminate();
    await gone;
    expect(w.alive(b!)).toBe(false);
    const got = w.spawnSplitWorker();
    taken.push(got);
    expect(got).toBe(a);
    expect(w.prewarmedCount()).toBe(0);
  });

  it('starts none for one thread, another command, no big file or a --threads it cannot read', () => {
    expect(started(['score', big, '--threads', '1'])).toBe(0);
    expect(started(['plan', big, '--threads', '2'])).toBe(0);
    expect(started(['score', big, '--threads', '2'], {})).toBe(0); // 128 MiB by default
    expect(started(['score', join(dir, 'missing.csv'), '--threads', '2'])).toBe(0);
    expect(started(['score', '-', '--threads', '2'])).toBe(0);
    expect(started(['score', big, '--threads', 'many'])).toBe(0);
  });
});

describe('a worker\'s error crosses the thread boundary as data, never a stack', () => {
  type Errors = typeof import('../../../src/model/errors.js');
  /** Runs the split worker on one job and gives back the error it posts. */
  async function workerError(job: Record<string, unknown>): Promise<Record<string, unknown>> {
    const worker = w.spawnSplitWorker();
    taken.push(worker);
    return new Promise((resolve, reject) => {
      worker.on('message', (m: { type: string; error?: Record<string, unknown> }) => {
        if (m.type === 'error') resolve(m.error!);
        else if (m.type === 'done') reject(new Error('the job did not fail'));
      });
      worker.on('error', reject);
      worker.postMessage({ type: 'job', job });
    });
  }

  it('a CcchError as its code, parameters and place; anything else as its message alone', async () => {
    const errors = (await import(pathToFileURL(join(ROOT, 'dist/model/errors.js')).href)) as Errors;
    const { loadPlan } = (await import(pathToFileURL(join(ROOT, 'dist/plan/load.js')).href)) as typeof import('../../../src/plan/load.js');
    const { parsePeriod } = (await import(pathToFileURL(join(ROOT, 'dist/model/period.js')).href)) as typeof import('../../../src/model/period.js');
    const bad = join(dir, 'nul.csv');
    writeFileSync(bad, 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nA,Sở Tư pháp,2023-01-02\nB,Sở\0,2023-01-02\n');
    const job = { plan: await loadPlan(), period: parsePeriod('2023'), path: bad, name: 'nul.csv', ranges: [[0, 200]], maxProblems: 10 };
    const coded = await workerError(job);
    expect(coded).toEqual({ kind: 'input', code: 'input.binary', params: {}, where: { file: 'nul.csv', line: 3, column: 5 } });
    const revived = errors.reviveError(coded as Parameters<Errors['reviveError']>[0]);
    expect(revived).toBeInstanceOf(errors.CcchError);
    expect(revived).toMatchObject({ code: 'input.binary', where: { file: 'nul.csv', line: 3, column: 5 } });

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nA,Sở Tư pháp,2023-01-02\n');
    const other = await workerError({ ...job, path: good, plan: null });
    expect(Object.keys(other)).toEqual(['message']);
    expect(other.message).not.toMatch(/\n\s+at /);
    expect(JSON.stringify([coded, other])).not.toMatch(/stack|\.js:\d+/);
  });
});
