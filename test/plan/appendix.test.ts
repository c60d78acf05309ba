import { errorText } from '../../src/i18n/errors.js';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_PLAN, loadPlan } from '../../src/plan/load.js';
import { parsePlan } from '../../src/plan/parse.js';
import { CcchError } from '../../src/model/errors.js';

const planText = readFileSync(DEFAULT_PLAN, 'utf8');

/** The shipped plan as plain data, to be broken in one place and fed back to parsePlan. */
function planData(): Record<string, unknown> {
  return parse(planText) as Record<string, unknown>;
}

/** The shipped plan's identity and indicators only, as YAML text, to append a test section to. */
function indicatorsOnly(): string {
  const { schemaVersion, plan, indicators } = planData();
  return stringify({ schemaVersion, plan, indicators });
}

/** Just enough structure to break the plan data in one place. */
interface Loose {
  sections: Array<{ items: Array<{ id: string; tasks: Array<Record<string, unknown>> }> }>;
  agencies: Array<Record<string, unknown>>;
}
const loose = (data: Record<string, unknown>) => data as unknown as Loose;

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
    const src = indicatorsOnly() + minimalSection;
    const err = refusal(src);
    expect(err.kind).toBe('plan');
    expect(errorText(err, 'en')).toMatch(/^sections\[0\]\.items\[0\]\.tasks\[0\]\.lead: /);
    expect(err.where.file).toBe('bad.yaml');
    // The task's mapping starts on the "- id: I.1.a" line of the appended text.
    const line = src.split('\n').findIndex((l) => l.includes('- id: I.1.a')) + 1;
    expect(err.where.line).toBe(line);
  });

  it('refuses a lead that names no agency', () => {
    const src = indicatorsOnly() + minimalSection.replace('leadText: Sở Nội vụ', 'lead: [so-khong-co]\n            leadText: Sở Nội vụ');
    expect(errorText(refusal(src), 'en')).toMatch(/^sections\[0\]\.items\[0\]\.tasks\[0\]\.lead\[0\]: no agency so-khong-co/);
  });

  it('accepts the minimal section once the task has a lead', () => {
    const src = indicatorsOnly() + minimalSection.replace('leadText: Sở Nội vụ', 'lead: [so-noi-vu]\n            leadText: Sở Nội vụ');
    const plan = parsePlan(src, 'ok.yaml');
    expect(plan.sections?.[0]?.items[0]?.tasks[0]?.partners).toEqual([]);
  });

  it('refuses a deadline whose due date disagrees with its kind', () => {
    const data = planData();
    const task = loose(data).sections[1]!.items[0]!.tasks[0]!;
    task.deadline = { text: 'Quý I/2023', kind: 'quarter', due: '2023-03-30' };
    expect(errorText(refusal(stringify(data)), 'en')).toBe('sections[1].items[0].tasks[0].deadline.due: a quarter deadline is due on the last day of its quarter');
    task.deadline = { text: 'Theo tiến độ phê duyệt', kind: 'conditional', due: '2023-03-31' };
    expect(errorText(refusal(stringify(data)), 'en')).toBe('sections[1].items[0].tasks[0].deadline.due: a conditional deadline has no due date');
    task.deadline = { text: 'Tháng 2/2023', kind: 'month' };
    expect(errorText(refusal(stringify(data)), 'en')).toBe('sections[1].items[0].tasks[0].deadline.due: a month deadline needs a due date');
    task.deadline = { text: 'Trước ngày 30/02/2023', kind: 'date', due: '2023-02-30' };
    expect(errorText(refusal(stringify(data)), 'en')).toBe('sections[1].items[0].tasks[0].deadline.due: not a calendar date');
  });

  it('refuses a task id out of the scheme', () => {
    const data = planData();
    loose(data).sections[1]!.items[0]!.tasks[0]!.id = 'II.1.1.b';
    expect(errorText(refusal(stringify(data)), 'en')).toBe('sections[1].items[0].tasks[0].id: task 1 of item II.1.1 has id II.1.1.a, not II.1.1.b');
  });

  it('refuses a merged cell that differs from the row above', () => {
    const data = planData();
    const item = loose(data).sections[1]!.items.find((i) => i.id === 'II.1.3')!;
    item.tasks[1]!.deadline = { text: 'Quý I/2023', kind: 'quarter', due: '2023-03-31' };
    expect(errorText(refusal(stringify(data)), 'en')).toMatch(/^sections\[1\]\.items\[2\]\.tasks\[1\]\.deadline: merged deadline must equal that of task II\.1\.3\.a/);
  });

  it('refuses a spelling shared by two agencies', () => {
    const data = planData();
    loose(data).agencies[0]!.aliases = ['UBND CẤP HUYỆN'];
    expect(errorText(refusal(stringify(data)), 'en')).toMatch(/agencies\[\d+\]\.aliases: "UBND cấp huyện" already names agency so-noi-vu/);
  });

  it('refuses a counterpart that does not point back, and a data target without an indicator', () => {
    const data = planData();
    const list = data.targets as Array<Record<string, unknown>>;
    const i = list.findIndex((t) => t.id === 'app-II.2.2-on-time');
    list[i]!.counterparts = ['body-II.2.1-satisfaction'];
    expect(errorText(refusal(stringify(data)), 'en')).toMatch(/^targets\[\d+\]\.counterparts\[0\]: target app-II\.2\.2-on-time does not list body-II\.2\.1-on-time back/);
    const fresh = planData();
    const t = (fresh.targets as Array<Record<string, unknown>>)[i]!;
    delete t.indicator;
    expect(errorText(refusal(stringify(fresh)), 'en')).toBe(`targets[${i}].indicator: a target computed from data names its indicator, and only such a target does`);
  });

  it('keeps a plan of indicators alone valid', () => {
    const data = planData();
    delete data.agencies;
    delete data.sections;
    delete data.targets;
    expect(parsePlan(stringify(data), 'indicators-only.yaml').indicators).toHaveLength(9);
  });
});

