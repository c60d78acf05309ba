/**
 * README.md's option and exit-code tables are generated from src/cli (scripts/readme-options.mjs;
 * `npm run check` runs it with --check on the build): here against src/ directly.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionRows, updateReadme, type ReadmeModel } from '../scripts/readme-options.mjs';
import { optionsFor } from '../src/cli/options.js';
import { COMMAND_NAMES } from '../src/cli/formats.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { EXITS } from '../src/cli/help.js';
import { choicesOf, perCommand } from '../src/cli/option-spec.js';
import { contractTable, statusTable } from '../src/ingest/contract-doc.js';
import { ROOT } from './helpers.js';

const model = { optionsFor, COMMAND_NAMES, COMMANDS, EXITS, perCommand, choicesOf, contract: { contractTable, statusTable } } as unknown as ReadmeModel;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README option tables', () => {
  it('are what the option table, the commands and the exit codes give', () => {
    const { text, missing } = updateReadme(README, model);
    expect(missing).toEqual([]);
    expect(text).toBe(README);
  });

  it('list every option of every command, once, fully where it is first used and "as for" elsewhere', () => {
    for (const command of COMMAND_NAMES) {
      const flags = [...optionRows(model, command), ...optionRows(model, command, 'side')].flatMap((r) => r.flags.map((f) => f.split(' ')[0]));
      for (const [key, spec] of optionsFor(command)) {
        const long = spec.flags.split(/[ ,]+/).find((f) => f.startsWith('--'))!;
        expect(flags.filter((f) => f === long), `${command} ${key}`).toHaveLength(1);
      }
    }
    expect(optionRows(model, 'tasks').find((r) => r.flags.includes('--plan FILE'))).toMatchObject({ meaning: 'as for `score`', asFor: 'score' });
    expect(optionRows(model, 'validate').find((r) => r.flags.includes('--period P'))!.meaning).toContain('summary reports');
  });

  it('notice a change of the table, and a command without its region', () => {
    const changed = { ...model, optionsFor: (c: string) => optionsFor(c as 'score').map(([k, s]) => [k, k === 'problems' ? { ...s, readme: { meaning: 'changed' } } : s]) } as ReadmeModel;
    expect(updateReadme(README, changed).text).not.toBe(README);
    expect(updateReadme(README.replace('<!-- generated: options plan;', '<!-- plan;'), model).missing).toEqual(['options plan']);
  });
});
