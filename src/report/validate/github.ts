/**
 * `validate --format github`: GitHub Actions workflow commands (report/workflow.ts), one per
 * line — an unreadable input as an error at the place of its refusal, every problem as an error
 * (rejected, unmatched) or a warning at its file:line:column, and the result last (an error when
 * the run fails: unreadable inputs, errors, or more warnings than --max-warnings). GitHub shows
 * them as annotations on the run and on the lines of the repository's files.
 */
import { LABELS, plural } from '../../i18n/messages.js';
import { message } from '../../i18n/messages.js';
import { annotation } from '../workflow.js';
import { clip, safeParams } from '../../util/safe-text.js';
import { contractChecks } from './checks.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';
import { UNMATCHED_CODES } from '../../model/problem.js';

const T = {
  vi: {
    unreadable: 'không đọc được',
    result: (clean: number, n: number, unreadable: number, errors: number, warnings: number) =>
      `${clean}/${n} tệp đạt${unreadable ? `, ${unreadable} tệp không đọc được` : ''}; ${errors} dòng bị loại hoặc không khớp, ${warnings} cảnh báo`,
    tooMany: (max: number) => ` (quá --max-warnings ${max})`,
    omitted: (n: number) => `${n} lỗi/cảnh báo nữa không được lưu (xem --format json)`,
  },
  en: {
    unreadable: 'unreadable',
    result: (clean: number, n: number, unreadable: number, errors: number, warnings: number) =>
      `${clean} of ${plural(n, 'file')} clean${unreadable ? `, ${unreadable} unreadable` : ''}; ${plural(errors, 'row')} rejected or unmatched, ${plural(warnings, 'warning')}`,
    tooMany: (max: number) => ` (more than --max-warnings ${max})`,
    omitted: (n: number) => `${n} more problems not kept`,
  },
};

export const render: Render<ValidateView> = (v, { lang }) => {
  const L = LABELS[lang];
  const out: string[] = [];
  for (const i of v.inputs) {
    if (i.status !== 'unreadable') continue;
    const failed = contractChecks(i, lang, (f) => f).find((c) => c.status === 'fail')!;
    out.push(annotation({ level: 'error', file: i.file, line: failed.line, col: failed.column, title: `ccch validate: ${T[lang].unreadable} (${i.error!.code})`, message: failed.message! }));
  }
  for (const p of v.problems) {
    const what = p.severity === 'warning' ? L.warning : p.severity === 'info' ? L.excludedMark : UNMATCHED_CODES.has(p.code) ? L.unmatched : L.rejected;
    const title = `ccch validate: ${what} ${p.code}${p.header ? ` [${clip(p.header)}]` : ''}`;
    out.push(annotation({ level: p.severity === 'info' ? 'notice' : p.severity, file: p.file, line: p.line, col: p.column, title, message: message(lang, p.code, safeParams(p.params)) }));
  }
  const omitted = v.problemCount - v.problems.length;
  if (omitted > 0) out.push(annotation({ level: 'warning', title: 'ccch validate', message: T[lang].omitted(omitted) }));
  const t = v.totals;
  const result = T[lang].result(v.inputs.filter((i) => i.status === 'clean').length, t.files, t.unreadable, t.rejected + t.unmatched, t.warnings);
  out.push(annotation({ level: v.verdict === 'clean' ? 'notice' : 'error', title: 'ccch validate', message: result + (v.verdict === 'warnings' ? T[lang].tooMany(v.maxWarnings!) : '') }));
  return out.join('');
};
