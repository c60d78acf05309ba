/**
 * `ccch validate` warns when a record list does not cover the period (evaluate/coverage.ts,
 * README "Coverage"), on fixtures/coverage (March 2023):
 * - ho-so-02.csv: February's dossiers (received 01/02–27/02, the last resolved 28/02): no row in March;
 * - ho-so-03-den-20.csv: received 01/03–20/03 (C03 resolved 29/03): 11 days before 31/03;
 * - ho-so-03-den-28.csv: received to 28/03: 3 days before, covered;
 * - pakn-03-den-10.csv: PAKN received to 10/03: not held to the end.
 */
import { describe, expect, it } from 'vitest';
import { ccch } from '../../helpers.js';
import { checkJunit, type Node } from '../../report/junit-schema.js';
import { parseCommands } from '../../report/github-grammar.js';

const F = (n: string) => `fixtures/coverage/${n}`;
const ALL = ['ho-so-02.csv', 'ho-so-03-den-20.csv', 'ho-so-03-den-28.csv', 'pakn-03-den-10.csv'].map(F);
const MARCH = ['--period', '2023-03', '--lang', 'en'];

type Doc = { inputs: Array<{ file: string; warnings: number; status: string }>; problems: Array<{ file: string; line: number | null; column: number | null; code: string; severity: string; message: string }>; summary: { warnings: number; verdict: string } };
const json = async (args: string[]) => {
  const r = await ccch(['validate', ...args, '--format', 'json']);
  return { code: r.code, j: JSON.parse(r.stdout) as Doc };
};

describe('validate: coverage of the period', () => {
  it('warns of a list with no row in the period and of a dossier list whose received dates stop early; warnings alone exit 0', async () => {
    const r = await ccch(['validate', ...ALL, ...MARCH]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${F('ho-so-02.csv')}: warning: no row in the period 2023-03 (2023-03-01 – 2023-03-31): the data run from 2023-02-01 to 2023-02-28 — the wrong file or period?`);
    expect(r.stdout).toContain(`${F('ho-so-03-den-20.csv')}: warning: received dates stop at 2023-03-20, 11 days before 2023-03-31 (the period's end): exported early, or data missing?`);
    const { j } = await json([...ALL, ...MARCH]);
    expect(j.inputs.map((i) => [i.file, i.warnings, i.status])).toEqual([
      [F('ho-so-02.csv'), 1, 'clean'],
      [F('ho-so-03-den-20.csv'), 1, 'clean'],
      [F('ho-so-03-den-28.csv'), 0, 'clean'],
      [F('pakn-03-den-10.csv'), 0, 'clean'],
    ]);
    expect(j.problems.map((p) => [p.file, p.line, p.column, p.severity, p.code])).toEqual([
      [F('ho-so-02.csv'), null, null, 'warning', 'coverage.noRowsInPeriod'],
      [F('ho-so-03-den-20.csv'), null, null, 'warning', 'coverage.endsEarly'],
    ]);
    expect(j.summary).toMatchObject({ warnings: 2, verdict: 'clean' });
  });

  it('in Vietnamese, with dd/mm/yyyy dates', async () => {
    const r = await ccch(['validate', F('ho-so-03-den-20.csv'), '--period', '2023-03']);
    expect(r.stdout).toContain('fixtures/coverage/ho-so-03-den-20.csv: cảnh báo: ngày tiếp nhận dừng ở 20/03/2023, 11 ngày trước 31/03/2023 (cuối kỳ): tệp xuất sớm hay thiếu dữ liệu?');
  });

  it('--max-warnings 0 makes an incomplete export fail the run', async () => {
    const { code, j } = await json([F('ho-so-03-den-20.csv'), ...MARCH, '--max-warnings', '0']);
    expect(code).toBe(1);
    expect(j.summary.verdict).toBe('warnings');
    expect((await ccch(['validate', F('ho-so-03-den-28.csv'), ...MARCH, '--max-warnings', '0'])).code).toBe(0);
  });

  it('--as-of: the data need reach only that day', async () => {
    const { j } = await json([F('ho-so-03-den-20.csv'), ...MARCH, '--as-of', '2023-03-20']);
    expect(j.problems).toEqual([]);
    // Rows received after --as-of are left out, so the list that reached 28/03 now stops at 14/03.
    const late = await json([F('ho-so-03-den-28.csv'), ...MARCH, '--as-of', '2023-03-20']);
    expect(late.j.problems[0]!.message).toBe("received dates stop at 2023-03-14, 6 days before 2023-03-20 (--as-of): exported early, or data missing?");
  });

  it('a file\'s coverage warning comes first among its problems', async () => {
    const { j } = await json(['fixtures/hand/ho-so-2023.csv', '--lang', 'en']);
    expect(j.problems[0]).toMatchObject({ file: 'fixtures/hand/ho-so-2023.csv', line: null, code: 'coverage.endsEarly' });
    expect(j.problems.slice(1).every((p) => p.line !== null)).toBe(true);
  });

  it('JUnit: a testcase of its own, passing (the warning in system-out) unless past --max-warnings; GitHub: an annotation on the file, with no line', async () => {
    const args = ['validate', F('ho-so-03-den-20.csv'), ...MARCH];
    const caseOf = (xml: string) => checkJunit(xml).cases.find((c) => c.attrs.name === 'warning: coverage.endsEarly')!;
    const ok = caseOf((await ccch([...args, '--format', 'junit'])).stdout);
    expect(ok.children.map((c: Node) => c.name)).toEqual(['system-out']);
    const failed = caseOf((await ccch([...args, '--format', 'junit', '--max-warnings', '0'])).stdout).children[0]!;
    expect(failed.name).toBe('failure');
    // No "N rows:": the warning is about the file, not rows.
    expect(failed.attrs.message).toBe(`1 warning in all files, more than --max-warnings 0; ${F('ho-so-03-den-20.csv')}: warning: received dates stop at 2023-03-20, 11 days before 2023-03-31 (the period's end): exported early, or data missing?`);
    const cmds = parseCommands((await ccch([...args, '--format', 'github'])).stdout);
    expect(cmds[0]).toEqual({ level: 'warning', props: { file: F('ho-so-03-den-20.csv'), title: 'ccch validate: warning coverage.endsEarly' }, message: expect.stringMatching(/^received dates stop at 2023-03-20, /) });
  });
});
