/**
 * UTF-8 at the byte level, for the CSV reader and the encoding diagnosis: where a sequence is
 * cut or invalid, character columns, blank fields.
 */

/** 1-based character column of byte `pos` in `buf`, counting from byte `lineStart`. */
export function charColumn(buf: Buffer, lineStart: number, pos: number): number {
  let col = 1;
  for (let i = lineStart; i < pos && i < buf.length; i++) if ((buf[i]! & 0xc0) !== 0x80) col++;
  return col;
}

/** The offset of the first byte at which `buf` stops being valid UTF-8. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    if (i + n >= buf.length && n > 0) return i + n < buf.length ? i : buf.length; // truncated at end: fine
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return buf.length;
}

/** How many bytes at the end of `buf` start an incomplete UTF-8 sequence (0 to 3). */
export function incompleteTail(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Whether the valid UTF-8 bytes buf[i, e) are all white space as String.prototype.trim sees
 * it (a field's quotes, doubled or not, are not): byte by byte for ASCII, one character
 * decoded at a time otherwise, stopping at the first that is not: never the whole field.
 */
export function blankFrom(buf: Uint8Array, i: number, e: number): boolean {
  while (i < e) {
    const c = buf[i]!;
    if (c < 0x80) {
      if (c !== 0x20 && (c < 0x09 || c > 0x0d)) return false;
      i++;
      continue;
    }
    const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    if (Buffer.from(buf.buffer, buf.byteOffset + i, Math.min(n, e - i)).toString('utf8').trim() !== '') return false;
    i += n;
  }
  return true;
}

/**
 * In `sample`: how many characters are valid multi-byte UTF-8 sequences, and how many bytes
 * of 0x80 and above are not part of one (a sequence cut at the sample's end counts as
 * neither). Text in a legacy encoding has hardly any of the first; UTF-8 with a stray byte
 * has many of them and a few of the second.
 */
export function utf8Evidence(sample: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n > 0 && i + n >= sample.length) break;
    let k = 1;
    while (n > 0 && k <= n && (sample[i + k]! & 0xc0) === 0x80) k++;
    if (n > 0 && k > n && (n !== 2 || isValid3(b, sample[i + 1]!)) && (n !== 3 || isValid4(b, sample[i + 1]!))) {
      valid++;
      i += n + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** The second byte of a 3-byte sequence: no overlong forms (E0 80–9F), no surrogates (ED A0–BF). */
const isValid3 = (b: number, c: number) => !(b === 0xe0 && c < 0xa0) && !(b === 0xed && c >= 0xa0);
/** The second byte of a 4-byte sequence: no overlong forms (F0 80–8F), nothing past U+10FFFF (F4 90–BF). */
const isValid4 = (b: number, c: number) => !(b === 0xf0 && c < 0x90) && !(b === 0xf4 && c >= 0x90);
