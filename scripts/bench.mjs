#!/usr/bin/env node
/**
 * `npm run bench`: ccch against DuckDB on the same seeded, realistic dossier export.
 *
 *   npm run bench -- [--rows 1000000] [--runs 5] [--seed 1] [--threads 2] [--big] [--big-rows 10000000]
 *                    [--no-duckdb] [--markdown]
 *
 * Generates bench-data/ho-so-<rows>-s<seed>.csv with scripts/generate.mjs (kept between runs;
 * regenerated when the generator changes), then, interleaved run by run so that both see the
 * same machine load (ccch first in odd runs, DuckDB first in even ones), runs as child processes:
 *   - `ccch score FILE` (the built dist/, via bin/ccch.js; the table, as an analyst runs it),
 *     and once more with --format json, whose counts are checked against DuckDB's;
 *   - scripts/duckdb-count.mjs FILE: the same per-tier counts in DuckDB (@duckdb/node-api) with
 *     --threads threads (2 by default), doing the same work (see that file);
 *   - DuckDB's bare scan: `SELECT count(*)` over the same read_csv, as a floor for reading the file.
 * Wall time is measured around each process (start-up included for all), peak memory is the
 * process's maximum resident set size from /usr/bin/time. Prints medians (and min–max) of the
 * runs, rows/s, MB/s and the ratio ccch / DuckDB, and checks that ccch and DuckDB agree on every
 * numerator and denominator per tier (a mismatch is printed loudly and the exit code is 1).
 *
 * --big adds the memory check on a 10M-row export (about 2.6 GB on disk; one run of each): ccch's
 * peak must stay within 150 MB + 64 bytes per distinct dossier beyond 1M.
 */
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import os from 'node:os';
import { generateFile } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench-data');
const TIME = '/usr/bin/time';

