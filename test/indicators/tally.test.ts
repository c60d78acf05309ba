/**
 * Tally: superseding and counting, read in one pass or in byte ranges (Tally.range,
 * RecordBatcher → addBatch, as ingest/split.ts does with worker threads), must agree exactly;
 * and judging open records at the data's last day (Tally.judge) must give what counting with
 * that day known up front gives.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { Tally } from '../../src/indicators/tally.js';
import { RecordBatcher } from '../../src/indicators/batcher.js';
import { RULES } from '../../src/indicators/rules.js';
import { loadPlan } from '../../src/plan/load.js';
import { parsePeriod } from '../../src/model/period.js';
import { daysFromCivil } from '../../src/util/dates.js';
import type { Plan } from '../../src/plan/schema.js';
import type { RowRecord } from '../../src/model/record.js';
import type { Tier } from '../../src/model/tier.js';
import type { Dataset } from '../../src/model/kinds.js';

let plan: Plan;
beforeAll(async () => {
  plan = await loadPlan();
});
const period = parsePeriod('2023');
const jan1 = daysFromCivil(2023, 1, 1);

// Spellings of the same units (case differs: the same unit, the first spelling read names it).
const UNITS = ['UBND xã Hiệp Phước', 'Ubnd Xã Hiệp Phước', 'Sở Tư pháp', 'SỞ TƯ PHÁP', 'UBND huyện Long Thành', 'Phường Tân Phong'];
const TIERS: Tier[] = ['so', 'huyen', 'xa'];

const row = fc.record({
  code: fc.integer({ min: 0, max: 25 }).map((n) => `H18.${n}`),
  unit: fc.constantFrom(...UNITS),
  tier: fc.constantFrom(...TIERS),
  received: fc.integer({ min: -30, max: 370 }),
  due: fc.option(fc.integer({ min: 0, max: 400 }), { nil: NaN }),
  resolved: fc.option(fc.integer({ min: 0, max: 400 }), { nil: NaN }),
  dueTime: fc.constantFrom(-1, 0, 600, 1439),
  resolvedTime: fc.constantFrom(-1, 0, 600, 1439),
  channel: fc.integer({ min: -3, max: 2 }),
  digitized: fc.integer({ min: -3, max: 2 }),
  eResult: fc.integer({ min: -3, max: 2 }),
  rating: fc.integer({ min: -3, max: 2 }),
  payment: fc.integer({ min: -3, max: 3 }),
  fee: fc.constantFrom(-1, 0, 20000, NaN),
  status: fc.integer({ min: -2, max: 3 }),
  feedback: fc.boolean(),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** `horizon`: the data's last received day (days after 01/01/2023); the resolved dates run on from there. */
function record(r: Row, asBytes: boolean, horizon = 370): RowRecord {
  const received = -30 + ((r.received + 30) % (horizon + 31));
  const rec: RowRecord & { codeBuf?: Uint8Array | null; codeStart?: number; codeEnd?: number } = {
    ...r,
    received: jan1 + received,
    due: Number.isNaN(r.due) ? NaN : jan1 + r.due,
    resolved: Number.isNaN(r.resolved) ? NaN : jan1 + received + (r.resolved % Math.max(1, Math.floor(horizon / 3))),
    dueTime: Number.isNaN(r.due) ? -1 : r.dueTime,
    resolvedTime: Number.isNaN(r.resolved) ? -1 : r.resolvedTime,
  };
  if (asBytes) {
    const b = Buffer.from(`..${r.code}`);
    rec.codeBuf = b;
    rec.codeStart = 2;
    rec.codeEnd = b.length;
  }
  return rec;
}

const ds = (r: Row): Dataset => (r.feedback ? 'feedback' : 'dossiers');
const ALL = 0xffffffff | 0;

/** Everything a report reads from a tally once judged: units by name and tier, their counts, the files' accounting, the dates. */
function view(t: Tally) {
  const judged = t.judge();
  const units = t.units.map((u, i) => ({ name: u.name, tier: u.tier, seen: u.seen, counts: plan.indicators.map((_, k) => t.get(i, k)) }));
  units.sort((a, b) => a.tier.localeCompare(b.tier) || a.name.localeCompare(b.name));
  return { units, files: t.files, judged };
}

