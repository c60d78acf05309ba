/**
 * The golden CLI outputs (test/golden/cases.txt → test/golden/out/NAME.txt), run in this
 * process through cli/main.ts run with a fake Io: exit code, stdout and stderr, byte for byte.
 * The files are written, and checked on the built binary, by `node scripts/golden.mjs [--check]`;
 * this test shows the in-process run prints what the binary prints.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCases, goldenText } from '../scripts/golden.mjs';
import { ROOT, ccch } from './helpers.js';
import { COMMAND_NAMES, FORMATS } from '../src/cli/formats.js';

describe('golden CLI outputs, in-process', () => {
  it.each(goldenCases().map((c) => [c.name, c.args] as const))('%s', async (name, args) => {
    const want = readFileSync(join(ROOT, 'test/golden/out', `${name}.txt`), 'utf8');
    expect(goldenText(await ccch(args, { env: { CCCH_THREADS: '' } }))).toBe(want);
  });

  it('has a case for every format of every command, and the help of every command', () => {
    const cases = goldenCases();
    for (const command of COMMAND_NAMES) {
      const mine = cases.filter((c) => c.args[0] === command);
      const format = (args: string[]) => (args.includes('--format') ? args[args.indexOf('--format') + 1] : 'table');
      // A binary format (xlsx, zipped with the time) is read back instead (test/report/score-xlsx.test.ts).
      for (const f of FORMATS[command].filter((x) => !x.binary)) expect(mine.some((c) => format(c.args) === f.name), `${command} --format ${f.name}`).toBe(true);
      expect(mine.some((c) => c.args.includes('--help'))).toBe(true);
    }
  });
});
