/**
 * Catalog and units targets through the real pipeline, on hand-checked fixtures.
 *
 * fixtures/catalog/danh-muc-tthc.csv (header on line 1): 12 rows = 9 counted + 2 rejected
 * (line 10 no code, line 11 tier "Thôn") + 1 superseded (line 8, by line 12); 1 warning
 * (line 7, published "Chưa rõ": 2.003 is out of published-on-time only). Procedures:
 *   sở 1.001 1.002 1.003 · huyện 2.001 2.002 2.003 · xã 3.001 (line 12) 3.002 3.004
 *   published on time: sở 3/3 · huyện 1/2 (2.003 out) · xã 2/3 · all 6/8 (target 100)
 *   sample dossier:    sở 2/3 · huyện 2/3 ("x" is yes) · xã 1/3 · all 5/9 (target 70)
 *   simplified:        sở 1/3 (blank is no) · huyện 1/3 · xã 1/3 · all 3/9 (target 10)
 *   eligible offered:  sở 2/2 (1.003 not eligible) · huyện 2/3 (2.001 not offered; "Một phần"
 *                      offered counts) · xã 1/2 (3.004 not offered) · all 5/7 (target 100)
 *   fee, paid online:  sở 1/2 ("50.000đ" is a fee; 1.002 not online) · huyện 2/2 (fee "0" is
 *                      none) · xã 1/1 (line 12 turned payment on) · all 4/5 (target 100)
 *
 * fixtures/units/don-vi.csv: 13 rows = 10 counted + 2 rejected (line 11 tier undecidable,
 * line 12 no name or code) + 1 superseded (line 2, by line 13); 2 warnings (line 10 e-cert
 * "Đang làm", line 14 copies "abc"). In scope: communes, and the Justice Offices (Phòng Tư pháp)
 * of districts; UBND thành phố Biên Hòa and Sở Tư pháp are not.
 *   e-certification: huyện 1/2 (PTP Biên Hòa yes, PTP Trảng Bom no) · xã 4/5 (Tân Phong,
 *                    Hố Nai 3, Long Hưng, Long Tân yes; TT Trảng Bom no; Phú Hữu out) · all 5/7
 *   copies this/last: huyện 500/455 (+45) · xã 80+0+30+12+130 = 252 / 90+0+10+3+100 = 203
 *                    (+49; Long Tân out) · all 752/658 (+94): a change > 0 passes
 */
import { describe, it, expect } from 'vitest';
import { score } from '../../../src/pipeline/score.js';
import { fileSource } from '../../../src/ingest/source.js';
import { parsePeriod } from '../../../src/model/period.js';
import { fixture, plan } from '../../helpers.js';
import { districtOf } from '../../../src/ingest/side/units.js';

const src = (f: string) => fileSource(fixture(f), f);
const run = async (o: { catalog?: string; units?: string; files?: string[]; byUnit?: boolean; byDistrict?: boolean }) =>
  score({
    plan: await plan(),
    period: parsePeriod('2023'),
    inputs: (o.files ?? []).map(src),
    ...(o.catalog ? { catalog: src(o.catalog) } : {}),
    ...(o.units ? { units: src(o.units) } : {}),
    byUnit: o.byUnit ?? false,
    byDistrict: o.byDistrict ?? false,
  });

type R = Awaited<ReturnType<typeof run>>;
const nd = (s: R, measure: string, district: string | null = null, unit: string | null = null) =>
  Object.fromEntries(
    s.results
      .filter((r) => r.indicator === measure && (r.district ?? null) === district && r.unit === unit)
      .map((r) => [r.tier, `${r.numerator}/${r.denominator} ${r.status}`]),
  );

