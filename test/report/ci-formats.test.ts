/**
 * The CI formats: `--format junit` checked with an XML parser against the common JUnit schema's
 * structure (junit-schema.ts), `--format github` line by line against the workflow-command
 * grammar, both for validate and score, with data that tries to break out of them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch } from '../helpers.js';
import { checkJunit, parseXml, type Node } from './junit-schema.js';
import { parseCommand, parseCommands } from './github-grammar.js';
import { junitXml, xmlAttr, xmlText } from '../../src/report/junit.js';
import { annotation, escapeData, escapeProperty } from '../../src/report/workflow.js';

const dir = mkdtempSync(join(tmpdir(), 'ccch-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Data that tries every escape: markup, entities, a CDATA end, quotes, a control character, an ANSI escape, a right-to-left override, a C1 CSI, a percent, a line break. */
const NASTY = '<b>&amp;]]>"\'\u0001\u001b[31m100%\u202eevil\u009b2J\r\nx';
/**
 * NASTY as the outputs give it back: junit and github are formats for people (a CI server's
 * test report, a pull request's annotations), given the view through the sanitiser
 * (util/safe-text.ts) like the table: control and bidi characters shown escaped, visibly; the
 * line feed kept (each format escapes it its own way).
 */
const SHOWN = '<b>&amp;]]>"\'\\x01\\x1b[31m100%\\u202eevil\\x9b2J\\x0d\nx';
/** What must never reach a CI server's page raw: C0 controls but tab and line feed, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex -- the characters looked for
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A file name with what workflow-command properties and XML attributes must escape. */
const NASTY_FILE = join(dir, 'a,b:c%&<d>".csv');
const CELL = `"${NASTY.replace(/"/g, '""')}"`;
writeFileSync(NASTY_FILE, `Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nHS1,Sở Tư pháp,${CELL},Trực tuyến\nHS2,Sở Tư pháp,05/01/2023,${CELL}\nHS3,Sở Tư pháp,06/01/2023,Trực tuyến\n`);
/** A feedback list without its unit column: refused at its header (a refused dossier list would leave the online export unjoined). */
const PAKN = join(dir, 'pakn.csv');
writeFileSync(PAKN, 'Mã PAKN,Ngày tiếp nhận\nP1,05/01/2023\n');
const ONLINE = join(dir, 'online.csv');
writeFileSync(ONLINE, 'Mã hồ sơ,Ngày nộp\nHS3,06/01/2023\nZZ9,06/01/2023\nZZ9,07/01/2023\n');

