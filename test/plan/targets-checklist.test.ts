/**
 * The plan's targets against a checklist made independently from the seed
 * (test/fixtures-plan/targets-checklist.json), so that a target left out of the YAML, or one
 * with a wrong figure, tier or clause, shows up. The checklist itself is checked against the
 * seed's percentages.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadPlan } from '../../src/plan/load.js';

interface Entry {
  clause: string;
  value: number;
  tiers: string[];
}

const checklist = (JSON.parse(readFileSync(new URL('../fixtures-plan/targets-checklist.json', import.meta.url), 'utf8')) as { targets: Entry[] }).targets;
const seed = readFileSync(new URL('../fixtures-plan/282-KH-UBND.txt', import.meta.url), 'utf8');

const key = (e: Entry) => `${e.clause} | ${e.value} | ${[...e.tiers].sort().join('+')}`;

/** Multiset difference a − b, as sorted keys. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(k);
  }
  return out.sort();
}

describe('targets checklist', async () => {
  const plan = await loadPlan();
  const targets = plan.targets ?? [];

  it('holds 95 targets, 47 from the body', () => {
    expect(checklist).toHaveLength(95);
    expect(checklist.filter((e) => e.clause.startsWith('body '))).toHaveLength(47);
  });

  it('lists every percentage of body section II and of the appendix', () => {
    const percents = (text: string) => [...text.matchAll(/(\d+)%/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    const body = seed.slice(seed.indexOf('II. NỘI DUNG'), seed.indexOf('III. KINH PHÍ'));
    const appendix = seed.slice(seed.indexOf('VỤ CỤ THỂ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2023'));
    expect(percents(seed)).toHaveLength(percents(body).length + percents(appendix).length);
    // Change (value 0) and rank entries are not percentages. Appendix VI.2.3 writes "100% … cấp
    // tỉnh; 100% … cấp huyện": two figures, one entry with tiers so+huyen.
    const listed = (body: boolean) =>
      checklist
        .filter((e) => e.clause.startsWith('body ') === body && e.value !== 0 && !e.tiers.includes('province'))
        .flatMap((e) => (e.clause === 'VI.2.3' && e.value === 100 && e.tiers.length === 2 ? [e.value, e.value] : [e.value]))
        .sort((a, b) => a - b);
    expect(listed(true)).toEqual(percents(body));
    expect(listed(false)).toEqual(percents(appendix));
  });

  it('matches the plan: nothing missing from the YAML', () => {
    expect(minus(checklist.map(key), targets.map(key))).toEqual([]);
  });

  it('matches the plan: nothing in the YAML that the checklist lacks', () => {
    expect(minus(targets.map(key), checklist.map(key))).toEqual([]);
  });
});
