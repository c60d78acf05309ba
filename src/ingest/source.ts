/**
 * Input sources: a file path, or a stream the CLI hands in (stdin as "-"). The name is
 * the file as given on the command line; it is how every message names the input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { inputError } from '../errors.js';

export interface InputSource {
  name: string;
  /** The file on disk, when there is one (an XLSX workbook is read in place, by random access). */
  path?: string;
  /** The bytes it will give, when known without a path (a byte range of a file): a hint for sizing. */
  size?: number;
  open(): Promise<AsyncIterable<Buffer | string>>;
}

/** Read size: small enough that the chunks read and not yet collected stay a few MB (BENCHMARKS.md). */
export const CHUNK = 256 * 1024;

export function fileSource(path: string, name: string = path): InputSource {
  return {
    name,
    path,
    async open() {
      try {
        const st = await stat(path);
        if (st.isDirectory()) throw inputError({ file: name }, 'là thư mục, không phải tệp', 'is a directory, not a file');
      } catch (e) {
        throw openError(e, name);
      }
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

export function streamSource(name: string, stream: AsyncIterable<Buffer | string>): InputSource {
  return { name, open: async () => stream };
}

export function openError(e: unknown, name: string): Error {
  if (e instanceof Error && e.name === 'CcchError') return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return inputError({ file: name }, 'không tìm thấy tệp', 'no such file');
    case 'EISDIR':
      return inputError({ file: name }, 'là thư mục, không phải tệp', 'is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return inputError({ file: name }, 'không có quyền đọc tệp', 'permission denied');
    default:
      return inputError({ file: name }, `không đọc được tệp (${code ?? String(e)})`, `cannot read file (${code ?? String(e)})`);
  }
}
