#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { prewarm } from '../dist/ingest/workers.js';

// Keep V8's young generation at its starting size: scoring allocates almost nothing per row,
// so a grown young generation only adds resident memory (~20 MB of a 1M-row run; BENCHMARKS.md).
setFlagsFromString('--semi-space-growth-factor=1');

// A big file's worker threads start now, loading while the CLI's own modules do (src/ingest/workers.ts).
prewarm(process.argv);
const { main } = await import('../dist/cli.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: main() reports its own errors; this only catches bugs.
    process.stderr.write(`ccch: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
