/**
 * Every option of `score` with every other (all pairs, read from the option table: a new option
 * needs a sample value here or this test fails), each in every --format, on a dossier list, a
 * fact export and a PAKN list (a workbook too with --sheet): no run may crash. Each ends in a
 * whole document of its format — JSON that parses, JUnit that passes the schema check, GitHub
 * commands that parse, an HTML page, the table — or, for options that do not go together, in one
 * usage line on stderr. The same table as validate-options.test.ts (issue 14).
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
  period: ['--period', '2023-Q1'],
  from: ['--from', '2023-01-01'],
  to: ['--to', '2023-06-30'],
  asOf: ['--as-of', '2023-03-31'],
  by: ['--by', 'unit,month'],
  failing: ['--failing'],
  top: ['--top', '3'],
  allUnits: ['--all-units'],
  exitZero: ['--exit-zero'],
  catalog: ['--catalog', 'fixtures/catalog/danh-muc-tthc.csv'],
  units: ['--units', 'fixtures/units/don-vi.csv'],
  problems: ['--problems'],
  lang: ['--lang', 'en'],
  plan: ['--plan', 'plan/dong-nai-2023.yaml'],
  sheet: ['--sheet', 'Hồ sơ'],
  delimiter: ['--delimiter', ','],
  encoding: ['--encoding', 'utf-8'],
  unit: ['--unit', 'Sở Tư pháp'],
  dateOrder: ['--date-order', 'mdy'],
  map: ['--map', 'fixtures/real-exports/anh-xa.yaml'],
  threads: ['--threads', '2'],
  // Standard output, so that the loop reads what it writes (a file: test/cli/output.test.ts).
  output: ['-o', '-'],
};
/** --by district,month with --units (without, district is a usage error: the pairs of --by alone take unit,month). */
const sample = (k: OptionKey, combo: readonly OptionKey[]) => (k === 'by' && combo.includes('units') ? ['--by', 'district,month'] : SAMPLES[k]!);

const FILES = ['fixtures/units/ho-so.csv', 'fixtures/joins/online-extra.csv', 'fixtures/coverage/pakn-03-den-10.csv'];
/** With --sheet, a workbook too (read whole, it is the slowest input: only there). */
const WORKBOOK = 'fixtures/formats/ho-so-2023.xlsx';

const options = optionsOf('score');
const pairs = pairsOf(options);
/** HTML takes each option alone, and the pairs of those that change what the page shows (it renders charts: ~0.4 s a run). */
const SHAPING: readonly OptionKey[] = ['by', 'failing', 'top', 'allUnits', 'units', 'catalog', 'lang', 'asOf', 'problems'];
const combosFor = (format: string) => (format === 'html' ? pairs.filter((c) => c.length < 2 || c.every((k) => SHAPING.includes(k))) : pairs);

/** Checks an output is a whole document of its format. */
function wellFormed(format: string, out: string): void {
  switch (format) {
    case 'json':
      expect(JSON.parse(out).schemaVersion).toBe(1);
      break;
    case 'junit':
      expect(checkJunit(out).tests).toBeGreaterThan(0);
      break;
    case 'github':
      // The summary last, whatever else.
      expect(parseCommands(out).at(-1)!.props.title).toMatch(/^ccch score: /);
      break;
    case 'html':
      expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="(vi|en)">/);
      expect(out).toMatch(/<\/body>\n<\/html>\n$/);
      break;
    case 'md':
      expect(out).toMatch(/\n\*\*(Tổng hợp|Summary):\*\* \d+ /);
      break;
    case 'csv':
      expect(out).toMatch(/^\ufeffrecord,plan,period,/);
      expect(out.endsWith('\r\n')).toBe(true);
      break;
    case 'xlsx':
      expect(out.startsWith('PK\u0003\u0004')).toBe(true);
      break;
    default:
      expect(out).toMatch(/\n(Tổng hợp|Summary): \d+ /);
  }
}

describe('score: every option with every other, in every format', () => {
  it('has a sample value for every option', () => {
    expect(options.filter((k) => !SAMPLES[k])).toEqual([]);
  });

  it.each(formatNames(FORMATS.score))(
    '--format %s',
    async (format) => {
      const combos = combosFor(format);
      const reports = await runCombos(
        combos,
        (combo) => ['score', ...(combo.includes('sheet') ? [...FILES, WORKBOOK] : FILES), ...combo.flatMap((k) => sample(k, combo)), '--format', format],
        (out) => wellFormed(format, out),
      );
      // All but the pairs of --period with --from or --to gave a report, and --period 2023-Q1 with
      // --date-order mdy: read month first, the dossier list's dates fall from May on, none in Q1
      // (refused in one line, exit 2).
      const refusedPairs = combos.filter((c) => c.includes('period') && (c.includes('from') || c.includes('to') || c.includes('dateOrder')));
      expect(reports).toBe(combos.length - refusedPairs.length);
    },
    400_000, // 210 runs a format; under the full suite's load
  );
});
