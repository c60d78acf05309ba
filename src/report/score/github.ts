/**
 * `score --format github`: GitHub Actions workflow commands (report/workflow.ts), one per line —
 * every failed target an error, the problems of the inputs as errors (rows not counted) and
 * warnings at their file:line:column (the first ten, all with --problems, as the table lists
 * them), and the summary last (an error when a target failed).
 */
import { LABELS, message } from '../../i18n/messages.js';
import { annotation } from '../workflow.js';
import { clip, safeParams } from '../../util/safe-text.js';
import { resultFigures, resultGroups, resultRow } from './results.js';
import type { Render } from '../render.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';
import { UNMATCHED_CODES } from '../../model/problem.js';

export const render: Render<ScoreView, ScoreRenderOptions> = (v, { lang, options }) => {
  const L = LABELS[lang];
  const out: string[] = [];
  for (const g of resultGroups(v, lang)) {
    for (const r of g.results) {
      if (r.status !== 'fail') continue;
      out.push(annotation({ level: 'error', title: `ccch score: ${g.indicator} (${resultRow(r, lang)})`, message: `${g.name} — ${resultRow(r, lang)}: ${resultFigures(r, lang, g.kind)}` }));
    }
  }
  const s = v.score;
  for (const p of s.problems.slice(0, options.problems)) {
    const what = p.severity === 'warning' ? L.warning : p.severity === 'info' ? L.excludedMark : UNMATCHED_CODES.has(p.code) ? L.unmatched : L.rejected;
    out.push(annotation({ level: p.severity === 'info' ? 'notice' : p.severity, file: p.file, line: p.line, col: p.column, title: `ccch score: ${what} ${p.code}${p.header ? ` [${clip(p.header)}]` : ''}`, message: message(lang, p.code, safeParams(p.params)) }));
  }
  const left = s.problemCount - Math.min(options.problems, s.problems.length);
  if (left > 0) out.push(annotation({ level: 'warning', title: 'ccch score', message: L.problemsHeading(s.problemCount - left, s.problemCount).replace(/:$/, '') }));
  const sum = L.summary(s.summary.pass, s.summary.fail, s.summary.noData, s.summary.noTarget);
  out.push(annotation({ level: s.summary.fail > 0 ? 'error' : 'notice', title: `ccch score: ${s.plan.id}, ${s.period.label}`, message: sum }));
  return out.join('');
};
