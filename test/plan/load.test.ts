import { errorLine } from '../../src/i18n/errors.js';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadPlan } from '../../src/plan/load.js';
import { parsePlan } from '../../src/plan/parse.js';
import { CcchError } from '../../src/model/errors.js';
import { fixture, plan } from '../helpers.js';

async function refusal(p: Promise<unknown>): Promise<CcchError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CcchError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('the bundled plan', () => {
  it('is 282/KH-UBND with the nine indicators and their targets from docs/domain.md', async () => {
    const p = await plan();
    expect(p.plan).toMatchObject({ id: '282/KH-UBND', date: '2022-12-29', province: 'Đồng Nai', year: 2023 });
    const t = Object.fromEntries(p.indicators.map((i) => [i.id, [i.targets.so, i.targets.huyen, i.targets.xa]]));
    expect(t).toEqual({
      'online-rate': [70, 30, 20],
      'on-time-rate': [96, 96, 96],
      'satisfaction-rate': [93, 93, 93],
      'digitization-rate': [50, 20, 15],
      'e-result-rate': [60, 30, 20],
      'online-payment-rate': [30, 5, null],
      'cashless-payment-rate': [30, 5, null],
      'feedback-on-time-rate': [96, 96, 96],
      'feedback-satisfaction-rate': [92, 92, 92],
    });
    expect(p.indicators.find((i) => i.id === 'online-payment-rate')!.clause).toBe('appendix VI.3.1');
    expect(p.indicators.find((i) => i.id === 'cashless-payment-rate')!.clause).toBe('body II.6.1');
  });
});

describe('invalid plans are refused with file, line, column and key path', () => {
  it('YAML syntax', async () => {
    const e = await refusal(loadPlan(fixture('bad/plan-bad-yaml.yaml'), 'bad.yaml'));
    expect(e.where.file).toBe('bad.yaml');
    expect(e.where.line).toBeGreaterThanOrEqual(3);
    expect(errorLine(e, 'en')).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML/);
  });
  it('a bad value names the key path and its position', async () => {
    const e = await refusal(loadPlan(fixture('bad/plan-bad-target.yaml'), 'p.yaml'));
    expect(errorLine(e, 'en')).toMatch(/^p\.yaml:\d+:\d+: indicators\[0\]\.targets\.so: /);
    const src = readFileSync(fixture('bad/plan-bad-target.yaml'), 'utf8').split('\n');
    expect(src[e.where.line! - 1]).toContain('"70%"');
  });
  it('an unknown key', () => {
    const src = readFileSync(fixture('../plan/dong-nai-2023.yaml'), 'utf8').replace('  year: 2023', '  year: 2023\n  yaer: 2023');
    expect(() => parsePlan(src, 'x.yaml')).toThrow(expect.objectContaining({ code: 'plan.schema', params: expect.objectContaining({ path: 'plan', detail: expect.stringMatching(/Unrecognized key.*yaer/) }) }));
  });
  it('an alias bomb', async () => {
    const e = await refusal(loadPlan(fixture('bad/plan-alias-bomb.yaml'), 'bomb.yaml'));
    expect(errorLine(e, 'en')).toMatch(/^bomb\.yaml: YAML refused: .*alias/i);
  });
  it('a missing file and a directory', async () => {
    expect(errorLine(await refusal(loadPlan('/nonexistent/plan.yaml')), 'en')).toMatch(/plan file not found/);
    expect(errorLine(await refusal(loadPlan(fixture('bad'))), 'en')).toMatch(/is a directory/);
  });
});

describe('hostile plans: bounded cost, refused with file, line and column', () => {
  const bundled = readFileSync(fixture('../plan/dong-nai-2023.yaml'), 'utf8');
  const refusedBy = (src: string) => {
    try {
      parsePlan(src, 'p.yaml');
    } catch (e) {
      if (e instanceof CcchError) return e;
      throw e;
    }
    throw new Error('accepted');
  };

  it('a character device stops at the byte cap, whatever stat says (/dev/zero)', async () => {
    const e = await refusal(loadPlan('/dev/zero', 'zero'));
    expect(errorLine(e, 'en')).toBe('zero: plan file too large (> 4 MiB)');
  });

  it('flow collections past the token budget are refused before parsing (they took ~6 s a MB)', () => {
    const t0 = performance.now();
    const e = refusedBy('plan: x\njunk: [' + '{a: {b: [1, 2]}}, '.repeat(60_000) + '1]\n');
    expect(e.code).toBe('plan.tooComplex');
    expect(errorLine(e, 'en')).toMatch(/^p\.yaml: plan file too complex for a plan \(more than 200,000 YAML tokens;/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('flow collections nested too deep', () => {
    expect(errorLine(refusedBy('plan: ' + '['.repeat(65) + ']'.repeat(65) + '\n'), 'en')).toMatch(/nested more than 64 deep/);
    // 64 deep is YAML the parser takes (and the schema refuses).
    expect(refusedBy('plan: ' + '['.repeat(64) + ']'.repeat(64) + '\n').code).toBe('plan.schema');
  });

  it('a repeated key in a map of 20,000 keys: found in linear time, at its line (the package compares every pair)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v\n`).join('');
    const t0 = performance.now();
    const e = refusedBy(`plan:\n${keys}  k7: again\n`);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.where).toEqual({ file: 'p.yaml', line: 20_002, column: 3 });
    expect(errorLine(e, 'en')).toMatch(/invalid YAML: Map keys must be unique/);
    // In flow maps too, and a key repeated in another map is no repetition.
    expect(refusedBy('plan: {a: 1, b: 2, a: 3}\n').where).toEqual({ file: 'p.yaml', line: 1, column: 20 });
    expect(refusedBy('plan: {a: {x: 1}, b: {x: 2}}\n').code).toBe('plan.schema');
  });

  it('a target too large for exact comparison is a plan error at its line (it ended in an internal error: Infinity to BigInt)', () => {
    const at = bundled.indexOf('value: 70');
    const src = bundled.slice(0, at) + 'value: 1.0e+308' + bundled.slice(at + 'value: 70'.length);
    const e = refusedBy(src);
    expect(e.code).toBe('plan.schema');
    expect(e.where.line).toBe(bundled.slice(0, at).split('\n').length);
    expect(errorLine(e, 'en')).toMatch(/value: a target is between -1,000,000,000 and 1,000,000,000/);
  });
});
