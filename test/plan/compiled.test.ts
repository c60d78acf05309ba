/** The build's compiled plans (scripts/compile-plans.mjs → dist/plan-cache/) and loadPlan's use of them. */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PLAN } from '../../src/plan/load.js';
import { parsePlan } from '../../src/plan/parse.js';
import { ROOT } from '../helpers.js';

/** The built module, which finds dist/plan-cache/ beside it (the source tree has none). */
const built = async () => (await import(pathToFileURL(join(ROOT, 'dist/plan/load.js')).href)) as typeof import('../../src/plan/load.js');

const CACHE = join(ROOT, 'dist/plan-cache/dong-nai-2023.yaml.json');

describe('compiled plans', () => {
  it('the build wrote the bundled plan, keyed by its YAML, equal to a fresh parse', () => {
    expect(existsSync(CACHE)).toBe(true); // npm test builds first
    const src = readFileSync(DEFAULT_PLAN, 'utf8');
    const cached = JSON.parse(readFileSync(CACHE, 'utf8'));
    expect(cached.sha256).toBe(createHash('sha256').update(src).digest('hex'));
    expect(cached.plan).toEqual(parsePlan(src, 'plan/dong-nai-2023.yaml'));
  });

  it('loadPlan gives the same plan either way, and parses a changed file instead of trusting the cache', async () => {
    const { loadPlan, PLAN_CACHE_DIR } = await built();
    expect(existsSync(join(PLAN_CACHE_DIR, 'dong-nai-2023.yaml.json'))).toBe(true);
    const src = readFileSync(DEFAULT_PLAN, 'utf8');
    expect(await loadPlan()).toEqual(parsePlan(src, 'x'));
    const dir = mkdtempSync(join(tmpdir(), 'ccch-plan-'));
    const changed = join(dir, 'dong-nai-2023.yaml'); // same name as the compiled one
    try {
      writeFileSync(changed, src.replace('year: 2023', 'year: 2024'));
      expect(src).toContain('year: 2023');
      expect((await loadPlan(changed)).plan.year).toBe(2024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
