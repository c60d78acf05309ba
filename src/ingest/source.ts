/**
 * Input sources: a file path, or a stream the CLI hands in (stdin as "-"). The name is
 * the file as given on the command line; it is how every message names the input.
 *
 * Only a regular file is read by position, opened more than once (the header peek, then the
 * full read) or split into byte ranges. Any other path — a FIFO, a pipe (/dev/stdin, a
 * process substitution's /dev/fd/63), a character device — gives a stream, read once from its
 * start: such a source has no `path`, and its every open() gives back that one stream (the
 * header peek's chunks are replayed, as for standard input).
 */
import { createReadStream, statSync } from 'node:fs';
import { open as openFile, stat, type FileHandle } from 'node:fs/promises';
import { CcchError, inputError } from '../model/errors.js';

export interface InputSource {
  name: string;
  /** The file on disk, when there is one (an XLSX workbook is read in place, by random access). */
  path?: string;
  /** The bytes it will give, when known without a path (a byte range of a file): a hint for sizing. */
  size?: number;
  /**
   * Opens the input. With `reuse`, the caller promises to be done with each chunk before it asks
   * for the next (the CSV reader is: it copies what it keeps), so that a file can be read into
   * one buffer again and again — no garbage, no fresh pages — instead of a new one per chunk.
   */
  open(opts?: OpenOptions): Promise<AsyncIterable<Buffer | string>>;
}

export interface OpenOptions {
  reuse?: boolean;
}

/** Read size. */
export const CHUNK = 1 << 20;

export function fileSource(path: string, name: string = path): InputSource {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(path);
  } catch {
    // reported when opened
  }
  if (st && !st.isFile() && !st.isDirectory()) return onceSource(path, name);
  return {
    name,
    path,
    async open(opts) {
      try {
        const st = await stat(path);
        if (st.isDirectory()) throw inputError({ file: name }, 'input.directory');
      } catch (e) {
        throw openError(e, name);
      }
      if (opts?.reuse) return readRanges(path, name, [[0, Infinity]]);
      const stream = createReadStream(path, { highWaterMark: CHUNK });
      return (async function* () {
        try {
          for await (const chunk of stream) yield chunk as Buffer;
        } catch (e) {
          throw openError(e, name);
        } finally {
          stream.destroy();
        }
      })();
    },
  };
}

/**
 * The bytes [start, end) of each range of a file in turn, read into two buffers that the chunks
 * reuse by turns (see OpenOptions.reuse): the next chunk is read while the caller works on this
 * one. `gate`, when given, is awaited before each chunk.
 */
export async function* readRanges(path: string, name: string, ranges: ReadonlyArray<readonly [number, number]>, gate?: () => Promise<void>): AsyncGenerator<Buffer> {
  let fh: FileHandle;
  try {
    fh = await openFile(path, 'r');
  } catch (e) {
    throw openError(e, name);
  }
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let r = 0; // range
  let pos = ranges[0]?.[0] ?? 0;
  /** Starts reading the next chunk into `buf`, or null at the end. */
  const next = (buf: Buffer): Promise<number> | null => {
    while (r < ranges.length && pos >= ranges[r]![1]) {
      r++;
      if (r < ranges.length) pos = ranges[r]![0];
    }
    if (r >= ranges.length) return null;
    const want = Math.min(CHUNK, ranges[r]![1] - pos);
    const at = pos;
    return fh.read(buf, 0, want, at).then(
      ({ bytesRead }) => {
        pos = bytesRead === 0 ? Infinity : at + bytesRead; // 0: the file ended before the range
        return bytesRead;
      },
      (e: unknown) => {
        throw openError(e, name);
      },
    );
  };
  let which = 0;
  let pending = next(bufs[0]!);
  try {
    while (pending) {
      const n = await pending;
      const buf = bufs[which]!;
      which ^= 1;
      pending = next(bufs[which]!);
      if (n === 0) continue;
      if (gate) await gate();
      yield buf.subarray(0, n);
    }
  } finally {
    await pending?.catch(() => {});
    await fh.close();
  }
}

export function streamSource(name: string, stream: AsyncIterable<Buffer | string>): InputSource {
  return { name, open: async () => stream };
}

/** A path that is not a regular file, as one stream read once from its start (no positions: a pipe has none). */
function onceSource(path: string, name: string): InputSource {
  let stream: AsyncIterable<Buffer> | undefined;
  return streamSource(name, {
    [Symbol.asyncIterator]() {
      stream ??= (async function* () {
        const s = createReadStream(path, { highWaterMark: CHUNK });
        try {
          for await (const chunk of s) yield chunk as Buffer;
        } catch (e) {
          throw openError(e, name);
        } finally {
          s.destroy();
        }
      })();
      return stream[Symbol.asyncIterator]();
    },
  });
}

export function openError(e: unknown, name: string): Error {
  if (e instanceof CcchError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return inputError({ file: name }, 'input.notFound');
    case 'EISDIR':
      return inputError({ file: name }, 'input.directory');
    case 'EACCES':
    case 'EPERM':
      return inputError({ file: name }, 'input.permission');
    default:
      return inputError({ file: name }, 'input.unreadable', { detail: code ?? String(e) });
  }
}
