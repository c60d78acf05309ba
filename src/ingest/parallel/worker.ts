/**
 * A worker thread reading one byte range of a file (see split.ts and split-read.ts startSplit), sent
 * as a {type: 'job'} message once the main thread has chosen the ranges: it
 * runs the same ingest as the main thread over the file's header and its range, with a
 * RecordBatcher for a tally, so that its accepted records go to the main thread in batches
 * (transferred, not copied) and are counted there, in the one code index. It reads ahead of
 * the main thread by a few batches at most, waiting for acknowledgements, so that memory does
 * not grow with the file.
 */
import { parentPort } from 'node:worker_threads';
import { readRange } from './range-read.js';
import type { MainMessage, RangeJob, SplitMessage } from './protocol.js';
import { errorData } from '../../model/errors.js';
import { RecordBatcher } from '../../indicators/batcher.js';

/** Batches handed over and not yet counted, past which reading waits. */
const MAX_IN_FLIGHT = 8;

const port = parentPort!;
const post = (m: SplitMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
let inFlight = 0;
let wake: (() => void) | null = null;
let start: ((job: RangeJob) => void) | null = null;
const jobGiven = new Promise<RangeJob>((resolve) => (start = resolve));
port.on('message', (m: MainMessage) => {
  if (m.type === 'job') {
    start?.(m.job);
    return;
  }
  inFlight--;
  batcher?.recycle(m.buffer);
  const w = wake;
  wake = null;
  w?.();
});
const gate = async () => {
  while (inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
};

// Started ahead of its job (pool.ts WorkerPool): the modules above load while the main thread reads headers.
const job = await jobGiven;
let batcher: RecordBatcher | undefined;
try {
  const r = await readRange(job, {
    gate,
    makeTally: (indicators, period) =>
      (batcher = new RecordBatcher(indicators, period, (batch) => {
        inFlight++;
        post({ type: 'batch', batch }, [batch.buffer as ArrayBuffer]); // the buffer comes back with the ack
      })),
    onProgress: (bytes) => post({ type: 'progress', bytes }),
  });
  batcher?.end();
  post({ type: 'done', result: r });
} catch (e) {
  post({ type: 'error', error: errorData(e) });
}
port.unref();
