/**
 * Reading one file in byte ranges on several threads (src/ingest/split.ts, score.ts startSplit,
 * ingest/split-worker.ts) gives exactly what one thread gives: results, accounting, problems
 * and their lines, errors — wherever the cuts fall, inside quoted cells included. Worker
 * threads run the built code, so these tests call dist/pipeline/score.js (npm test builds first).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, fixture, plan } from '../../helpers.js';
import { cutTargets, firstRecordStart, lineOffset } from '../../../src/ingest/parallel/split.js';
import { parsePeriod } from '../../../src/model/period.js';
import { generate, type GenerateOptions } from '../../../scripts/generate.mjs';
import type { Plan } from '../../../src/plan/schema.js';
import type { ScoreOptions } from '../../../src/pipeline/score.js';

type Core = typeof import('../../../src/pipeline/score.js');
type Sources = typeof import('../../../src/ingest/source.js');
let core: Core;
let sources: Sources;
let thePlan: Plan;
let dir: string;

beforeAll(async () => {
  core = (await import(pathToFileURL(join(ROOT, 'dist/pipeline/score.js')).href)) as Core;
  sources = (await import(pathToFileURL(join(ROOT, 'dist/ingest/source.js')).href)) as Sources;
  thePlan = await plan();
  dir = mkdtempSync(join(tmpdir(), 'ccch-split-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function generated(opts: GenerateOptions): string {
  let out = '';
  generate(opts, (s) => (out += s));
  return out;
}

/** Scores `files` on one thread and on `threads` threads cut at `cuts`; returns both (or the errors), and how the split went. */
async function both(files: string[], { cuts, ...extra }: Partial<ScoreOptions> & { cuts?: number[] } = {}) {
  const outcomes: string[] = [];
  const run = async (threads: number) => {
    try {
      return await core.score({
        onSplit: (_f, ranges, outcome) => outcomes.push(`${outcome} ${ranges}`),
        plan: thePlan,
        period: parsePeriod('2023'),
        inputs: files.map((f) => sources.fileSource(f, f)),
        byUnit: true,
        ...extra,
        threads,
        internal: { splitMinBytes: 1, cuts },
      });
    } catch (e) {
      return { error: String(e), where: (e as { where?: unknown }).where };
    }
  };
  const one = await run(1);
  expect(outcomes).toEqual([]);
  return { one, split: await run(extra.threads ?? 2), outcomes };
}

describe('where a range may start', () => {
  it('finds the first line feed whose next line is one whole record of the header width', () => {
    // Not the quoted line break's next line: its 'line"' cell holds a bare quote.
    const b = Buffer.from('tail of a row\n"quoted\nline",b,c\nx,"y,1",z\nrest');
    expect(firstRecordStart(b, 0x2c, 3)).toBe(b.indexOf('x,"y'));
    expect(firstRecordStart(b, 0x2c, 4)).toBe(-1);
    expect(firstRecordStart(Buffer.from('a\nb,c'), 0x2c, 2)).toBe(-1); // the line must end inside the window
  });

  it('counts lines as the CSV reader does (LF, CRLF, lone CR)', () => {
    const b = Buffer.from('h\r\nx\ry\nz');
    expect([1, 2, 3, 4].map((l) => lineOffset(b, l))).toEqual([0, 3, 5, 7]);
    expect(lineOffset(b, 5)).toBe(-1);
  });
});