// ── The shipped plan against the seed (test/fixtures-plan/282-KH-UBND.txt, a copy of
// ../shared/seed/000_b66602fc151d740b.txt). Every number below was checked by hand against it.
const seed = readFileSync(new URL('../fixtures-plan/282-KH-UBND.txt', import.meta.url), 'utf8');
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const seedFlat = collapse(seed);

describe('the appendix of 282/KH-UBND', async () => {
  const plan = await loadPlan();
  const sections = plan.sections ?? [];
  const items = sections.flatMap((s) => s.items);
  const tasks = items.flatMap((i) => i.tasks);
  const task = (id: string) => {
    const t = tasks.find((x) => x.id === id);
    if (!t) throw new Error(`no task ${id}`);
    return t;
  };
  const item = (id: string) => {
    const i = items.find((x) => x.id === id);
    if (!i) throw new Error(`no item ${id}`);
    return i;
  };

  it('has sections I–VII, 51 items and 87 tasks', () => {
    expect(sections.map((s) => s.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(items).toHaveLength(51);
    expect(tasks).toHaveLength(87);
    expect(Object.fromEntries(sections.map((s) => [s.id, s.items.length]))).toEqual({ I: 3, II: 18, III: 6, IV: 6, V: 4, VI: 8, VII: 6 });
    expect(Object.fromEntries(sections.map((s) => [s.id, s.items.flatMap((i) => i.tasks).length]))).toEqual({
      I: 6,
      II: 36,
      III: 6,
      IV: 8,
      V: 5,
      VI: 19,
      VII: 7,
    });
  });

  it('numbers items as the appendix does, under their group headings', () => {
    expect(sections.find((s) => s.id === 'II')?.groups?.map((g) => g.id)).toEqual(['II.1', 'II.2', 'II.3', 'II.4']);
    expect(sections.find((s) => s.id === 'VI')?.groups?.map((g) => g.id)).toEqual(['VI.1', 'VI.2', 'VI.3']);
    expect(sections.find((s) => s.id === 'II')?.items.map((i) => i.id)).toEqual([
      'II.1.1', 'II.1.2', 'II.1.3', 'II.1.4', 'II.1.5', 'II.1.6', 'II.1.7', 'II.1.8',
      'II.2.1', 'II.2.2', 'II.2.3', 'II.2.4',
      'II.3.1', 'II.3.2', 'II.3.3', 'II.3.4', 'II.3.5',
      'II.4.1',
    ]);
    expect(item('II.3.4').parent).toBe('II.3');
    expect(sections.find((s) => s.id === 'VI')?.items.map((i) => i.id)).toEqual([
      'VI.1.1', 'VI.2.1', 'VI.2.2', 'VI.2.3', 'VI.2.4', 'VI.2.5', 'VI.3.1', 'VI.3.2',
    ]);
    expect(item('II.1.4').goal).toBe('70% TTHC có hồ sơ mẫu');
    expect(item('II.2.2').goal).toBe('Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 96%');
  });

  it('gives task ids as item id + letter in table order, unique', () => {
    const ids = tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of items) i.tasks.forEach((t, k) => expect(t.id).toBe(`${i.id}.${'abcdefghij'[k]}`));
    expect(item('II.2.1').tasks.map((t) => t.id)).toEqual(['II.2.1.a', 'II.2.1.b', 'II.2.1.c', 'II.2.1.d', 'II.2.1.e']);
  });

  it('gives every task a lead and a deadline, and every referenced agency exists', () => {
    const agencies = new Set((plan.agencies ?? []).map((a) => a.id));
    for (const t of tasks) {
      expect(t.lead.length, t.id).toBeGreaterThan(0);
      expect(t.leadText.length, t.id).toBeGreaterThan(0);
      expect(t.deadline.text.length, t.id).toBeGreaterThan(0);
      for (const a of [...t.lead, ...t.partners]) expect(agencies.has(a), `${t.id}: ${a}`).toBe(true);
    }
  });

  it('names 24 agencies, each used by some task', () => {
    const used = new Set(tasks.flatMap((t) => [...t.lead, ...t.partners]));
    expect(plan.agencies).toHaveLength(24);
    for (const a of plan.agencies ?? []) expect(used.has(a.id), a.id).toBe(true);
    const name = (id: string) => plan.agencies?.find((a) => a.id === id)?.name;
    expect(name('so-noi-vu')).toBe('Sở Nội vụ');
    expect(name('vp-ubnd')).toBe('Văn phòng UBND tỉnh');
    expect(name('cac-so-nganh')).toBe('Các sở, ban ngành');
    expect(name('ubnd-cap-huyen')).toBe('UBND các huyện, thành phố');
    expect(name('ubnd-cap-xa')).toBe('UBND cấp xã');
  });

  it('pins leads, partners and deadlines of sample tasks', () => {
    expect(task('I.1.a')).toMatchObject({
      lead: ['cac-so-nganh', 'ubnd-cap-huyen'],
      leadText: 'Các sở, ban ngành; UBND các huyện',
      partners: ['so-tu-phap'],
      deadline: { text: 'Theo thời hạn đã đăng ký với UBND tỉnh', kind: 'conditional' },
    });
    expect(task('I.1.a').deadline.due).toBeUndefined();
    expect(task('II.1.6.a')).toMatchObject({
      lead: ['cac-so-nganh', 'ubnd-cap-huyen'],
      partners: ['vp-ubnd'],
      deadline: { text: 'Trước ngày 15/02/2023', kind: 'date', due: '2023-02-15' },
    });
    expect(task('II.1.7.a').deadline).toMatchObject({ kind: 'date', due: '2023-12-01' });
    expect(task('II.2.1.a').deadline).toMatchObject({ text: 'Trước 01/06/2023', kind: 'date', due: '2023-06-01' });
    expect(task('II.1.5.a').deadline).toMatchObject({ text: 'Quý III/2023', kind: 'quarter', due: '2023-09-30' });
    expect(task('II.3.4.a')).toMatchObject({ lead: ['so-tttt'], deadline: { kind: 'quarter', due: '2023-03-31' } });
    expect(task('IV.1.a').deadline).toMatchObject({ text: 'Trong quý II/2023', kind: 'quarter', due: '2023-06-30' });
    expect(task('VI.3.1.a')).toMatchObject({
      lead: ['ubnd-cap-huyen'],
      partners: ['so-tai-chinh', 'so-tttt', 'cuc-thue', 'ngan-hang-thuong-mai'],
      deadline: { text: 'Tháng 2/2023', kind: 'month', due: '2023-02-28' },
    });
    expect(task('VII.1.a').deadline).toMatchObject({ kind: 'month', due: '2023-01-31' });
    expect(task('VII.3.b').deadline).toMatchObject({ text: 'Tháng Quý IV/2023', kind: 'quarter', due: '2023-12-31' });
    expect(task('VII.5.a').deadline).toMatchObject({ text: 'Quý II-III/2023', kind: 'quarter', due: '2023-09-30' });
    expect(task('II.2.1.e').deadline).toEqual({ text: 'Khi có hướng dẫn của Bộ ngành TW', kind: 'conditional' });
    expect(task('III.2.a').deadline).toEqual({ text: 'Theo tiến độ phê duyệt', kind: 'conditional' });
    expect(task('II.2.3.a')).toMatchObject({ lead: ['so-noi-vu'], deadline: { text: 'Thường xuyên', kind: 'recurring' } });
    expect(task('II.3.3.a')).toMatchObject({
      lead: ['ubnd-cap-huyen', 'phong-tu-phap-huyen', 'ubnd-cap-xa'],
      partners: ['so-tu-phap'],
    });
    expect(task('II.4.1.c').partners).toEqual(['cac-so-nganh', 'vnpt-dong-nai']);
    expect(task('I.3.b').lead).toEqual(['so-tu-phap', 'vp-ubnd']);
  });

  it('dates exactly the 25 tasks whose deadline the seed dates', () => {
    const dated = Object.fromEntries(tasks.filter((t) => t.deadline.due).map((t) => [t.id, t.deadline.due]));
    expect(dated).toEqual({
      'II.1.5.a': '2023-09-30',
      'II.1.6.a': '2023-02-15',
      'II.1.7.a': '2023-12-01',
      'II.2.1.a': '2023-06-01',
      'II.2.1.b': '2023-06-30',
      'II.2.1.c': '2023-03-31',
      'II.3.2.b': '2023-06-30',
      'II.3.4.a': '2023-03-31',
      'II.3.4.b': '2023-03-31',
      'II.3.5.a': '2023-03-31',
      'IV.1.a': '2023-06-30',
      'IV.5.a': '2023-06-30',
      'VI.2.1.a': '2023-06-30',
      'VI.2.2.a': '2023-06-30',
      'VI.2.2.b': '2023-03-31',
      'VI.2.3.a': '2023-03-31',
      'VI.2.3.c': '2023-06-30',
      'VI.2.4.b': '2023-03-31',
      'VI.3.1.a': '2023-02-28',
      'VI.3.1.b': '2023-03-31',
      'VI.3.2.a': '2023-09-30',
      'VII.1.a': '2023-01-31',
      'VII.2.a': '2023-03-31',
      'VII.3.b': '2023-12-31',
      'VII.5.a': '2023-09-30',
    });
    const kinds: Record<string, number> = {};
    for (const t of tasks) kinds[t.deadline.kind] = (kinds[t.deadline.kind] ?? 0) + 1;
    expect(kinds).toEqual({ recurring: 52, quarter: 18, conditional: 12, date: 3, month: 2 });
  });

  it('marks the rows whose cells span the row above', () => {
    expect(tasks.filter((t) => t.merged).map((t) => [t.id, t.merged])).toEqual([
      ['II.1.3.b', ['partners', 'deadline']],
      ['II.3.4.b', ['lead', 'partners', 'deadline']],
    ]);
    expect(task('II.3.4.d').goal).toMatch(/^Kết quả giải quyết thủ tục hành chính được cung cấp đồng thời cả bản điện tử 60%/);
  });

  it('copies the seed faithfully: every text of the appendix occurs in it', () => {
    const texts: Array<[string, string]> = [];
    for (const s of sections) {
      texts.push([s.id, s.title]);
      for (const g of s.groups ?? []) texts.push([g.id, g.title]);
      for (const i of s.items) {
        texts.push([i.id, i.goal]);
        for (const t of i.tasks) {
          for (const v of [t.goal, t.activity, t.output, t.leadText, t.partnersText, t.deadline.text]) if (v !== undefined) texts.push([t.id, v]);
        }
      }
    }
    for (const a of plan.agencies ?? []) for (const al of a.aliases ?? []) texts.push([a.id, al]);
    const missing = texts.filter(([, v]) => !seedFlat.includes(collapse(v)));
    expect(missing).toEqual([]);
  });
});

describe('the numeric targets of 282/KH-UBND', async () => {
  const plan = await loadPlan();
  const targets = plan.targets ?? [];
  const target = (id: string) => {
    const t = targets.find((x) => x.id === id);
    if (!t) throw new Error(`no target ${id}`);
    return t;
  };
  /** value by tier for the targets of one clause and one indicator or measure. */
  const byTier = (clause: string, key: string) =>
    Object.fromEntries(
      targets.filter((t) => t.clause === clause && (t.indicator === key || t.measure === key)).map((t) => [t.tiers.join('+'), t.value]),
    );

  it('has 95 targets: 47 from the body, 48 from the appendix, ids unique', () => {
    expect(targets).toHaveLength(95);
    expect(targets.filter((t) => t.source === 'body')).toHaveLength(47);
    expect(targets.filter((t) => t.source === 'appendix')).toHaveLength(48);
    expect(new Set(targets.map((t) => t.id)).size).toBe(95);
    const perClause: Record<string, number> = {};
    for (const t of targets.filter((x) => x.source === 'body')) perClause[t.clause] = (perClause[t.clause] ?? 0) + 1;
    expect(perClause).toEqual({ 'body II.1.1': 2, 'body II.2.1': 23, 'body II.3.1': 1, 'body II.4.1': 6, 'body II.6.1': 11, 'body II.7.1': 4 });
  });

  it('pins the data targets against the seed', () => {
    expect(byTier('II.3.4', 'digitization-rate')).toEqual({ so: 50, huyen: 20, xa: 15 });
    expect(byTier('body II.2.1', 'digitization-rate')).toEqual({ so: 50, huyen: 20, xa: 15 });
    expect(byTier('body II.6.1', 'digitization-rate')).toEqual({ so: 50, huyen: 20, xa: 15 });
    expect(byTier('II.3.4', 'e-result-rate')).toEqual({ so: 60, huyen: 30, xa: 20 });
    expect(byTier('II.3.2', 'online-rate')).toEqual({ so: 70, huyen: 30, xa: 20 });
    expect(byTier('VI.3.1', 'online-rate')).toEqual({ so: 70, huyen: 30, xa: 20 });
    expect(byTier('II.2.2', 'on-time-rate')).toEqual({ all: 96 });
    expect(byTier('II.2.3', 'satisfaction-rate')).toEqual({ all: 93 });
    expect(byTier('II.4.1', 'feedback-on-time-rate')).toEqual({ all: 96 });
    expect(byTier('II.4.1', 'feedback-satisfaction-rate')).toEqual({ all: 92 });
    expect(byTier('VI.3.1', 'online-payment-rate')).toEqual({ so: 30, huyen: 5 });
    expect(byTier('body II.6.1', 'cashless-payment-rate')).toEqual({ so: 30, huyen: 5 });
    expect(target('app-II.2.2-on-time')).toMatchObject({ value: 96, unit: 'percent', comparison: '>=', computable: 'data' });
  });

  it('pins the catalog and units targets against the seed', () => {
    expect(byTier('II.1.3', 'published-on-time')).toEqual({ all: 100 });
    expect(byTier('II.1.4', 'sample-dossier')).toEqual({ all: 70 });
    expect(byTier('II.1.5', 'simplified')).toEqual({ all: 10 });
    expect(byTier('II.3.1', 'online-eligible-offered')).toEqual({ all: 100 });
    expect(byTier('VI.3.1', 'online-payment-enabled')).toEqual({ all: 100 });
    expect(byTier('II.3.3', 'e-certification')).toEqual({ 'huyen+xa': 100 });
    expect(target('app-II.3.3-e-certified-copies')).toMatchObject({
      value: 0,
      unit: 'change',
      comparison: '>',
      baseline: '2022',
      tiers: ['huyen', 'xa'],
      computable: 'units',
    });
    const computable = (kind: string) => targets.filter((t) => t.computable === kind && t.source === 'appendix').map((t) => t.id);
    expect(computable('catalog')).toEqual([
      'app-II.1.3-tthc-published',
      'app-II.1.4-sample-dossiers',
      'app-II.1.5-simplified',
      'app-II.3.1-online-eligible',
      'app-VI.3.1-online-payment-enabled',
    ]);
    expect(computable('units')).toEqual(['app-II.3.3-e-certification', 'app-II.3.3-e-certified-copies']);
  });

  it('pins other targets against the seed', () => {
    const v = (id: string) => [target(id).value, target(id).tiers];
    expect(v('app-II.1.5-declared-info-reduced')).toEqual([20, ['all']]);
    expect(v('app-II.1.7-internal-tthc-simplification')).toEqual([50, ['all']]);
    expect(v('app-IV.2-job-positions-dvsn')).toEqual([90, ['all']]);
    expect(v('app-IV.4-staff-trained')).toEqual([50, ['all']]);
    expect(v('app-IV.1-staff-rules')).toEqual([100, ['so', 'huyen']]);
    expect(v('app-VI.2.3-work-files-online')).toEqual([100, ['so', 'huyen']]);
    expect(v('app-VI.2.3-work-files-online-xa')).toEqual([90, ['xa']]);
    expect(v('app-VI.2.5-digital-inspection')).toEqual([50, ['all']]);
    expect(v('app-VII.4.a-units-inspected')).toEqual([50, ['all']]);
    expect(v('app-II.2.1.a-one-stop-rules')).toEqual([100, ['huyen', 'xa']]);
    expect(v('body-II.3.1-organization-rules')).toEqual([100, ['so', 'huyen']]);
    expect(target('body-II.7.1-pci-rank')).toMatchObject({ value: 20, unit: 'rank', comparison: '<=', tiers: ['province'] });
    expect(target('body-II.7.1-par-index')).toMatchObject({ value: 0, unit: 'change', comparison: '>', baseline: '2022' });
  });

  it('links every data target to one of the nine indicators, with the same figure', () => {
    const indicators = new Map(plan.indicators.map((i) => [i.id, i]));
    const data = targets.filter((t) => t.computable === 'data');
    // body 18 (II.2.1: 13, II.6.1: 5) + appendix 18.
    expect(data).toHaveLength(36);
    for (const t of data) {
      const ind = indicators.get(t.indicator ?? '');
      expect(ind, t.id).toBeDefined();
      const tiers = t.tiers.includes('all') ? (['so', 'huyen', 'xa'] as const) : t.tiers;
      for (const tier of tiers) expect(ind?.targets[tier as 'so' | 'huyen' | 'xa'], `${t.id} ${tier}`).toBe(t.value);
    }
    // Every indicator is set by at least one target of the seed.
    expect(new Set(data.map((t) => t.indicator))).toEqual(new Set(indicators.keys()));
    // Only data targets name an indicator.
    expect(targets.filter((t) => t.indicator !== undefined && t.computable !== 'data')).toEqual([]);
  });

  it('marks where the body and the appendix differ', () => {
    const marked = targets.filter((t) => t.discrepancy).map((t) => t.id);
    expect(marked).toEqual([
      'body-II.1.1-vbqppl-on-schedule',
      'body-II.1.1-vbqppl-reviewed',
      'body-II.2.1-sample-dossiers',
      'body-II.2.1-simplified',
      'body-II.3.1-organization-rules',
      'body-II.6.1-cashless-so',
      'body-II.6.1-cashless-huyen',
      'app-I.1-vbqppl-issued',
      'app-I.2-review-plan',
      'app-II.1.2-processes-configured',
      'app-II.1.4-sample-dossiers',
      'app-II.1.5-simplified',
      'app-III.1-organization-rules',
      'app-VI.3.1-online-payment-so',
      'app-VI.3.1-online-payment-huyen',
    ]);
    expect(target('body-II.6.1-cashless-so')).toMatchObject({ indicator: 'cashless-payment-rate', counterparts: ['app-VI.3.1-online-payment-so'] });
    expect(target('app-VI.3.1-online-payment-so')).toMatchObject({ indicator: 'online-payment-rate', counterparts: ['body-II.6.1-cashless-so'] });
    for (const t of targets.filter((x) => x.discrepancy)) {
      // A discrepancy is between two sources: the marked target has a counterpart.
      expect(t.counterparts?.length, t.id).toBeGreaterThan(0);
    }
  });

  it('pairs body and appendix targets both ways', () => {
    const ids = new Set(targets.map((t) => t.id));
    for (const t of targets) {
      for (const c of t.counterparts ?? []) {
        expect(ids.has(c), `${t.id} → ${c}`).toBe(true);
        expect(target(c).counterparts, `${c} → ${t.id}`).toContain(t.id);
      }
    }
    const alone = targets.filter((t) => !t.counterparts).map((t) => t.id);
    expect(alone).toEqual([
      'body-II.7.1-findings-remedied',
      'body-II.7.1-pci-rank',
      'body-II.7.1-par-index',
      'app-II.2.1.a-one-stop-rules',
      'app-II.2.2.a-one-stop-software',
      'app-II.2.2.b-one-stop-monitored',
      'app-IV.1-staff-rules',
    ]);
  });

  it('copies the seed faithfully: every target text occurs in it and states its figure', () => {
    for (const t of targets) {
      expect(seedFlat.includes(collapse(t.text)), t.id).toBe(true);
      if (t.unit === 'percent') expect(t.text, t.id).toContain(`${t.value}%`);
      if (t.unit === 'rank') expect(t.text, t.id).toContain(String(t.value));
    }
  });

  it('refuses a target whose indicator does not exist, with its path', () => {
    const data = planData();
    const list = data.targets as Array<Record<string, unknown>>;
    const i = list.findIndex((t) => t.id === 'app-II.3.4-digitization-so');
    list[i]!.indicator = 'digitisation-rate';
    expect(errorText(refusal(stringify(data)), 'en')).toBe(`targets[${i}].indicator: no indicator digitisation-rate in indicators`);
  });
});
