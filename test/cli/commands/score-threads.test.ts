/**
 * `--threads`: a big export read in byte ranges on several threads prints exactly what one
 * thread prints (the built binary: its workers run dist/; the exhaustive checks are in
 * test/ingest/parallel/split.test.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch, ccchProcess } from '../../helpers.js';
import { generateFile } from '../../../scripts/generate.mjs';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccch-threads-'));
  file = join(dir, 'ho-so.csv');
  generateFile({ kind: 'dossiers', rows: 12_000, seed: 17 }, file); // ~3 MB: three ranges of ~1 MB
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The file is below the size from which ccch splits a file (SPLIT_MIN_BYTES); the tests lower it.
const SPLIT = { CCCH_SPLIT_MIN_BYTES: String(1 << 20) };

describe('ccch score --threads', () => {
  // One thread in this process (no worker: the same output as the binary's, test/golden.test.ts), several through the binary.
  it('prints the same table and JSON on 1, 2 and 3 threads', async () => {
    expect(statSync(file).size).toBeGreaterThan(1 << 20);
    for (const [format, threads] of [['table', '2'], ['json', '3']] as const) {
      const one = await ccch(['score', file, '--by', 'unit', '--format', format, '--threads', '1']);
      expect(one.code).toBe(1);
      const many = ccchProcess(['score', file, '--by', 'unit', '--format', format, '--threads', threads], { env: SPLIT });
      expect(many.code).toBe(one.code);
      expect(many.stderr).toBe(one.stderr);
      expect(many.stdout).toBe(one.stdout);
    }
  }, 60_000);

  it('validate too', async () => {
    const one = await ccch(['validate', file, '--format', 'json', '--threads', '1']);
    const two = ccchProcess(['validate', file, '--format', 'json', '--threads', '2'], { env: SPLIT });
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);
});
