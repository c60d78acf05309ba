/**
 * `score --format html` without a browser: a self-contained page (test/report/html.browser.test.ts
 * opens it in Chromium), the JSON's numbers, escaping, the months and the shortfall, the charts.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ccch } from '../helpers.js';
import { formatRate } from '../../src/report/format.js';
import { HTML_LABELS } from '../../src/i18n/html.js';
import { scoreHtml } from '../../src/report/score/html.js';
import { groupProblems } from '../../src/report/score/html-inputs.js';
import { monthLabel } from '../../src/report/score/html-charts.js';
import { checkedSvg, renderSvg, tierSpec, trendSpec } from '../../src/report/score/charts.js';
import type { PageContext, ResultDoc, ScoreDoc } from '../../src/report/score/html-doc.js';

const SAMPLE = ['score', 'fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];

/** HTML text → the text it shows. */
const unescape = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The elements `<tag …attrs…>inner</tag>` whose opening tag has every attribute given (not nested in themselves). */
function elements(page: string, tag: string, attrs: Record<string, string>): string[] {
  const open = Object.entries(attrs)
    .map(([k, v]) => `(?=[^>]*\\s${k}="${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}")`)
    .join('');
  return [...page.matchAll(new RegExp(`<${tag}\\b${open}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

const viInt = (s: string) => Number(s.replace(/\./g, ''));

/** ceil(t·N/100) − n on integers, for the sample's whole-percent targets: the oracle of the shown shortfall. */
function wholeShortfall(r: ResultDoc): number {
  expect(Number.isInteger(r.target)).toBe(true);
  return Math.floor((r.target! * r.denominator + 99) / 100) - r.numerator;
}

interface Json {
  results: ResultDoc[];
  inputs: { file: string; rows: number; counted: number; rejected: number; superseded: number; unmatched: number; warnings: number }[];
}

describe('score --format html: the sample year by unit', () => {
  let page = '';
  let json: Json;
  beforeAll(async () => {
    const h = await ccch([...SAMPLE, '--by', 'unit', '--format', 'html']);
    expect(h.stderr).toBe('');
    expect(h.code).toBe(1); // some targets fail, as in every format
    page = h.stdout;
    json = JSON.parse((await ccch([...SAMPLE, '--by', 'unit', '--format', 'json'])).stdout) as Json;
  });

  it('is one page that loads nothing: a CSP that forbids it, no script, no reference outside the file', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|<image|<use\b|<base|<form|@import|\ssrc=|\son[a-z]+=/i);
    // The only URLs are the SVG namespaces; links and url() point into the page.
    expect(page.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"|<meta http-equiv="Content-Security-Policy"[^>]*>/g, '')).not.toMatch(/https?:|\/\/|file:|\bdata:/i);
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...page.matchAll(/href="([^"]*)"|url\(([^)]*)\)/g)].map((m) => m[1] ?? m[2]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r.startsWith('#'), r).toBe(true);
      expect(ids).toContain(r.slice(1));
    }
  });

  it('shows every tier and province result of the JSON, in its cell, with the same n/N and rate', () => {
    const overall = json.results.filter((r) => r.unit === null && r.district === null);
    expect(page.match(/<td class="cell st-/g)).toHaveLength(overall.length);
    for (const r of overall) {
      const cell = elements(page, 'td', { 'data-indicator': r.indicator, 'data-tier': r.tier });
      expect(cell, `${r.indicator}/${r.tier}`).toHaveLength(1);
      const nN = /<span class="nN">([\d.]+)\/([\d.]+)<\/span>/.exec(cell[0]!)!;
      expect([viInt(nN[1]!), viInt(nN[2]!)]).toEqual([r.numerator, r.denominator]);
      expect(cell[0]).toContain(`<span class="rate">${formatRate(r.numerator, r.denominator, 'vi')}</span>`);
      expect(cell[0]).toContain(`verdict st-${r.status}`);
    }
  });

  it("lists units with the JSON's counts, lowest rate first in each tier, with the exact shortfall", () => {
    const rows = [...page.matchAll(/<tr class="[^"]*" data-indicator="([^"]+)" data-tier="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.length).toBeGreaterThan(50);
    let last = '';
    let prev = -1;
    for (const [, indicator, tier, cells] of rows) {
      const unit = unescape(/<td class="who">([\s\S]*?)<\/td>/.exec(cells!)![1]!);
      const [n, d] = /<td class="num nN">([\d.]+)\/([\d.]+)<\/td>/.exec(cells!)!.slice(1).map(viInt) as [number, number];
      const r = json.results.find((x) => x.indicator === indicator && x.tier === tier && x.unit === unit)!;
      expect(r, `${indicator}/${tier}/${unit}`).toBeDefined();
      expect([n, d]).toEqual([r.numerator, r.denominator]);
      const short = /<td class="num short">([\d.]*)<\/td>/.exec(cells!)![1]!;
      if (r.status === 'fail') expect(viInt(short)).toBe(wholeShortfall(r));
      else expect(short).toBe('');
      const key = `${indicator}/${tier}`;
      if (key === last) expect(n / d).toBeGreaterThanOrEqual(prev);
      last = key;
      prev = n / d;
    }
  });

  it("counts each input's rows as the JSON does", () => {
    for (const i of json.inputs) {
      const row = elements(page, 'tr', { 'data-file': i.file })[0]!;
      const counts = Object.fromEntries([...row.matchAll(/data-count="(\w+)">([\d.]+)</g)].map((m) => [m[1], viInt(m[2]!)]));
      expect(counts).toEqual({ rows: i.rows, counted: i.counted, rejected: i.rejected, superseded: i.superseded, unmatched: i.unmatched, warnings: i.warnings });
    }
  });

  it('summarises problems by message with counts that add up to all the problems', () => {
    const counts = [...page.matchAll(/<td class="num count">×([\d.]+)<\/td>/g)].map((m) => viInt(m[1]!));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(36); // 34 in ho-so-2023.csv, 2 in pakn-2023.csv
    expect(page).toContain('không xác định được cấp của đơn vị');
  });

  it('names what a shortfall counts: hồ sơ for dossiers, PAKN for feedback', () => {
    const failing = json.results.filter((r) => r.unit === null && r.status === 'fail');
    expect(new Set(failing.map((r) => r.indicator.startsWith('feedback-')))).toEqual(new Set([true, false]));
    for (const r of failing) {
      const short = wholeShortfall(r).toLocaleString('vi-VN');
      const what = r.indicator.startsWith('feedback-') ? 'PAKN' : 'hồ sơ';
      expect(elements(page, 'td', { 'data-indicator': r.indicator, 'data-tier': r.tier })[0]).toContain(`<span class="short">thiếu ${short} ${what}</span>`);
    }
  });

  it('has a chart per indicator, with Vietnamese text in the system font stack', () => {
    expect(page.match(/<figure class="ind-chart"/g)).toHaveLength(9);
    expect(page.match(/<svg /g)).toHaveLength(9);
    expect(page).toContain('>Toàn tỉnh</text>');
    expect(page).toMatch(/font-family="&quot;Segoe UI&quot;, Roboto, [^"]*sans-serif"/);
    expect(page).not.toMatch(/aria-label="[^"]*(axis|titled|Y-axis)/i); // no English from Vega
  });
});

describe('score --format html: escaping', () => {
  const csv = [
    'Mã hồ sơ,Đơn vị,Cấp,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý,Hình thức nộp',
    'A1,<img src=x onerror=alert(1)>,Xã,2023-01-03,2023-01-10,2023-01-09,Trực tuyến',
    `A2,"<script>alert('x')</script> & ""q""",Sở,2023-01-03,2023-01-10,2023-01-19,Trực tiếp`,
    'A3,UBND xã A,Xã,2023-01-03,2023-01-10,2023-01-09,"Fax <b onmouseover=alert(2)>"',
  ].join('\n');

  it('shows hostile unit names and values as text, never as markup', async () => {
    const { stdout: page, code } = await ccch(['score', '-', '--by', 'unit', '--format', 'html'], { input: csv });
    expect(code).toBe(1);
    expect(page).not.toMatch(/<img|<script|<b /);
    expect(page).toContain('<td class="who">&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(page).toContain('<td class="who">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>');
    expect(page).toContain('&quot;Fax &lt;b onmouseover=alert(2)&gt;&quot;');
  });

  it('escapes file names in text and attributes, and shows control characters escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccch-html-'));
    const file = join(dir, 'x" onmouseover="alert(1)<b>.csv');
    writeFileSync(file, csv.replace('UBND xã A', 'UBND xã \u001b[31mA\u0007'));
    const { stdout: page } = await ccch(['score', file, '--by', 'unit', '--format', 'html']);
    const shown = file.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(page).toContain(`<tr data-file="${shown}"><td class="file">${shown}</td>`);
    expect(page).not.toContain('" onmouseover="');
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(page).toContain('UBND xã \\x1b[31mA\\x07');
  });

  it('escapes what Vega writes into SVG text, and refuses SVG that could run or load anything', async () => {
    const warnings: string[] = [];
    const svg = await renderSvg(
      tierSpec([{ label: '<img src=x onerror=alert(1)>', rate: 50, text: '50,0% </text><script>', target: 40, targetText: '(≥ 40%)', status: 'pass' }]),
      'x',
      warnings,
    );
    expect(warnings).toEqual([]);
    expect(svg).not.toMatch(/<img|<script/);
    expect(svg).toContain('>&lt;img src=x o…</text>'); // cut by the axis's label limit
    expect(svg).toContain('>50,0% &lt;/text&gt;&lt;script&gt;</text>');
    for (const bad of ['<svg><script>1</script></svg>', '<svg onload="x()"></svg>', '<svg><a href="http://x">x</a></svg>', '<svg><rect fill="url(http://x/y)"/></svg>', '<div></div>']) {
      expect(() => checkedSvg(bad), bad).toThrow(/refused/);
    }
    expect(checkedSvg('<svg><g clip-path="url(#x-clip1)"></g></svg>')).toContain('url(#x-clip1)');
  });
});

describe('score --format html on a summary report (form 06)', () => {
  it('names the report whose title gave the period, and the rows that are not data', async () => {
    const { stdout: page } = await ccch(['score', 'fixtures/form06/bieu-06-linh-vuc-q1.xlsx', '--by', 'unit', '--format', 'html']);
    expect(page).toContain('<p class="period">Kỳ: <b>2023-Q1</b> (01/01/2023 – 31/03/2023) — theo tiêu đề của fixtures/form06/bieu-06-linh-vuc-q1.xlsx (dòng 4)</p>');
    expect(page).toContain('<li>fixtures/form06/bieu-06-linh-vuc-q1.xlsx: không phải dữ liệu, đã bỏ qua: 4 dòng tiêu đề trên dòng tên cột, 3 dòng nhóm, 1 dòng tổng cộng</li>');
  });
});

describe('score --format html --as-of', () => {
  it('says when open dossiers were judged, and counts the rows received after the as-of day', async () => {
    const args = ['score', 'fixtures/judging/ho-so-den-15-07.csv', '--as-of', '2023-06-30'];
    const { stdout: page } = await ccch([...args, '--format', 'html']);
    const json = JSON.parse((await ccch([...args, '--format', 'json'])).stdout) as { inputs: { file: string; excluded: number }[] };
    expect(json.inputs[0]!.excluded).toBeGreaterThan(0);
    expect(page).toContain('<p class="judged">dữ liệu đến 30/06/2023: hồ sơ chưa giải quyết được xét tại ngày này</p>');
    expect(page).toContain('<th scope="col" class="num">Nhận sau 30/06/2023</th>');
    expect(page).toContain(`<td class="num" data-count="excluded">${json.inputs[0]!.excluded}</td>`);
    const { stdout: none } = await ccch(['score', 'fixtures/hand/all-pass.csv', '--format', 'html']);
    expect(none).not.toContain('data-count="excluded"');
  });
});

describe('score --format html --lang en', () => {
  it('is English throughout', async () => {
    const { stdout: page } = await ccch([...SAMPLE, '--format', 'html', '--lang', 'en']);
    const json = JSON.parse((await ccch([...SAMPLE, '--format', 'json'])).stdout) as Json;
    const failing = json.results.filter((r) => r.unit === null && r.status === 'fail');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('>Overview</a>');
    expect(page).toContain('>Province</text>');
    expect(page).toContain('appendix II.3.2');
    for (const r of failing) {
      const n = wholeShortfall(r);
      const what = r.indicator.startsWith('feedback-') ? (n === 1 ? 'feedback item' : 'feedback items') : n === 1 ? 'dossier' : 'dossiers';
      expect(page).toContain(`<span class="short">${n.toLocaleString('en-US')} ${what} short</span>`);
    }
    expect(page).not.toMatch(/Không đạt|Tổng quan|Toàn tỉnh|phụ lục|Mục tiêu/);
  });
});

/** A document by hand: one indicator, three months, with and without the shortfall field. */
function monthlyDoc(): ScoreDoc {
  const r = (tier: string, n: number, d: number, month: string | null, extra: Partial<ResultDoc> = {}): ResultDoc => {
    const target = tier === 'all' ? null : 70;
    const status = target === null ? 'no-target' : d === 0 ? 'no-data' : n * 100 >= target * d ? 'pass' : 'fail';
    return { indicator: 'online-rate', clause: 'appendix II.3.2', tier, unit: null, numerator: n, denominator: d, value: d ? (n / d) * 100 : null, target, status, district: null, month, ...extra };
  };
  return {
    tool: { name: 'ccch', version: '0.0.0' },
    plan: { id: 'X/KH', title: 'Plan <x>', year: 2023 },
    period: { from: '2023-01-01', to: '2023-03-31', label: '2023-Q1' },
    inputs: [],
    results: [
      r('so', 60, 100, null, { shortfall: 999 }),
      r('xa', 5, 10, null),
      r('all', 65, 110, null),
      r('so', 15, 30, '2023-01'),
      r('so', 20, 30, '2023-02'),
      r('so', 25, 40, '2023-03'),
      r('xa', 0, 0, '2023-01'),
      r('xa', 2, 4, '2023-02'),
      r('xa', 3, 6, '2023-03'),
    ],
    problems: [],
    problemsOmitted: 0,
    sources: [],
    summary: { pass: 0, fail: 0, noData: 0, noTarget: 0 },
  };
}

const CONTEXT: PageContext = { lang: 'vi', name: (id) => `name of ${id}`, about: () => ({ numerator: 'n', denominator: 'd', dataset: 'dossiers' }), fieldName: (_, f) => f };

describe('scoreHtml on a hand-made document', () => {
  it('shows the months when results carry them: a chart and a table of rate and n/N per tier and month', async () => {
    const page = await scoreHtml(monthlyDoc(), CONTEXT);
    expect(page).toContain('<section id="months">');
    expect(page).toContain('<th scope="col">T1</th><th scope="col">T2</th><th scope="col">T3</th>');
    const cell = elements(page, 'td', { 'data-tier': 'so', 'data-month': '2023-03' });
    expect(cell).toEqual(['<span class="rate">62,5%</span><span class="nN">25/40</span>']);
    expect(elements(page, 'td', { 'data-tier': 'xa', 'data-month': '2023-01' })[0]).toContain('<span class="rate">—</span><span class="nN">0/0</span>');
    expect(elements(page, 'figure', { class: 'trend' })[0]).toContain('<svg ');
    // Month results stay out of the overview, which holds the whole period.
    expect(elements(page, 'td', { 'data-indicator': 'online-rate', 'data-tier': 'so' })[0]).toContain('60/100');
    const months = await scoreHtml({ ...monthlyDoc(), results: monthlyDoc().results.filter((r) => r.month === null) }, CONTEXT);
    expect(months).not.toContain('id="months"');
  });

  it("prefers the document's shortfall, and works it out exactly without it", async () => {
    const page = await scoreHtml(monthlyDoc(), CONTEXT);
    expect(elements(page, 'td', { 'data-indicator': 'online-rate', 'data-tier': 'so' })[0]).toContain('thiếu 999 hồ sơ');
    expect(elements(page, 'td', { 'data-indicator': 'online-rate', 'data-tier': 'xa' })[0]).toContain('thiếu 2 hồ sơ'); // ceil(0.7 × 10) − 5
    expect(page).toContain('Plan &lt;x&gt;');
  });

  it('counts a shortfall in the singular and the plural', () => {
    expect(HTML_LABELS.en.short(1, '1', 'feedback')).toBe('1 feedback item short');
    expect(HTML_LABELS.en.short(2, '2', 'dossiers')).toBe('2 dossiers short');
    expect(HTML_LABELS.en.short(3, '3', undefined)).toBe('3 short');
    expect(HTML_LABELS.vi.short(1234, '1.234', 'catalog')).toBe('thiếu 1.234 TTHC');
  });

  it('writes months for one year short, across years with the year', () => {
    expect(monthLabel('2023-03', true, 'vi')).toBe('T3');
    expect(monthLabel('2023-12', false, 'vi')).toBe('T12/2023');
    expect(monthLabel('2024-01', false, 'en')).toBe('Jan 2024');
    expect(monthLabel('Q1', true, 'en')).toBe('Q1');
  });

  it('renders the trend chart without warnings', async () => {
    const warnings: string[] = [];
    const svg = await renderSvg(
      trendSpec(
        [
          { month: '2023-01', monthLabel: 'T1', series: 'Sở', rate: 50, target: 70 },
          { month: '2023-02', monthLabel: 'T2', series: 'Sở', rate: null, target: 70 },
        ],
        ['Sở'],
        400,
      ),
      't',
      warnings,
    );
    expect(warnings).toEqual([]);
    expect(svg).toContain('>T2</text>');
  });
});

describe('groupProblems', () => {
  it('groups by severity, code and column, then by message, largest first, keeping the first lines', () => {
    const p = (line: number, code: string, message: string, header: string | null = 'Đơn vị') => ({ file: 'a.csv', line, column: 2, header, severity: 'error' as const, field: 'unit', code, message });
    const groups = groupProblems([p(2, 'row.noCode', 'thiếu mã', 'Mã'), p(3, 'row.tierUndecidable', 'X'), p(4, 'row.tierUndecidable', 'Y'), p(5, 'row.tierUndecidable', 'X'), p(6, 'row.tierUndecidable', 'X'), p(7, 'row.tierUndecidable', 'X')]);
    expect(groups.map((g) => [g.code, g.count])).toEqual([
      ['row.tierUndecidable', 5],
      ['row.noCode', 1],
    ]);
    expect([...groups[0]!.messages.entries()]).toEqual([
      ['X', { count: 4, lines: [3, 5, 6].map((line) => ({ file: 'a.csv', line })) }],
      ['Y', { count: 1, lines: [{ file: 'a.csv', line: 4 }] }],
    ]);
  });
});
