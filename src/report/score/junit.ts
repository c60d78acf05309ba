/**
 * `score --format junit`: JUnit XML for CI test reporters (README "CI"). A testsuite per
 * indicator (and catalog or units measure), a testcase per result — tier, unit or district: a
 * failed target is a failure, no data (or no target) is skipped, a pass passes with its figures.
 * So the failures are what makes the exit code 1. Last, a testsuite of the data: a testcase per
 * input, passing (rows left out do not fail `score`: `validate` judges them), with its accounting
 * line and its problems in system-out — the first ten, all with --problems, as the table lists them.
 */
import { LABELS } from '../../i18n/messages.js';
import { junitXml, type JunitCase, type JunitSuite } from '../junit.js';
import { inputLine, problemLine } from '../lines.js';
import { resultFigures, resultGroups, resultRow } from './results.js';
import type { Render } from '../render.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';
import type { Lang } from '../../model/lang.js';

const DATA = { vi: 'ccch score: dữ liệu', en: 'ccch score: data' };

export const render: Render<ScoreView, ScoreRenderOptions> = (v, { lang, options }) => {
  const L = LABELS[lang];
  const suites = resultGroups(v, lang).map((g) => ({
    name: `${g.name} (${g.indicator} · ${g.clause})`,
    cases: g.results.map((r): JunitCase => {
      const base = { name: resultRow(r, lang), classname: `ccch.score.${g.indicator}` };
      const figures = resultFigures(r, lang, g.kind);
      if (r.status === 'fail') return { ...base, failure: { message: `${L.status.fail}: ${figures}`, type: 'target', text: `${g.name} — ${resultRow(r, lang)}: ${figures}` } };
      if (r.status === 'no-data' || r.status === 'no-target') return { ...base, skipped: L.status[r.status]!, out: figures };
      return { ...base, out: figures };
    }),
  }));
  return junitXml('ccch score', [...suites, dataSuite(v, lang, options.problems)]);
};

/** The inputs, each a passing testcase: its accounting line, then its problems among the first `shown`. */
function dataSuite(v: ScoreView, lang: Lang, shown: number): JunitSuite {
  const s = v.score;
  const problems = s.problems.slice(0, shown);
  const cases = s.inputs.map((i): JunitCase => {
    const lines = [inputLine(i, lang, s.period.label, s.judging.asOf), ...problems.filter((p) => p.file === i.file).map((p) => problemLine(p, lang))];
    return { name: i.file, classname: 'ccch.score.data', out: lines.join('\n') };
  });
  const left = s.problemCount - problems.length;
  return { name: DATA[lang], cases, ...(left > 0 ? { out: LABELS[lang].problemsHeading(problems.length, s.problemCount).replace(/:$/, '') } : {}) };
}
