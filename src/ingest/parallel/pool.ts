/**
 * The worker threads of a split read (split-read.ts): started early, handed a range each, their
 * batches passed on as they come.
 */
import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { SPLIT_MIN_BYTES, alive, spawnSplitWorker } from './workers.js';
import type { MainMessage, RangeJob, RangeRead, SplitMessage } from './protocol.js';
import { reviveError } from '../../model/errors.js';
import type { InputSource } from '../source.js';

export interface RangeWorker {
  result: Promise<RangeRead>;
  stop(): void;
}

/**
 * Worker threads started before they are needed: a worker takes ~0.1–0.2 s to load its modules,
 * which it does while this thread reads the side files and the headers. Each waits for its job
 * (a {type: 'job'} message); those left unused are stopped by close().
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  constructor(n: number) {
    for (let i = 0; i < n; i++) this.idle.push(spawnSplitWorker());
  }

  take(): Worker {
    for (let w = this.idle.pop(); w; w = this.idle.pop()) if (alive(w)) return w;
    return spawnSplitWorker();
  }

  close(): void {
    for (const w of this.idle.splice(0)) void w.terminate();
  }
}

/**
 * The worker threads a run may use: threads − 1 when some input is a file big enough to be
 * read in byte ranges (its kind is not known yet; an unused worker costs only its start-up).
 */
export async function poolFor(inputs: readonly InputSource[], threads: number, splitMinBytes: number = SPLIT_MIN_BYTES): Promise<WorkerPool | null> {
  const min = splitMinBytes;
  let big = false;
  for (const src of inputs) {
    const size = await stat(src.path!).then(
      (st) => st.size,
      () => 0,
    );
    if (size >= min) big = true;
  }
  return big ? new WorkerPool(Math.floor(threads) - 1) : null;
}

/** Starts a worker thread reading one range; its errors come back as the CcchError they were. */
export function runRangeWorker(pool: WorkerPool, job: RangeJob, onBatch: (batch: Uint8Array) => void, onProgress: (bytes: number) => void): RangeWorker {
  const worker = pool.take();
  const post = (m: MainMessage, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  post({ type: 'job', job });
  let settled = false;
  const result = new Promise<RangeRead>((resolve, reject) => {
    worker.on('message', (m: SplitMessage) => {
      if (m.type === 'batch') {
        if (settled) return;
        onBatch(m.batch);
        const buffer = m.batch.buffer as ArrayBuffer;
        post({ type: 'ack', buffer }, [buffer]);
      } else if (m.type === 'progress') onProgress(m.bytes);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(reviveError(m.error));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`split worker stopped (exit code ${code})`));
    });
  });
  result.catch(() => {}); // a failure after stop() is not an unhandled rejection
  return {
    result,
    stop() {
      settled = true;
      void worker.terminate();
    },
  };
}

