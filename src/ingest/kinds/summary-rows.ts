/**
 * A summary report's body rows as units file them (README "Summary reports as units file them"):
 * which rows are units' (counted) and which are groups, totals, subtotals or the footer (skipped).
 *
 * - group rows: an STT in Roman numerals or capital letters (I, II, A, B; "I." "A)" alike), or a
 *   name so enumerated whose label names a tier or is in capitals ("I. CẤP TỈNH"), or a name that
 *   is a tier label ("Cấp huyện", "Xã, phường, thị trấn"); also a numbered row with no count over
 *   rows numbered under it ("1 Huyện Nhơn Trạch" over "1.1", "1.2": a heading, inner level).
 *   They set the tier of the rows below them, when their label names one: the first enumeration
 *   seen (Roman or letters) is the outer level, the other the inner, which keeps the outer's tier
 *   when it names none;
 * - total rows: the label "Tổng cộng", "Tổng số", "Cộng", "Toàn tỉnh", "Tổng" (or one that begins
 *   "Cộng …", "Tổng cộng …");
 * - footer rows: the rows after the last one with a count (signatures, dates, notes);
 * - subtotal rows, by the sums rule: an unnumbered row (blank or non-numeric STT; or numbered
 *   "1" over rows numbered "1.1", "1.2") whose every count equals the sum of at least two unit
 *   rows (not counting rows of zeros) right above it or right below it within its group (up to a group or total row or another
 *   subtotal), or the sum of all the unit rows above it or below it in the file. A row of zeros is
 *   never a subtotal, nor is a unit that the units file lists.
 * Every other row is a unit's.
 */
import { GROUP_TIER_LABELS, TOTAL_ROW_LABELS, TOTAL_ROW_PREFIXES } from '../contract.js';
import { headerKey } from '../headers.js';
import { squash } from '../../util/text.js';
import { TIERS, type Tier } from '../../model/tier.js';

/** One body row, its cells read. */
export interface BodyRow {
  line: number;
  stt: string;
  /** The name cell (unit or field of work), tidied. */
  name: string;
  /** The counts of the columns the report has (in one order for all rows); NaN for a blank cell. */
  counts: Float64Array;
  /** How many of its count cells hold a number. */
  numbers: number;
  /** Some count cell holds something that is not a count (the row is rejected if it is a unit's). */
  bad: boolean;
}

export type RowKind = 'unit' | 'group' | 'total' | 'subtotal' | 'footer';

export interface Classified {
  kind: RowKind;
  /** A group row: the tier its label names; a unit row: the tier of the groups above it; else null. */
  tier: Tier | null;
}

const TIER_OF = new Map<string, Tier>();
for (const t of TIERS) for (const l of GROUP_TIER_LABELS[t]) TIER_OF.set(headerKey(l), t);
const TOTALS = new Set(TOTAL_ROW_LABELS.map(headerKey));
const TIER_WORDS: Array<[RegExp, Tier]> = [
  [/\bcap (tinh|so)\b/, 'so'],
  [/\bcap huyen\b/, 'huyen'],
  [/\bcap xa\b/, 'xa'],
];

const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;
/** An enumerator and what follows it: "II", "B.", "I. CẤP TỈNH", "I - CẤP TỈNH", "A) Khối sở" (not "Xã …": no separator). */
const ENUM = /^([IVX]+|[A-Z])(?:$|\s*[.)]\s*|\s*[-–:]\s+|\s+[-–:]\s*)(.*)$/;

type Style = 'roman' | 'letter' | 'label' | 'heading';

/** The enumerator style of a group's STT or label, and the label after it; null when it is none. */
function enumerated(text: string): { style: Style; label: string } | null {
  const m = ENUM.exec(text.trim());
  if (!m) return null;
  const e = m[1]!;
  const label = m[2]!.trim();
  if (e.length === 1) return { style: 'IVX'.includes(e) ? 'roman' : 'letter', label };
  return ROMAN.test(e) ? { style: 'roman', label } : null;
}

