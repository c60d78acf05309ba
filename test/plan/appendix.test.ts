import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_PLAN, loadPlan, parsePlan } from '../../src/plan/load.js';
import { CcchError } from '../../src/errors.js';

const planText = readFileSync(DEFAULT_PLAN, 'utf8');

/** The shipped plan as plain data, to be broken in one place and fed back to parsePlan. */
function planData(): Record<string, unknown> {
  return parse(planText) as Record<string, unknown>;
}

function refusal(src: string): CcchError {
  try {
    parsePlan(src, 'bad.yaml');
  } catch (e) {
    if (e instanceof CcchError) return e;
    throw e;
  }
  throw new Error('the plan was accepted');
}

const minimalSection = `
agencies:
  - id: so-noi-vu
    name: Sở Nội vụ
sections:
  - id: I
    title: Cải cách thể chế
    items:
      - id: I.1
        goal: Mục tiêu
        tasks:
          - id: I.1.a
            activity: Nhiệm vụ
            output: Sản phẩm
            leadText: Sở Nội vụ
            deadline:
              text: Thường xuyên
              kind: recurring
`;

describe('plan appendix schema', () => {
  it('loads the shipped plan', async () => {
    const plan = await loadPlan();
    expect(plan.indicators).toHaveLength(9);
  });

  it('refuses a task without a lead, naming the path and the line', () => {
    const err = refusal(planText + minimalSection);
    expect(err.kind).toBe('plan');
    expect(err.text.en).toMatch(/^sections\[0\]\.items\[0\]\.tasks\[0\]\.lead: /);
    expect(err.where.file).toBe('bad.yaml');
    // The task's mapping starts on the "- id: I.1.a" line of the appended text.
    const line = (planText + minimalSection).split('\n').findIndex((l) => l.includes('- id: I.1.a')) + 1;
    expect(err.where.line).toBe(line);
  });

  it('refuses a lead that names no agency', () => {
    const src = planText + minimalSection.replace('leadText: Sở Nội vụ', 'lead: [so-khong-co]\n            leadText: Sở Nội vụ');
    expect(refusal(src).text.en).toMatch(/^sections\[0\]\.items\[0\]\.tasks\[0\]\.lead\[0\]: no agency so-khong-co/);
  });

  it('accepts the minimal section once the task has a lead', () => {
    const src = planText + minimalSection.replace('leadText: Sở Nội vụ', 'lead: [so-noi-vu]\n            leadText: Sở Nội vụ');
    const plan = parsePlan(src, 'ok.yaml');
    expect(plan.sections?.[0]?.items[0]?.tasks[0]?.partners).toEqual([]);
  });

  it('keeps a plan of indicators alone valid', () => {
    const data = planData();
    delete data.agencies;
    delete data.sections;
    delete data.targets;
    expect(parsePlan(stringify(data), 'indicators-only.yaml').indicators).toHaveLength(9);
  });
});
