/**
 * Nothing from the data reaches the terminal raw: escape sequences in an export (ESC[2J clears
 * the screen, OSC 0 sets the window title, OSC 8 makes a link, C1 0x9B is a CSI, U+202E turns
 * text around) are shown escaped in every output for people — the `score --by unit` table,
 * `validate` and `tasks` problem lines, the stderr line that quotes headers, progress — and
 * kept whole in JSON, which escapes them itself. Echoed values are cut to a few hundred
 * characters.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccch-terminal-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Raw control characters a terminal would act on (ESC, BEL, CSI, bidi overrides…), but for the colors ccch writes itself. */
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const EVIL = 'UBND xã \x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil\x07click\x1b]8;;\x07 \u009b31m\u202eevil';
const SHOWN = 'UBND xã \\x1b[2J\\x1b]0;pwned\\x07\\x1b]8;;http://evil\\x07click\\x1b]8;;\\x07 \\x9b31m\\u202eevil';
const csv = file(
  'esc.csv',
  // A channel column, so that the units have an online-rate result to list (an absent column gives none).
  `Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Cấp,Hình thức nộp\nHS1,"${EVIL}",2023-03-01,,Trực tuyến\nHS2,UBND xã An Bình,2023-03-01,\x1b[2Jbad,Trực tiếp\nHS3,UBND xã An Bình,bad\x1b]0;t\x07${'x'.repeat(900)},,Trực tiếp\n`,
);

describe('escape sequences from the data are shown escaped to people, kept whole in JSON', () => {
  it('score --by unit: the unit column', async () => {
    // Wide enough for the escaped name on one line (the table wraps a long name at its width).
    const r = await ccch(['score', csv, '--by', 'unit', '--lang', 'en', '--problems'], { env: { COLUMNS: '200' } });
    expect(r.stdout).toContain(SHOWN);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('unknown tier value: "\\x1b[2Jbad"');
  });

  it('validate: problem lines, cut to a few hundred characters', async () => {
    const r = await ccch(['validate', csv, '--lang', 'en']);
    expect(r.stdout).not.toMatch(RAW);
    const line = r.stdout.split('\n').find((l) => l.includes('unparseable received date'))!;
    expect(line).toMatch(/unparseable received date: "bad\\x1b\]0;t\\x07x+…"$/);
    expect(line.length).toBeLessThan(400);
  });

  it('with colors on, only ccch\'s own color sequences are raw', async () => {
    const r = await ccch(['validate', csv, '--lang', 'en'], { env: { FORCE_COLOR: '1' } });
    // eslint-disable-next-line no-control-regex -- SGR sequences, which chalk writes
    const uncolored = r.stdout.replace(/\x1b\[\d+(;\d+)*m/g, '');
    expect(uncolored).not.toMatch(RAW);
    expect(r.stdout).not.toBe(uncolored);
  });

  it('JSON keeps the values whole (JSON escapes them)', async () => {
    const r = await ccch(['validate', csv, '--format', 'json']);
    expect(r.stdout).toContain('\\u001b[2Jbad');
    const doc = JSON.parse(r.stdout) as { problems: Array<{ line: number | null; message: string }> };
    // The first problem of a line (the file's own, a coverage warning, comes before).
    expect(doc.problems.find((p) => p.line !== null)!.message).toContain('\x1b[2Jbad');
  });

  it('tasks: the status file\'s problem lines', async () => {
    const status = file('status.csv', 'Mã nhiệm vụ,Trạng thái\n\x1b[2JT1,\x1b]0;x\x07done\n');
    const r = await ccch(['tasks', '--status', status, '--lang', 'en', '--as-of', '2023-06-30']);
    expect(r.stdout).toContain('no task "\\x1b[2JT1"');
    expect(r.stdout).not.toMatch(RAW);
  });

  it('stderr: the line that quotes headers (and a 50 MB header line is not a 52 MB line); validate gives it as the file\'s reason', async () => {
    const head = file('head.csv', 'Tiêu\x1b[2J đề,\x1b]0;x\x07b\n1,2\n');
    const r = await ccch(['score', head, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('found "Tiêu\\x1b[2J đề", "\\x1b]0;x\\x07b"');
    expect(r.stderr).not.toMatch(RAW);
    // validate keeps going: the same line, in its report, for every format for people.
    for (const format of ['table', 'junit', 'github']) {
      const v = await ccch(['validate', head, '--lang', 'en', '--format', format]);
      expect(v.code).toBe(2);
      expect(v.stdout).toContain('found "Tiêu\\x1b[2J đề", "\\x1b]0;x\\x07b"');
      expect(v.stdout).not.toMatch(RAW);
    }
    const big = file('big.csv', `Tiêu đề ${'x'.repeat(3 << 20)},b\n1,2\n`);
    expect((await ccch(['score', big, '--lang', 'en'])).stderr.length).toBeLessThan(600);
    const lines = (await ccch(['validate', big, '--lang', 'en'])).stdout.split('\n');
    expect(lines.find((l) => l.includes('found'))!.length).toBeLessThan(600);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(600);
  });

  it('progress names the file escaped', async () => {
    const name = file('\x1b]0;t\x07.csv', 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\n' + 'HS1,UBND xã An Bình,2023-03-01\n'.repeat(200_000));
    const r = await ccch(['validate', name, '--lang', 'en'], { tty: { stderr: true } });
    expect(r.stderr).toContain('\\x1b]0;t\\x07.csv');
    expect(r.stderr.replace(/\r\x1b\[K/g, '')).not.toMatch(RAW); // eslint-disable-line no-control-regex -- progress clears its line
  });
});