describe('procedures catalog', () => {
  it('accounts for every row', async () => {
    const s = await run({ catalog: 'catalog/danh-muc-tthc.csv' });
    expect(s.inputs[0]).toMatchObject({ dataset: 'catalog', rows: 12, counted: 9, rejected: 2, superseded: 1, warnings: 1, notComputed: [] });
    expect(s.problems.map((p) => `${p.line}:${p.column}:${p.severity}:${p.code}`)).toEqual(['7:9:warning:value.unknown', '10:1:error:row.noCode', '11:3:error:row.badTier']);
  });

  it('computes the five catalog measures per tier and for the province, against the plan targets', async () => {
    const s = await run({ catalog: 'catalog/danh-muc-tthc.csv' });
    expect(nd(s, 'published-on-time')).toEqual({ so: '3/3 pass', huyen: '1/2 fail', xa: '2/3 fail', all: '6/8 fail' });
    expect(nd(s, 'sample-dossier')).toEqual({ so: '2/3 fail', huyen: '2/3 fail', xa: '1/3 fail', all: '5/9 fail' });
    expect(nd(s, 'simplified')).toEqual({ so: '1/3 pass', huyen: '1/3 pass', xa: '1/3 pass', all: '3/9 pass' });
    expect(nd(s, 'online-eligible-offered')).toEqual({ so: '2/2 pass', huyen: '2/3 fail', xa: '1/2 fail', all: '5/7 fail' });
    expect(nd(s, 'online-payment-enabled')).toEqual({ so: '1/2 fail', huyen: '2/2 pass', xa: '1/1 pass', all: '4/5 fail' });
    const r = s.results.find((x) => x.indicator === 'online-eligible-offered' && x.tier === 'all')!;
    expect(r).toMatchObject({
      clause: 'appendix II.3.1; body II.2.1; body II.6.1',
      target: 100,
      source: 'catalog',
      comparison: '>=',
      scale: 'percent',
      targets: ['body-II.2.1-online-eligible', 'body-II.6.1-online-eligible', 'app-II.3.1-online-eligible'],
    });
    expect(r.value).toBeCloseTo((5 / 7) * 100, 10);
    // 9 indicators × 4 + 5 measures × 4.
    expect(s.results).toHaveLength(56);
  });

  it('without a tier column gives the province figure only; a missing column leaves its measure not computed', async () => {
    const { textSource } = await import('../../helpers.js');
    const s = await score({
      plan: await plan(),
      period: parsePeriod('2023'),
      inputs: [],
      catalog: textSource({ name: 'dm.csv', text: 'Ma TTHC,Co ho so mau\nA,Co\nB,Khong\nC,\nD,co\n' }),
    });
    expect(s.inputs[0]!.notComputed).toEqual(['published-on-time', 'simplified', 'online-eligible-offered', 'online-payment-enabled']);
    expect(nd(s, 'sample-dossier')).toEqual({ all: '2/4 fail' });
    expect(nd(s, 'published-on-time')).toEqual({ all: '0/0 no-data' });
  });
});

