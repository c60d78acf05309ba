/**
 * What a run of the program is given (Io: the process's streams and environment, or a test's)
 * and what its commands share (Cli: language, colors, the exit code, writing the output).
 * Only main.ts builds an Io from `process`; everything else takes it from here.
 */
import { createWriteStream, statSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { renderer, type Chunk, type Formats, type Output } from '../report/render.js';
import { safeText } from '../util/safe-text.js';
import { usageError } from '../model/errors.js';
import type { Lang } from '../model/lang.js';
import type { Plan } from '../plan/schema.js';

/** A stream written to: process.stdout and process.stderr are ones. */
export interface OutStream {
  isTTY?: boolean;
  /** The terminal's width (the help wraps to it). */
  columns?: number;
  /** false: the reader is behind, wait for 'drain' before writing more. */
  write(chunk: Chunk): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Io {
  env: Readonly<Record<string, string | undefined>>;
  stdin: AsyncIterable<Buffer | string>;
  stdout: OutStream;
  stderr: OutStream;
  /**
   * Told the exit code as soon as a command knows it, before its output: main sets
   * process.exitCode with it, so that a reader that goes away early (`| head`) still gets it.
   */
  exitCode?(code: number): void;
  /** How a plan is loaded (default plan/load.ts loadPlan; the tests pass one that keeps what it parsed). */
  loadPlan?(file: string | undefined): Promise<Plan>;
}

/** Where a command's output goes: a format of its list (--format, already checked), and `-o FILE` (undefined or "-": stdout). */
export interface Target {
  format: string;
  output?: string | undefined;
}

/** Columns of text output when it is not a terminal's (or the terminal does not say). */
export const DEFAULT_WIDTH = 100;

export interface Cli {
  readonly io: Io;
  readonly version: string;
  /** The language of messages: --lang once parsed (guessed from the arguments before). */
  lang: Lang;
  readonly chalk: ChalkInstance;
  /** The width of standard output: the terminal's columns, else COLUMNS, else DEFAULT_WIDTH. */
  readonly width: number;
  readonly exitCode: number;
  /** Sets the exit code; call it before writing the output. */
  setExitCode(code: number): void;
  /** Writes a renderer's output to stdout, chunk by chunk at the reader's pace. */
  write(out: Output): Promise<void>;
  /** Renders a view in the target's format and writes it to the target: stdout, or `-o FILE` (plain, DEFAULT_WIDTH wide). */
  render<V, O>(formats: Formats<V, O>, target: Target, view: V, options: O): Promise<void>;
  stdout(s: string): void;
  stderr(s: string): void;
}

export function makeCli(io: Io, version: string, lang: Lang): Cli {
  let exitCode = 0;
  const cli: Cli = {
    io,
    version,
    lang,
    chalk: makeChalk(colorLevel(io.env, Boolean(io.stdout.isTTY))),
    width: outputWidth(io),
    get exitCode() {
      return exitCode;
    },
    setExitCode(code) {
      exitCode = code;
      io.exitCode?.(code);
    },
    write: (out) => writeOutput(io.stdout, out),
    async render(formats, { format, output }, view, options) {
      const render = await renderer(formats, format);
      const toFile = output !== undefined && output !== '-';
      const ctx = { lang: cli.lang, chalk: toFile ? makeChalk(0) : cli.chalk, width: toFile ? DEFAULT_WIDTH : cli.width, version, options };
      const out = await render(view, ctx);
      if (toFile) await writeFileOutput(output, out);
      else await writeOutput(io.stdout, out);
    },
    stdout: (s) => {
      io.stdout.write(s);
    },
    stderr: (s) => {
      io.stderr.write(s);
    },
  };
  return cli;
}

/**
 * Writes an output: at once when it is whole; chunk by chunk when it comes in chunks, each once
 * the reader has taken the ones before (a pipe's reader may be slower than ccch, and unwritten
 * chunks would pile up in memory).
 */
export async function writeOutput(stream: OutStream, out: Output): Promise<void> {
  if (typeof out === 'string' || out instanceof Uint8Array) {
    stream.write(out);
    return;
  }
  const put = async (chunk: Chunk) => {
    if (!stream.write(chunk) && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
  };
  if (Symbol.asyncIterator in out) for await (const chunk of out) await put(chunk);
  else for (const chunk of out) await put(chunk);
}

/** Refuses, before any work, to write a binary format to a terminal, or to a file that cannot be written (a directory, a missing one). */
export function checkTarget(formats: readonly { name: string; binary?: boolean }[], target: Target, io: Io): void {
  const file = target.output;
  if (file === undefined || file === '-') {
    if (io.stdout.isTTY && formats.find((f) => f.name === target.format)?.binary) throw usageError('usage.binaryToTerminal', { format: target.format });
    return;
  }
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'other';
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? 'ENOENT';
    }
  };
  if (kind(file) === 'dir') throw usageError('usage.output', { file, reason: 'EISDIR' });
  const dir = kind(dirname(file));
  if (dir !== 'dir') throw usageError('usage.output', { file, reason: dir === 'other' ? 'ENOTDIR' : dir });
}

/**
 * Writes an output to a file, whole or not at all: into a temporary file beside it, renamed
 * over it once written (a run that fails leaves any earlier file as it was).
 */
export async function writeFileOutput(file: string, out: Output): Promise<void> {
  // A device or a pipe (`-o /dev/stdout`) is written as it is.
  const special = await stat(file).then((st) => !st.isFile() && !st.isDirectory(), () => false);
  const tmp = special ? file : join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp, { flags: special ? 'w' : 'wx' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const done = (async () => {
    await new Promise<void>((resolve) => stream.once('open', () => resolve()));
    await writeOutput(stream, out);
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (!special) await rename(tmp, file);
  })();
  try {
    await Promise.race([done, failed]);
  } catch (e) {
    stream.destroy();
    if (!special) await unlink(tmp).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return; // a pipe's reader went away (`-o /dev/stdout | head`): as on stdout
    if (code !== undefined) throw usageError('usage.output', { file, reason: code });
    throw e;
  }
}

/** The width of standard output's text: the terminal's, else COLUMNS (a shell's, when exported), else DEFAULT_WIDTH. */
function outputWidth(io: Io): number {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_WIDTH;
}

/** Color: FORCE_COLOR wins, then NO_COLOR, then whether stdout is a terminal. */
export function colorLevel(env: Io['env'], isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
}

function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}

/** Runs a long read with `onProgress` showing on stderr how far it is (only on a terminal), cleared at the end. */
export async function withProgress<T>(cli: Cli, read: (onProgress: (file: string, bytes: number) => void) => Promise<T>): Promise<T> {
  const p = progress(cli);
  try {
    return await read(p.update);
  } finally {
    p.done();
  }
}

/** Progress on stderr, only when it is a terminal. */
export function progress(cli: Cli): { update: (file: string, bytes: number) => void; done: () => void } {
  if (!cli.io.stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(file, bytes) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const mb = (bytes / 1e6).toFixed(1);
      cli.stderr(`\r\x1b[K${cli.lang === 'vi' ? 'Đang đọc' : 'Reading'} ${safeText(file)}: ${mb} MB`);
    },
    done() {
      if (shown) cli.stderr('\r\x1b[K');
    },
  };
}