const stripTail = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '').trim();

/** The tier a group label names: a tier label ("Cấp huyện"), or one of its words ("UBND CẤP HUYỆN"); null when none. */
export function groupTier(label: string): Tier | null {
  const key = headerKey(stripTail(label));
  const t = TIER_OF.get(key);
  if (t) return t;
  for (const [re, tier] of TIER_WORDS) if (re.test(key)) return tier;
  return null;
}

/** Whether a row's label marks it as a total row. */
export function isTotalRowLabel(label: string): boolean {
  if (label === '') return false;
  if (TOTALS.has(headerKey(stripTail(label)))) return true;
  const s = squash(label);
  return TOTAL_ROW_PREFIXES.some((p) => s.startsWith(p)) && !s.startsWith('cộng hòa');
}

/** A group row's style, label and tier, or null when the row is not a group's. */
function asGroup(row: BodyRow): { style: Style; tier: Tier | null } | null {
  const stt = row.stt.trim();
  const byStt = stt !== '' ? enumerated(stt) : null;
  if (byStt) return { style: byStt.style, tier: groupTier(row.name || byStt.label) };
  // An enumerated name ("I. CẤP TỈNH") when its label names a tier or is in capitals ("P. Tân Phong" is a unit).
  const byName = row.name !== '' && stt === '' ? enumerated(row.name) : null;
  if (byName && byName.label !== '') {
    const tier = groupTier(byName.label);
    if (tier !== null || byName.label === byName.label.toLocaleUpperCase('vi')) return { style: byName.style, tier };
  }
  const label = row.name || stt;
  if (label !== '' && TIER_OF.has(headerKey(stripTail(label)))) return { style: 'label', tier: groupTier(label) };
  return null;
}

const NUMBERED = /^\d+(?:\.\d+)*\.?$/;

/** A numbered row with no count over rows numbered under it ("1" over "1.1", "1.2"): a heading. */
function isHeading(r: BodyRow, next: BodyRow | undefined): boolean {
  const stt = r.stt.trim();
  return r.numbers === 0 && !r.bad && NUMBERED.test(stt) && next !== undefined && next.stt.trim().startsWith(`${stt.replace(/\.$/, '')}.`);
}

/**
 * Every row's kind, and the tier of the groups above each unit row. `known`: whether a name is a
 * unit the units file lists (such a row is a unit, whatever its counts).
 */
export function classifyRows(rows: readonly BodyRow[], known: (name: string) => boolean = () => false): Classified[] {
  const n = rows.length;
  const out: Classified[] = rows.map(() => ({ kind: 'unit', tier: null }));
  const styles: Array<Style | null> = rows.map(() => null);
  let lastWithCount = -1;
  rows.forEach((r, i) => {
    const g = asGroup(r) ?? (isHeading(r, rows[i + 1]) ? { style: 'heading' as const, tier: null } : null);
    if (g) {
      out[i] = { kind: 'group', tier: g.tier };
      styles[i] = g.style;
    } else if (isTotalRowLabel(r.name || r.stt)) out[i]!.kind = 'total';
    if (r.numbers > 0) lastWithCount = i;
  });
  for (let i = lastWithCount + 1; i < n; i++) if (out[i]!.kind === 'unit') out[i]!.kind = 'footer';
  markSubtotals(rows, out, known);
  // Group tiers down the rows.
  let outer: Style | null = null;
  let tierOuter: Tier | null = null;
  let tierInner: Tier | null = null;
  rows.forEach((_, i) => {
    const c = out[i]!;
    if (c.kind === 'group') {
      const style = styles[i]!;
      if ((style === 'roman' || style === 'letter') && outer === null) outer = style;
      if (style === 'label' || style === outer) {
        tierOuter = c.tier;
        tierInner = null;
      } else tierInner = c.tier;
    } else if (c.kind === 'unit') c.tier = tierInner ?? tierOuter;
  });
  return out;
}

