/**
 * Every option of `validate` with every other (all pairs, read from the option table: a new
 * option needs a sample value here or this test fails), each in every --format, on inputs of
 * every sort (an export, a fact export, an unreadable file, a side file among them): no run may
 * crash. Each ends in a report of its format — JSON that parses, JUnit that passes the schema
 * check, GitHub commands that parse, a table — or, for options that do not go together, in one
 * usage line on stderr. (`validate --units FILE` in the table crashed once: issue 14.)
 */
import { describe, expect, it } from 'vitest';
import { optionsOf, pairsOf, runCombos } from '../option-pairs.js';
import type { OptionKey } from '../../../src/cli/options.js';
import { FORMATS } from '../../../src/cli/formats.js';
import { formatNames } from '../../../src/report/render.js';
import { checkJunit } from '../../report/junit-schema.js';
import { parseCommands } from '../../report/github-grammar.js';

/** A sample value of each option (null: a switch); --format is the loop. */
const SAMPLES: Partial<Record<OptionKey, string[]>> = {
  status: ['--status', 'fixtures/tasks/trang-thai-2023.csv'],
  catalog: ['--catalog', 'fixtures/catalog/danh-muc-tthc.csv'],
  units: ['--units', 'fixtures/units/don-vi.csv'],
  period: ['--period', '2023-Q1'],
  from: ['--from', '2023-01-01'],
  to: ['--to', '2023-06-30'],
  asOf: ['--as-of', '2023-03-31'],
  maxWarnings: ['--max-warnings', '0'],
  lang: ['--lang', 'en'],
  plan: ['--plan', 'plan/dong-nai-2023.yaml'],
  sheet: ['--sheet', 'Hồ sơ'],
  delimiter: ['--delimiter', ','],
  encoding: ['--encoding', 'utf-8'],
  unit: ['--unit', 'Sở Tư pháp'],
  dateOrder: ['--date-order', 'mdy'],
  map: ['--map', 'fixtures/real-exports/anh-xa.yaml'],
  threads: ['--threads', '2'],
  // Standard output, so that the loop reads what it writes (a file is tested in test/cli/output.test.ts).
  output: ['-o', '-'],
};

const FILES = ['fixtures/units/ho-so.csv', 'fixtures/joins/online-extra.csv', 'fixtures/bad/missing-unit.csv', 'fixtures/tasks/ascii-semicolon.csv'];
/** With --sheet, a workbook too (read whole, it is the slowest input: only there). */
const WORKBOOK = 'fixtures/formats/ho-so-2023.xlsx';

const options = optionsOf('validate');
const pairs = pairsOf(options);

/** Checks an output is a whole document of its format. */
function wellFormed(format: string, out: string): void {
  switch (format) {
    case 'json':
      expect(JSON.parse(out).schemaVersion).toBe(1);
      break;
    case 'junit':
      checkJunit(out);
      break;
    case 'github':
      expect(parseCommands(out).length).toBeGreaterThan(0);
      break;
    default:
      expect(out).toMatch(/^(Kiểm tra|Checked) \d+ /);
      expect(out).toMatch(/(Kết quả|Result): .*\n$/);
  }
}

describe('validate: every option with every other, in every format', () => {
  it('has a sample value for every option', () => {
    expect(options.filter((k) => !SAMPLES[k])).toEqual([]);
  });

  it.each(formatNames(FORMATS.validate))('--format %s', async (format) => {
    const reports = await runCombos(
      pairs,
      (combo) => ['validate', ...(combo.includes('sheet') ? [...FILES, WORKBOOK] : FILES), ...combo.flatMap((k) => SAMPLES[k]!), '--format', format],
      (out) => wellFormed(format, out),
    );
    // All but the pairs of --period with --from or --to gave a report.
    expect(reports).toBe(pairs.length - 2);
  });
});
