import { describe, it, expect } from 'vitest';
import { compareTarget, status, targetFor } from '../../src/evaluate/evaluate.js';
import { scoreTexts, counts, statusOf, plan } from '../helpers.js';

describe('exact comparison', () => {
  const atLeast = (n: number, d: number, target: number) => compareTarget(n, d, target, '>=', 'percent');
  it('20 of 100 against 20% passes; 19 does not', () => {
    expect(atLeast(20, 100, 20)).toBe(true);
    expect(atLeast(19, 100, 20)).toBe(false);
    expect(atLeast(96, 100, 96)).toBe(true);
    expect(atLeast(959_999, 1_000_000, 96)).toBe(false);
    expect(atLeast(24, 25, 96)).toBe(true); // 0.96 is not exact in binary floating point
    expect(atLeast(7, 35, 20)).toBe(true);
    expect(atLeast(925, 1000, 92.5)).toBe(true);
    expect(atLeast(924, 1000, 92.5)).toBe(false);
  });
  it('every comparison, for percentages and changes, exact on integers', () => {
    expect(compareTarget(7, 10, 70, '>=', 'percent')).toBe(true);
    expect(compareTarget(69, 100, 70, '>=', 'percent')).toBe(false);
    expect(compareTarget(1, 10, 10, '>', 'percent')).toBe(false);
    expect(compareTarget(11, 100, 10, '>', 'percent')).toBe(true);
    expect(compareTarget(24, 25, 96, '=', 'percent')).toBe(true);
    expect(compareTarget(959_999, 1_000_000, 96, '<', 'percent')).toBe(true);
    expect(compareTarget(24, 25, 96, '<', 'percent')).toBe(false);
    expect(compareTarget(24, 25, 96, '<=', 'percent')).toBe(true);
    expect(compareTarget(5, 5, 0, '>', 'change')).toBe(false);
    expect(compareTarget(6, 5, 0, '>', 'change')).toBe(true);
    expect(compareTarget(5, 5, 0, '=', 'change')).toBe(true);
    expect(compareTarget(20, 1, 20, '<=', 'change')).toBe(true);
    expect(compareTarget(21, 1, 20, '<', 'change')).toBe(false);
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
