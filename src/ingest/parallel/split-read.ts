/**
 * Reading one big file on several threads (split.ts): range 0 in this thread, through the
 * ordinary read; ranges 1… in worker threads (worker.ts), whose accepted records come back in
 * batches and are counted in the one Tally as they arrive (Tally.range keeps superseding exact
 * in any interleaving). Problems, accounting and line numbers are put together at the end. A
 * cut that turns out to fall inside a quoted cell, or a total row above the last range, makes
 * the whole run read again on one thread (SplitFailed).
 *
 * This is the parallel read's one seam with the ingest pass (ingest.ts): splittable() says
 * whether a run may split, startSplit() starts one file's workers and gives range 0 back.
 */
import type { SetAside } from '../date-columns.js';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SPLIT_MIN_BYTES, SPLIT_WORKER } from './workers.js';
import { rangeSource, splitPoints } from './split.js';
import { runRangeWorker, type RangeWorker, type WorkerPool } from './pool.js';
import type { RangeRead } from './protocol.js';
import type { DataStart } from '../peek.js';
import type { IngestOptions } from '../options.js';
import type { InputSource } from '../source.js';
import type { Tally } from '../../indicators/tally.js';
import { CcchError } from '../../model/errors.js';
import type { InputReport } from '../../model/accounting.js';
import type { Problem } from '../../model/problem.js';
import type { Kind } from '../../model/kinds.js';
import { mergeUnknown } from '../unknown-values.js';
import { FIELDS } from '../contract.js';

/** Whether the options let files be read in byte ranges on several threads. */
export function splittable(opts: IngestOptions): boolean {
  return (
    (opts.threads ?? 1) > 1 &&
    !opts.internal?.csvReader &&
    !opts.internal?.codeIndex &&
    !opts.internal?.unitTier &&
    !opts.internal?.makeTally &&
    !opts.observer &&
    // A failed split reads everything again: every input must be a file.
    opts.inputs.every((s) => s.path !== undefined) &&
    (!opts.units || opts.units.path !== undefined) &&
    (opts.encoding === undefined || opts.encoding === 'utf-8') &&
    SPLIT_WORKER.protocol === 'file:' &&
    existsSync(fileURLToPath(SPLIT_WORKER))
  );
}

/** A split read that cannot give the one-thread result: read everything again on one thread. */
export class SplitFailed extends Error {
  constructor(
    readonly file: string,
    readonly ranges: number,
  ) {
    super(`${file}: read again on one thread`);
  }
}

export interface SplitRead {
  file: number;
  ranges: number;
  /** Range 0, for the ordinary read. */
  first: InputSource;
  /** Bytes read so far, all ranges together (range 0's as given). */
  bytes(range0: number): number;
  /** Waits for the workers and puts their problems and accounting into `report`. */
  finish(report: InputReport, range0: { endLine: number | null; totalLine: number | null }): Promise<{ problems: Problem[]; problemCount: number; totalLine: number | null }>;
  stop(): void;
}

/**
 * Starts reading a record list in byte ranges: workers for ranges 1…, whose records go into
 * `tally` as file `file` as they come; range 0 is left to the caller. Null when the file is
 * not worth splitting or cannot be (not plain UTF-8 text, no record start near a cut).
 */
export async function startSplit(
  pool: WorkerPool,
  opts: IngestOptions,
  source: InputSource,
  ds: DataStart,
  maxProblems: number,
  tally: Tally,
  onProgress: (total: number) => void,
  setAside: readonly SetAside[] = [],
): Promise<SplitRead | null> {
  const path = source.path!;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return null; // the one-thread read reports it
  }
  if (size < (opts.internal?.splitMinBytes ?? SPLIT_MIN_BYTES)) return null;
  const points = await splitPoints(path, size, ds.offset, Math.floor(opts.threads ?? 1), ds.delimiter, ds.width, opts.internal?.cuts);
  if (points.length === 0) return null;
  const bounds = [0, ...points, size];
  const n = bounds.length - 1;
  const file = tally.addFile();
  const units = opts.units?.path !== undefined ? { path: opts.units.path, name: opts.units.name } : undefined;
  const seen = new Array<number>(n).fill(0);
  const workers: RangeWorker[] = [];
  for (let k = 1; k < n; k++) {
    const unitMap: number[] = [];
    workers.push(
      runRangeWorker(
        pool,
        {
          plan: opts.plan,
          period: opts.period,
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          path,
          name: source.name,
          ranges: [
            [0, ds.offset],
            [bounds[k]!, bounds[k + 1]!],
          ],
          units,
          delimiter: opts.delimiter,
          ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
          setAside: [...setAside],
          maxProblems,
          ...(opts.mapping ? { mapping: opts.mapping } : {}),
        },
        (batch) => tally.addBatch(batch, file, k, unitMap),
        (b) => {
          seen[k] = Math.max(0, b - ds.offset);
          onProgress(seen.reduce((a, c) => a + c, 0));
        },
      ),
    );
  }
  const stop = () => workers.forEach((w) => w.stop());
  return {
    file,
    ranges: n,
    first: rangeSource(path, source.name, [[0, bounds[1]!]]),
    bytes(range0) {
      seen[0] = range0;
      return seen.reduce((a, b) => a + b, 0);
    },
    stop,
    async finish(report, range0) {
      const reads: RangeRead[] = [];
      let start = range0.endLine!; // the line range 1 begins on
      for (let k = 1; k < n; k++) {
        // A total row above this range would make it footer: not what was counted.
        const above = k === 1 ? range0.totalLine : reads[k - 2]!.totalLine;
        if (above !== null) throw new SplitFailed(source.name, n);
        let r: RangeRead;
        try {
          r = await workers[k - 1]!.result;
        } catch (e) {
          stop();
          if (k < n - 1 && e instanceof CcchError && e.code === 'input.unclosedQuote') throw new SplitFailed(source.name, n);
          if (e instanceof CcchError && e.where.line !== undefined) throw e.at({ ...e.where, line: e.where.line + start - ds.line });
          throw e;
        }
        reads.push(r);
        const shift = start - ds.line;
        if (k < n - 1) start = r.endLine! + shift;
      }
      const problems: Problem[] = [];
      let problemCount = 0;
      let totalLine = range0.totalLine;
      let begin = range0.endLine!;
      reads.forEach((r, i) => {
        const shift = begin - ds.line;
        report.rows += r.report.rows;
        report.rejected += r.report.rejected;
        report.excluded += r.report.excluded;
        report.excludedBy.asOf += r.report.excludedBy.asOf;
        report.excludedBy.notAccepted += r.report.excludedBy.notAccepted;
        report.warnings += r.report.warnings;
        report.skipped.total += r.report.skipped.total;
        report.skipped.footer += r.report.skipped.footer;
        for (const p of r.problems) if (problems.length < maxProblems) problems.push({ ...p, line: p.line === null ? null : p.line + shift });
        problemCount += r.problemCount;
        if (r.totalLine !== null) totalLine = r.totalLine + shift;
        if (i < reads.length - 1) begin = r.endLine! + shift;
      });
      report.bytes = size;
      if (reads.some((r) => r.report.unknownValues.length)) {
        report.unknownValues = mergeUnknown([report.unknownValues, ...reads.map((r) => r.report.unknownValues)], FIELDS[report.dataset as Kind]?.map((f) => f.field));
      }
      return { problems, problemCount, totalLine };
    },
  };
}

