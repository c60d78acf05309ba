/**
 * Reading a small file whole, within a byte cap on what is actually read (not what `stat`
 * says): a FIFO, a character device (/dev/zero) or a file that grows while read stops at the
 * cap like any other.
 */
import { createReadStream } from 'node:fs';

/** The file's bytes, or null when it holds more than `maxBytes` (reading stops at the first byte past the cap). */
export async function readCapped(path: string, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let n = 0;
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      n += b.length;
      if (n > maxBytes) return null;
      chunks.push(b);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, n);
}
