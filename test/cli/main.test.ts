/**
 * The command line as users run it, NO_COLOR=1, asserting stdout, stderr and the exit code: in
 * this process (cli/main.ts run) — and through the built binary for what needs a process: the
 * exit code as the shell sees it, a reader that closes the pipe, a slow reader.
 * (`npm test` builds first; see package.json "pretest".)
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../scripts/generate.mjs';
import { BIN, ROOT, ccch, ccchProcess } from '../helpers.js';

const ESC = '\u001b[';


const HAND = ['fixtures/hand/ho-so-2023.csv', 'fixtures/hand/pakn-2023.csv'];

describe('ccch score', () => {
  it('prints the Vietnamese table and exits 1 when a target fails', async () => {
    const r = await ccch(['score', ...HAND]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Kế hoạch 282/KH-UBND — Kế hoạch cải cách hành chính tỉnh Đồng Nai năm 2023');
    expect(r.stdout).toContain('Kỳ: 2023 (01/01/2023 – 31/12/2023)');
    expect(r.stdout).toContain('fixtures/hand/ho-so-2023.csv (hồ sơ): 23 dòng đọc = 15 được tính + 7 bị loại + 1 bị thay thế (trùng mã); 3 cảnh báo');
    // The name beside its tiers, wrapped to the width left.
    expect(r.stdout).toMatch(/│ Tỷ lệ hồ sơ tiếp nhận trực\s+│ Sở\s+│\s+80,0% │\s+4\/5 │\s+≥ 70% │ ✓ Đạt/);
    expect(r.stdout).toMatch(/│ Toàn tỉnh\s+│\s+53,3% │\s+8\/15 │\s+≥ 96% │ ✗ Không đạt/);
    expect(r.stdout).toContain('×1 bị loại [Đơn vị]: không xác định được cấp của đơn vị "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu"\n       fixtures/hand/ho-so-2023.csv: dòng 10\n');
    expect(r.stdout).not.toContain(ESC); // NO_COLOR
  });

  it('speaks English with --lang en', async () => {
    const r = await ccch(['score', ...HAND, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('23 rows read = 15 counted + 7 rejected + 1 superseded');
    expect(r.stdout).toMatch(/Dossiers received online\s+│ Department\s+│\s+80.0% │\s+4\/5 │\s+≥ 70% │ ✓ Pass/);
  });

  it('--format json is the documented contract', async () => {
    const r = await ccch(['score', ...HAND, '--format', 'json', '--period', '2023-Q1']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.plan).toEqual({ id: '282/KH-UBND', title: 'Kế hoạch cải cách hành chính tỉnh Đồng Nai năm 2023', year: 2023 });
    expect(j.period).toMatchObject({ from: '2023-01-01', to: '2023-03-31' });
    expect(j.inputs[0]).toMatchObject({ file: 'fixtures/hand/ho-so-2023.csv', dataset: 'dossiers', rows: 23, counted: 15, rejected: 7, superseded: 1, warnings: 3 });
    expect(j.inputs[1]).toMatchObject({ dataset: 'feedback', rows: 8 });
    expect(j.results).toHaveLength(9 * 4);
    expect(j.results[0]).toEqual({
      indicator: 'online-rate',
      clause: 'appendix II.3.2',
      tier: 'so',
      unit: null,
      numerator: 2,
      denominator: 3,
      value: (2 / 3) * 100,
      target: 70,
      status: 'fail',
      source: 'data',
      comparison: '>=',
      scale: 'percent',
      district: null,
      month: null,
      shortfall: 1, // ceil(0.70 × 3) − 2
      // Q1 is year to date: 90 days gone, 275 left; round(3 × 275 / 90) = 9 to come, the year's 12 need ceil(8.4) = 9: 7 more.
      yearEnd: { estimate: true, daysElapsed: 90, daysLeft: 275, denominator: 9, numerator: 7, rate: (7 / 9) * 100, reachable: true },
      leftOut: null,
      reason: null,
    });
    expect(j.problems[0]).toMatchObject({ file: 'fixtures/hand/ho-so-2023.csv', line: 9, severity: 'warning', field: 'channel' });
    const s = j.summary;
    expect(s.pass + s.fail + s.noData + s.noTarget).toBe(36);
  });

  it('exits 0 when no target fails', async () => {
    const r = await ccch(['score', 'fixtures/hand/all-pass.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.fail).toBe(0);
  });

  it('reads stdin as -', async () => {
    const fromFile = await ccch(['score', 'fixtures/hand/pakn-2023.csv', '--format', 'json']);
    const fromStdin = await ccch(['score', '-', '--format', 'json'], { input: readFileSync(join(ROOT, 'fixtures/hand/pakn-2023.csv')) });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(JSON.parse(fromStdin.stdout).results).toEqual(JSON.parse(fromFile.stdout).results);
    expect(JSON.parse(fromStdin.stdout).inputs[0].file).toBe('-');
  });

  it('adds unit rows with --by unit', async () => {
    const j = JSON.parse((await ccch(['score', ...HAND, '--by', 'unit', '--format', 'json'])).stdout);
    expect(j.results.some((r: { unit: string | null }) => r.unit === 'Sở Tư pháp')).toBe(true);
  });

  it('colors when asked (FORCE_COLOR) or on a terminal, never with NO_COLOR or into a pipe', async () => {
    expect((await ccch(['score', ...HAND], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await ccch(['score', ...HAND], { env: { NO_COLOR: '' }, tty: { stdout: true } })).stdout).toContain(ESC);
    expect((await ccch(['score', ...HAND], { tty: { stdout: true } })).stdout).not.toContain(ESC); // NO_COLOR=1
    expect((await ccch(['score', ...HAND], { env: { NO_COLOR: '' } })).stdout).not.toContain(ESC);
  });

  it('exits 0, 1 and 2 as the shell sees them (the built binary)', () => {
    expect(ccchProcess(['score', 'fixtures/hand/all-pass.csv']).code).toBe(0);
    expect(ccchProcess(['score', ...HAND, '--format', 'json']).code).toBe(1);
    const bad = ccchProcess(['score', 'nope.csv']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'ccch: nope.csv: không tìm thấy tệp\n' });
  });

  it('does not crash when the reader closes the pipe', () => {
    const r = spawnSync('sh', ['-c', `node ${BIN} score ${HAND.join(' ')} --by unit --problems | head -n 1; echo "status=$?"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(r.stdout.split('\n')[0]).toContain('282/KH-UBND');
    expect(r.stderr).toBe('');
  });

  it('writes a long JSON document at the pace of a slow reader, whole, and keeps its exit code when the reader leaves early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccch-pipe-'));
    try {
      // ~4 000 problems: a document of about a megabyte, many times a pipe's buffer.
      const file = join(dir, 'ho-so.csv');
      let text = '';
      generate({ kind: 'dossiers', rows: 6000, seed: 5, bad: 0.6 }, (s) => (text += s));
      writeFileSync(file, text);
      const direct = await ccch(['score', file, '--format', 'json']); // what the binary prints (test/golden.test.ts)
      expect(direct.stdout.length).toBeGreaterThan(500_000);
      const slow = spawnSync('sh', ['-c', `node ${BIN} score ${file} --format json | (sleep 0.5; cat)`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(slow.stdout).toBe(direct.stdout);
      const early = spawnSync('sh', ['-c', `(node ${BIN} score ${file} --format json; echo "status=$?" >&2) | head -c 100 > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
      expect(early.stderr).toBe(`status=${direct.code}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each command documents its own exit codes', async () => {
    expect((await ccch(['tasks', '--help'])).stdout).toMatch(/1\s+có nhiệm vụ quá hạn \(0 với --exit-zero\) \/ some task overdue/);
    expect((await ccch(['plan', '--help'])).stdout).toMatch(/0\s+đã in kế hoạch/);
    const top = await ccch(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/validate: có dòng bị loại hoặc không khớp/);
    for (const c of ['score', 'validate', 'plan', 'tasks']) expect(top.stdout).toContain(`  ${c} `);
  });

  it('--help documents the exit codes', async () => {
    const r = await ccch(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--period <period>');
    expect(r.stdout).toMatch(/2\s+lỗi cách dùng hoặc dữ liệu vào \/ usage or input error/);
  });
});

describe('bad input: exit 2 and one clear line on stderr, never a stack trace', () => {
  it.each([
    [['score', 'nope.csv'], /^ccch: nope\.csv: không tìm thấy tệp$/],
    [['score', 'fixtures/bad'], /^ccch: fixtures\/bad: là thư mục, không phải tệp$/],
    [['score', 'fixtures/bad/empty.csv'], /^ccch: fixtures\/bad\/empty\.csv: tệp rỗng$/],
    [['score', 'fixtures/bad/binary.xlsx'], /^ccch: fixtures\/bad\/binary\.xlsx: tệp Excel \(XLSX\) bị hỏng, không đọc được/],
    [['score', 'fixtures/bad/unknown-headers.csv'], /^ccch: fixtures\/bad\/unknown-headers\.csv:1: không nhận ra loại tệp/],
    [['score', 'fixtures/bad/missing-unit.csv'], /^ccch: fixtures\/bad\/missing-unit\.csv:1: tệp hồ sơ thiếu cột bắt buộc: đơn vị/],
    [['score', 'fixtures/bad/unclosed-quote.csv'], /^ccch: fixtures\/bad\/unclosed-quote\.csv:3:5: dấu ngoặc kép/],
    [['score', 'fixtures/bad/windows-1258.csv'], /^ccch: fixtures\/bad\/windows-1258\.csv:1:3: tệp mã hóa Windows-1258, không phải UTF-8; hãy chạy lại với --encoding windows-1258/],
    [['score', 'fixtures/hand/all-pass.csv', '--plan', 'fixtures/bad/plan-bad-target.yaml'], /^ccch: fixtures\/bad\/plan-bad-target\.yaml:\d+:\d+: indicators\[0\]\.targets\.so:/],
    [['score', 'fixtures/hand/all-pass.csv', '--plan', 'fixtures/bad/plan-alias-bomb.yaml'], /^ccch: fixtures\/bad\/plan-alias-bomb\.yaml: YAML bị từ chối/],
    [['score', 'fixtures/hand/all-pass.csv', '--plan', 'fixtures/bad/plan-bad-yaml.yaml'], /^ccch: fixtures\/bad\/plan-bad-yaml\.yaml:\d+:\d+: YAML không hợp lệ/],
    [['score', 'fixtures/hand/all-pass.csv', '--period', '2023-Q5'], /^ccch: kỳ không hợp lệ: "2023-Q5"/],
    [['score', 'fixtures/hand/all-pass.csv', '--from', '2023-02-30'], /^ccch: --from: ngày không hợp lệ/],
    [['score', 'fixtures/hand/all-pass.csv', '--period', '2023', '--to', '2023-03-01'], /^ccch: --period không dùng cùng --from\/--to$/],
    [['score', 'fixtures/hand/all-pass.csv', '--format', 'xml'], /^ccch: --format: định dạng không hỗ trợ "xml"/],
    [['score', 'fixtures/hand/all-pass.csv', '--lang', 'fr'], /^ccch: --lang: ngôn ngữ không hỗ trợ "fr"/],
    [['score', 'fixtures/hand/all-pass.csv', '--bogus'], /^ccch: tùy chọn không biết: --bogus \(xem 'ccch score --help'\)$/],
    [['score', 'fixtures/hand/all-pass.csv', '--perod', '2023'], /^ccch: tùy chọn không biết: --perod \(có phải ý bạn là --period\?\) \(xem 'ccch score --help'\)$/],
    [['score', 'fixtures/hand/all-pass.csv', '--period'], /^ccch: tùy chọn --period <period> cần một giá trị \(xem 'ccch score --help'\)$/],
    [['score'], /^ccch: thiếu đối số bắt buộc: files \(xem 'ccch score --help'\)$/],
    [['plan', 'II'], /^ccch: thừa đối số \(nhận 1\) \(xem 'ccch plan --help'\)$/],
    [['scor', 'fixtures/hand/all-pass.csv'], /^ccch: lệnh không biết: scor \(có phải ý bạn là score\?\) \(xem 'ccch --help'\)$/],
    [['frobnicate'], /^ccch: lệnh không biết: frobnicate \(xem 'ccch --help'\)$/],
    [['score', '-', '-'], /^ccch: chỉ đọc được đầu vào chuẩn \(-\) một lần$/],
    [['score', 'fixtures/hand/all-pass.csv', '--threads', '0'], /^ccch: --threads: cần số nguyên từ 1 đến 8, không phải "0"$/],
    [['validate', 'fixtures/hand/all-pass.csv', '--threads', 'two'], /^ccch: --threads: cần số nguyên từ 1 đến 8, không phải "two"$/],
  ])('%j', async (args, pattern) => {
    const r = await ccch(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1); // one line
  });

  it('English errors with --lang en', async () => {
    const r = await ccch(['score', 'nope.csv', '--lang', 'en']);
    expect(r.stderr).toBe('ccch: nope.csv: no such file\n');
    const u = await ccch(['score', 'fixtures/hand/all-pass.csv', '--bogus', '--lang', 'en']);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe("ccch: unknown option '--bogus' (see 'ccch score --help')\n");
    const err = async (args: string[]) => (await ccch([...args, '--lang', 'en'])).stderr;
    expect(await err(['score', 'x.csv', '--perod', '2023'])).toBe("ccch: unknown option '--perod' (Did you mean --period?) (see 'ccch score --help')\n");
    expect(await err(['score', 'x.csv', '--format', 'xml'])).toBe('ccch: --format: unsupported format "xml" (use table, json, md, csv, xlsx, html, junit, github)\n');
    expect(await err(['plan', 'II'])).toBe("ccch: too many arguments for 'plan'. Expected 0 arguments but got 1. (see 'ccch plan --help')\n");
    expect((await ccch(['score', '--lang', 'en', 'x.csv', '--period'])).stderr).toBe("ccch: option '--period <period>' argument missing (see 'ccch score --help')\n");
    expect(await err(['validate'])).toBe("ccch: missing required argument 'files' (see 'ccch validate --help')\n");
  });

  it('no command at all: help on stderr, exit 2', async () => {
    const r = await ccch([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: ccch');
  });
});
