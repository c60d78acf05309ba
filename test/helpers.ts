/** Shared test helpers: score in-memory CSV text or fixture files through the real pipeline. */
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadPlan } from '../src/plan/load.js';
import { score } from '../src/pipeline/score.js';
import { fileSource, streamSource } from '../src/ingest/source.js';
import { parsePeriod } from '../src/model/period.js';
import type { Plan } from '../src/plan/schema.js';
import { CcchError } from '../src/model/errors.js';
import { errorText } from '../src/i18n/errors.js';
import type { Score } from '../src/model/result.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

let planCache: Plan | undefined;
export async function plan(): Promise<Plan> {
  planCache ??= await loadPlan();
  return planCache;
}

export interface TextInput {
  name: string;
  text: string | Buffer;
  /** Split the text into chunks of this many bytes (to test chunk boundaries). */
  chunk?: number;
}

export function textSource(t: TextInput) {
  const buf = typeof t.text === 'string' ? Buffer.from(t.text, 'utf8') : t.text;
  const size = t.chunk ?? buf.length;
  async function* gen() {
    for (let i = 0; i < buf.length; i += Math.max(1, size)) yield buf.subarray(i, i + Math.max(1, size));
  }
  return streamSource(t.name, gen());
}

export async function scoreFiles(files: string[], period = '2023', byUnit = false): Promise<Score> {
  return score({ plan: await plan(), period: parsePeriod(period), inputs: files.map((f) => fileSource(fixture(f), f)), byUnit });
}

export async function scoreTexts(texts: TextInput[], period = '2023', byUnit = false): Promise<Score> {
  return score({ plan: await plan(), period: parsePeriod(period), inputs: texts.map(textSource), byUnit });
}

/** `indicator/tier` → "n/N" for the tier and province rows. */
export function counts(s: Score): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of s.results) if (r.unit === null) out[`${r.indicator}/${r.tier}`] = `${r.numerator}/${r.denominator}`;
  return out;
}

export function statusOf(s: Score, indicator: string, tier: string, unit: string | null = null) {
  return s.results.find((r) => r.indicator === indicator && r.tier === tier && r.unit === unit)?.status;
}

export const BIN = join(ROOT, 'bin/ccch.js');

/** Spawns the built binary as users run it (NO_COLOR=1): exit code, stdout, stderr. */
export function ccch(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: opts.input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CcchError a promise is refused with, and its English text (`en`), for toMatchObject. */
export async function refused(p: Promise<unknown>): Promise<CcchError & { en: string }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof CcchError)) throw e;
    return Object.assign(e, { en: errorText(e, 'en') });
  }
  throw new Error('expected a refusal');
}
