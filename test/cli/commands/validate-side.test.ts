/**
 * `ccch validate` checks the side files — units, procedures catalog, task status — given by their
 * options or among the files (recognised by their headers), with the same accounting and problem
 * lines as the exports. Counts are those of test/ingest/side/catalog.test.ts and tasks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ccch } from '../../helpers.js';

const UNITS = 'fixtures/units/don-vi.csv';
const CATALOG = 'fixtures/catalog/danh-muc-tthc.csv';
const STATUS = 'fixtures/tasks/trang-thai-2023.csv';
const DOSSIERS = 'fixtures/units/ho-so.csv';

type Input = { file: string; dataset: string; status: string; rows: number; counted: number; rejected: number; superseded: number; unmatched: number; warnings: number };
const inputs = async (args: string[], input?: string) => {
  const r = await ccch(['validate', ...args, '--format', 'json'], input === undefined ? {} : { input });
  return { code: r.code, stderr: r.stderr, j: JSON.parse(r.stdout) as { inputs: Input[]; problems: Array<{ file: string; line: number; code: string }> } };
};

describe('validate checks side files', () => {
  it('recognises them among the files by their headers, each in its place', async () => {
    const { code, stderr, j } = await inputs([DOSSIERS, UNITS, CATALOG, STATUS]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(j.inputs.map((i) => [i.file, i.dataset, i.rows, i.counted, i.rejected, i.superseded, i.unmatched, i.warnings])).toEqual([
      [DOSSIERS, 'dossiers', 8, 7, 1, 0, 0, 1], // its data stop on 11/01 of the year validated: a coverage warning
      [UNITS, 'units', 13, 10, 2, 1, 0, 2],
      [CATALOG, 'catalog', 12, 9, 2, 1, 0, 1],
      // As of today: no completion date is in the future (tasks.test.ts's --as-of 2023-04-15 rejects one more).
      [STATUS, 'task-status', 16, 10, 3, 2, 1, 1],
    ]);
    // Problems in command-line order of their files, then by line.
    const files = j.problems.map((p) => p.file);
    expect(files).toEqual([...files].sort((a, b) => [DOSSIERS, UNITS, CATALOG, STATUS].indexOf(a) - [DOSSIERS, UNITS, CATALOG, STATUS].indexOf(b)));
    expect(j.problems.find((p) => p.file === STATUS && p.code === 'task.unknown')).toMatchObject({ line: 9 });
  });

  it('prints them as the exports, with their contract’s names and accounting', async () => {
    const r = await ccch(['validate', STATUS, UNITS, '--lang', 'en']);
    expect(r.stdout).toContain(
      `✗ ${STATUS} (task status): 16 rows read = 10 counted + 3 rejected + 2 superseded (duplicate id) + 1 matching no task; 1 warning — some rows rejected or unmatched`,
    );
    expect(r.stdout).toContain('    columns matched: task id ← "Mã nhiệm vụ", status ← "Trạng thái", completion date ← "Ngày hoàn thành", note ← "Ghi chú"');
    expect(r.stdout).toContain(`  ${STATUS}:9:1: unmatched [Mã nhiệm vụ]: no task "IX.1.a" in the plan (row ignored)`);
    expect(r.stdout).toContain(`  ${UNITS}:12:1: rejected [Tên đơn vị]: no unit name or code`);
  });

  it('takes them by their options too, first', async () => {
    const { j } = await inputs([DOSSIERS, '--status', STATUS, '--catalog', CATALOG, '--units', UNITS]);
    expect(j.inputs.map((i) => [i.file, i.dataset])).toEqual([
      [UNITS, 'units'],
      [CATALOG, 'catalog'],
      [STATUS, 'task-status'],
      [DOSSIERS, 'dossiers'],
    ]);
  });

  it('a units file among the files is the tier source, as with --units', async () => {
    const listed = await inputs([DOSSIERS, UNITS]);
    const option = await inputs([DOSSIERS, '--units', UNITS]);
    const alone = await inputs([DOSSIERS]);
    const dossiers = (r: typeof listed) => r.j.inputs.find((i) => i.file === DOSSIERS);
    expect(dossiers(listed)).toEqual(dossiers(option));
    // Without it, units the export names only by code have no tier.
    expect(dossiers(alone)!.rejected).toBeGreaterThan(dossiers(listed)!.rejected);
  });

  it('reads one from standard input', async () => {
    const { j } = await inputs(['-'], readFileSync(join(ROOT, CATALOG), 'utf8'));
    expect(j.inputs[0]).toMatchObject({ file: '-', dataset: 'catalog', rows: 12, counted: 9, rejected: 2, superseded: 1 });
  });

  it('a side file that cannot be read is unreadable, the others checked', async () => {
    const { code, j } = await inputs(['fixtures/units/no-name.csv', CATALOG, '--status', 'fixtures/tasks/no-task-column.csv']);
    expect(code).toBe(2);
    expect(j.inputs.map((i) => [i.file, i.dataset, i.status])).toEqual([
      ['fixtures/tasks/no-task-column.csv', 'task-status', 'unreadable'],
      ['fixtures/units/no-name.csv', null, 'unreadable'],
      [CATALOG, 'catalog', 'errors'],
    ]);
  });

  it('score refuses a side file given as an export, naming its option', async () => {
    const r = await ccch(['score', DOSSIERS, UNITS, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ccch: ${UNITS}: this is a units file, not an export: give it with --units\n`);
  });
});
