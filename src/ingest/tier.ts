/**
 * The one tier classifier (docs/domain.md, "Tiers"). A unit's tier comes from, in order:
 * the row's tier column; a units file (when one is given); the unit's name.
 */
import { TIER, lookup } from './contract.js';
import { BLANK, TierCode, UNKNOWN } from '../model/record.js';
import type { Tier } from '../model/tier.js';
import { fold, isAscii, squash } from '../util/text.js';

const BY_CODE: Record<number, Tier> = { [TierCode.so]: 'so', [TierCode.huyen]: 'huyen', [TierCode.xa]: 'xa' };

/** The tier column's value: a tier, `null` for blank, or `undefined` for a value it does not know. */
export function tierFromColumn(raw: string): Tier | null | undefined {
  const code = lookup(TIER, raw);
  if (code === BLANK) return null;
  if (code === UNKNOWN) return undefined;
  return BY_CODE[code];
}

/** Administrative words, with diacritics, longest first at each start word. */
const ADMIN_WORDS: Array<[string[], Tier | null]> = [
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
const ASCII_NOT_ADMIN: string[][] = [
  ['co', 'quan'],
  ['quan', 'ly'],
  ['quan', 'su'],
  ['quan', 'tri'],
  ['dia', 'phuong'],
  ['phuong', 'tien'],
  ['phuong', 'thuc'],
  ['xa', 'hoi'],
];
const ASCII_ADMIN: Array<[string[], Tier]> = [
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

function words(s: string): string[] {
  // Split on white space and punctuation; "TP." and "TP.Biên Hòa" give the word "tp".
  return s.split(/[\s,.;:()\-–—/]+/u).filter((w) => w !== '');
}

function startsWith(ws: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) if (ws[at + k] !== phrase[k]) return false;
  return true;
}

function asciiAt(ws: string[], at: number, n: number): boolean {
  for (let k = at; k < at + n && k < ws.length; k++) if (!isAscii(ws[k]!)) return false;
  return true;
}

/**
 * The tier a unit's name implies, or `null` when the name does not decide it. Words written
 * with diacritics are matched as written; words written without them are matched folded.
 * The phrases of ASCII_NOT_ADMIN ("cơ quan", "địa phương"…) are never administrative words.
 */
export function tierFromName(name: string): Tier | null {
  const ws = words(squash(name));
  const folded = ws.map((w) => fold(w));
  if (ws.length === 0) return null;
  if (ws[0] === 'sở' || ws[0] === 'ban' || (ws[0] === 'so' && asciiAt(ws, 0, 1))) return 'so';
  outer: for (let i = 0; i < ws.length; i++) {
    for (const [phrase, tier] of ADMIN_WORDS) {
      if (startsWith(ws, i, phrase)) {
        if (tier !== null) return tier;
        i += phrase.length - 1;
        continue outer;
      }
    }
    for (const phrase of ASCII_NOT_ADMIN) {
      if (startsWith(folded, i, phrase)) {
        i += phrase.length - 1;
        continue outer;
      }
    }
    for (const [phrase, tier] of ASCII_ADMIN) {
      if (asciiAt(ws, i, phrase.length) && startsWith(folded, i, phrase)) return tier;
    }
  }
  return null;
}
