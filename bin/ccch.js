#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { prewarm } from '../dist/ingest/parallel/workers.js';

// Keep V8's young generation at its starting size: scoring allocates almost nothing per row,
// so a grown young generation only adds resident memory (~20 MB of a 1M-row run; BENCHMARKS.md).
setFlagsFromString('--semi-space-growth-factor=1');

// A big file's worker threads start now, loading while the CLI's own modules do (src/ingest/workers.ts).
prewarm(process.argv);
const { main } = await import('../dist/cli/main.js');

let settled = false;
main(process.argv).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    // Last resort: main() reports its own errors; this only catches bugs.
    process.stderr.write(`ccch: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
// Nothing left to wait for, yet main() has not finished (a bug: a promise nobody will settle):
// never end as if all went well.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write('ccch: internal error: stopped before finishing\n');
  process.exitCode = 2;
});
