/**
 * `score --format junit`: JUnit XML for CI test reporters (README "CI"). A testsuite per
 * indicator (and catalog or units measure), a testcase per result — tier, unit or district: a
 * failed target is a failure, no data (or no target) is skipped, a pass passes with its figures.
 * So the failures are what makes the exit code 1.
 */
import { LABELS } from '../../i18n/messages.js';
import { junitXml, type JunitCase } from '../junit.js';
import { resultFigures, resultGroups, resultRow } from './results.js';
import type { Render } from '../render.js';
import type { ScoreView } from './view.js';

export const render: Render<ScoreView> = (v, { lang }) => {
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
  return junitXml('ccch score', suites);
};
