/**
 * JUnit XML, as Jenkins, GitLab and GitHub test reporters read it (the common schema, Jenkins'
 * junit-10.xsd): <testsuites> of <testsuite name tests failures errors skipped>, each of
 * <testcase name classname> with at most one <failure message type> or <skipped message>, and
 * <system-out>. Counts are made from the cases, so they always add up. Everything from the data
 * is escaped, in text and in attributes; characters XML 1.0 does not allow (C0 controls but tab,
 * LF and CR; U+FFFE, U+FFFF; lone surrogates) become U+FFFD. Times are left out: the output
 * depends on the data only. The junit formats are for people too (a CI server's test report), so
 * their renderers are given the view through the sanitiser (report/render.ts): the data's control
 * and bidi characters arrive shown escaped (`\x1b`, `\u202e`), as in the table.
 */

export interface JunitCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; text: string };
  skipped?: string;
  /** <system-out>: what the case looked at (lines). */
  out?: string;
}

export interface JunitSuite {
  name: string;
  /** The file the suite is about (the schema's testsuite/@file), when there is one. */
  file?: string;
  cases: JunitCase[];
  out?: string;
}

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 refuses
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: & < > escaped (so "]]>" never appears), characters XML refuses replaced. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value (in double quotes): as text, and " and the white space attribute normalization would change kept as references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');

const counts = (cases: readonly JunitCase[]) => ({
  tests: cases.length,
  failures: cases.filter((c) => c.failure).length,
  errors: 0,
  skipped: cases.filter((c) => !c.failure && c.skipped !== undefined).length,
});

function testcase(c: JunitCase): string {
  const inner: string[] = [];
  if (c.failure) inner.push(`      <failure${attrs({ message: c.failure.message, type: c.failure.type })}>${xmlText(c.failure.text)}</failure>`);
  else if (c.skipped !== undefined) inner.push(`      <skipped${attrs({ message: c.skipped })}/>`);
  if (c.out) inner.push(`      <system-out>${xmlText(c.out)}</system-out>`);
  const open = `    <testcase${attrs({ name: c.name, classname: c.classname })}`;
  return inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>\n` : `${open}/>\n`;
}

/** The document, a suite at a time. */
export function* junitXml(name: string, suites: Iterable<JunitSuite>): Generator<string> {
  const all = [...suites];
  const total = counts(all.flatMap((s) => s.cases));
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name, tests: total.tests, failures: total.failures, errors: total.errors })}>\n`;
  for (const s of all) {
    const n = counts(s.cases);
    let out = `  <testsuite${attrs({ name: s.name, ...n, file: s.file })}>\n`;
    for (const c of s.cases) out += testcase(c);
    if (s.out) out += `    <system-out>${xmlText(s.out)}</system-out>\n`;
    yield `${out}  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}