/** How far a group's sum is looked for, in rows. */
const MAX_RUN = 2000;
/** How many totals of the whole report the sums rule looks for. */
const MAX_FILE_TOTALS = 4;

function markSubtotals(rows: readonly BodyRow[], out: Classified[], known: (name: string) => boolean): void {
  const n = rows.length;
  const k = n ? rows[0]!.counts.length : 0;
  const v = (r: BodyRow, j: number) => (Number.isNaN(r.counts[j]!) ? 0 : r.counts[j]!);
  const open = (i: number) => out[i]!.kind === 'unit';
  const member = (i: number) => open(i) && !rows[i]!.bad && rows[i]!.name !== '';
  const eligible = (i: number) => {
    const r = rows[i]!;
    if (r.bad || !open(i) || (r.name !== '' && known(r.name))) return false;
    let any = false;
    for (let j = 0; j < k; j++) if (v(r, j) !== 0) any = true;
    if (!any) return false;
    const stt = r.stt.trim();
    if (!NUMBERED.test(stt)) return true;
    return (rows[i + 1]?.stt.trim() ?? '').startsWith(`${stt.replace(/\.$/, '')}.`);
  };
  const equal = (target: BodyRow, acc: Float64Array) => {
    for (let j = 0; j < k; j++) if (acc[j] !== v(target, j)) return false;
    return true;
  };
  const exceeds = (target: BodyRow, acc: Float64Array) => {
    for (let j = 0; j < k; j++) if (acc[j]! > v(target, j)) return true;
    return false;
  };
  /** Whether row i equals the sum of two or more unit rows right before it (dir -1) or after it (+1), within its group. */
  const zero = rows.map((r) => r.counts.every((x) => x === 0 || Number.isNaN(x)));
  const run = (i: number, dir: 1 | -1) => {
    const acc = new Float64Array(k);
    let taken = 0; // rows with a count other than 0: a row is not the sum of one row and zeros
    for (let j = i + dir, steps = 0; j >= 0 && j < n && steps < MAX_RUN; j += dir, steps++) {
      if (!open(j)) return false; // a group, total, subtotal or footer row ends the run
      if (!member(j) || zero[j]) continue;
      taken++;
      for (let c = 0; c < k; c++) acc[c]! += v(rows[j]!, c);
      if (exceeds(rows[i]!, acc)) return false;
      if (taken >= 2 && equal(rows[i]!, acc)) return true;
    }
    return false;
  };
  for (let i = 0; i < n; i++) if (eligible(i) && (run(i, -1) || run(i, 1))) out[i]!.kind = 'subtotal';
  // Totals of the whole file: every unit row above, or below, the row (a report has one or two).
  for (let pass = 0; pass < MAX_FILE_TOTALS; pass++) {
    // prefix[i] (k counts): the sum of the unit rows before row i; taken[i] how many.
    const prefix = new Float64Array((n + 1) * k);
    const taken = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const m = member(i) && !zero[i];
      taken[i + 1] = taken[i]! + (m ? 1 : 0);
      for (let c = 0; c < k; c++) prefix[(i + 1) * k + c] = prefix[i * k + c]! + (m ? v(rows[i]!, c) : 0);
    }
    const sumEquals = (i: number, from: number, to: number) => {
      // The unit rows in [from, to), less row i when it is one of them.
      const self = member(i) && !zero[i] && i >= from && i < to;
      if (taken[to]! - taken[from]! - (self ? 1 : 0) < 2) return false;
      for (let c = 0; c < k; c++) {
        const sum = prefix[to * k + c]! - prefix[from * k + c]! - (self ? v(rows[i]!, c) : 0);
        if (sum !== v(rows[i]!, c)) return false;
      }
      return true;
    };
    const found = rows.findIndex((_, i) => eligible(i) && (sumEquals(i, 0, i) || sumEquals(i, i + 1, n)));
    if (found < 0) break;
    out[found]!.kind = 'subtotal';
  }
}
