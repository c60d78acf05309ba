#!/usr/bin/env node
/**
 * Golden outputs of the CLI: `node scripts/golden.mjs` runs every case of test/golden/cases.txt
 * through the built binary (bin/ccch.js, NO_COLOR=1, cwd = the repository) and writes each one's
 * exit code, stdout and stderr to test/golden/out/NAME.txt; test/golden.test.ts checks the same
 * cases against those files. Run it after an intended change of output, and read the diff.
 *
 *   node scripts/golden.mjs [--check] [NAME...]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'test/golden');

/** The cases: `name | arguments`, arguments split on spaces, "double quotes" keep spaces. */
export function goldenCases() {
  const text = readFileSync(join(DIR, 'cases.txt'), 'utf8');
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '' || line.startsWith('#')) return [];
    const at = line.indexOf(' |');
    const name = line.slice(0, at).trim();
    const rest = line.slice(at + 2);
    const args = [...rest.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    return [{ name, args }];
  });
}

/** The text a case's output file holds. */
export function goldenText(r) {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const only = argv.filter((a) => !a.startsWith('--'));
  mkdirSync(join(DIR, 'out'), { recursive: true });
  let bad = 0;
  for (const c of goldenCases()) {
    if (only.length && !only.includes(c.name)) continue;
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/ccch.js'), ...c.args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CCCH_THREADS: '' },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const text = goldenText({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    const file = join(DIR, 'out', `${c.name}.txt`);
    if (check) {
      const old = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (old !== text) {
        bad++;
        console.log(`differs: ${c.name}`);
      }
    } else writeFileSync(file, text);
  }
  if (check) console.log(bad ? `${bad} differ` : 'all the same');
  process.exitCode = bad ? 1 : 0;
}
