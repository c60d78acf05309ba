/**
 * The split workers (ingest/split-worker.ts): their script, when a file is worth one, how they
 * start — and starting them early. `prewarm`, which bin/ccch.js calls before the CLI's modules
 * load, starts the workers that a `score` or `validate` of a big file will take, so that they
 * load their own modules meanwhile, on the other cores: ~0.1 s sooner than ingest could
 * (score.ts WorkerPool takes them). A worker started for nothing (the guess from the arguments
 * was wrong) does not keep the process alive and costs only its start-up.
 */
import { Worker } from 'node:worker_threads';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export const SPLIT_WORKER = new URL('./worker.js', import.meta.url);

/**
 * Below this size a file is read on one thread: a worker's start-up and the warming up of its
 * compiled code (~0.3 s) cost more than it saves (measured: a 53 MB export took 0.77 s on one
 * thread and 0.99 s on two; 128–192 MB about the same either way; 263 MB 2.8 s and 2.0 s).
 */
export const SPLIT_MIN_BYTES = 128 << 20;

/** The default of --threads: the cores this process may use, at most MAX_THREADS. */
export const MAX_THREADS = 8;
export function defaultThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/** For tests and benchmarks: CCCH_SPLIT_MIN_BYTES lowers the size from which a file is read on several threads. */
export function splitMinFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.CCCH_SPLIT_MIN_BYTES);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const prewarmed: Worker[] = [];

/** Workers started by prewarm and not yet taken (for tests). */
export function prewarmedCount(): number {
  return prewarmed.length;
}

/** A split worker: one started by prewarm if there is one, else a new one. */
export function spawnSplitWorker(): Worker {
  for (let early = prewarmed.pop(); early; early = prewarmed.pop()) {
    if (!alive(early)) continue;
    early.ref(); // now it has work to keep the process alive for
    return early;
  }
  return newWorker();
}

/** Workers that have stopped (or failed to start): whoever takes a worker must not take one of these, whose end it would never hear of. */
const ended = new WeakSet<Worker>();

/** Whether a worker started here is still running. */
export function alive(w: Worker): boolean {
  return !ended.has(w);
}

function newWorker(): Worker {
  // A small young generation: the worker allocates little per row, and a grown one is only resident memory (~10 MB).
  const w = new Worker(SPLIT_WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
  w.on('error', () => {}); // reported to whoever takes it; an idle one that fails is just not used
  w.once('exit', () => ended.add(w));
  return w;
}

/**
 * From the command line alone (before it is parsed): starts threads − 1 workers when the
 * command is `score` or `validate`, --threads is not 1, and an argument names a file of at least
 * SPLIT_MIN_BYTES. A wrong guess either way changes no result: too few, and ingest starts them;
 * too many, and they are left idle.
 */
export function prewarm(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Worker[] {
  const args = argv.slice(2);
  if (args[0] !== 'score' && args[0] !== 'validate') return [];
  let threads = defaultThreads();
  const at = args.findIndex((a) => a === '--threads' || a.startsWith('--threads='));
  if (at >= 0) {
    const v = Number(args[at]!.includes('=') ? args[at]!.slice('--threads='.length) : args[at + 1]);
    if (!Number.isInteger(v) || v < 1 || v > MAX_THREADS) return [];
    threads = v;
  }
  if (threads < 2) return [];
  const min = splitMinFromEnv(env) ?? SPLIT_MIN_BYTES;
  const big = args.slice(1).some((a) => {
    if (a.startsWith('-')) return false;
    try {
      return statSync(a).size >= min;
    } catch {
      return false;
    }
  });
  if (!big) return [];
  const started: Worker[] = [];
  for (let i = 0; i < threads - 1; i++) {
    const w = newWorker();
    w.unref();
    started.push(w);
  }
  prewarmed.push(...started);
  return started;
}
