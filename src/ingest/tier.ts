/**
 * The one tier classifier (docs/domain.md, "Tiers"). A unit's tier comes from, in order:
 * the row's tier column; a units file (when one is given); the unit's name.
 */
import { TIER, lookup, type Vocabulary } from './vocabulary.js';
import { BLANK, TierCode, UNKNOWN } from '../model/record.js';
import type { Tier } from '../model/tier.js';
import { fold, isAscii, squash } from '../util/text.js';

const BY_CODE: Record<number, Tier> = { [TierCode.so]: 'so', [TierCode.huyen]: 'huyen', [TierCode.xa]: 'xa' };

/** The tier column's value: a tier, `null` for blank, or `undefined` for a value it does not know (`vocab`: a mapping file's). */
export function tierFromColumn(raw: string, vocab: Vocabulary = TIER): Tier | null | undefined {
  const code = lookup(vocab, raw);
  if (code === BLANK) return null;
  if (code === UNKNOWN) return undefined;
  return BY_CODE[code];
}

/** Administrative words, with diacritics, longest first at each start word. */
export const ADMIN_WORDS: Array<[string[], Tier | null]> = [
  [['xã', 'hội'], null], // "xã hội" (society) is not an administrative word
  [['thị', 'xã'], 'huyen'],
  [['thị', 'trấn'], 'xa'],
  [['thành', 'phố'], 'huyen'],
  [['tp'], 'huyen'],
  [['tỉnh'], 'so'],
  [['xã'], 'xa'],
  [['phường'], 'xa'],
  [['huyện'], 'huyen'],
  [['quận'], 'huyen'],
];

/**
 * ASCII-folded names ("UBND xa Long Hung") lose the diacritics that tell "quận" (district)
 * from "cơ quan" (agency) or "phường" (ward) from "địa phương" (locality). For names written
 * entirely without diacritics the folded words are used, with these folded phrases skipped.
 */
export const ASCII_NOT_ADMIN: string[][] = [
  ['co', 'quan'],
  ['quan', 'ly'],
  ['quan', 'su'],
  ['quan', 'tri'],
  ['dia', 'phuong'],
  ['phuong', 'tien'],
  ['phuong', 'thuc'],
  ['xa', 'hoi'],
];
export const ASCII_ADMIN: Array<[string[], Tier]> = [
  [['thi', 'xa'], 'huyen'],
  [['thi', 'tran'], 'xa'],
  [['thanh', 'pho'], 'huyen'],
  [['tp'], 'huyen'],
  [['tinh'], 'so'],
  [['xa'], 'xa'],
  [['phuong'], 'xa'],
  [['huyen'], 'huyen'],
  [['quan'], 'huyen'],
];

/**
 * Abbreviations directly after `UBND` (docs/domain.md "Values as real systems write them"):
 * "UBND H. Nhơn Trạch", "UBND TT. Trảng Bom", "UBND P.Tân Phong"; the dot is optional.
 */
export const UBND_ABBREVIATIONS: Record<string, Tier> = { h: 'huyen', tp: 'huyen', tx: 'huyen', q: 'huyen', tt: 'xa', p: 'xa', x: 'xa' };

/** Words of a squashed name, split on white space and punctuation ("TP." and "TP.Biên Hòa" give the word "tp"), one at a time. */
function* wordsOf(s: string): Generator<string> {
  for (const m of s.matchAll(/[^\s,.;:()\-–—/]+/gu)) yield m[0];
}

interface Word {
  text: string;
  folded?: string;
}

/** Whether the words from the window's start spell `phrase` (as written, or folded). */
function spells(win: Word[], phrase: string[], folded: boolean): boolean {
  if (phrase.length > win.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const w = win[k]!;
    if ((folded ? (w.folded ??= fold(w.text)) : w.text) !== phrase[k]) return false;
  }
  return true;
}

/** Whether the window's first n words (as many as there are) are written without diacritics. */
function asciiWords(win: Word[], n: number): boolean {
  for (let k = 0; k < n && k < win.length; k++) if (!isAscii(win[k]!.text)) return false;
  return true;
}

/**
 * At the window's start: the tier a phrase there implies, or how many words to move on (a
 * phrase that is not administrative is skipped whole).
 */
function stepAt(win: Word[]): Tier | number {
  if (win.length > 1 && (win[0]!.folded ??= fold(win[0]!.text)) === 'ubnd') {
    const t = UBND_ABBREVIATIONS[(win[1]!.folded ??= fold(win[1]!.text))];
    if (t !== undefined) return t;
  }
  for (const [phrase, tier] of ADMIN_WORDS) {
    if (spells(win, phrase, false)) return tier ?? phrase.length;
  }
  for (const phrase of ASCII_NOT_ADMIN) {
    if (spells(win, phrase, true)) return phrase.length;
  }
  for (const [phrase, tier] of ASCII_ADMIN) {
    if (asciiWords(win, phrase.length) && spells(win, phrase, true)) return tier;
  }
  return 1;
}

/**
 * The tier a unit's name implies, or `null` when the name does not decide it. Words written
 * with diacritics are matched as written; words written without them are matched folded.
 * The phrases of ASCII_NOT_ADMIN ("cơ quan", "địa phương"…) are never administrative words.
 * The words are read one at a time through a window of two (no phrase is longer), each folded
 * at most once: time and memory in proportion to the name's length.
 */
export function tierFromName(name: string): Tier | null {
  const words = wordsOf(squash(name));
  const win: Word[] = [];
  const fill = () => {
    while (win.length < 2) {
      const r = words.next();
      if (r.done) return;
      win.push({ text: r.value });
    }
  };
  fill();
  if (win.length === 0) return null;
  const first = win[0]!.text;
  if (first === 'sở' || first === 'ban' || (first === 'so' && isAscii(first))) return 'so';
  while (win.length > 0) {
    const step = stepAt(win);
    if (typeof step === 'string') return step;
    win.splice(0, step);
    fill();
  }
  return null;
}