describe('Tally read in byte ranges', () => {
  it('gives the same counts, superseding and unit names as one pass, in any interleaving of the ranges', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }), // an earlier file, read in one pass
        fc.array(row, { minLength: 1, maxLength: 80 }),
        fc.array(row, { maxLength: 30 }), // a later file, read in one pass
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat({ max: 3 }), { maxLength: 400 }),
        fc.integer({ min: 11, max: 200 }),
        fc.integer({ min: 10, max: 370 }),
        (before, rows, after, cutSeeds, schedule, batchBytes, horizon) => {
          const rec = (r: Row, asBytes: boolean) => record(r, asBytes, horizon);
          const one = new Tally(plan.indicators, period);
          const f0 = one.addFile();
          for (const r of before) one.add(ds(r), f0, rec(r, true), ALL);
          const f1 = one.addFile();
          for (const r of rows) one.add(ds(r), f1, rec(r, false), ALL);
          const f2 = one.addFile();
          for (const r of after) one.add(ds(r), f2, rec(r, true), ALL);

          const split = new Tally(plan.indicators, period);
          const g0 = split.addFile();
          for (const r of before) split.add(ds(r), g0, rec(r, true), ALL);
          const g1 = split.addFile();
          const cuts = [...new Set(cutSeeds.map((c) => c % rows.length))].filter((c) => c > 0).sort((a, b) => a - b);
          const bounds = [0, ...cuts, rows.length];
          const ranges = bounds.slice(0, -1).map((b, k) => rows.slice(b, bounds[k + 1]));
          // Range 0 straight into the tally; the others through batchers, flushed as they fill.
          const maps = ranges.map(() => [] as number[]);
          const batchers = ranges.map(
            (_, k) =>
              new RecordBatcher(plan.indicators, period, (batch) => split.addBatch(batch, g1, k, maps[k]!), Math.max(batchBytes, 64)),
          );
          const local = batchers.map((b) => b.addFile());
          const next = ranges.map(() => 0);
          const step = (k: number) => {
            const r = ranges[k]![next[k]!++]!;
            if (k === 0) split.add(ds(r), g1, rec(r, false), ALL);
            else batchers[k]!.add(ds(r), local[k]!, rec(r, true), ALL);
          };
          for (const s of schedule) {
            const k = s % ranges.length;
            if (next[k]! < ranges[k]!.length) step(k);
          }
          for (let k = ranges.length - 1; k >= 0; k--) while (next[k]! < ranges[k]!.length) step(k);
          for (let k = ranges.length - 1; k >= 1; k--) batchers[k]!.end();
          const g2 = split.addFile();
          for (const r of after) split.add(ds(r), g2, rec(r, true), ALL);
          expect(view(split)).toEqual(view(one));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a batch names each unit once, before its first record', () => {
    const batches: Uint8Array[] = [];
    const b = new RecordBatcher(plan.indicators, period, (x) => batches.push(x.slice()));
    const f = b.addFile();
    const r = (code: string, unit: string): Row => ({ code, unit, tier: 'xa', received: 5, due: NaN, resolved: NaN, dueTime: -1, resolvedTime: -1, channel: 1, digitized: 1, eResult: 1, rating: 1, payment: 1, fee: -1, status: -2, feedback: false });
    b.add('dossiers', f, record(r('A', 'UBND xã Hiệp Phước'), false), ALL);
    b.add('dossiers', f, record(r('B', 'UBND xã Hiệp Phước'), true), ALL);
    b.end();
    expect(batches).toHaveLength(1);
    const text = Buffer.from(batches[0]!).toString('latin1');
    expect(text.split(Buffer.from('UBND xã Hiệp Phước').toString('latin1')).length - 1).toBe(1);
    const t = new Tally(plan.indicators, period);
    const g = t.addFile();
    t.addBatch(batches[0]!, g, 1, []);
    expect(t.files[g]).toEqual({ accepted: 2, superseded: 0 });
    expect(t.units.map((u) => u.name)).toEqual(['UBND xã Hiệp Phước']);
  });
});

describe('Tally.judge', () => {
  it('gives, with supersession, the counts of the rules run on the last row per code with J known up front', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 370 }), fc.constantFrom('2023', '2023-H1', '2023-Q3'), (rows, horizon, label) => {
        const p = parsePeriod(label);
        const t = new Tally(plan.indicators, p);
        const f = t.addFile();
        const records = rows.map((r) => ({ ds: ds(r), rec: record(r, true, horizon) }));
        for (const { ds: d, rec } of records) t.add(d, f, rec, ALL);
        const judged = t.judge();

        // The oracle: the last row of each code (per dataset), the data's last day, J, then the rules at J.
        const last = new Map<string, (typeof records)[number]>();
        for (const x of records) last.set(`${x.ds}|${x.rec.code}`, x);
        const winners = [...last.values()];
        const dataTo = Math.max(...winners.map((x) => (x.rec.resolved > x.rec.received ? x.rec.resolved : x.rec.received)));
        const J = Math.min(p.to, dataTo);
        expect(judged.judgedAt).toBe(J);
        expect(judged.to).toBe(dataTo);
        expect(judged.from).toBe(Math.min(...winners.map((x) => x.rec.received)));
        const inP = (d: number) => d >= p.from && d <= p.to;
        expect(judged.inPeriod).toBe(winners.filter((x) => inP(x.rec.received) || inP(x.rec.resolved)).length);
        if (judged.inPeriod === 0) return; // such a run is refused: J is meant to be in P

        const want = new Map<string, [number, number]>();
        for (const { ds: d, rec } of winners) {
          plan.indicators.forEach((ind, k) => {
            if (ind.dataset !== d) return;
            const bits = RULES[ind.rule](rec, { from: p.from, to: J });
            if (bits === 0) return;
            const key = `${rec.tier}|${k}`;
            const c = want.get(key) ?? [0, 0];
            c[1] += 1;
            if (bits === 3) c[0] += 1;
            want.set(key, c);
          });
        }
        const got = new Map<string, [number, number]>();
        t.units.forEach((u, i) =>
          plan.indicators.forEach((_, k) => {
            const [n, d] = t.get(i, k);
            if (d === 0) return;
            const key = `${u.tier}|${k}`;
            const c = got.get(key) ?? [0, 0];
            got.set(key, [c[0] + n, c[1] + d]);
          }),
        );
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});
