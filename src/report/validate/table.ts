/**
 * `validate --format table`, the default: per file, the kind detected, the columns matched,
 * missing and ignored, the row accounting; then the problems (README "ccch validate").
 */
import { LABELS } from '../../i18n/messages.js';
import { inputLine, problemLine } from '../lines.js';
import { formatVi } from '../../util/dates.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';
import type { Kind } from '../../model/kinds.js';

const V = {
  vi: {
    title: (n: number) => `Kiểm tra ${n} tệp theo quy cách dữ liệu`,
    matched: 'cột nhận ra',
    missing: 'cột không có',
    ignored: 'cột bỏ qua',
    clean: 'đạt',
    notClean: 'có dòng bị loại hoặc không khớp',
    result: (clean: number, n: number) => `Kết quả: ${clean}/${n} tệp đạt.`,
  },
  en: {
    title: (n: number) => `Checked ${n} file(s) against the data contract`,
    matched: 'columns matched',
    missing: 'columns missing',
    ignored: 'columns ignored',
    clean: 'clean',
    notClean: 'some rows rejected or unmatched',
    result: (clean: number, n: number) => `Result: ${clean} of ${n} files clean.`,
  },
};

export const render: Render<ValidateView> = (v, { lang, chalk: c }) => {
  const L = LABELS[lang];
  const T = V[lang];
  const out: string[] = [];
  out.push(c.bold(T.title(v.inputs.length)));
  out.push(`${L.period}: ${v.period.label} (${formatVi(v.period.from)} – ${formatVi(v.period.to)})`);
  out.push('');
  for (const i of v.inputs) {
    const ok = i.clean;
    out.push(`${ok ? c.green('✓') : c.red('✗')} ${inputLine(i, lang, v.period.label)} — ${ok ? T.clean : T.notClean}`);
    const sk = i.skipped;
    if (sk.title + sk.total + sk.footer > 0) out.push(`    ${L.skipped(sk.title, sk.total, sk.footer)}`);
    const label = (f: string) => v.fieldName(i.dataset as Kind, f, lang); // validate reads exports only, never side files
    const matched = Object.entries(i.columns).map(([f, h]) => `${label(f)} ← "${h}"`);
    out.push(`    ${T.matched}: ${matched.join(', ')}`);
    if (i.missingColumns.length) out.push(`    ${T.missing}: ${i.missingColumns.map(label).join(', ')}`);
    if (i.ignoredColumns.length) out.push(`    ${T.ignored}: ${i.ignoredColumns.map((h) => `"${h}"`).join(', ')}`);
  }
  out.push('');
  if (v.problemCount === 0) out.push(L.noProblems);
  else {
    out.push(L.problemsHeading(v.problems.length, v.problemCount).replace(/; [^)]*--problems[^)]*/, ''));
    for (const p of v.problems) out.push(`  ${problemLine(p, lang)}`);
  }
  out.push(T.result(v.inputs.filter((i) => i.clean).length, v.inputs.length));
  return `${out.join('\n')}\n`;
};
