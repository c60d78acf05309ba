/**
 * A split worker's read of its byte range (worker.ts): the file's header, then its range, through
 * the same ingest pass as the main thread, its records going to the tally `makeTally` makes (a
 * RecordBatcher, which hands them to the main thread).
 */
import { rangeSource } from './split.js';
import type { RangeJob, RangeRead } from './protocol.js';
import { ingestFiles } from '../ingest.js';
import { readSideFiles } from '../side/read.js';
import { fileSource } from '../source.js';
import type { Tally } from '../../indicators/tally.js';
import type { Plan } from '../../plan/schema.js';
import type { Period } from '../../model/period.js';

export async function readRange(
  job: RangeJob,
  hooks: { gate: () => Promise<void>; makeTally: (indicators: Plan['indicators'], period: Period) => Tally; onProgress: (bytes: number) => void },
): Promise<RangeRead> {
  const units = job.units ? fileSource(job.units.path, job.units.name) : undefined;
  // The units file is read again for its tiers; its problems are the main thread's to report.
  const side = await readSideFiles({ units }, 0);
  const r = await ingestFiles(
    {
      plan: job.plan,
      period: job.period,
      ...(job.asOf !== undefined ? { asOf: job.asOf } : {}),
      inputs: [rangeSource(job.path, job.name, job.ranges, hooks.gate)],
      maxProblems: job.maxProblems,
      delimiter: job.delimiter,
      ...(job.dateOrder ? { dateOrder: job.dateOrder } : {}),
      ...(job.mapping ? { mapping: job.mapping } : {}),
      onProgress: (_f, b) => hooks.onProgress(b),
      internal: { makeTally: hooks.makeTally, setAside: job.setAside },
    },
    { units: side.units, reports: [], refused: [], problems: [], problemCount: 0 },
  );
  return { report: r.inputs[0]!, problems: r.problems, problemCount: r.problemCount, endLine: r.read[0]!.endLine, totalLine: r.read[0]!.totalLine };
}
