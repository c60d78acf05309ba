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
