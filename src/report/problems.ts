/**
 * Problems summed up by message, for the formats people read: "×412 bị loại [Đơn vị]: không
 * xác định được cấp của đơn vị "…"", with the values that differ ("Chi cục Thuế khu vực Biên
 * Hòa - Vĩnh Cửu" ×300, …) and where the first ones are. Problems of the same severity, code
 * and column are one group; their message is written once, each parameter that differs within
 * the group as "…". Groups come most frequent first, then in the order first met. Machine
 * formats list every problem instead.
 */
import { message, plural } from '../i18n/messages.js';
import type { Lang } from '../model/lang.js';
import { UNMATCHED_CODES, type Problem } from '../model/problem.js';
import { severityText } from './lines.js';

type Params = Problem['params'];

export interface ProblemGroup {
  severity: Problem['severity'];
  header: string | null;
  code: string;
  /** The message, with the values that differ within the group written "…". */
  message: string;
  count: number;
  /** When values differ: each set of them and how often, most frequent first. */
  variants: Array<{ values: string; count: number }>;
  /** The first places, file by file, in the order met (at most `places` lines in all). */
  places: Array<{ file: string; lines: number[] }>;
}

interface Building {
  g: ProblemGroup;
  listed: number;
  params: Map<string, { params: Params; count: number }>;
}

/** The groups of a list of problems, most frequent first. */
export function groupProblems(problems: Iterable<Omit<Problem, 'field'>>, lang: Lang, places = 5): ProblemGroup[] {
  const groups = new Map<string, Building>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.code}\u0000${p.header ?? ''}`;
    let b = groups.get(key);
    if (!b) {
      b = { g: { severity: p.severity, header: p.header, code: p.code, message: '', count: 0, variants: [], places: [] }, listed: 0, params: new Map() };
      groups.set(key, b);
    }
    b.g.count++;
    const pk = JSON.stringify(p.params);
    const v = b.params.get(pk);
    if (v) v.count++;
    else b.params.set(pk, { params: p.params, count: 1 });
    if (b.listed < places) {
      b.listed++;
      const last = b.g.places[b.g.places.length - 1];
      // A problem of a whole file (no line: a coverage warning) names the file alone.
      if (last && last.file === p.file) {
        if (p.line !== null) last.lines.push(p.line);
      } else b.g.places.push({ file: p.file, lines: p.line === null ? [] : [p.line] });
    }
  }
  return [...groups.values()].map((b) => finish(b, lang)).sort((a, b) => b.count - a.count);
}

/** The group's message, and its variants when the parameters differ. */
function finish({ g, params }: Building, lang: Lang): ProblemGroup {
  const sets = [...params.values()];
  const first = sets[0]!.params;
  if (sets.length === 1) return { ...g, message: message(lang, g.code, first) };
  const varying = Object.keys(first).filter((k) => sets.some((s) => s.params[k] !== first[k]));
  const template = { ...first, ...Object.fromEntries(varying.map((k) => [k, '…'])) };
  const variants = sets
    .map((s) => ({ values: varying.map((k) => valueText(k, s.params[k], lang)).join(' · '), count: s.count }))
    .sort((a, b) => b.count - a.count);
  return { ...g, message: message(lang, g.code, template), variants };
}

/** Parameters that are days ccch wrote (yyyy-mm-dd), which the Vietnamese messages write 15/04/2023; values from the data stay as written. */
const DAY_PARAMS = new Set(['received', 'resolved']);

/** A parameter as its message writes it. */
const valueText = (key: string, v: string | number | undefined, lang: Lang) => {
  const s = String(v ?? '');
  return lang === 'vi' && DAY_PARAMS.has(key) ? s.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : s;
};

/** "bị loại [Đơn vị]: không xác định được cấp của đơn vị "…"" — what the group says, without its count. */
export function groupText(g: Pick<ProblemGroup, 'severity' | 'code' | 'header' | 'message'>, lang: Lang): string {
  return `${severityText(g, lang)}${g.header ? ` [${g.header}]` : ''}: ${g.message}`;
}

/** `"Chi cục Thuế…" ×9; "…" ×6; …` — the values that differ, the first `n`. */
export function variantsText(g: ProblemGroup, n = 3): string {
  const shown = g.variants.slice(0, n).map((v) => `"${v.values}" ×${v.count}`);
  return shown.join('; ') + (g.variants.length > n ? '; …' : '');
}

const WHERE = {
  vi: (lines: number[]) => `dòng ${lines.join(', ')}`,
  en: (lines: number[]) => `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`,
};

/** "ho-so.csv: dòng 146, 333, 515 …" — where the group's first problems are; "…" when there are more. */
export function placesText(g: ProblemGroup, lang: Lang): string {
  const shown = g.places.reduce((n, p) => n + Math.max(1, p.lines.length), 0);
  const text = g.places.map((p) => (p.lines.length ? `${p.file}: ${WHERE[lang](p.lines)}` : p.file)).join('; ');
  return shown < g.count ? `${text} …` : text;
}

const HEADING = {
  vi: (total: number, rejected: number, unmatched: number, warnings: number) =>
    `Lỗi và cảnh báo: ${total} (${[`${rejected} dòng bị loại`, ...(unmatched ? [`${unmatched} dòng không khớp`] : []), `${warnings} cảnh báo`].join(', ')}), gộp theo nội dung:`,
  en: (total: number, rejected: number, unmatched: number, warnings: number) =>
    `Problems: ${total} (${[plural(rejected, 'rejected row'), ...(unmatched ? [plural(unmatched, 'unmatched row')] : []), plural(warnings, 'warning')].join(', ')}), by message:`,
};

/** The heading of a summary of problems: how many, rejected rows, unmatched fact rows (when any) and warnings (of those kept). */
export function groupsHeading(groups: readonly ProblemGroup[], total: number, lang: Lang): string {
  const count = (which: (g: ProblemGroup) => boolean) => groups.reduce((n, g) => n + (which(g) ? g.count : 0), 0);
  const unmatched = count((g) => g.severity === 'error' && UNMATCHED_CODES.has(g.code));
  const errors = count((g) => g.severity === 'error');
  return HEADING[lang](total, errors - unmatched, unmatched, count(() => true) - errors);
}

const MORE = {
  vi: (n: number, hint: boolean) => `… và ${n} loại lỗi khác${hint ? ' (xem tất cả với --problems)' : ''}`,
  en: (n: number, hint: boolean) => `… and ${n} other kind${n === 1 ? '' : 's'} of problem${hint ? ' (--problems lists all)' : ''}`,
};

/** "… và 7 loại lỗi khác (xem tất cả với --problems)". */
export const moreGroupsText = (n: number, lang: Lang, hint = true) => MORE[lang](n, hint);
