#!/usr/bin/env node
/**
 * Build step: parses and validates every bundled plan (plan/*.yaml) once and writes it as JSON
 * to dist/plan-cache/<name>.yaml.json with the SHA-256 of the YAML, for loadPlan to use instead
 * of parsing the YAML again on every run (see src/plan/load.ts). Runs after tsc.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAN_CACHE_DIR } from '../dist/plan/load.js';
import { parsePlan } from '../dist/plan/parse.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(PLAN_CACHE_DIR, { recursive: true });
for (const name of readdirSync(join(ROOT, 'plan')).filter((f) => f.endsWith('.yaml'))) {
  const src = readFileSync(join(ROOT, 'plan', name), 'utf8');
  const plan = parsePlan(src, `plan/${name}`);
  const sha256 = createHash('sha256').update(src).digest('hex');
  writeFileSync(join(PLAN_CACHE_DIR, `${name}.json`), JSON.stringify({ sha256, plan }));
}
