/**
 * Lines that several renderers print alike: a problem (`file:line:column: severity [header]:
 * message`), an input's row accounting, its rows that are not data, the period, word wrapping.
 */
import { LABELS, SIDE_LABELS, TASK_LABELS, message } from '../i18n/messages.js';
import type { Lang } from '../model/lang.js';
import { clip, safeParams } from '../util/safe-text.js';
import { UNMATCHED_CODES, type Problem } from '../model/problem.js';
import type { Result } from '../model/result.js';
import type { InputReport, UnknownValues } from '../model/accounting.js';
import type { Kind } from '../model/kinds.js';
import type { NamedPeriod } from '../model/period.js';
import { formatVi } from '../util/dates.js';
import { formatInt } from './format.js';

/** What a problem does to its row, in words: rejected, unmatched (a fact row matching no dossier), excluded (info), or a warning. */
export function severityText(p: Pick<Problem, 'severity' | 'code'>, lang: Lang): string {
  const L = LABELS[lang];
  return p.severity === 'warning' ? L.warning : p.severity === 'info' ? L.excludedMark : UNMATCHED_CODES.has(p.code) ? L.unmatched : L.rejected;
}

/** A problem's line; the values it echoes (the cell, the header) cut to a few hundred characters. */
export function problemLine(p: Omit<Problem, 'field'>, lang: Lang): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}${p.column !== null ? `:${p.column}` : ''}`;
  const sev = severityText(p, lang);
  const col = p.header ? ` [${clip(p.header)}]` : '';
  return `${where}: ${sev}${col}: ${message(lang, p.code, safeParams(p.params))}`;
}

/** What an input is, for people: `hồ sơ`, `đơn vị`…; a kind not known (an input refused before its header) has its own label. */
export function datasetLabel(dataset: InputReport['dataset'], lang: Lang): string {
  if (dataset === null) return LABELS[lang].unknownDataset;
  return LABELS[lang].dataset[dataset] ?? SIDE_LABELS[lang].dataset[dataset] ?? dataset;
}

/**
 * One input's accounting line: `file (kind): rows read = …`, with unmatched rows for fact
 * exports, and rows received after --as-of (`asOf`) when there are any. `notJoined`: why a fact
 * export was not joined (default: no dossier list given). `inPeriod`: the rows in the period beside
 * the rows counted when they differ (validate says them on a line of its own).
 */
export function inputLine(i: InputReport, lang: Lang, period: string, asOf: number | null = null, notJoined?: string, inPeriod = true): string {
  const L = LABELS[lang];
  // Excluded rows, when there are any, join the sum before the warnings: received after --as-of, never accepted.
  const by = i.excludedBy;
  const excluded = (by.asOf > 0 && asOf !== null ? L.excludedTerm(by.asOf, formatVi(asOf)) : '') + (by.notAccepted > 0 ? L.excluded(by.notAccepted) : '');
  const acc =
    i.dataset === 'task-status'
      ? TASK_LABELS[lang].accounting(i.rows, i.counted, i.rejected, i.superseded, i.unmatched, i.warnings)
      : i.joined !== null
        ? L.accountingJoin(i.rows, i.counted, i.rejected, i.superseded, i.unmatched, i.warnings) + (i.joined ? '' : ` (${notJoined ?? L.notJoined})`)
        : L.accounting(i.rows, i.counted, i.rejected, i.superseded, i.warnings, excluded);
  const note = i.summaryPeriod === 'assumed' ? ` (${L.periodAssumed(period)})` : '';
  // Rows counted in the file, and in the period when not all of them are (`inPeriod`: validate says it on a line of its own).
  const within = inPeriod && i.inPeriod !== null && i.inPeriod !== i.counted ? `; ${L.inPeriod(i.inPeriod, period)}` : '';
  return `${i.file} (${datasetLabel(i.dataset, lang)}): ${acc}${within}${note}`;
}

/** The period line: its name, its days, and the report whose title gave it. */
export function periodLine(p: NamedPeriod, lang: Lang): string {
  const L = LABELS[lang];
  const from = p.fromTitle ? ` — ${L.periodFromTitle(p.fromTitle.file, p.fromTitle.line)}` : '';
  return `${L.period}: ${p.label} (${formatVi(p.from)} – ${formatVi(p.to)})${from}`;
}

/** The input's rows that are not data (title, group, total … rows), or null when none. */
export function skippedLine(i: InputReport, lang: Lang): string | null {
  const sk = i.skipped;
  if (sk.title + sk.total + sk.footer + sk.group + sk.subtotal === 0) return null;
  return LABELS[lang].skipped(sk, i.dataset === 'summary');
}

/**
 * The values no vocabulary knew, per field: a heading, then a line per field with its `top` most
 * frequent values and their counts (README "A mapping file"); none when there are none.
 */
export function unknownLines(lists: readonly UnknownValues[], name: (kind: Kind, field: string, lang: Lang) => string, lang: Lang, top = 5): string[] {
  if (lists.length === 0) return [];
  const L = LABELS[lang];
  const out = [L.unknownHeading];
  for (const u of lists) {
    const shown = u.values.slice(0, top).map((v) => `"${v.value}" ${v.count}`);
    const rest = u.values.length - shown.length;
    out.push(`  ${name('dossiers', u.field, lang)}: ${shown.join(', ')}${rest > 0 || u.more > 0 ? `, ${L.unknownMore(rest, u.more)}` : ''}`);
  }
  return out;
}

/** Greedy word wrap at `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A file's indicators not computed for want of columns: one line per set of missing columns,
 * naming exactly those columns and the indicators they stop (side files: their missing columns).
 */
export function missingLines(i: Pick<InputReport, 'file' | 'notComputed' | 'missingFor' | 'missingColumns'>, lang: Lang, label: (field: string) => string, name: (id: string) => string): string[] {
  const L = LABELS[lang];
  if (i.notComputed.length === 0) return [];
  const byCols = new Map<string, { cols: string[]; ids: string[] }>();
  for (const id of i.notComputed) {
    const cols = i.missingFor[id] ?? i.missingColumns;
    const key = cols.join('|');
    const g = byCols.get(key) ?? { cols, ids: [] };
    g.ids.push(id);
    byCols.set(key, g);
  }
  return [...byCols.values()].map((g) => L.missingColumns(i.file, g.cols.map(label).join(', '), g.ids.map(name).join(', ')));
}

/** A result as the JSON document has it (leftOut and reason null when none). */
interface CoverageDoc {
  indicator: string;
  tier: string;
  unit: string | null;
  district?: string | null;
  reason?: Result['reason'] | null;
  leftOut?: Result['leftOut'] | null;
}

/**
 * The results' coverage notes (marked ` *` in the table): per indicator whose province result
 * left records out for want of a column, how many, and which files lack which columns; with
 * none counted, "not computed".
 */
export function coverageLines(results: readonly CoverageDoc[], lang: Lang, label: (indicator: string, field: string) => string, name: (id: string) => string): string[] {
  const L = LABELS[lang];
  const out: string[] = [];
  for (const r of results) {
    if (r.tier !== 'all' || r.unit !== null || (r.district ?? null) !== null || !r.leftOut) continue;
    const why = r.leftOut.missing.map((m) => L.noColumnIn(m.columns.map((f) => label(r.indicator, f)).join(', '), m.file)).join('; ');
    out.push(r.reason === 'not-computed' ? L.notComputedNote(name(r.indicator), why) : L.leftOutNote(name(r.indicator), formatInt(r.leftOut.records, lang), why));
  }
  return out;
}
