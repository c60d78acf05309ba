/**
 * `ccch score --catalog FILE --units FILE [--by district]` (in-process). The fixtures'
 * counts are worked out in test/catalog/catalog.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { ccch } from '../../helpers.js';

const CAT = 'fixtures/catalog/danh-muc-tthc.csv';
const UNITS = 'fixtures/units/don-vi.csv';
const DOSSIERS = 'fixtures/units/ho-so.csv';

describe('ccch score with a catalog and a units file', () => {
  it('adds the catalog and units targets to the table, with the inputs accounted', async () => {
    const r = await ccch(['score', DOSSIERS, '--catalog', CAT, '--units', UNITS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${UNITS} (đơn vị): 13 dòng đọc = 10 được tính + 2 bị loại + 1 bị thay thế (trùng mã); 2 cảnh báo`);
    expect(r.stdout).toContain(`${CAT} (danh mục TTHC): 12 dòng đọc = 9 được tính + 2 bị loại + 1 bị thay thế (trùng mã); 1 cảnh báo`);
    expect(r.stdout).toContain(`${DOSSIERS} (hồ sơ): 8 dòng đọc = 7 được tính + 1 bị loại`);
    // The name, then its id and clauses in Vietnamese, above its tiers (the year-end column leaves no room beside them).
    expect(r.stdout).toMatch(/│ Tỷ lệ TTHC được công khai đúng hạn\s+│\n│ published-on-time · phụ lục II\.1\.3; thân kế hoạch II\.2\.1\s+│\n├[─┬]+┤\n│ Sở\s+│\s+100,0% │\s+3\/3 │\s+≥ 100% │ ✓ Đạt/);
    expect(r.stdout).toMatch(/│ Huyện\s+│\s+50,0% │\s+1\/2 │\s+≥ 100% │ ✗ Không đạt, thiếu 1 TTHC/);
    expect(r.stdout).toMatch(/│ Xã\s+│\s+\+49 │ 252\/203 │\s+> 0 │ ✓ Đạt/);
    expect(r.stdout).toContain(`×1 bị loại [Cấp thực hiện]: giá trị cấp không hợp lệ: "Thôn"\n       ${CAT}: dòng 11\n`);
    expect(r.stdout).toMatch(/×1 cảnh báo \[Bản sao chứng thực điện tử năm nay\]: .*\n\s+fixtures\/units\/don-vi\.csv: dòng 14\n/);
  });

  it('JSON: catalog and units inputs and results in the same contract', async () => {
    const r = await ccch(['score', '--catalog', CAT, '--units', UNITS, DOSSIERS, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.inputs.map((i: { dataset: string }) => i.dataset)).toEqual(['units', 'catalog', 'dossiers']);
    expect(j.inputs[1]).toMatchObject({ file: CAT, rows: 12, counted: 9, rejected: 2, superseded: 1, warnings: 1, notComputed: [] });
    const sample = j.results.filter((x: { indicator: string }) => x.indicator === 'sample-dossier');
    expect(sample.map((x: { tier: string; numerator: number; denominator: number; status: string }) => `${x.tier} ${x.numerator}/${x.denominator} ${x.status}`)).toEqual([
      'so 2/3 fail',
      'huyen 2/3 fail',
      'xa 1/3 fail',
      'all 5/9 fail',
    ]);
    expect(sample[3]).toMatchObject({ source: 'catalog', clause: 'appendix II.1.4; body II.2.1', target: 70, targets: ['body-II.2.1-sample-dossiers', 'app-II.1.4-sample-dossiers'], district: null });
    const copies = j.results.find((x: { indicator: string; tier: string }) => x.indicator === 'e-certified-copies-increase' && x.tier === 'all');
    expect(copies).toMatchObject({ numerator: 752, denominator: 658, value: 94, target: 0, comparison: '>', scale: 'change', status: 'pass', source: 'units' });
    expect(j.problems.find((p: { file: string }) => p.file === CAT)).toMatchObject({ line: 7, column: 9, header: 'Công khai đúng hạn', field: 'published', code: 'value.unknown' });
    const s = j.summary;
    expect(s.pass + s.fail + s.noData + s.noTarget).toBe(j.results.length);
  });

  it('--by district: each district with its communes, and the units placed in none', async () => {
    const r = await ccch(['score', DOSSIERS, '--units', UNITS, '--by', 'district', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const online = j.results.filter((x: { indicator: string; district: string | null }) => x.indicator === 'online-rate' && x.district !== null);
    expect(online.map((x: { district: string; tier: string; numerator: number; denominator: number }) => `${x.district} ${x.tier} ${x.numerator}/${x.denominator}`)).toEqual([
      'Biên Hòa huyen 0/1',
      'Biên Hòa xa 2/3',
      'Trảng Bom huyen 1/1',
      'Trảng Bom xa 0/1',
    ]);
    expect(j.unplacedUnits).toEqual(['UBND xã Bình An']);
    const t = await ccch(['score', DOSSIERS, '--units', UNITS, '--by', 'district']);
    // Each district under its tier, in a column named for districts.
    expect(t.stdout).toMatch(/│ Cấp \/ huyện\s+│/);
    expect(t.stdout).toMatch(/│ Xã\s+│\s+60,0% │\s+3\/5 │\s+≥ 20% │ ✓ Đạt\s+│\n(│[^\n]*cần ≥[^\n]*\n)?│ {3}Biên Hòa\s+│\s+66,6% │\s+2\/3 │\s+≥ 20% │ ✓ Đạt/);
    expect(t.stdout).toContain('1 đơn vị không thuộc huyện nào trong tệp đơn vị (không có trong kết quả theo huyện): UBND xã Bình An');
  });

  it('refuses --by district without --units, and a units file without a name or code column (exit 2)', async () => {
    const a = await ccch(['score', DOSSIERS, '--by', 'district']);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    expect(a.stderr).toBe('ccch: --by district cần --units (tệp đơn vị cho biết đơn vị thuộc huyện nào)\n');
    const b = await ccch(['score', DOSSIERS, '--units', 'fixtures/units/no-name.csv', '--lang', 'en']);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe('ccch: fixtures/units/no-name.csv:1: units file: needs a unit name (Tên đơn vị / Đơn vị) or unit code (Mã đơn vị) column\n');
    const c = await ccch(['score', DOSSIERS, '--catalog', 'fixtures/catalog/none.csv']);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe('ccch: fixtures/catalog/none.csv: không tìm thấy tệp\n');
  });
});
