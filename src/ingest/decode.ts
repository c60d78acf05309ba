/**
 * Text encodings, before the CSV byte scanner (which reads UTF-8 only):
 *
 * - a UTF-16 LE or BE byte-order mark (Excel's "Unicode text") → decoded to UTF-8;
 * - `--encoding NAME` → decoded from NAME (any encoding iconv-lite knows, e.g. windows-1258),
 *   and the text recomposed to NFC (Windows-1258 writes most tone marks as combining
 *   characters);
 * - otherwise the bytes pass through untouched (UTF-8, with or without BOM).
 *
 * Decoding streams chunk by chunk: iconv-lite's decoders keep a byte sequence split across two
 * chunks; a surrogate pair split across two decoded pieces is joined before it is re-encoded;
 * and NFC recomposition holds back the text after the last line break, so that a base letter
 * and its marks are never normalized apart.
 *
 * When a file is not UTF-8 and no encoding was named, `guessLegacy` looks at its first bytes to
 * name the likely legacy encoding in the refusal (see its comment for the byte signatures).
 */
import { createRequire } from 'node:module';

// iconv-lite is loaded on first use: most runs read UTF-8 and should not pay for its tables.
type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
const iconvLib = (): Iconv => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv);

export type Utf16 = 'utf-16le' | 'utf-16be';

/** The UTF-16 byte-order mark at the start of `head`, if any. */
export function utf16Bom(head: Buffer): Utf16 | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

const UTF8_NAMES = new Set(['utf8', 'utf-8']);

/**
 * The canonical name of an encoding the user named, or null when no maintained decoder here
 * knows it. UTF-8 names give "utf-8" (no decoding step).
 */
export function canonicalEncoding(name: string): string | null {
  const n = name.trim().toLowerCase();
  if (UTF8_NAMES.has(n)) return 'utf-8';
  if (n === 'tcvn3' || n === 'tcvn' || n === 'abc' || n.startsWith('vni')) return null; // no maintained decoder
  if (!iconvLib().encodingExists(n)) return null;
  return n;
}

/** Decodes `input` from `encoding` to UTF-8 text chunks. */
export async function* decodeStream(input: AsyncIterable<Buffer | string>, encoding: string): AsyncGenerator<Buffer> {
  const decoder = iconvLib().getDecoder(encoding); // strips a BOM of the encoding
  const normalize = !encoding.startsWith('utf');
  let held = '';
  const out = (text: string, final: boolean): Buffer | null => {
    const all = held + text;
    let cut = all.length;
    if (!final) {
      if (normalize) cut = all.lastIndexOf('\n') + 1;
      // A high surrogate at the end waits for its low half (decoders may split a pair).
      else if (cut > 0 && (all.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
    }
    held = all.slice(cut);
    if (cut === 0) return null;
    const done = all.slice(0, cut);
    return Buffer.from(normalize ? done.normalize('NFC') : done, 'utf8');
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const b = out(decoder.write(buf), false);
    if (b) yield b;
  }
  const b = out(decoder.end() ?? '', true);
  if (b) yield b;
}

export type Legacy = 'windows-1258' | 'tcvn3' | 'vni';

const isAsciiVowel = (c: number) => 'aeiouyAEIOUY'.includes(String.fromCharCode(c));
/** Windows-1258 letters that take a tone mark after them: â ă ê ô ơ ư and capitals. */
const W1258_VOWELS = new Set([0xe2, 0xe3, 0xea, 0xf4, 0xf5, 0xfd, 0xc2, 0xc3, 0xca, 0xd4, 0xd5, 0xdd]);
/** Windows-1258 combining tone marks: grave, acute, hook above, tilde, dot below. */
const W1258_MARKS = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/**
 * VNI-Windows writes a Vietnamese vowel as its ASCII base letter followed by a mark byte
 * (as Windows-1252 shows them): ù ø û õ ï (acute, grave, hook, tilde, dot below), â ê
 * (circumflex, breve) and the combined circumflex/breve+tone bytes á à å ã ä é è ú ü ë; in
 * capitals Ù Ø Û Õ Ï Â Ê Á À Å Ã Ä É È Ú Ü Ë.
 */
const VNI_MARKS = new Set([
  0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xe2, 0xea, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb,
  0xd9, 0xd8, 0xdb, 0xd5, 0xcf, 0xc2, 0xca, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4, 0xc9, 0xc8, 0xda, 0xdc, 0xcb,
]);

/**
 * Names the legacy Vietnamese encoding that `sample` (the first bytes of a file that is not
 * UTF-8) most likely uses, or null when the signatures are too weak to say. Each byte ≥ 0x80
 * scores for the encodings whose signature it fits:
 *
 * - TCVN3 (ABC) has one byte per Vietnamese letter, most of them in 0xA1–0xBF (ă â ê ô ơ ư đ
 *   are 0xA8–0xAE, à ả ã á ạ 0xB5–0xB9…), a range where Windows-1258 and VNI have only rare
 *   symbols (¡ ¢ £ … ¿): such a byte scores for TCVN3.
 * - Windows-1258 writes tone marks as combining bytes 0xCC 0xEC 0xD2 0xDE 0xF2 after a vowel
 *   (ASCII, or â ă ê ô ơ ư), and đ/Đ as 0xF0/0xD0.
 * - VNI writes a mark byte (see VNI_MARKS) right after an ASCII vowel, and đ/Đ as 0xF1/0xD1.
 *
 * The encoding with the highest score wins if it has at least 2 points and twice the
 * runner-up's.
 */
export function guessLegacy(sample: Buffer): Legacy | null {
  let tcvn = 0;
  let w1258 = 0;
  let vni = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const p = i > 0 ? sample[i - 1]! : 0x20;
    if (b >= 0xa1 && b <= 0xbf) tcvn++;
    if (W1258_MARKS.has(b) && (isAsciiVowel(p) || W1258_VOWELS.has(p))) w1258++;
    else if (b === 0xf0 || b === 0xd0) w1258++;
    if (VNI_MARKS.has(b) && isAsciiVowel(p)) vni++;
    else if (b === 0xf1 || b === 0xd1) vni++;
  }
  const ranked = ([['tcvn3', tcvn], ['windows-1258', w1258], ['vni', vni]] as Array<[Legacy, number]>).sort((a, b) => b[1] - a[1]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  return best[1] >= 2 && best[1] >= 2 * second[1] ? best[0] : null;
}
