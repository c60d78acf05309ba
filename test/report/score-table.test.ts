/**
 * The terminal table fits the terminal: its width from the output stream (100 when not a
 * terminal), names wrapped rather than the grid, units under their tier with --by unit, every
 * result shown once, problems summed up by message.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../helpers.js';
import { textWidth, wrapText } from '../../src/report/grid.js';

const SAMPLE = ['fixtures/sample/ho-so-2023.csv', 'fixtures/sample/pakn-2023.csv'];
const widest = (text: string) => Math.max(...text.split('\n').filter((l) => /^[┌│├└]/.test(l)).map(textWidth));
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│├└]/.test(l));

describe('score --format table', () => {
  it.each([60, 72, 80, 100, 132, 200])('fits a terminal %i columns wide', async (columns) => {
    for (const extra of [[], ['--by', 'unit'], ['--lang', 'en'], ['--by', 'unit', '--lang', 'en']]) {
      const r = await ccch(['score', ...SAMPLE, '--period', '2023-Q1', ...extra], { tty: { stdout: true, columns } });
      expect(widest(r.stdout), `${columns} ${extra.join(' ')}`).toBeLessThanOrEqual(columns);
    }
  });

  it('is 100 columns wide when not a terminal, or COLUMNS when it is set', async () => {
    const piped = await ccch(['score', ...SAMPLE]);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(100);
    // Unit names take what the width leaves.
    const units = await ccch(['score', ...SAMPLE, '--by', 'unit']);
    expect(widest(units.stdout)).toBeLessThanOrEqual(100);
    expect(widest(units.stdout)).toBeGreaterThan(90);
    const narrow = await ccch(['score', ...SAMPLE], { env: { COLUMNS: '70' } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(70);
  });

  it('puts the names beside the tiers when they fit, above them when they do not', async () => {
    const wide = await ccch(['score', ...SAMPLE], { tty: { stdout: true, columns: 120 } });
    expect(wide.stdout).toMatch(/│ Tỷ lệ hồ sơ tiếp nhận trực tuyến\s+│ Sở\s+│ 74,3% │\s+711\/956 │\s+≥ 70% │ ✓ Đạt\s+│/);
    expect(wide.stdout).toMatch(/│ online-rate · phụ lục II\.3\.2\s+│ Huyện /);
    const narrow = await ccch(['score', ...SAMPLE], { tty: { stdout: true, columns: 70 } });
    expect(narrow.stdout).toMatch(/├─+┴─+┴─+┴─+┴─+┤\n│ Tỷ lệ hồ sơ tiếp nhận trực tuyến\s+│\n│ online-rate · phụ lục II\.3\.2\s+│\n├─+┬/);
    expect(narrow.stdout).toMatch(/│ Sở\s+│ 74,3% │\s+711\/956 │\s+≥ 70% │ ✓ Đạt\s+│/);
  });

  it('--by unit: each unit under its tier, every result once', async () => {
    const args = ['score', ...SAMPLE, '--period', '2023-Q1', '--by', 'unit'];
    const r = await ccch(args, { tty: { stdout: true, columns: 100 } });
    const json = JSON.parse((await ccch([...args, '--format', 'json'])).stdout);
    const marked = tableLines(r.stdout).filter((l) => /│ [✓✗–·] /.test(l));
    expect(marked).toHaveLength(json.results.length);
    // Q1 is year to date: each result's year-end need goes under its verdict when units are listed.
    expect(r.stdout).toMatch(/│ Sở\s+│\s+74,9% │ 188\/251 │\s+≥ 70% │ ✓ Đạt\s+│\n│\s+│\s+│\s+│\s+│ cần ≥ 68,5% từ nay đến cuối năm\s+│\n│ {3}Ban Quản lý các Khu công\s+│\s+62,5% │\s+5\/8 │/);
    // A name that wraps goes on further in.
    expect(r.stdout).toMatch(/│ {3}Chi nhánh Văn phòng đăng ký\s+│\s+50,0% │\s+2\/4 │.*\n│ {5}đất đai huyện Cẩm Mỹ\s+│\s+│/);
    expect(r.stdout).toContain('│ Cấp / đơn vị ');
  });

  it('sums the problems up by message, the values that differ and where the first ones are', async () => {
    const r = await ccch(['score', ...SAMPLE]);
    expect(r.stdout).toContain(
      [
        '  Lỗi và cảnh báo: 36 (32 dòng bị loại, 4 cảnh báo), gộp theo nội dung:',
        '    ×15 bị loại [Đơn vị]: không xác định được cấp của đơn vị "…"',
        '        "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu" ×9; "Chi cục Thuế khu vực Long Khánh - Cẩm Mỹ" ×6',
        '        fixtures/sample/ho-so-2023.csv: dòng 146, 333, 413, 511, 515 …',
        '    ×8  bị loại [Mã hồ sơ]: thiếu mã',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('ho-so-2023.csv:146:2'); // the lines one by one only with --problems
    const all = await ccch(['score', ...SAMPLE, '--problems']);
    expect(all.stdout).toContain('  fixtures/sample/ho-so-2023.csv:146:2: bị loại [Đơn vị]: không xác định được cấp của đơn vị "Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu"');
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries, cuts a word longer than the line, and counts combining marks as nothing', () => {
    expect(wrapText('Tỷ lệ hồ sơ tiếp nhận trực tuyến', 12)).toEqual(['Tỷ lệ hồ sơ', 'tiếp nhận', 'trực tuyến']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(textWidth('Tuyến'.normalize('NFD'))).toBe(5);
    expect(textWidth('漢字')).toBe(4);
  });
});