function parseArgs(argv) {
  const o = { rows: 1_000_000, runs: 5, seed: 1, threads: 2, big: false, bigRows: 10_000_000, duckdb: true, markdown: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--rows') o.rows = num();
    else if (a === '--runs') o.runs = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--threads') o.threads = num();
    else if (a === '--big') o.big = true;
    else if (a === '--big-rows') o.bigRows = num();
    else if (a === '--no-duckdb') o.duckdb = false;
    else if (a === '--markdown') o.markdown = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** The export for `rows` and `seed`, generated once per generator version. */
function dataset(rows, seed) {
  mkdirSync(DATA, { recursive: true });
  const gen = createHash('sha1').update(readFileSync(join(ROOT, 'scripts/generate.mjs'))).digest('hex').slice(0, 12);
  const file = join(DATA, `ho-so-${rows}-s${seed}.csv`);
  const meta = `${file}.meta`;
  if (existsSync(file) && existsSync(meta) && readFileSync(meta, 'utf8') === gen) return file;
  process.stderr.write(`generating ${file} (${rows} rows)…\n`);
  rmSync(meta, { force: true });
  generateFile({ kind: 'dossiers', rows, seed }, file);
  writeFileSync(meta, gen);
  return file;
}

const hasTime = existsSync(TIME);

/** Runs a command; returns wall seconds, peak RSS in MB (NaN without /usr/bin/time), stdout. */
function measure(cmd, args) {
  const rssFile = join(DATA, `.rss-${process.pid}`);
  const argv = hasTime ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(hasTime ? TIME : cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  let rss = NaN;
  if (hasTime && existsSync(rssFile)) {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rss = Number(lines[lines.length - 1]) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { wall, rss, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `ccch score FILE` as an analyst types it (the table); with `json`, the JSON contract (for the count check). */
function runCcch(file, json = false) {
  const m = measure(process.execPath, [join(ROOT, 'bin/ccch.js'), 'score', file, ...(json ? ['--format', 'json'] : [])]);
  if (m.status !== 0 && m.status !== 1) throw new Error(`ccch exited ${m.status}: ${m.stderr}`);
  if (!json) return m;
  const j = JSON.parse(m.stdout);
  const counts = {};
  for (const r of j.results) {
    if (r.unit !== null || r.tier === 'all' || r.indicator.startsWith('feedback-')) continue;
    counts[`${r.indicator}/${r.tier}`] = [r.numerator, r.denominator];
  }
  return { ...m, counts, input: j.inputs[0] };
}

function runDuck(file, threads, scanOnly = false) {
  const args = [join(ROOT, 'scripts/duckdb-count.mjs'), file, '--threads', String(threads)];
  if (scanOnly) args.push('--scan-only');
  const m = measure(process.execPath, args);
  if (m.status !== 0) throw new Error(`duckdb-count exited ${m.status}: ${m.stderr}`);
  return { ...m, ...JSON.parse(m.stdout) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

function compare(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const bad = [];
  for (const k of [...keys].sort()) {
    const x = a[k] ?? [0, 0];
    const y = b[k] ?? [0, 0];
    if (x[0] !== y[0] || x[1] !== y[1]) bad.push(`${k}: ccch ${x[0]}/${x[1]}, DuckDB ${y[0]}/${y[1]}`);
  }
  return bad;
}

function machine() {
  let free = '';
  try {
    free = execSync('free -h', { encoding: 'utf8' }).split('\n')[1]?.trim().replace(/\s+/g, ' ') ?? '';
  } catch {
    free = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  }
  const cpu = os.cpus()[0]?.model ?? '?';
  let duck = '?';
  try {
    duck = JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/node-api/package.json'), 'utf8')).version;
  } catch {
    /* not installed */
  }
  return { nproc: os.availableParallelism(), cpu, free, node: process.version, duckdb: duck, load: os.loadavg().map((x) => x.toFixed(2)).join(' ') };
}

function fmtRow(name, runs, rows, bytes, ref) {
  const walls = runs.map((r) => r.wall);
  const w = median(walls);
  const rss = median(runs.map((r) => r.rss));
  return {
    name,
    wall: w,
    text: [
      name.padEnd(26),
      `${w.toFixed(2)} s`.padStart(9),
      `(${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)})`.padStart(14),
      `${(rows / w / 1e6).toFixed(2)} M rows/s`.padStart(15),
      `${(bytes / w / 1e6).toFixed(0)} MB/s`.padStart(10),
      `${rss.toFixed(0)} MB`.padStart(8),
      ref ? `${(w / ref).toFixed(2)}×`.padStart(8) : '',
    ].join('  '),
    md: `| ${name} | ${w.toFixed(2)} s (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}) | ${(rows / w / 1e6).toFixed(2)} M | ${(bytes / w / 1e6).toFixed(0)} | ${rss.toFixed(0)} MB |`,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const m = machine();
  console.log(`machine: ${m.nproc} CPUs (${m.cpu}), memory ${m.free}, Node ${m.node}, @duckdb/node-api ${m.duckdb}, load ${m.load}`);
  let failed = false;
  const file = dataset(o.rows, o.seed);
  const bytes = statSync(file).size;
  console.log(`input: ${file.replace(ROOT + '/', '')}: ${o.rows} rows, ${(bytes / 1e6).toFixed(0)} MB; ${o.runs} runs\n`);

  const ccch = [];
  const duck = [];
  const scan = [];
  for (let i = 0; i < o.runs; i++) {
    // The order alternates run by run, so that neither tool always follows the same one (a run
    // just after DuckDB's is ~0.1 s slower than one after ccch's, whichever tool it is).
    if (o.duckdb && i % 2 === 1) duck.push(runDuck(file, o.threads));
    ccch.push(runCcch(file));
    if (o.duckdb) {
      if (i % 2 === 0) duck.push(runDuck(file, o.threads));
      scan.push(runDuck(file, o.threads, true));
    }
    process.stderr.write(`run ${i + 1}/${o.runs}: ccch ${ccch[i].wall.toFixed(2)} s${o.duckdb ? `, DuckDB ${duck[i].wall.toFixed(2)} s (query ${(duck[i].queryMs / 1000).toFixed(2)} s), scan ${scan[i].wall.toFixed(2)} s` : ''}\n`);
  }
  // One more run with --format json: ccch's counts to check against DuckDB's.
  const ccchJson = runCcch(file, true);
  process.stderr.write(`ccch --format json: ${ccchJson.wall.toFixed(2)} s, ${ccchJson.rss.toFixed(0)} MB\n`);
  const inp = ccchJson.input;
  console.log(`ccch accounting: ${inp.rows} rows = ${inp.counted} counted + ${inp.rejected} rejected + ${inp.superseded} superseded`);
  const rowsRead = inp.rows;
  const refWall = o.duckdb ? median(duck.map((d) => d.wall)) : 0;
  const lines = [fmtRow('ccch score', ccch, rowsRead, bytes, refWall), fmtRow('ccch score --format json', [ccchJson], rowsRead, bytes, refWall)];
  if (o.duckdb) {
    lines.push(fmtRow(`DuckDB, same counts (${o.threads} thr)`, duck, rowsRead, bytes, refWall));
    lines.push(fmtRow(`DuckDB, count(*) only`, scan, rowsRead, bytes, refWall));
    const bad = compare(ccchJson.counts, duck[0].counts);
    if (bad.length) {
      failed = true;
      console.log(`\n!!!!! MISMATCH between ccch and DuckDB on ${bad.length} counts !!!!!`);
      for (const b of bad) console.log(`  ${b}`);
    } else console.log(`ccch and DuckDB agree on all ${Object.keys(ccchJson.counts).length} per-tier numerators and denominators`);
    console.log(`DuckDB in-process query time (median): ${(median(duck.map((d) => d.queryMs)) / 1000).toFixed(2)} s`);
  }
  console.log(`\n${'tool'.padEnd(26)}  ${'wall'.padStart(9)}  ${'(min–max)'.padStart(14)}  ${'rows/s'.padStart(15)}  ${'MB/s'.padStart(10)}  ${'peak'.padStart(8)}  ${'/ DuckDB'.padStart(8)}`);
  for (const l of lines) console.log(l.text);
  if (o.duckdb) {
    console.log(`\nratio ccch / DuckDB (wall, medians): ${(lines[0].wall / refWall).toFixed(2)}`);
    const mem = median(ccch.map((r) => r.rss));
    console.log(`ccch peak memory (median) ${mem.toFixed(0)} MB: ${mem <= 150 ? 'within' : 'OVER'} the 150 MB target`);
  }
  if (o.markdown) {
    console.log('\n| tool | wall (median, min–max) | rows/s | MB/s | peak RSS |\n|---|---|---|---|---|');
    for (const l of lines) console.log(l.md);
  }

  if (o.big) {
    const big = dataset(o.bigRows, o.seed);
    const bigBytes = statSync(big).size;
    console.log(`\nmemory check: ${big.replace(ROOT + '/', '')}: ${o.bigRows} rows, ${(bigBytes / 1e6).toFixed(0)} MB`);
    const c = runCcch(big, true);
    const distinct = c.input.counted;
    const limit = 150 + (64 * Math.max(0, distinct - 1_000_000)) / 2 ** 20;
    const bl = [fmtRow('ccch score', [c], c.input.rows, bigBytes, 0)];
    if (o.duckdb) {
      const d = runDuck(big, o.threads);
      bl.push(fmtRow(`DuckDB, same counts (${o.threads} thr)`, [d], c.input.rows, bigBytes, 0));
      const bad = compare(c.counts, d.counts);
      if (bad.length) {
        failed = true;
        console.log(`!!!!! MISMATCH between ccch and DuckDB at ${o.bigRows} rows !!!!!`);
        for (const b of bad) console.log(`  ${b}`);
      } else console.log('ccch and DuckDB agree on every count');
    }
    for (const l of bl) console.log(l.text);
    const ok = c.rss <= limit;
    if (!ok) failed = true;
    console.log(`ccch peak ${c.rss.toFixed(0)} MB for ${distinct} distinct dossiers; limit 150 MB + 64 B × (distinct − 1M) = ${limit.toFixed(0)} MB: ${ok ? 'within' : 'OVER THE LIMIT'}`);
    if (o.markdown) for (const l of bl) console.log(l.md);
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
