/**
 * Vega and Vega-Lite (some 0.2 s to load) are loaded for `--format html` only: the other formats
 * start as fast as before. A module hook in the spawned process reports every module resolved.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT } from '../helpers.js';

function modulesLoaded(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ccch-lazy-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`RESOLVED ${r.url}\\n`); return r; }\n");
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  expect(r.status).toBe(1); // the sample fails some targets
  return r.stderr.split('\n').filter((l) => l.startsWith('RESOLVED ')).map((l) => l.slice(9));
}

describe('the charting libraries are loaded only for --format html', () => {
  const sample = ['score', 'fixtures/sample/ho-so-2023.csv'];
  it.each([['table'], ['json']])('--format %s loads neither vega nor vega-lite', (format) => {
    const loaded = modulesLoaded([...sample, '--format', format]);
    expect(loaded.some((u) => u.endsWith('/dist/report/score/table.js') || u.endsWith('/dist/report/score/json.js'))).toBe(true);
    expect(loaded.filter((u) => /\/node_modules\/(vega|d3-)|\/report\/score\/(html|charts)/.test(u))).toEqual([]);
  });

  it('--format html loads them', () => {
    const loaded = modulesLoaded([...sample, '--format', 'html']);
    expect(loaded.some((u) => u.includes('/node_modules/vega/'))).toBe(true);
    expect(loaded.some((u) => u.includes('/node_modules/vega-lite/'))).toBe(true);
  });
});
