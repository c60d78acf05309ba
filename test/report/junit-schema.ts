/**
 * A JUnit document checked with an XML parser (saxes, which refuses what is not well-formed XML
 * 1.0) against the structure the common JUnit schema requires (Jenkins' junit-10.xsd, as pytest
 * tests its own output against): the elements, where they may be, their required and allowed
 * attributes, and counts that add up.
 */
import { SaxesParser } from 'saxes';

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses well-formed XML into a tree; throws on anything else. */
export function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('opentag', (t) => {
    const n: Node = { name: t.name, attrs: { ...(t.attributes as Record<string, string>) }, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(n);
    else root = n;
    stack.push(n);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

const ALLOWED: Record<string, { required: string[]; optional: string[]; children: string[] }> = {
  testsuites: { required: [], optional: ['name', 'time', 'tests', 'failures', 'errors'], children: ['testsuite'] },
  testsuite: {
    required: ['name', 'tests', 'failures', 'errors'],
    optional: ['group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url', 'version'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  testcase: { required: ['name'], optional: ['time', 'classname', 'group'], children: ['skipped', 'error', 'failure', 'system-out', 'system-err'] },
  failure: { required: [], optional: ['type', 'message'], children: [] },
  error: { required: [], optional: ['type', 'message'], children: [] },
  skipped: { required: [], optional: ['type', 'message'], children: [] },
  'system-out': { required: [], optional: [], children: [] },
  'system-err': { required: [], optional: [], children: [] },
};

const count = (cases: Node[], kind: string) => cases.filter((c) => c.children.some((k) => k.name === kind)).length;
const int = (n: Node, a: string) => {
  const v = n.attrs[a]!;
  if (!/^\d+$/.test(v)) throw new Error(`${n.name}/@${a} is not a count: ${v}`);
  return Number(v);
};

function check(n: Node, path: string): void {
  const rule = ALLOWED[n.name];
  if (!rule) throw new Error(`${path}: unknown element <${n.name}>`);
  for (const a of rule.required) if (!(a in n.attrs)) throw new Error(`${path}: <${n.name}> lacks @${a}`);
  for (const a of Object.keys(n.attrs)) if (!rule.required.includes(a) && !rule.optional.includes(a)) throw new Error(`${path}: <${n.name}> has @${a}, not in the schema`);
  for (const c of n.children) if (!rule.children.includes(c.name)) throw new Error(`${path}: <${c.name}> inside <${n.name}>`);
  if (n.name === 'testcase') {
    const verdicts = n.children.filter((c) => c.name === 'failure' || c.name === 'error' || c.name === 'skipped');
    if (verdicts.length > 1) throw new Error(`${path}: a testcase with ${verdicts.length} failure/error/skipped elements`);
  }
  if (n.name === 'testsuite') {
    const cases = n.children.filter((c) => c.name === 'testcase');
    const want = { tests: cases.length, failures: count(cases, 'failure'), errors: count(cases, 'error'), skipped: count(cases, 'skipped') };
    for (const [a, v] of Object.entries(want)) if (a in n.attrs && int(n, a) !== v) throw new Error(`${path}: @${a}=${n.attrs[a]} but ${v} such testcases`);
  }
  n.children.forEach((c, i) => check(c, `${path}/${c.name}[${i}]`));
}

export interface JunitSummary {
  suites: Node[];
  cases: Node[];
  tests: number;
  failures: number;
  skipped: number;
}

/** Checks a JUnit document; returns its suites and cases. Throws on the first departure from the schema. */
export function checkJunit(xml: string): JunitSummary {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('no XML declaration');
  const root = parseXml(xml);
  if (root.name !== 'testsuites') throw new Error(`root is <${root.name}>`);
  check(root, 'testsuites');
  const suites = root.children;
  const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
  const sum = (a: string) => suites.reduce((t, s) => t + Number(s.attrs[a] ?? 0), 0);
  for (const a of ['tests', 'failures', 'errors']) if (a in root.attrs && int(root, a) !== sum(a)) throw new Error(`testsuites/@${a}=${root.attrs[a]} but its suites have ${sum(a)}`);
  return { suites, cases, tests: cases.length, failures: count(cases, 'failure'), skipped: count(cases, 'skipped') };
}