describe('units file', () => {
  it('accounts for every row and computes e-certification and the copies increase', async () => {
    const s = await run({ units: 'units/don-vi.csv' });
    expect(s.inputs[0]).toMatchObject({ dataset: 'units', rows: 13, counted: 10, rejected: 2, superseded: 1, warnings: 2 });
    expect(s.problems.map((p) => `${p.line}:${p.column}:${p.severity}:${p.code}`)).toEqual([
      '10:5:warning:value.unknown',
      '11:1:error:row.tierUndecidable',
      '12:1:error:row.noUnitOrCode',
      '14:6:warning:value.notCount',
    ]);
    expect(nd(s, 'e-certification')).toEqual({ huyen: '1/2 fail', xa: '4/5 fail', all: '5/7 fail' });
    expect(nd(s, 'e-certified-copies-increase')).toEqual({ huyen: '500/455 pass', xa: '252/203 pass', all: '752/658 pass' });
    const c = s.results.find((r) => r.indicator === 'e-certified-copies-increase' && r.tier === 'xa')!;
    expect(c).toMatchObject({ value: 49, target: 0, comparison: '>', scale: 'change', clause: 'appendix II.3.3; body II.2.1' });
  });

  it('matches ASCII-folded headers and values, semicolons, codes; a district-level unit without district takes it from its name', async () => {
    const { textSource } = await import('../../helpers.js');
    const s = await score({
      plan: await plan(),
      period: parsePeriod('2023'),
      inputs: [],
      byDistrict: false,
      units: textSource({
        name: 'dv.csv',
        text: 'Ten don vi;Ma don vi;Cap;Huyen;Chung thuc dien tu\nUBND xa A;X1;Xa;Nhon Trach;co\nPhong Tu phap huyen Nhon Trach;H1;Cap huyen;;khong\nUBND xa B;X2;;huyen nhon trach;1\n',
      }),
    });
    expect(s.inputs[0]).toMatchObject({ rows: 3, counted: 3, rejected: 0, columns: { name: 'Ten don vi', code: 'Ma don vi', tier: 'Cap', district: 'Huyen', eCert: 'Chung thuc dien tu' } });
    expect(s.inputs[0]!.notComputed).toEqual(['e-certified-copies-increase']);
    expect(nd(s, 'e-certification')).toEqual({ huyen: '0/1 fail', xa: '2/2 pass', all: '2/3 fail' });
    expect(nd(s, 'e-certified-copies-increase')).toEqual({ huyen: '0/0 no-data', xa: '0/0 no-data', all: '0/0 no-data' });
  });

  it('--by unit lists each unit in scope', async () => {
    const s = await run({ units: 'units/don-vi.csv', byUnit: true });
    expect(nd(s, 'e-certification', null, 'Phòng Tư pháp huyện Trảng Bom')).toEqual({ huyen: '0/1 fail' });
    expect(nd(s, 'e-certified-copies-increase', null, 'UBND phường Tân Phong')).toEqual({ xa: '80/90 fail' });
    expect(nd(s, 'e-certification', null, 'UBND thành phố Biên Hòa')).toEqual({});
    expect(nd(s, 'e-certification', null, 'UBND xã Phú Hữu')).toEqual({});
  });

  it('is a tier source for the exports, and --by district sums each district and its communes', async () => {
    // fixtures/units/ho-so.csv: H3's unit is the code 26002 (UBND phường Tân Phong), whose tier
    // only the units file knows; H8 "Trung tâm XYZ" is undecidable; H7 "UBND xã Bình An" is a
    // commune by name but in no district of the units file.
    const without = await run({ files: ['units/ho-so.csv'] });
    expect(without.inputs[0]).toMatchObject({ rows: 8, counted: 6, rejected: 2 });
    const s = await run({ files: ['units/ho-so.csv'], units: 'units/don-vi.csv', byDistrict: true });
    expect(s.inputs.map((i) => i.dataset)).toEqual(['units', 'dossiers']);
    expect(s.inputs[1]).toMatchObject({ rows: 8, counted: 7, rejected: 1 });
    // online: huyện H5 yes, H6 no; xã H1 yes, H2 no, H3 yes, H4 no, H7 yes.
    expect(nd(s, 'online-rate')).toEqual({ so: '0/0 no-data', huyen: '1/2 pass', xa: '3/5 pass', all: '4/7 no-target' });
    expect(nd(s, 'online-rate', 'Biên Hòa')).toEqual({ huyen: '0/1 fail', xa: '2/3 pass' });
    expect(nd(s, 'online-rate', 'Trảng Bom')).toEqual({ huyen: '1/1 pass', xa: '0/1 fail' });
    expect(nd(s, 'online-rate', 'Nhơn Trạch')).toEqual({});
    expect(s.unplacedUnits).toEqual(['UBND xã Bình An']);
    expect(nd(s, 'e-certification', 'Biên Hòa')).toEqual({ huyen: '1/1 pass', xa: '2/2 pass' });
    expect(nd(s, 'e-certification', 'Trảng Bom')).toEqual({ huyen: '0/1 fail', xa: '1/2 fail' });
    expect(nd(s, 'e-certification', 'Nhơn Trạch')).toEqual({ xa: '1/1 pass' });
    expect(nd(s, 'e-certified-copies-increase', 'Trảng Bom')).toEqual({ huyen: '0/5 fail', xa: '30/10 pass' });
    expect(nd(s, 'e-certified-copies-increase', 'Biên Hòa')).toEqual({ huyen: '500/450 pass', xa: '210/190 pass' });
  });
});

describe('units file: a unit written by its code is that unit', () => {
  it('shows and groups an export unit given as a code under the units file\'s name', async () => {
    const s = await run({ files: ['units/ho-so.csv'], units: 'units/don-vi.csv', byUnit: true });
    // H3's unit is written "26002": the units file names it UBND phường Tân Phong.
    expect(nd(s, 'online-rate', null, 'UBND phường Tân Phong')).toEqual({ xa: '1/1 pass' });
    expect(nd(s, 'online-rate', null, '26002')).toEqual({});
  });
});

describe('helpers', () => {
  it('districtOf strips the administrative word, whatever the spelling', () => {
    expect(districtOf('Thành phố Biên Hòa')).toEqual({ key: 'bien hoa', label: 'Biên Hòa' });
    expect(districtOf('TP. Biên Hòa')).toEqual({ key: 'bien hoa', label: 'Biên Hòa' });
    expect(districtOf('Phòng Tư pháp huyện Trảng Bom')).toEqual({ key: 'trang bom', label: 'Trảng Bom' });
    expect(districtOf(' Nhơn  Trạch ')).toEqual({ key: 'nhon trach', label: 'Nhơn Trạch' });
    expect(districtOf('')).toBeNull();
  });
});
