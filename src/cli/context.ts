/**
 * What the commands share: the process-facing context (streams, colors, language) and
 * option parsers. Only the CLI layer (cli.ts, commands/, this file) touches `process`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { usageError } from '../model/errors.js';
import { fileSource, streamSource, type InputSource } from '../ingest/source.js';
import { canonicalEncoding } from '../ingest/decode.js';
import { MAX_THREADS, defaultThreads, splitMinFromEnv } from '../ingest/parallel/workers.js';
import { LANGS, type Lang } from '../model/lang.js';

export interface Cli {
  version: string;
  lang: Lang;
  chalk: ChalkInstance;
  exitCode: number;
  stdout(s: string): void;
  /**
   * Writes chunks of a long output in turn, each once the reader has taken the ones before
   * (a pipe's reader may be slower than ccch: unwritten chunks would pile up in memory).
   */
  stdoutChunks(chunks: Iterable<string>): Promise<void>;
  stderr(s: string): void;
  stdin: AsyncIterable<Buffer | string>;
  stderrIsTTY: boolean;
}

/** Color: FORCE_COLOR wins, then NO_COLOR, then whether stdout is a terminal. */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
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

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}

export function parseLang(s: string): Lang {
  const l = s.trim().toLowerCase();
  if ((LANGS as readonly string[]).includes(l)) return l as Lang;
  throw usageError('usage.lang', { value: s });
}

export function parseFormat<T extends string>(s: string, allowed: readonly T[]): T {
  const f = s.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(f)) return f as T;
  throw usageError('usage.format', { value: s, allowed: allowed.join(', ') });
}

export function inputSources(files: string[], cli: Cli): InputSource[] {
  if (files.filter((f) => f === '-').length > 1) {
    throw usageError('usage.stdinTwice');
  }
  return files.map((f) => (f === '-' ? streamSource('-', cli.stdin) : fileSource(f)));
}

/** Progress on stderr, only when it is a terminal. */
export function progress(cli: Cli): { update: (file: string, bytes: number) => void; done: () => void } {
  if (!cli.stderrIsTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(file, bytes) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const mb = (bytes / 1e6).toFixed(1);
      cli.stderr(`\r\x1b[K${cli.lang === 'vi' ? 'Đang đọc' : 'Reading'} ${file}: ${mb} MB`);
    },
    done() {
      if (shown) cli.stderr('\r\x1b[K');
    },
  };
}

const DELIMITER_NAMES: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
};

/** --delimiter: `,` `;` `|`, `tab` or `\t` (also comma, semicolon, pipe). */
export function parseDelimiter(s: string): string {
  const d = DELIMITER_NAMES[s === '\t' ? s : s.trim().toLowerCase()];
  if (d !== undefined) return d;
  throw usageError('usage.delimiter', { value: s });
}

/** --encoding: a name iconv-lite knows (utf-8, utf-16le, windows-1258…); TCVN3 and VNI have no maintained decoder. */
export function parseEncoding(s: string): string {
  const e = canonicalEncoding(s);
  if (e !== null) return e;
  throw usageError('usage.encoding', { value: s });
}

/** The reader options that `score` and `validate` share (one table, so they stay alike). */
export interface ReaderFlags {
  sheet?: string;
  delimiter?: string;
  encoding?: string;
  units?: string;
  threads?: string;
}

/** --threads: a whole number from 1 to MAX_THREADS. */
export function parseThreads(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (/^\d+$/.test(t) && n >= 1 && n <= MAX_THREADS) return n;
  throw usageError('usage.threads', { value: s, max: MAX_THREADS });
}

export function addReaderOptions(cmd: Command): Command {
  return cmd
    .option('--units <file>', 'danh sách đơn vị (CSV/XLSX): cấp, huyện, chứng thực điện tử / units file: tiers, districts, e-certification')
    .option('--sheet <name>', 'trang tính của tệp XLSX (mặc định: trang đầu) / XLSX sheet (default: the first)')
    .option('--delimiter <d>', 'dấu phân cách CSV: , ; | tab (mặc định: tự nhận) / CSV delimiter (default: sniffed)')
    .option('--encoding <name>', 'bảng mã CSV, ví dụ windows-1258 (mặc định: UTF-8, UTF-16 theo BOM) / CSV encoding (default: UTF-8, UTF-16 by BOM)')
    .option(
      '--threads <n>',
      `số luồng đọc một tệp CSV lớn (mặc định: số nhân CPU, tối đa ${MAX_THREADS}); kết quả như nhau / threads to read a big CSV file with (default: the CPU cores, at most ${MAX_THREADS}); same results`,
    );
}

/** Parsed reader options, as ScoreOptions takes them. */
export function readerOptions(flags: ReaderFlags): { delimiter?: string; encoding?: string; sheet?: string; threads: number; internal?: { splitMinBytes: number } } {
  const splitMin = splitMinFromEnv();
  return {
    threads: flags.threads !== undefined ? parseThreads(flags.threads) : defaultThreads(),
    ...(splitMin !== undefined ? { internal: { splitMinBytes: splitMin } } : {}),
    ...(flags.delimiter !== undefined ? { delimiter: parseDelimiter(flags.delimiter) } : {}),
    ...(flags.encoding !== undefined ? { encoding: parseEncoding(flags.encoding) } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
  };
}
