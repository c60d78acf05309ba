/**
 * What the main thread and a split worker (worker.ts) tell each other. The main thread posts
 * {type: 'job'} once it has chosen the ranges, then {type: 'ack'} for each batch counted (the
 * batch's buffer comes back with it); the worker posts batches of accepted records, its
 * progress, and at the end its result or its error (as data, never a stack: model/errors.ts).
 */
import type { Plan } from '../../plan/schema.js';
import type { NamedPeriod } from '../../model/period.js';
import type { InputReport } from '../../model/accounting.js';
import type { Problem } from '../../model/problem.js';
import type { ErrorData } from '../../model/errors.js';
import type { Mapping } from '../../model/mapping.js';
import type { SetAside } from '../date-columns.js';

/** A byte range of a file to read as a file of its own (its header, then its records). */
export interface RangeJob {
  plan: Plan;
  period: NamedPeriod;
  asOf?: number;
  path: string;
  name: string;
  ranges: Array<[number, number]>;
  /** The units file, read again by the worker (its problems are the main read's to report). */
  units?: { path: string; name: string };
  delimiter?: string;
  dateOrder?: 'dmy' | 'mdy';
  /** The file's date columns set aside, as the main thread judged them (date-columns.ts). */
  setAside: SetAside[];
  maxProblems: number;
  /** --map, as read by the main thread. */
  mapping?: Mapping;
}

/** What reading one byte range gave, besides its records. */
export interface RangeRead {
  report: InputReport;
  problems: Problem[];
  problemCount: number;
  endLine: number | null;
  totalLine: number | null;
}


/** What a split worker posts. */
export type SplitMessage =
  | { type: 'batch'; batch: Uint8Array }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; result: RangeRead }
  | { type: 'error'; error: ErrorData };

/** What the main thread posts to a split worker. */
export type MainMessage = { type: 'job'; job: RangeJob } | { type: 'ack'; buffer: ArrayBuffer };
