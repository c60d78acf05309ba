/** Shared test helpers: score in-memory CSV text or fixture files through the real pipeline; run the CLI in-process or as a process. */
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_PLAN, loadPlan } from '../src/plan/load.js';
import { run } from '../src/cli/main.js';
import type { Io, OutStream } from '../src/cli/context.js';
import type { Chunk } from '../src/report/render.js';
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

export async function scoreFiles(files: string[], period = '2023', byUnit = false, allUnits = false): Promise<Score> {
  return score({ plan: await plan(), period: parsePeriod(period), inputs: files.map((f) => fileSource(fixture(f), f)), byUnit, allUnits });
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

export interface RunOptions {
  /** Standard input. */
  input?: string | Buffer;
  /** The environment, besides NO_COLOR=1 (give NO_COLOR: '' for none). */
  env?: Record<string, string>;
  /** Which streams are terminals (and the stdout terminal's width). */
  tty?: { stdout?: boolean; stderr?: boolean; columns?: number };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
export function sink(isTTY = false, columns?: number): OutStream & { chunks: Chunk[]; text(): string } {
  const chunks: Chunk[] = [];
  return {
    isTTY,
    ...(columns !== undefined ? { columns } : {}),
    chunks,
    write(chunk) {
      chunks.push(chunk);
      return true;
    },
    text: () => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8'),
  };
}

/** Plans by file, parsed once per test file (the CLI would parse one per run, ~0.1 s). */
const plans = new Map<string | undefined, Promise<Plan>>();
function cachedPlan(file: string | undefined): Promise<Plan> {
  let p = plans.get(file);
  if (!p) {
    p = loadPlan(file ?? DEFAULT_PLAN, file ?? DEFAULT_PLAN);
    plans.set(file, p);
  }
  return p;
}

/** The Io of an in-process run: stdin from `input`, stdout and stderr kept, the environment as given (NO_COLOR=1 unless told). */
export function fakeIo(opts: RunOptions = {}): Io & { stdout: ReturnType<typeof sink>; stderr: ReturnType<typeof sink> } {
  const input = opts.input;
  return {
    env: { NO_COLOR: '1', ...opts.env },
    stdin: (async function* () {
      if (input !== undefined && input.length > 0) yield Buffer.from(input);
    })(),
    stdout: sink(opts.tty?.stdout, opts.tty?.columns),
    stderr: sink(opts.tty?.stderr),
    loadPlan: cachedPlan,
  };
}

/** Runs `ccch ARGS…` in this process (cli/main.ts run, with a fake Io): exit code, stdout, stderr. */
export async function ccch(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const io = fakeIo(opts);
  const code = await run(args, io);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

/**
 * Spawns the built binary as users run it (NO_COLOR=1): for what needs a process — exit codes
 * through bin/ccch.js, broken pipes, worker threads, prewarm.
 */
export function ccchProcess(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
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

/**
 * What a run gives, to compare two runs whatever becomes of them: what `f` makes of its result,
 * or the code and parameters of the input error it was refused with (a run whose data has no row
 * in the period is refused: docs/domain.md "The judging moment J").
 */
export async function outcome<T, R>(p: Promise<T>, f: (v: T) => R): Promise<R | { refused: string; params: Record<string, string | number> }> {
  try {
    return f(await p);
  } catch (e) {
    if (!(e instanceof CcchError) || e.kind !== 'input') throw e;
    return { refused: e.code, params: e.params };
  }
}
