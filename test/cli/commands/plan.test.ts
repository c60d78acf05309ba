/**
 * `ccch plan` (the command line, in-process): the JSON contract holds every numeric target of the seed
 * (against the independent checklist) and every task with its lead and deadline; the filters;
 * the table and Markdown renderings; usage errors.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { ccch } from '../../helpers.js';

interface Entry {
  clause: string;
  value: number;
  tiers: string[];
}
const checklist = (JSON.parse(readFileSync(new URL('../../fixtures-plan/targets-checklist.json', import.meta.url), 'utf8')) as { targets: Entry[] }).targets;
const key = (e: Entry) => `${e.clause} | ${e.value} | ${[...e.tiers].sort().join('+')}`;
const json = async (args: string[]) => {
  const r = await ccch(['plan', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('ccch plan --format json', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let j: any;
  beforeAll(async () => {
    j = await json([]);
  });

  it('is the documented contract', async () => {
    expect(j.schemaVersion).toBe(1);
    expect(j.kind).toBe('plan');
    expect(j.plan).toEqual({ id: '282/KH-UBND', title: 'Kế hoạch cải cách hành chính tỉnh Đồng Nai năm 2023', year: 2023, date: '2022-12-29', province: 'Đồng Nai' });
    expect(j.filter).toEqual({ section: null, lead: null, computable: false });
    expect(j.counts).toEqual({
      sections: 7,
      items: 51,
      tasks: 87,
      targets: 95,
      computable: { data: 36, catalog: 11, units: 4, no: 44 },
      deadlines: { recurring: 52, quarter: 18, conditional: 12, date: 3, month: 2 },
    });
    expect(j.agencies).toHaveLength(24);
  });

  it('holds every numeric target of the seed with its value, tiers and clause (the independent checklist, both ways)', async () => {
    const bodyClause = (t: { source: string; clause: string }) => t.clause; // body clauses already read "body II.2.1"
    const listed = (j.targets as Array<Entry & { source: string }>).map((t) => key({ clause: bodyClause(t), value: t.value, tiers: t.tiers })).sort();
    expect(listed).toEqual(checklist.map(key).sort());
  });

  it('marks what computes each target', async () => {
    const t = (id: string) => j.targets.find((x: { id: string }) => x.id === id);
    expect(t('app-II.3.4-digitization-so')).toMatchObject({ item: 'II.3.4', value: 50, tiers: ['so'], computable: 'data', indicator: 'digitization-rate', measure: null });
    expect(t('app-II.1.4-sample-dossiers')).toMatchObject({ item: 'II.1.4', value: 70, computable: 'catalog', indicator: null, measure: 'sample-dossier' });
    expect(t('app-II.3.3-e-certified-copies')).toMatchObject({ unit: 'change', comparison: '>', value: 0, baseline: '2022', tiers: ['huyen', 'xa'], computable: 'units', measure: 'e-certified-copies-increase' });
    expect(t('app-II.2.2.a-one-stop-software')).toMatchObject({ clause: 'II.2.2.a', item: 'II.2.2' });
    expect(t('body-II.6.1-cashless-so')).toMatchObject({ source: 'body', item: null, indicator: 'cashless-payment-rate', counterparts: ['app-VI.3.1-online-payment-so'] });
    expect(t('body-II.6.1-cashless-so').discrepancy).toContain('cashless');
  });

  it('lists every appendix task with its lead and deadline, and items point at their targets', async () => {
    const tasks = j.sections.flatMap((s: { items: Array<{ tasks: unknown[] }> }) => s.items.flatMap((i) => i.tasks));
    expect(tasks).toHaveLength(87);
    expect(new Set(tasks.map((t: { id: string }) => t.id)).size).toBe(87);
    for (const t of tasks) {
      expect(t.lead.length).toBeGreaterThan(0);
      expect(t.deadline.text.length).toBeGreaterThan(0);
    }
    expect(tasks.filter((t: { deadline: { due: string | null } }) => t.deadline.due !== null)).toHaveLength(25);
    const item = j.sections[1].items.find((i: { id: string }) => i.id === 'II.3.4');
    expect(item.targets).toEqual(['app-II.3.4-digitization-so', 'app-II.3.4-digitization-huyen', 'app-II.3.4-digitization-xa', 'app-II.3.4-e-result-so', 'app-II.3.4-e-result-huyen', 'app-II.3.4-e-result-xa']);
    expect(item.tasks[0]).toMatchObject({
      id: 'II.3.4.a',
      lead: ['so-tttt'],
      leadText: 'Sở Thông tin và Truyền thông',
      deadline: { text: 'Quý I/2023', kind: 'quarter', due: '2023-03-31', note: null },
    });
  });
});

describe('ccch plan filters', () => {
  it('--section II keeps appendix section II only (18 items, 36 tasks) and leaves the body out', async () => {
    const j = await json(['--section', 'ii']);
    expect(j.filter.section).toBe('II');
    expect(j.sections.map((s: { id: string }) => s.id)).toEqual(['II']);
    expect(j.counts).toMatchObject({ items: 18, tasks: 36 });
    expect(j.targets.every((t: { source: string; item: string }) => t.source === 'appendix' && t.item.startsWith('II.'))).toBe(true);
  });

  it('--section II.3.4 is one item; --section body the body targets only (47)', async () => {
    expect((await json(['--section', 'II.3.4'])).counts).toMatchObject({ sections: 1, items: 1, tasks: 4, targets: 6 });
    const b = await json(['--section', 'body']);
    expect(b.sections).toEqual([]);
    expect(b.counts.targets).toBe(47);
  });

  it('--lead matches folded (no diacritics, any case) and keeps only the tasks it leads (15)', async () => {
    const j = await json(['--lead', 'SO NOI VU']);
    expect(j.filter.lead).toBe('so-noi-vu');
    const tasks = j.sections.flatMap((s: { items: Array<{ tasks: Array<{ lead: string[] }> }> }) => s.items.flatMap((i) => i.tasks));
    expect(tasks).toHaveLength(15);
    expect(tasks.every((t: { lead: string[] }) => t.lead.includes('so-noi-vu'))).toBe(true);
    expect(j.targets.every((t: { source: string }) => t.source === 'appendix')).toBe(true);
  });

  it('--computable keeps the 51 targets some input can check', async () => {
    const j = await json(['--computable']);
    expect(j.counts.targets).toBe(51);
    expect(j.counts.computable).toEqual({ data: 36, catalog: 11, units: 4, no: 0 });
    for (const s of j.sections) for (const i of s.items) expect(i.targets.length).toBeGreaterThan(0);
  });
});

describe('ccch plan renderings and errors', () => {
  it('prints the Vietnamese listing', async () => {
    const r = await ccch(['plan', '--section', 'II.3.4']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Bộ lọc: mục II.3.4');
    expect(r.stdout).toContain('1 mục, 1 nội dung, 4 nhiệm vụ; 6 chỉ tiêu (6 từ dữ liệu, 0 từ danh mục TTHC, 0 từ tệp đơn vị, 0 không tính được)');
    expect(r.stdout).toContain('≥ 50% · sở · dữ liệu: digitization-rate  app-II.3.4-digitization-so');
    expect(r.stdout).toContain('Chủ trì: Sở Thông tin và Truyền thông · Thời hạn: Quý I/2023 (quý → 31/03/2023)');
  });

  it('speaks English with --lang en, and renders Markdown', async () => {
    const en = await ccch(['plan', '--section', 'II.3.3', '--lang', 'en']);
    expect(en.stdout).toContain('> 0 vs 2022 · district, commune · units file: e-certified-copies-increase');
    const md = await ccch(['plan', '--section', 'II.1.3', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('#### II.1.3');
    expect(md.stdout).toContain('| `app-II.1.3-tthc-published` | 100% TTHC công khai đúng hạn | ≥ 100% | mọi cấp | danh mục TTHC: published-on-time |');
    expect(md.stdout).toContain('| II.1.3.b | Công khai bộ TTHC kịp thời trên Cổng dịch vụ công của tỉnh |');
  });

  it('plan --format md: headings one level at a time (an item without a group is ### under its section)', async () => {
    const md = await ccch(['plan', '--format', 'md']);
    const levels = md.stdout.split('\n').flatMap((l) => (/^#+ /.test(l) ? [l.indexOf(' ')] : []));
    expect(levels[0]).toBe(1);
    levels.forEach((n, i) => i > 0 && expect(n).toBeLessThanOrEqual(levels[i - 1]! + 1));
    expect(md.stdout).toContain('\n### I.1\n');
    expect(md.stdout).toContain('\n#### II.1.3\n');
  });

  it("gives the plan's notes and discrepancies in the language asked (Vietnamese by default)", async () => {
    const vi = await json(['--section', 'I']);
    const en = await json(['--section', 'I', '--lang', 'en']);
    const d = (j: { targets: Array<{ id: string; discrepancy: string | null }> }) => j.targets.find((t) => t.id === 'app-I.1-vbqppl-issued')!.discrepancy;
    expect(d(vi)).toBe('Phần nội dung đếm cơ quan được giao soạn thảo văn bản QPPL (đúng tiến độ, đúng trình tự); phụ lục I.1 đếm văn bản QPPL được ban hành đúng quy định, kịp thời.');
    expect(d(en)).toBe('The body counts agencies assigned to draft legal documents (on schedule, by procedure); appendix I.1 counts the legal documents issued properly and on time.');
    const note = async (lang: string) => (await json(['--section', 'VII.3', '--lang', lang])).sections[0].items[0].tasks.find((t: { id: string }) => t.id === 'VII.3.b').deadline.note;
    expect(await note('vi')).toBe('Văn bản gốc ghi "Tháng Quý IV/2023" (vừa tháng vừa quý); đọc là quý IV/2023.');
    expect(await note('en')).toBe('The seed reads "Tháng Quý IV/2023" (month and quarter); read as Q4/2023.');
    const table = await ccch(['plan']);
    expect(table.stdout).not.toMatch(/\b(?:The|seed|read as)\b/);
  });

  it('is listed in the help with score and tasks', async () => {
    const r = await ccch(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/score \[options\] <files\.\.\.>/);
    expect(r.stdout).toContain('plan [options]');
    expect(r.stdout).toContain('tasks [options]');
    const t = await ccch(['tasks', '--help']);
    expect(t.stdout).toContain('--as-of <date>');
    expect(t.stdout).toContain('--status <file>');
  });

  it('refuses an unknown section, an unknown or ambiguous agency, a bad format (exit 2)', async () => {
    const s = await ccch(['plan', '--section', 'IX']);
    expect(s.code).toBe(2);
    expect(s.stdout).toBe('');
    expect(s.stderr).toMatch(/^ccch: --section: không có mục "IX"/);
    const l = await ccch(['plan', '--lead', 'Sở Ngoại vụ', '--lang', 'en']);
    expect(l.code).toBe(2);
    expect(l.stderr).toMatch(/^ccch: --lead: no agency "Sở Ngoại vụ"; the agencies: Sở Nội vụ; /);
    const a = await ccch(['plan', '--lead', 'tư pháp']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('khớp nhiều cơ quan: Sở Tư pháp; Phòng Tư pháp cấp huyện');
    expect((await ccch(['plan', '--format', 'csv'])).code).toBe(2);
  });
});
