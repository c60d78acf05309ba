/**
 * The bundled sample year (fixtures/sample/, written by `npm run sample` with
 * scripts/generate.mjs): the README's first command scores it (in-process).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, ccch } from './helpers.js';

const SAMPLE = ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];

/** Data rows as csv-parse counts them (blank lines are not rows). */
function csvRows(file: string, delimiter: string): number {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return (parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]).length - 1;
}

describe('the sample year', () => {
  it('scores with the README command: exit 1, accounting adds up, some targets pass and some fail', async () => {
    const r = await ccch(['score', ...SAMPLE, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.inputs.map((i: { dataset: string }) => i.dataset)).toEqual(['dossiers', 'feedback']);
    const want = [csvRows(SAMPLE[0]!, ','), csvRows(SAMPLE[1]!, ';')];
    j.inputs.forEach((inp: { rows: number; counted: number; rejected: number; superseded: number; warnings: number }, i: number) => {
      expect(inp.rows).toBe(want[i]);
      expect(inp.counted + inp.rejected + inp.superseded).toBe(inp.rows);
      // The generator writes a small share of bad rows and duplicates into every file.
      expect(inp.rejected).toBeGreaterThan(0);
      expect(inp.superseded).toBeGreaterThan(0);
    });
    expect(j.inputs[0].rows).toBeGreaterThan(2000);
    expect(j.summary.pass).toBeGreaterThan(0);
    expect(j.summary.fail).toBeGreaterThan(0);
    expect(j.summary.noData).toBe(0);
  });

  it('the table states the same accounting', async () => {
    const r = await ccch(['score', ...SAMPLE]);
    expect(r.code).toBe(1);
    const m = r.stdout.match(/ho-so-2023\.csv \(hồ sơ\): ([\d.]+) dòng đọc = ([\d.]+) được tính \+ ([\d.]+) bị loại \+ ([\d.]+) bị thay thế/);
    expect(m).not.toBeNull();
    const [rows, counted, rejected, superseded] = m!.slice(1).map((s) => Number(s.replace(/\./g, '')));
    expect(counted! + rejected! + superseded!).toBe(rows);
  });

  it('is what `npm run sample` writes (the generator is deterministic)', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const generators = scripts.sample!.split('&&').filter((c) => c.trim().startsWith('node scripts/generate.mjs'));
    expect(generators).toHaveLength(2);
    for (const cmd of generators) {
      const args = cmd.trim().split(/\s+/);
      const out = args.indexOf('--out');
      const file = args[out + 1]!;
      args.splice(out, 2);
      const r = spawnSync(process.execPath, args.slice(1), { cwd: ROOT, maxBuffer: 1 << 26 });
      expect(r.status).toBe(0);
      expect(Buffer.compare(r.stdout, readFileSync(join(ROOT, file)))).toBe(0);
    }
  });
});
