import { describe, it, expect } from 'vitest';
import { compareTarget, status, targetFor } from '../../src/evaluate/evaluate.js';
import { scoreTexts, counts, statusOf, plan } from '../helpers.js';

describe('exact comparison', () => {
  type Case = [n: number, d: number, target: number, comparison: '>=' | '>' | '<=' | '<' | '=', scale: 'percent' | 'change', expected: boolean];
  const cases: Case[] = [
    // n/d ≥ target%: 20 of 100 against 20% passes, 19 does not
    [20, 100, 20, '>=', 'percent', true],
    [19, 100, 20, '>=', 'percent', false],
    [96, 100, 96, '>=', 'percent', true],
    [959_999, 1_000_000, 96, '>=', 'percent', false],
    [24, 25, 96, '>=', 'percent', true], // 0.96 is not exact in binary floating point
    [7, 35, 20, '>=', 'percent', true],
    [925, 1000, 92.5, '>=', 'percent', true],
    [924, 1000, 92.5, '>=', 'percent', false],
    // the other comparisons, on both scales (n − d for a change)
    [1, 10, 10, '>', 'percent', false],
    [11, 100, 10, '>', 'percent', true],
    [24, 25, 96, '=', 'percent', true],
    [959_999, 1_000_000, 96, '<', 'percent', true],
    [24, 25, 96, '<', 'percent', false],
    [24, 25, 96, '<=', 'percent', true],
    [5, 5, 0, '>', 'change', false],
    [6, 5, 0, '>', 'change', true],
    [5, 5, 0, '=', 'change', true],
    [20, 1, 20, '<=', 'change', true],
    [21, 1, 20, '<', 'change', false],
  ];
  it.each(cases)('%s of %s against %s (%s, %s): %s', (n, d, target, comparison, scale, expected) => {
    expect(compareTarget(n, d, target, comparison, scale)).toBe(expected);
  });
  it('statuses', () => {
    expect(status(0, 0, 96)).toBe('no-data');
    expect(status(5, 10, null)).toBe('no-target');
    expect(status(0, 0, null)).toBe('no-target');
    expect(status(1, 1, 0)).toBe('pass');
  });
  it('the province target is the tiers’ common one', async () => {
    const p = await plan();
    const by = (id: string) => p.indicators.find((i) => i.id === id)!;
    expect(targetFor(by('on-time-rate'), 'all')).toBe(96);
    expect(targetFor(by('online-rate'), 'all')).toBeNull();
    expect(targetFor(by('online-payment-rate'), 'xa')).toBeNull();
  });
});

describe('target boundary through the pipeline', () => {
  const file = (online: number) => {
    const lines = ['Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp'];
    for (let i = 0; i < 100; i++) lines.push(`HS${i},UBND xã Long Hưng,05/05/2023,${i < online ? 'Trực tuyến' : 'Trực tiếp'}`);
    return `${lines.join('\n')}\n`;
  };
  it('xã online 20/100 against ≥ 20% passes, 19/100 fails', async () => {
    const pass = await scoreTexts([{ name: 'p.csv', text: file(20) }]);
    expect(counts(pass)['online-rate/xa']).toBe('20/100');
    expect(statusOf(pass, 'online-rate', 'xa')).toBe('pass');
    const fail = await scoreTexts([{ name: 'f.csv', text: file(19) }]);
    expect(statusOf(fail, 'online-rate', 'xa')).toBe('fail');
  });
});