describe('score on several threads', () => {
  it('gives the same report for every cut position of a file with quoted line breaks, CRLF, a BOM, duplicates and bad rows', async () => {
    const text = generated({ kind: 'dossiers', rows: 40, seed: 7, bom: true, crlf: true, dup: 0.3, bad: 0.1 });
    const file = write('cuts.csv', text);
    const bytes = readFileSync(file);
    const header = bytes.indexOf(0x0a) + 1;
    const seen = new Map<string, number>();
    for (let lf = bytes.indexOf(0x0a, header); lf >= 0 && lf < bytes.length - 1; lf = bytes.indexOf(0x0a, lf + 1)) {
      const { one, split, outcomes } = await both([file], { cuts: [lf] });
      expect(split).toEqual(one);
      for (const o of outcomes) seen.set(o, (seen.get(o) ?? 0) + 1);
    }
    // Most cuts were read in two ranges; those inside quoted notes failed and were read again.
    expect(seen.get('split 2')).toBeGreaterThan(30);
    expect(seen.get('again 2')).toBeGreaterThan(0);
  }, 120_000);

  it('with three and four ranges, keeps the first problems in file order and shifts their lines', async () => {
    const text = generated({ kind: 'dossiers', rows: 300, seed: 11, dup: 0.2, bad: 0.2 });
    const file = write('three.csv', text);
    const size = Buffer.byteLength(text);
    for (const [threads, cuts] of [
      [3, [Math.floor(size / 3), Math.floor((2 * size) / 3)]],
      [4, [Math.floor(size / 5), Math.floor(size / 2), Math.floor(size * 0.9)]],
    ] as const) {
      const { one, split, outcomes } = await both([file], { threads, cuts: [...cuts], maxProblems: 7 });
      expect(split).toEqual(one);
      expect(outcomes).toEqual([`split ${threads}`]);
      expect((one as { problemCount: number }).problemCount).toBeGreaterThan(7);
    }
  }, 60_000);

  it('feedback exports, title rows, a total row and footer in the last range, and a units file', async () => {
    const body = generated({ kind: 'feedback', rows: 200, seed: 3 });
    const lines = body.split('\n');
    const text = ['BÁO CÁO PHẢN ÁNH KIẾN NGHỊ NĂM 2023', '', ...lines.slice(0, -1), 'Tổng cộng;200', 'Người lập biểu', ''].join('\n');
    const file = write('pakn.csv', text);
    const { one, split, outcomes } = await both([file], { cuts: [Math.floor(text.length / 2)] });
    expect(split).toEqual(one);
    expect(outcomes).toEqual(['split 2']);
    const s = one as { inputs: Array<{ skipped: { title: number; total: number; footer: number } }> };
    expect(s.inputs[0]!.skipped).toEqual({ title: 1, total: 1, footer: 1, group: 0, subtotal: 0 });

    const units = sources.fileSource(fixture('units/don-vi.csv'), 'don-vi.csv');
    const withUnits = await both([fixture('units/ho-so.csv')], { units, cuts: [200] });
    expect(withUnits.split).toEqual(withUnits.one);
    expect(withUnits.outcomes).toEqual(['split 2']);
  });

  it('a total row above the last range: everything below it is footer, as on one thread', async () => {
    const body = generated({ kind: 'dossiers', rows: 120, seed: 5 });
    const lines = body.split('\n');
    const text = [...lines.slice(0, 60), 'Tổng cộng,,,,', ...lines.slice(60)].join('\n');
    const file = write('total-middle.csv', text);
    const { one, split, outcomes } = await both([file], { cuts: [Math.floor(text.length * 0.8)] });
    expect(split).toEqual(one);
    expect(outcomes).toEqual(['again 2']);
    expect((one as { inputs: Array<{ skipped: { footer: number } }> }).inputs[0]!.skipped.footer).toBeGreaterThan(50);
  });

  it('an error in a later range names the same line and column as on one thread', async () => {
    const body = generated({ kind: 'dossiers', rows: 120, seed: 9 });
    const at = Math.floor(body.length * 0.75);
    const bad = Buffer.concat([Buffer.from(body.slice(0, at)), Buffer.from([0xff]), Buffer.from(body.slice(at))]);
    const file = write('bad-byte.csv', bad);
    const { one, split } = await both([file], { cuts: [Math.floor(bad.length / 2)] });
    expect(one).toHaveProperty('error');
    expect(split).toEqual(one);

    const unclosed = write('unclosed.csv', body + 'H18.99-231224-0000999,"Sở Tư pháp\n');
    const u = await both([unclosed], { cuts: [Math.floor(body.length / 2)] });
    expect(u.one).toHaveProperty('error');
    expect(u.split).toEqual(u.one);
  });

  it('a unit first seen in a later range keeps its first spelling when a later file spells it otherwise', async () => {
    // Found by review: the spelling in range 1 of the first file must win over the second file's.
    const head = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Hình thức nộp\n';
    const first = `${head}A1,Sở Tư pháp,2023-03-01,2023-03-10,2023-03-05,Trực tuyến\nA2,UBND xã Phước An,2023-03-01,2023-03-10,2023-03-05,Trực tuyến\n`;
    const a = write('unit-a.csv', first);
    const b = write('unit-b.csv', `${head}B1,UBND xa Phuoc An,2023-03-01,2023-03-10,2023-03-05,Trực tuyến\n`);
    const { one, split, outcomes } = await both([a, b], { cuts: [Buffer.byteLength(first.slice(0, first.indexOf('A2'))) - 1] });
    expect(outcomes).toEqual(['split 2']);
    expect(split).toEqual(one);
    expect((one as { results: Array<{ unit: string | null }> }).results.some((r) => r.unit === 'UBND xã Phước An')).toBe(true);
  });

  it('several files, the split one superseding rows of an earlier one', async () => {
    const a = write('a.csv', generated({ kind: 'dossiers', rows: 150, seed: 21 }));
    const b = write('b.csv', generated({ kind: 'dossiers', rows: 150, seed: 21, dup: 0.5 }));
    const { one, split, outcomes } = await both([a, b], { cuts: [3000] });
    expect(split).toEqual(one);
    expect(outcomes).toEqual(['split 2', 'split 2']);
    expect((one as { inputs: Array<{ superseded: number }> }).inputs[0]!.superseded).toBeGreaterThan(0);
  });
});

