/**
 * `score --format md`: the same numbers as the JSON, every result once, headings that do not
 * skip a level, and the data's text escaped.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../helpers.js';

const SAMPLE = ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];

interface Json {
  results: Array<{ indicator: string; tier: string; unit: string | null; district: string | null; numerator: number; denominator: number; status: string }>;
  summary: { pass: number; fail: number; noData: number; noTarget: number };
}

const MARK: Record<string, string> = { pass: '✓', fail: '✗', 'no-data': '–', 'no-target': '·' };

/** The rows of the per-indicator tables: indicator id, n/N (digits only) and the mark. */
function detailRows(md: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  let id = '';
  for (const line of md.slice(md.indexOf('\n## ', md.indexOf('## ') + 3)).split('\n')) {
    const m = /^`([^`]+)` · /.exec(line);
    if (m) id = m[1]!;
    const row = /\| ([\d.,]+)\/([\d.,]+) \| [^|]+ \| ([✓✗–·]) /.exec(line);
    if (row && id) out.push([id, `${row[1]!.replace(/[.,]/g, '')}/${row[2]!.replace(/[.,]/g, '')}`, row[3]!]);
  }
  return out;
}

describe('score --format md', () => {
  it.each([
    [['--period', '2023-Q1']],
    [['--period', '2023-Q1', '--by', 'unit']],
    [['--lang', 'en']],
  ])('carries exactly the JSON numbers and verdicts (%j)', async (extra) => {
    const args = ['score', ...SAMPLE, ...extra];
    const md = await ccch([...args, '--format', 'md']);
    const json = JSON.parse((await ccch([...args, '--format', 'json'])).stdout) as Json;
    expect(md.code).toBe(1);
    const rows = detailRows(md.stdout);
    expect(rows).toHaveLength(json.results.length);
    const want = json.results.map((r) => [r.indicator, `${r.numerator}/${r.denominator}`, MARK[r.status]]);
    // Each tier's units follow it: compare as multisets per indicator, and the tier rows in order.
    expect([...rows].sort()).toEqual([...want].sort());
    const s = json.summary;
    expect(md.stdout).toContain(extra.includes('en') ? `**Summary:** ${s.pass} pass, ${s.fail} fail` : `**Tổng hợp:** ${s.pass} đạt, ${s.fail} không đạt`);
  });

  it('has an overview of the verdicts, headings one level at a time, and the problems by message', async () => {
    const r = await ccch(['score', ...SAMPLE, '--format', 'md']);
    expect(r.stdout).toContain('| Chỉ tiêu | Sở | Huyện | Xã | Toàn tỉnh |\n|---|---:|---:|---:|---:|\n| Tỷ lệ hồ sơ tiếp nhận trực tuyến | ✓ 74,3% | ✓ 37,8% | ✗ 14,7% | · 44,5% |');
    let level = 0;
    for (const h of r.stdout.split('\n').filter((l) => /^#+ /.test(l))) {
      const n = h.indexOf(' ');
      expect(n, h).toBeLessThanOrEqual(level + 1);
      level = n;
    }
    expect(r.stdout).toContain('`online-rate` · phụ lục II.3.2');
    expect(r.stdout).toContain('| 15 | bị loại \\[Đơn vị\\]: không xác định được cấp của đơn vị "…" | "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu" ×9; "Chi cục Thuế khu vực Long Khánh - Cẩm Mỹ" ×6 |');
  });

  it("escapes the data's text: a unit cannot break a table or add markup", async () => {
    const unit = 'UBND xã A|B *đậm* <img src=x onerror=alert(1)> [link](http://x) `code`';
    // Received in person: online-rate fails, a shortfall to show (the other indicators lack their columns: no verdict).
    const csv = `Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hình thức nộp\nHS1,"${unit}",01/02/2023,Trực tiếp\n`;
    const r = await ccch(['score', '-', '--by', 'unit', '--format', 'md'], { input: csv });
    const line = r.stdout.split('\n').find((l) => l.includes('UBND xã A'))!;
    expect(line).toContain('UBND xã A\\|B \\*đậm\\* \\<img src=x onerror=alert(1)\\> \\[link\\](http://x) \\`code\\`');
    expect(line.startsWith('| Xã | ')).toBe(true);
    expect(line.split(/(?<!\\)\|/)).toHaveLength(10); // eight cells (the shortfall's and, the run being year to date, the year end's too): the unit's | is escaped
  });
});
