#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/cli.js';

// Keep V8's young generation at its starting size: scoring allocates almost nothing per row,
// so a grown young generation only adds resident memory (~20 MB of a 1M-row run; BENCHMARKS.md).
setFlagsFromString('--semi-space-growth-factor=1');

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
