/**
 * `validate --format junit`: JUnit XML for CI test reporters (Jenkins, GitLab, GitHub), README
 * "CI". A testsuite per input; in it a testcase per contract check (checks.ts) and per group of
 * problems of one code and column — rejected or unmatched rows fail, with every row's
 * file:line:column in the failure; warnings pass, their lines in system-out, unless there are
 * more than --max-warnings, when they fail too. So the failures are what makes the exit code.
 */
import { inputLine } from '../lines.js';
import { junitXml, type JunitCase, type JunitSuite } from '../junit.js';
import { contractChecks, groupLines, groupName, notJoinedNote, problemGroups, problemsByFile } from './checks.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';
import type { Lang } from '../../model/lang.js';
import type { Problem } from '../../model/problem.js';
import { plural } from '../../i18n/messages.js';
import type { CheckedInput } from '../../model/validation.js';

const T = {
  vi: {
    rows: (n: number) => `${n} dòng`,
    tooMany: (w: number, max: number) => `${w} cảnh báo trong mọi tệp, quá --max-warnings ${max}`,
  },
  en: {
    rows: (n: number) => plural(n, 'row'),
    tooMany: (w: number, max: number) => `${plural(w, 'warning')} in all files, more than --max-warnings ${max}`,
  },
};

/** The class of a file's cases: its name without extension (as ESLint's JUnit formatter: Jenkins reads a dot as a package separator). */
const classOf = (file: string) => file.replace(/\.[^./\\]*$/, '');

export const render: Render<ValidateView> = (v, { lang }) => {
  const byFile = problemsByFile(v.problems);
  const suites: JunitSuite[] = v.inputs.map((i) => {
    const problems = byFile.get(i.file) ?? [];
    byFile.delete(i.file); // a file given twice: its problems go with its first entry
    return suite(v, i, problems, lang);
  });
  return junitXml('ccch validate', suites);
};

function suite(v: ValidateView, i: CheckedInput, problems: readonly Problem[], lang: Lang): JunitSuite {
  const classname = classOf(i.file);
  const columnName = (f: string) => (i.dataset === null ? f : v.fieldName(i.dataset, f, lang));
  const cases: JunitCase[] = contractChecks(i, lang, columnName).map((c) => ({
    name: c.name,
    classname,
    ...(c.status === 'fail' ? { failure: { message: c.message!, type: i.error!.code, text: `${place(i.file, c.line, c.column)}: ${c.message}` } } : {}),
    ...(c.status === 'skipped' ? { skipped: c.message! } : {}),
    ...(c.details ? { out: c.details } : {}),
  }));
  const tooMany = v.verdict === 'warnings';
  for (const g of problemGroups(problems)) {
    const text = groupLines(g, lang);
    const fails = g.severity === 'error' || (tooMany && g.severity === 'warning'); // excluded rows (info) never fail
    const first = text.split('\n', 1)[0]!;
    const message = `${g.rows ? `${T[lang].rows(g.rows)}: ` : ''}${first}${g.problems.length > 1 ? ' …' : ''}`;
    cases.push({
      name: groupName(g, lang),
      classname,
      ...(fails ? { failure: { message: g.severity === 'warning' ? `${T[lang].tooMany(v.totals.warnings, v.maxWarnings!)}; ${message}` : message, type: g.code, text } } : { out: text }),
    });
  }
  const out = i.status === 'unreadable' && i.rows === 0 ? undefined : inputLine(i, lang, v.period.label, v.judging.asOf, notJoinedNote(v.inputs, lang), false);
  return { name: i.file, file: i.file, cases, ...(out ? { out } : {}) };
}

const place = (file: string, line?: number, column?: number) => `${file}${line !== undefined ? `:${line}` : ''}${line !== undefined && column !== undefined ? `:${column}` : ''}`;
