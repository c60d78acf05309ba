/**
 * Byte ranges of one delimited-text file, so that its records can be read on several threads
 * (score.ts reads range 0 itself and hands the others to worker threads, ingest/split-worker.ts).
 *
 * A range starts right after a line feed. Whether that line feed ends a record or lies inside a
 * quoted cell cannot be known without reading everything before it, so the split is a guess,
 * checked afterwards: the reader of range k stops at the start of range k + 1, and if that start
 * was inside a quoted cell, range k ends in an unclosed quote (CsvError "unclosedQuote") — the
 * one sign of a wrong guess, since range k itself began at a checked record start. Then the file
 * is read again on one thread. Nothing else depends on where a range starts: each range is read
 * after the file's own header (the bytes before its first data row), so it sees the same
 * columns, and its line numbers are shifted afterwards by the lines of the ranges before it.
 *
 * To make a wrong guess rare, a candidate start is taken only when the line that follows it
 * reads as one whole record of the header's width (`width` cells, no quoted line break, no
 * quote inside an unquoted cell — the mark of a quoted cell's tail).
 */
import { open } from 'node:fs/promises';
import type { InputSource } from '../source.js';
import { readRanges } from '../source.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** How far past each cut a range start is looked for. */
const WINDOW = 256 * 1024;
/**
 * The main thread's extra work, as a share of the reading: besides its own range it counts every
 * range's records in the code index, and the workers start a little after it. Its range is made
 * that much shorter so that all threads finish together (tuned on the bench with traced finish
 * times, the worker started early by prewarm: at 0.16 the main thread finished its range a
 * median ~0.13 s after the worker, at 0.2 ~0.12 s before it; either way ±0.2 s from run to run).
 */
export const COUNTING_SHARE = 0.18;

/** Where to cut [dataStart, size) into `parts` ranges: range 0 shorter by COUNTING_SHARE, the others equal. */
export function cutTargets(size: number, dataStart: number, parts: number): number[] {
  const each = (1 + COUNTING_SHARE) / parts;
  const first = Math.max(each - COUNTING_SHARE, 0.5 / parts);
  const rest = (1 - first) / (parts - 1);
  return Array.from({ length: parts - 1 }, (_, i) => dataStart + Math.round((size - dataStart) * (first + i * rest)));
}

/**
 * Starts of ranges 1 … parts − 1 of the file's bytes [dataStart, size) near cutTargets(), each
 * right after a line feed, increasing, with the line after it a plausible record (see the module
 * comment). Fewer (possibly none) when no such line is found near a cut.
 */
export async function splitPoints(
  path: string,
  size: number,
  dataStart: number,
  parts: number,
  delimiter: number,
  width: number,
  /** For tests: cut at these offsets instead (each moved past the next line feed, the line after it unchecked). */
  cuts?: readonly number[],
): Promise<number[]> {
  const points: number[] = [];
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(WINDOW);
    const targets = cuts ?? cutTargets(size, dataStart, parts);
    for (const cut of targets) {
      if (points.length && cut <= points[points.length - 1]!) continue;
      const { bytesRead } = await fh.read(buf, 0, WINDOW, cut);
      const window = buf.subarray(0, bytesRead);
      const lf = window.indexOf(0x0a);
      const at = cuts ? (lf < 0 ? -1 : lf + 1) : firstRecordStart(window, delimiter, width);
      if (at < 0) continue;
      const p = cut + at;
      if (p > dataStart && p < size && (points.length === 0 || p > points[points.length - 1]!)) points.push(p);
    }
  } finally {
    await fh.close();
  }
  return points;
}

/**
 * In b (bytes from somewhere inside a file): the offset just after the first line feed whose
 * next line holds exactly `width` cells and ends before b does, with no quoted line break; -1
 * when there is none.
 */
export function firstRecordStart(b: Uint8Array, delimiter: number, width: number): number {
  let lf = b.indexOf(LF);
  while (lf >= 0 && lf + 1 < b.length) {
    const start = lf + 1;
    const end = wholeRecordEnd(b, start, delimiter, width);
    if (end >= 0) return start;
    lf = b.indexOf(LF, start);
  }
  return -1;
}

/** The end of the one-line record of `width` cells at b[start…], or -1. */
function wholeRecordEnd(b: Uint8Array, start: number, delimiter: number, width: number): number {
  let pos = start;
  let cells = 0;
  for (;;) {
    if (pos < b.length && b[pos] === QUOTE) {
      pos++;
      for (;;) {
        if (pos >= b.length) return -1;
        const c = b[pos]!;
        if (c === QUOTE) {
          if (b[pos + 1] === QUOTE) {
            pos += 2;
            continue;
          }
          pos++;
          break;
        }
        if (c === LF || c === CR) return -1;
        pos++;
      }
    }
    for (; pos < b.length && b[pos] !== delimiter && b[pos] !== LF && b[pos] !== CR; pos++) {
      // A quote inside an unquoted cell: more likely the tail of a quoted cell that began above.
      if (b[pos] === QUOTE) return -1;
    }
    if (pos >= b.length) return -1;
    cells++;
    if (b[pos] === delimiter) {
      pos++;
      continue;
    }
    return cells === width ? pos : -1;
  }
}

/**
 * A source made of byte ranges [start, end) of one file, read one after another as if they were
 * one file (a range's header prefix, then its records). `gate`, when given, is awaited before
 * each chunk (a worker waiting for the main thread to catch up).
 */
export function rangeSource(path: string, name: string, ranges: ReadonlyArray<readonly [number, number]>, gate?: () => Promise<void>): InputSource {
  return {
    name,
    size: ranges.reduce((n, [a, b]) => n + Math.max(0, b - a), 0),
    async open(opts) {
      if (opts?.reuse) return readRanges(path, name, ranges, gate);
      // Fresh buffers for a reader that keeps its chunks (the header peek).
      return (async function* () {
        for await (const chunk of readRanges(path, name, ranges, gate)) yield Buffer.from(chunk);
      })();
    },
  };
}

/** The byte offset where line `line` (1-based, counted as the CSV reader counts: LF, CRLF or a lone CR) begins in `b`, or -1. */
export function lineOffset(b: Uint8Array, line: number): number {
  let l = 1;
  if (line === 1) return 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === LF || (c === CR && b[i + 1] !== LF)) {
      if (c === CR && i + 1 >= b.length) return -1; // a CR at the end: a CRLF may follow
      l++;
      if (l === line) return i + 1;
    }
  }
  return -1;
}
