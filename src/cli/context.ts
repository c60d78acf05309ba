/**
 * What a run of the program is given (Io: the process's streams and environment, or a test's)
 * and what its commands share (Cli: language, colors, the exit code, writing the output).
 * Only main.ts builds an Io from `process`; everything else takes it from here.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { renderer, type Chunk, type Formats, type Output } from '../report/render.js';
import { safeText } from '../util/safe-text.js';
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

export interface Cli {
  readonly io: Io;
  readonly version: string;
  /** The language of messages: --lang once parsed (guessed from the arguments before). */
  lang: Lang;
  readonly chalk: ChalkInstance;
  readonly exitCode: number;
  /** Sets the exit code; call it before writing the output. */
  setExitCode(code: number): void;
  /** Writes a renderer's output to stdout, chunk by chunk at the reader's pace. */
  write(out: Output): Promise<void>;
  /** Renders a view in a format of the list (--format, already checked) and writes it. */
  render<V, O>(formats: Formats<V, O>, format: string, view: V, options: O): Promise<void>;
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
    get exitCode() {
      return exitCode;
    },
    setExitCode(code) {
      exitCode = code;
      io.exitCode?.(code);
    },
    write: (out) => writeOutput(io.stdout, out),
    async render(formats, format, view, options) {
      const render = await renderer(formats, format);
      await writeOutput(io.stdout, await render(view, { lang: cli.lang, chalk: cli.chalk, version, options }));
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
