/**
 * The option-combination tests' shared part (score-options and validate-options): a command's
 * options from the one option table, taken none, one and two at a time, and the run of each
 * combination that must end in a whole document of its format or in one usage line.
 */
import { expect } from 'vitest';
import { ccch } from '../helpers.js';
import { optionsFor, type OptionKey } from '../../src/cli/options.js';

/** The command's options but --format (the loop), as the option table lists them. */
export const optionsOf = (command: Parameters<typeof optionsFor>[0]): OptionKey[] =>
  optionsFor(command)
    .map(([key]) => key)
    .filter((k) => k !== 'format');

/** No option, each option alone, and every pair. */
export function pairsOf(options: readonly OptionKey[]): OptionKey[][] {
  const pairs: OptionKey[][] = [[]];
  options.forEach((a, i) => {
    pairs.push([a]);
    for (const b of options.slice(i + 1)) pairs.push([a, b]);
  });
  return pairs;
}

/**
 * Runs each combination (`args` gives its command line): never an internal error, exit 0–2; no
 * output means options that do not go together, and then one usage line and exit 2; otherwise
 * nothing on stderr and a whole document (`wellFormed`). Returns how many gave a report.
 */
export async function runCombos(combos: readonly OptionKey[][], args: (combo: readonly OptionKey[]) => string[], wellFormed: (out: string) => void): Promise<number> {
  let reports = 0;
  for (const combo of combos) {
    const line = args(combo);
    const r = await ccch(line);
    const what = line.join(' ');
    expect(r.stderr, what).not.toMatch(/lỗi nội bộ|internal error|\n\s+at /);
    expect([0, 1, 2], what).toContain(r.code);
    if (r.stdout === '') {
      // Options that do not go together (--period with --from): one usage line.
      expect(r.code, what).toBe(2);
      expect(r.stderr, what).toMatch(/^ccch: [^\n]+\n$/);
      continue;
    }
    expect(r.stderr, what).toBe('');
    wellFormed(r.stdout);
    reports++;
  }
  return reports;
}