describe('the judging moment J on several threads', () => {
  it('open records judged at the data’s last day, with superseding across ranges and files, as on one thread', async () => {
    // The generated year runs to mid-January 2024: scored for 2024, J is that last day, long
    // before 31/12/2024, and the dossiers open from late 2023 are judged there.
    const a = write('j-a.csv', generated({ kind: 'dossiers', rows: 400, seed: 31, dup: 0.2 }));
    const b = write('j-b.csv', generated({ kind: 'dossiers', rows: 300, seed: 31, dup: 0.5 }));
    const { one, split, outcomes } = await both([a, b], { period: parsePeriod('2024'), cuts: [9000] });
    expect(outcomes).toEqual(['split 2', 'split 2']);
    expect(split).toEqual(one);
    const s = one as { judging: { judgedAt: number }; period: { to: number }; results: Array<{ indicator: string; tier: string; numerator: number; denominator: number }> };
    expect(s.judging.judgedAt).toBeLessThan(s.period.to);
    expect(s.results.find((r) => r.indicator === 'on-time-rate' && r.tier === 'all')!.numerator).toBeGreaterThan(5);
  });

  it('with --as-of: rows received after it left out, resolved after it open, as on one thread', async () => {
    const a = write('j-asof.csv', generated({ kind: 'dossiers', rows: 500, seed: 41, dup: 0.2 }));
    const { one, split, outcomes } = await both([a], { asOf: parsePeriod('2023-06').to, cuts: [30000] });
    expect(outcomes).toEqual(['split 2']);
    expect(split).toEqual(one);
    const s = one as { inputs: Array<{ excluded: number }> };
    expect(s.inputs[0]!.excluded).toBeGreaterThan(100);
  });
});

describe('cut targets', () => {
  it('make range 0 shorter (this thread also counts every range), the others equal', () => {
    expect(cutTargets(1100, 100, 2)).toEqual([100 + 410]); // (1 + 0.18) / 2 − 0.18 of the data
    const four = cutTargets(10_100, 100, 4);
    expect(four[0]).toBe(100 + 0.125 * 10_000); // (1 + 0.18) / 4 − 0.18 is under half an equal share: half
    expect(Math.abs(four[1]! - four[0]! - (four[2]! - four[1]!))).toBeLessThanOrEqual(1);
    expect(cutTargets(1000, 0, 8)[0]).toBe(63); // never less than half an equal share
  });
});
