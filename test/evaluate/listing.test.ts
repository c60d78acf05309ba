/**
 * Shortfall, --failing, --top, --all-units and --exit-zero (issue 16) on fixtures/action/ranh-gioi.csv,
 * counted by hand from its rows (all received in March 2023, none digitized ("Số hóa" Không); no due date,
 * resolution or other column, so those indicators give no verdict):
 *   UBND xã Xuân Bắc   100 dossiers, 20 online:  20/100 against 20% passes, 0 short
 *   UBND xã Xuân Hưng  100 dossiers, 19 online:  19/100 fails, ceil(0.20 × 100) − 19 = 1 short
 *   UBND xã Suối Cát    10 dossiers,  0 online:   0/10 fails, ceil(0.20 × 10) − 0 = 2 short
 *   UBND xã Xuân Định    1 dossier, channel blank: not in online-rate's denominator (0/0)
 * so the communes' online-rate is 39/210, ceil(0.20 × 210) − 39 = 42 − 39 = 3 short.
 */
import { describe, it, expect } from 'vitest';
import { ccch, fixture, plan } from '../helpers.js';
import { score } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Result } from '../../src/model/result.js';
import type { ScoreOptions } from '../../src/pipeline/score.js';

const FILE = 'action/ranh-gioi.csv';
const run = async (o: Partial<ScoreOptions> = {}) =>
  score({ plan: await plan(), period: parsePeriod('2023'), inputs: [fileSource(fixture(FILE), FILE)], byUnit: true, ...o });
const online = (rs: readonly Result[]) => rs.filter((r) => r.indicator === 'online-rate' && r.tier === 'xa');
const row = (r: Result) => `${r.unit ?? '(tier)'} ${r.numerator}/${r.denominator} ${r.status} ${r.shortfall}`;

describe('shortfall', () => {
  it('is exact at the boundary: 20 of 100 at 20% is 0 short, 19 is 1; the tier sums its counts, not its units’ shortfalls', async () => {
    const s = await run();
    expect(online(s.results).map(row)).toEqual([
      '(tier) 39/210 fail 3',
      'UBND xã Suối Cát 0/10 fail 2',
      'UBND xã Xuân Bắc 20/100 pass 0',
      'UBND xã Xuân Hưng 19/100 fail 1',
    ]);
  });

  it('is null with no data or no target', async () => {
    const s = await run();
    const r = (tier: string) => s.results.find((x) => x.indicator === 'online-rate' && x.tier === tier && x.unit === null)!;
    expect(r('so')).toMatchObject({ status: 'no-data', shortfall: null });
    expect(r('all')).toMatchObject({ status: 'no-target', shortfall: null });
  });
});

describe('listing', () => {
  it('leaves out the units with a zero denominator, and says how many; --all-units keeps them', async () => {
    const s = await run();
    expect(online(s.results).some((r) => r.unit === 'UBND xã Xuân Định')).toBe(false);
    // Xuân Định has data for digitization-rate (0/1): listed there.
    expect(s.results.some((r) => r.indicator === 'digitization-rate' && r.unit === 'UBND xã Xuân Định')).toBe(true);
    const all = await run({ allUnits: true });
    expect(online(all.results).find((r) => r.unit === 'UBND xã Xuân Định')).toMatchObject({ denominator: 0, status: 'no-data', shortfall: null });
    const dropped = all.results.length - s.results.length;
    expect(dropped).toBeGreaterThan(0);
    expect(s.listing).toMatchObject({ noDataUnits: dropped, omitted: 0, allUnits: false });
    expect(all.listing).toMatchObject({ noDataUnits: 0, allUnits: true });
  });

  it('--failing keeps the failing results, units by shortfall, largest first; the summary still counts all', async () => {
    const s = await run();
    const f = await run({ failing: true });
    expect(online(f.results).map(row)).toEqual(['(tier) 39/210 fail 3', 'UBND xã Suối Cát 0/10 fail 2', 'UBND xã Xuân Hưng 19/100 fail 1']);
    expect(f.results.every((r) => r.status === 'fail')).toBe(true);
    expect(f.summary).toEqual(s.summary);
    expect(f.listing!.omitted).toBe(s.results.length - f.results.length);
  });

  it('--top N keeps the first N units of each indicator and tier, tier rows kept', async () => {
    const t = await run({ failing: true, top: 1 });
    expect(online(t.results).map(row)).toEqual(['(tier) 39/210 fail 3', 'UBND xã Suối Cát 0/10 fail 2']);
    // digitization-rate: every unit 0 of N at 15%: Xuân Bắc and Xuân Hưng 15 short each (the tie keeps their order), Suối Cát 2, Xuân Định 1.
    const d = (await run({ top: 2 })).results.filter((r) => r.indicator === 'digitization-rate' && r.unit !== null);
    expect(d.map(row)).toEqual(['UBND xã Xuân Bắc 0/100 fail 15', 'UBND xã Xuân Hưng 0/100 fail 15']);
  });
});

describe('the command line', () => {
  const file = `fixtures/${FILE}`;

  it('writes the shortfall in the table, in both languages', async () => {
    const vi = await ccch(['score', file]);
    expect(vi.stdout).toContain('✗ Không đạt, thiếu 3 hồ sơ');
    const en = await ccch(['score', file, '--by', 'unit', '--lang', 'en']);
    expect(en.stdout).toContain('✗ Fail, 1 dossier short');
    expect(en.stdout).toContain('✗ Fail, 3 dossiers short');
    expect(en.stdout).toMatch(/unit results? with a zero denominator \(no data\) not listed; --all-units lists them/);
  });

  it('writes shortfall and listing in the JSON', async () => {
    const j = JSON.parse((await ccch(['score', file, '--by', 'unit', '--failing', '--top', '1', '--format', 'json'])).stdout);
    const r = j.results.find((x: Result) => x.indicator === 'online-rate' && x.unit !== null);
    expect(r).toMatchObject({ unit: 'UBND xã Suối Cát', shortfall: 2, month: null });
    expect(j.listing).toMatchObject({ failing: true, top: 1, allUnits: false });
    expect(j.listing.omitted).toBeGreaterThan(0);
  });

  it('--exit-zero exits 0 on a failed target; usage errors still exit 2', async () => {
    expect((await ccch(['score', file])).code).toBe(1);
    expect((await ccch(['score', file, '--exit-zero'])).code).toBe(0);
    expect((await ccch(['score', file, '--exit-zero', '--top', '0'])).code).toBe(2);
    expect((await ccch(['score', 'fixtures/none.csv', '--exit-zero'])).code).toBe(2);
  });

  it('tasks --exit-zero exits 0 with tasks overdue', async () => {
    const args = ['tasks', '--status', 'fixtures/tasks/trang-thai-2023.csv', '--as-of', '2023-06-30'];
    expect((await ccch(args)).code).toBe(1);
    expect((await ccch([...args, '--exit-zero'])).code).toBe(0);
  });

  it('refuses a bad --top and unit with district', async () => {
    const top = await ccch(['score', file, '--top', '2.5']);
    expect(top).toMatchObject({ code: 2 });
    expect(top.stderr).toContain('--top: cần số nguyên từ 1 trở lên');
    const both = await ccch(['score', file, '--by', 'unit', '--by', 'district', '--units', 'fixtures/units/don-vi.csv', '--lang', 'en']);
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toContain('--by: unit or district, not both');
  });
});
