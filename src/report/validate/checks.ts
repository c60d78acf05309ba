/**
 * `validate` as checks, for the CI formats (junit.ts, github.ts): per input, the contract checks
 * — readable, of a known kind, with its required columns, agreeing with the period and the other
 * inputs (summary reports) — each passed, failed (the refusal's reason, at its file:line:column)
 * or not reached; and its problems in groups of one severity, code and column.
 */
import { errorText } from '../../i18n/errors.js';
import { LABELS } from '../../i18n/messages.js';
import { datasetLabel, problemLine } from '../lines.js';
import type { ErrorCode } from '../../model/errors.js';
import type { Lang } from '../../model/lang.js';
import { UNMATCHED_CODES, type Problem } from '../../model/problem.js';
import type { CheckedInput } from '../../model/validation.js';

export type CheckId = 'readable' | 'kind' | 'columns' | 'consistent';

export interface Check {
  id: CheckId;
  name: string;
  status: 'pass' | 'fail' | 'skipped';
  /** fail: the reason, one line; skipped: why not checked. */
  message?: string;
  /** fail: where (the refusal's place). */
  line?: number;
  column?: number;
  /** What was found (the columns matched and missing). */
  details?: string;
}

/** Which check an input refusal fails; any other refusal is a fault in reading the file. */
const FAILS: Partial<Record<ErrorCode, CheckId>> = {
  'input.unknownKind': 'kind',
  'input.ambiguousKind': 'kind',
  'input.sideFileAsExport': 'kind',
  'input.missingRequired': 'columns',
  'input.unitsNameOrCode': 'columns',
  'input.statusOrCompleted': 'columns',
  'input.noReportingUnit': 'columns',
  'input.doubleCounted': 'consistent',
  'input.otherPeriod': 'consistent',
};

const NAMES = {
  vi: {
    readable: 'đọc được (mở được, giải mã được, đúng cú pháp bảng)',
    kind: (k: string | null) => (k ? `nhận ra loại tệp: ${k}` : 'nhận ra loại tệp'),
    columns: 'có đủ cột bắt buộc',
    consistent: 'đúng kỳ, không tính trùng đơn vị với tệp khác',
    notChecked: 'không kiểm tra: tệp không đọc được',
    matched: 'cột nhận ra',
    missing: 'cột không có',
  },
  en: {
    readable: 'readable (opened, decoded, parsed as a table)',
    kind: (k: string | null) => (k ? `kind recognised: ${k}` : 'kind recognised'),
    columns: 'required columns present',
    consistent: 'of the period, no unit counted twice with another input',
    notChecked: 'not checked: the file could not be read',
    matched: 'columns matched',
    missing: 'columns missing',
  },
};

/** An input's contract checks, in order: those before the refusal's pass, it fails, those after are not reached. */
export function contractChecks(i: CheckedInput, lang: Lang, columnName: (field: string) => string): Check[] {
  const N = NAMES[lang];
  const ids: CheckId[] = ['readable', 'kind', 'columns'];
  const failed: CheckId | null = i.error ? (FAILS[i.error.code] ?? 'readable') : null;
  if (i.dataset === 'summary' || failed === 'consistent') ids.push('consistent');
  const kind = i.dataset === null ? null : datasetLabel(i.dataset, lang);
  const matched = Object.entries(i.columns);
  // What was matched, when the header was read (a file refused later, by the settle step, kept none).
  const details = matched.length
    ? [`${N.matched}: ${matched.map(([f, h]) => `${columnName(f)} ← "${h}"`).join(', ')}`, ...(i.missingColumns.length ? [`${N.missing}: ${i.missingColumns.map(columnName).join(', ')}`] : [])].join('\n')
    : undefined;
  const at = failed === null ? ids.length : ids.indexOf(failed);
  return ids.map((id, k): Check => {
    const name = id === 'kind' ? N.kind(kind) : N[id];
    if (k < at) return { id, name, status: 'pass', ...(id === 'columns' && details ? { details } : {}) };
    if (k > at) return { id, name, status: 'skipped', message: N.notChecked };
    const where = i.error!.where;
    return {
      id,
      name,
      status: 'fail',
      message: errorText(i.error!, lang).replace(/\s*\n\s*/g, ' '),
      ...(where.line !== undefined ? { line: where.line } : {}),
      ...(where.column !== undefined ? { column: where.column } : {}),
    };
  });
}

/** Problems of one severity, code and column in one file. */
export interface ProblemGroup {
  severity: Problem['severity'];
  code: string;
  header: string | null;
  problems: Problem[];
  /** The rows behind them (an unmatched code counts all its rows). */
  rows: number;
}

/** A file's problems in groups, in the order each group first appears. */
export function problemGroups(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.code}\u0000${p.header ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: p.severity, code: p.code, header: p.header, problems: [], rows: 0 }));
    g.problems.push(p);
    if (p.line !== null) g.rows += typeof p.params.rows === 'number' ? p.params.rows : 1; // a problem of no line is about its whole file
  }
  return [...groups.values()];
}

/** A group's name: what became of its rows, its code and column ("bị loại: row.badDate [Ngày nộp]"). */
export function groupName(g: ProblemGroup, lang: Lang): string {
  const L = LABELS[lang];
  const what = g.severity === 'warning' ? L.warning : UNMATCHED_CODES.has(g.code) ? L.unmatched : L.rejected;
  return `${what}: ${g.code}${g.header ? ` [${g.header}]` : ''}`;
}

/** Each problem of a group as its line (file:line:column: …), at most `max`, then how many more. */
export function groupLines(g: ProblemGroup, lang: Lang, max = 1000): string {
  const lines = g.problems.slice(0, max).map((p) => problemLine(p, lang));
  if (g.problems.length > max) lines.push(lang === 'vi' ? `… và ${g.problems.length - max} nữa` : `… and ${g.problems.length - max} more`);
  return lines.join('\n');
}

/** A file's problems, by file name (they name their file as given). */
export function problemsByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const m = new Map<string, Problem[]>();
  for (const p of problems) {
    let l = m.get(p.file);
    if (!l) m.set(p.file, (l = []));
    l.push(p);
  }
  return m;
}

/** Why fact exports were not joined, when an unreadable input may be a dossier list (ingest/refusals.ts); else undefined (no list given). */
export function notJoinedNote(inputs: readonly CheckedInput[], lang: Lang): string | undefined {
  const refused = inputs.some((i) => i.status === 'unreadable' && (i.dataset === null || i.dataset === 'dossiers'));
  return refused ? LABELS[lang].notJoinedRefused : undefined;
}