/** A file whose name holds an escape sequence (OSC 0, the window title) and a right-to-left override, and a header with them too (an ignored column). */
const HOSTILE_FILE = join(dir, 'x\u001b]0;pwned\u0007\u202eevil.csv');
const HOSTILE_SHOWN = join(dir, 'x\\x1b]0;pwned\\x07\\u202eevil.csv');
writeFileSync(HOSTILE_FILE, 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ghi chú\u001b[2J\u202e\nHS1,Sở Tư pháp,32/01/2023,x\n');

const text = (n: Node): string => n.text;
const child = (n: Node, name: string) => n.children.find((c) => c.name === name);

describe('JUnit XML', () => {
  it('escapes text and attributes, and replaces what XML 1.0 does not allow', () => {
    const s = `a<b>&c"d'e\u0000f\u0008g\u000bh\u001fi\uFFFEj\uD800k\uDC00l\u{1F600}m\tn\ro\np]]>`;
    const doc = parseXml(`<x a="${xmlAttr(s)}">${xmlText(s)}</x>`);
    // eslint-disable-next-line no-control-regex -- the characters XML refuses
    const fixed = s.replace(/[\u0000\u0008\u000b\u001f\uFFFE]|\uD800|\uDC00/g, '\uFFFD');
    expect(doc.attrs.a).toBe(fixed);
    // Text keeps its line breaks (a parser turns CR LF and lone CR into LF, as XML says).
    expect(doc.text).toBe(fixed.replace(/\r/g, '\n'));
  });

  it('the schema check refuses what the schema refuses (so the tests below can fail)', () => {
    const good = [...junitXml('x', [{ name: 's', cases: [{ name: 'c', classname: 'k', failure: { message: 'm', type: 't', text: 'x' } }] }])].join('');
    expect(() => checkJunit(good)).not.toThrow();
    expect(() => checkJunit(good.replace('failures="1" errors="0" skipped', 'failures="0" errors="0" skipped'))).toThrow(/failures/);
    expect(() => checkJunit(good.replace('<testcase name="c"', '<testcase file="f" name="c"'))).toThrow(/@file/);
    expect(() => checkJunit(good.replace('>x</failure>', '>x & y</failure>'))).toThrow();
    expect(() => checkJunit(good.replace('errors="0" skipped="0"', 'skipped="0"'))).toThrow(/lacks @errors/);
  });

  it('validate: a testsuite per file, a testcase per contract check and per problem group; failures are what fails the run', async () => {
    const r = await ccch(['validate', NASTY_FILE, ONLINE, PAKN, '--format', 'junit', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const j = checkJunit(r.stdout);
    expect(j.suites.map((s) => s.attrs.name)).toEqual([NASTY_FILE, ONLINE, PAKN]);
    const [nasty, online, missing] = j.suites as [Node, Node, Node];
    const names = (s: Node) => s.children.filter((c) => c.name === 'testcase').map((c) => c.attrs.name);
    expect(names(nasty)).toEqual([
      'readable (opened, decoded, parsed as a table)',
      'kind recognised: dossiers',
      'required columns present',
      // Its data stop on 06/01 (validated for the year): a coverage warning, about the file, passes.
      'warning: coverage.endsEarly',
      'rejected: row.badDate [Ngày tiếp nhận]',
      'warning: value.unknown [Hình thức nộp]',
    ]);
    expect(child(nasty.children[3]!, 'failure')).toBeUndefined();
    const bad = nasty.children[4]!;
    // The data comes back as it was, markup and all, but for its control characters, shown escaped.
    expect(text(child(bad, 'failure')!)).toBe(`${NASTY_FILE}:2:3: rejected [Ngày tiếp nhận]: unparseable received date: "${SHOWN}"`);
    expect(child(bad, 'failure')!.attrs.type).toBe('row.badDate');
    expect(child(nasty.children[5]!, 'failure')).toBeUndefined();
    expect(child(nasty.children[5]!, 'system-out')!.text).toContain(`${NASTY_FILE}:4:4: warning [Hình thức nộp]`);
    // The unmatched code (its repeat is superseded: online rows say nothing new).
    expect(online.children.filter((c) => c.name === 'testcase').map((c) => [c.attrs.name, child(c, 'failure')?.attrs.message])).toContainEqual([
      'unmatched: row.unmatched [Mã hồ sơ]',
      `1 row: ${ONLINE}:3:1: unmatched [Mã hồ sơ]: dossier code "ZZ9" matches no dossier (1 row)`,
    ]);
    expect(child(missing.children[2]!, 'failure')!.attrs).toMatchObject({ type: 'input.missingRequired' });
    expect(text(child(missing.children[2]!, 'failure')!)).toBe(`${PAKN}:1: feedback file lacks required column: unit (Đơn vị / Đơn vị tiếp nhận / Đơn vị xử lý / Cơ quan giải quyết / DonViXuLy / Cơ quan thụ lý / Cơ quan tiếp nhận / govAgencyName / Cơ quan xử lý)`);
    expect(j.failures).toBe(3);
  });

  it('validate: the checks after a fault are skipped', async () => {
    const j = checkJunit((await ccch(['validate', 'nope.csv', '--format', 'junit'])).stdout);
    const [nope] = j.suites as [Node];
    expect(nope.children.map((c) => [c.attrs.name, c.children[0]?.name])).toEqual([
      ['đọc được (mở được, giải mã được, đúng cú pháp bảng)', 'failure'],
      ['nhận ra loại tệp', 'skipped'],
      ['có đủ cột bắt buộc', 'skipped'],
    ]);
    expect(nope.attrs).toMatchObject({ tests: '3', failures: '1', skipped: '2' });
  });

  it('validate: warnings fail only past --max-warnings; a clean run has no failure', async () => {
    const files = ['fixtures/joins/dossiers.csv', 'fixtures/joins/digitization-extra.csv'];
    const ok = checkJunit((await ccch(['validate', ...files, '--format', 'junit'])).stdout);
    expect(ok.failures).toBe(0);
    const strict = await ccch(['validate', ...files, '--format', 'junit', '--max-warnings', '0', '--lang', 'en']);
    expect(strict.code).toBe(1);
    const j = checkJunit(strict.stdout);
    expect(j.failures).toBe(1);
    expect(j.cases.find((c) => child(c, 'failure'))!.children[0]!.attrs.message).toMatch(/^1 warning in all files, more than --max-warnings 0; 1 row: /);
  });

  it('score: a testcase per indicator × tier; a failed target fails, no data is skipped', async () => {
    const r = await ccch(['score', 'fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv', '--format', 'junit']);
    const json = JSON.parse((await ccch(['score', 'fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv', '--format', 'json'])).stdout);
    expect(r.code).toBe(json.summary.fail > 0 ? 1 : 0);
    const j = checkJunit(r.stdout);
    // A testcase per result, and one per input in the last suite, the data's: passing, with its accounting and problems.
    expect(j.tests).toBe(json.results.length + json.inputs.length);
    const data = j.suites.at(-1)!;
    expect(data.attrs).toMatchObject({ name: 'ccch score: dữ liệu', tests: '2', failures: '0', skipped: '0' });
    const dossiers = data.children[0]!;
    expect(dossiers.attrs).toEqual({ name: 'fixtures/hand/ho-so-2023.csv', classname: 'ccch.score.data' });
    const out = child(dossiers, 'system-out')!.text.split('\n');
    expect(out[0]).toMatch(/^fixtures\/hand\/ho-so-2023\.csv \(hồ sơ\): 23 dòng đọc = 15 được tính \+ 7 bị loại/);
    // The problems the table lists (the first ten), this file's.
    expect(out.slice(1)).toEqual(json.problems.slice(0, 10).filter((p: { file: string }) => p.file === 'fixtures/hand/ho-so-2023.csv').map((p: { line: number; column: number | null }) => expect.stringMatching(new RegExp(`^fixtures/hand/ho-so-2023\\.csv:${p.line}${p.column === null ? '' : `:${p.column}`}: `))));
    expect(out.length).toBeGreaterThan(1);
    expect(j.failures).toBe(json.summary.fail);
    expect(j.skipped).toBe(json.summary.noData + json.summary.noTarget);
    const fail = j.cases.find((c) => child(c, 'failure'))!;
    expect(fail.attrs.classname).toMatch(/^ccch\.score\./);
    expect(child(fail, 'failure')!.attrs.message).toMatch(/^Không đạt: \d+,\d% \(\d+\/\d+\), mục tiêu ≥ \d+%, thiếu \d+ (hồ sơ|PAKN)$/);
  });
});

describe('GitHub workflow commands', () => {
  it('escapes data and properties as the runner unescapes them', () => {
    const line = annotation({ level: 'warning', file: 'a,b:c%d.csv', line: 3, col: 2, title: 't:1,2', message: 'x%y\r\nz::w' });
    expect(line).toBe('::warning file=a%2Cb%3Ac%25d.csv,line=3,col=2,title=t%3A1%2C2::x%25y%0D%0Az::w\n');
    expect(parseCommand(line.trimEnd())).toEqual({ level: 'warning', props: { file: 'a,b:c%d.csv', line: '3', col: '2', title: 't:1,2' }, message: 'x%y\r\nz::w' });
    expect(escapeData('\u001b[31m')).toBe('\uFFFD[31m');
    expect(escapeProperty('a\nb')).toBe('a%0Ab');
  });

  it('validate: one command a line — unreadable files, every problem at file:line:column, the result last', async () => {
    const r = await ccch(['validate', NASTY_FILE, ONLINE, PAKN, '--format', 'github', '--lang', 'en']);
    expect(r.code).toBe(2);
    // Nothing raw: a line feed in the data is %0A, so every line is one command.
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout.split('\n').filter(Boolean).every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
    const cmds = parseCommands(r.stdout);
    expect(cmds[0]).toEqual({
      level: 'error',
      props: { file: PAKN, line: '1', title: 'ccch validate: unreadable (input.missingRequired)' },
      message: expect.stringMatching(/^feedback file lacks required column: unit /),
    });
    // The file's own warning first (its data stop on 06/01), on the file with no line.
    expect(cmds[1]).toEqual({ level: 'warning', props: { file: NASTY_FILE, title: 'ccch validate: warning coverage.endsEarly' }, message: expect.stringMatching(/^received dates stop at 2023-01-06, /) });
    expect(cmds[2]).toEqual({
      level: 'error',
      props: { file: NASTY_FILE, line: '2', col: '3', title: 'ccch validate: rejected row.badDate [Ngày tiếp nhận]' },
      message: `unparseable received date: "${SHOWN}"`,
    });
    expect(cmds[3]).toMatchObject({ level: 'warning', props: { file: NASTY_FILE, line: '4', col: '4' } });
    expect(cmds[4]).toMatchObject({ level: 'error', props: { file: ONLINE, line: '3', col: '1', title: 'ccch validate: unmatched row.unmatched [Mã hồ sơ]' } });
    expect(cmds[5]).toEqual({ level: 'error', props: { title: 'ccch validate' }, message: '0 of 3 files clean, 1 unreadable; 2 rows rejected or unmatched, 2 warnings' });
    expect(cmds).toHaveLength(6);
  });

  it('validate: a clean run is one notice', async () => {
    const r = await ccch(['validate', 'fixtures/joins/dossiers.csv', '--format', 'github', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(parseCommands(r.stdout)).toEqual([{ level: 'notice', props: { title: 'ccch validate' }, message: '1 of 1 file clean; 0 rows rejected or unmatched, 0 warnings' }]);
  });

  it('score: every failed target an error, the problems as the table lists them, the summary last', async () => {
    const args = ['score', 'fixtures/hand/ho-so-2023.csv', '--lang', 'en'];
    const json = JSON.parse((await ccch([...args, '--format', 'json'])).stdout);
    const r = await ccch([...args, '--format', 'github']);
    expect(r.code).toBe(1);
    const cmds = parseCommands(r.stdout);
    const targets = cmds.filter((c) => c.props.title?.startsWith('ccch score: ') && !c.props.file && c.level === 'error' && c !== cmds[cmds.length - 1]);
    expect(targets).toHaveLength(json.summary.fail);
    expect(targets[0]!.message).toMatch(/^Dossiers resolved on time — Department: 33\.3% \(2\/6\), target ≥ 96%, 4 dossiers short$/);
    expect(cmds.filter((c) => c.props.file)).toHaveLength(10);
    const all = parseCommands((await ccch([...args, '--format', 'github', '--problems'])).stdout);
    expect(all.filter((c) => c.props.file)).toHaveLength(json.problems.length);
    expect(cmds[cmds.length - 1]).toEqual({ level: 'error', props: { title: 'ccch score: 282/KH-UBND, 2023' }, message: `Summary: ${json.summary.pass} pass, ${json.summary.fail} fail, ${json.summary.noData} no data, ${json.summary.noTarget} no target` });
  });
});

describe('junit and github are for people: what the data holds cannot break out', () => {
  for (const format of ['junit', 'github']) {
    for (const command of ['validate', 'score']) {
      it(`${command} --format ${format}: a file name and a header with an escape sequence and a bidi override are shown escaped`, async () => {
        const r = await ccch([command, HOSTILE_FILE, '--format', format, '--lang', 'en', ...(command === 'score' ? ['--problems'] : [])]);
        expect(r.stderr).toBe('');
        expect(r.stdout).not.toMatch(RAW_CONTROL);
        if (format === 'junit') {
          const j = checkJunit(r.stdout);
          if (command === 'score') expect(j.suites.at(-1)!.children[0]!.attrs.name).toBe(HOSTILE_SHOWN);
          if (command === 'validate') {
            expect(j.suites[0]!.attrs.name).toBe(HOSTILE_SHOWN);
            expect(j.cases.map((c) => c.attrs.name)).toContain('rejected: row.badDate [Ngày tiếp nhận]');
            expect(j.suites[0]!.children.find((c) => c.name === 'system-out')!.text).toMatch(/^.*x\\x1b\]0;pwned\\x07\\u202eevil\.csv \(dossiers\): 1 row read/);
          }
        } else {
          const bad = parseCommands(r.stdout).find((c) => c.props.line !== undefined)!;
          expect(bad.props).toMatchObject({ file: HOSTILE_SHOWN, line: '2', col: '3' });
        }
      });
    }
  }
});
