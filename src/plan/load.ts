/**
 * Plan YAML → validated model. Any fault is a CcchError naming the file, line and column
 * and, for schema faults, the path of the bad key (indicators[2].targets.so).
 */
import { stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan } from './schema.js';
import { CcchError, planError } from '../model/errors.js';
import { readCapped } from '../util/files.js';

export const DEFAULT_PLAN = fileURLToPath(new URL('../../plan/dong-nai-2023.yaml', import.meta.url));

/**
 * Plans are small (the bundled one is 124 KB); a file larger than this is refused, counting
 * the bytes read, not the size `stat` gives (a FIFO or /dev/zero has none).
 */
export const MAX_PLAN_BYTES = 4 << 20;
export async function loadPlan(file: string = DEFAULT_PLAN, shownAs: string = file): Promise<Plan> {
  let src: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw planError({ file: shownAs }, 'plan.directory');
    const tooLarge = () => planError({ file: shownAs }, 'plan.tooLarge', { limit: `${MAX_PLAN_BYTES >> 20} MiB` });
    if (st.isFile() && st.size > MAX_PLAN_BYTES) throw tooLarge();
    const bytes = await readCapped(file, MAX_PLAN_BYTES);
    if (bytes === null) throw tooLarge();
    src = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof CcchError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw planError({ file: shownAs }, 'plan.notFound');
    throw planError({ file: shownAs }, 'plan.unreadable', { detail: String(code ?? e) });
  }
  return compiledPlan(file, src) ?? (await import('./parse.js')).parsePlan(src, shownAs);
}

/**
 * The build (scripts/compile-plans.mjs) parses and validates the bundled plans once and writes
 * them as JSON beside the code, keyed by the SHA-256 of the YAML: parsing 120 KB of YAML costs
 * more time and memory than scoring a small export. Used only when the file's bytes are
 * exactly those compiled; anything else is parsed as usual.
 */
export const PLAN_CACHE_DIR = fileURLToPath(new URL('../plan-cache/', import.meta.url));

function compiledPlan(file: string, src: string): Plan | undefined {
  let cached: { sha256?: string; plan?: Plan };
  try {
    cached = JSON.parse(readFileSync(`${PLAN_CACHE_DIR}${basename(file)}.json`, 'utf8'));
  } catch {
    return undefined;
  }
  if (cached.sha256 !== createHash('sha256').update(src).digest('hex')) return undefined;
  return cached.plan;
}
