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
