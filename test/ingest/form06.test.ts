/**
 * Summary reports as units file them: form 06/VPCP/KSTT in CSV and XLSX (fixtures/form06/, its
 * README gives the arithmetic). The forms give the per-tier figures of the record list they
 * summarise; group, total and subtotal rows are never counted.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ccch, counts, fixture, plan, refused, scoreFiles, scoreTexts } from '../helpers.js';
import { score } from '../../src/pipeline/score.js';
import { validate } from '../../src/pipeline/validate.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Score } from '../../src/model/result.js';

const DIR = 'form06';
const FORMS = ['bieu-06-don-vi-q1.csv', 'bieu-06-don-vi-q1.xlsx', 'bieu-06-linh-vuc-q1.csv', 'bieu-06-linh-vuc-q1.xlsx'];

/** online-rate and on-time-rate per tier and for the province, as "n/N". */
const dossierRates = (s: Score) => Object.fromEntries(Object.entries(counts(s)).filter(([k]) => k.startsWith('online-rate/') || k.startsWith('on-time-rate/')));

const TRUE_Q1 = {
  'online-rate/so': '6/10',
  'online-rate/huyen': '3/8',
  'online-rate/xa': '1/5',
  'online-rate/all': '10/23',
  'on-time-rate/so': '8/11',
  'on-time-rate/huyen': '7/9',
  'on-time-rate/xa': '4/6',
  'on-time-rate/all': '19/26',
};

describe('form 06 gives the figures of the record list it summarises', async () => {
  const records = await scoreFiles([`${DIR}/ho-so-q1.csv`], '2023-Q1');

  it('the record list, counted by hand', () => {
    expect(dossierRates(records)).toEqual(TRUE_Q1);
  });

  it.each(FORMS)('%s: the same per-tier numbers', async (f) => {
    const s = await scoreFiles([`${DIR}/${f}`], '2023-Q1');
    expect(dossierRates(s)).toEqual(dossierRates(records));
    expect(s.inputs[0]).toMatchObject({ dataset: 'summary', rejected: 0, warnings: 0, summaryPeriod: 'title' });
  });

  it('units form: 7 units counted; groups, totals, the subtotal and the footer skipped', async () => {
    for (const [f, merged] of [
      ['bieu-06-don-vi-q1.csv', 'blank'],
      ['bieu-06-don-vi-q1.xlsx', 'ranges'],
    ] as const) {
      const s = await scoreFiles([`${DIR}/${f}`], '2023-Q1', true);
      const i = s.inputs[0]!;
      expect(i).toMatchObject({ rows: 7, counted: 7, skipped: { title: 6, total: 2, footer: 2, group: 3, subtotal: 1 } });
      expect(i.summary).toMatchObject({ headerRows: [7, 8, 9], columnNumbers: 10, merged, rowsAre: 'units', reportingUnit: null, titlePeriod: { from: '2023-01-01', to: '2023-03-31', line: 5 } });
      expect(i.summary!.skippedRows.map((r) => [r.line, r.kind, r.tier])).toEqual([
        [11, 'total', null],
        [12, 'group', 'so'],
        [16, 'group', 'huyen'],
        [19, 'total', null],
        [20, 'group', 'xa'],
        [23, 'subtotal', null],
        [25, 'footer', null],
        [26, 'footer', null],
      ]);
      // Header paths: the open group's "Quá hạn" is open past due, the resolved group's resolved late.
      expect(i.columns).toMatchObject({
        receivedOnline: 'Số hồ sơ nhận giải quyết › Trong đó › Trực tuyến',
        resolvedLate: 'Số hồ sơ đã giải quyết › Quá hạn',
        openOverdue: 'Số hồ sơ đang giải quyết › Quá hạn',
      });
      const units = [...new Set(s.results.filter((r) => r.unit !== null).map((r) => `${r.tier} ${r.unit}`))];
      expect(units.sort()).toEqual(
        ['huyen UBND huyện Nhơn Trạch', 'huyen UBND thành phố Biên Hòa', 'so Chi cục Thuế khu vực Long Khánh', 'so Sở Tư pháp', 'so Sở Xây dựng', 'xa UBND phường Tân Phong', 'xa UBND xã Long Hưng'].sort(),
      );
    }
  });

  it('fields-of-work form: its rows summed into the reporting unit, per group tier', async () => {
    const s = await scoreFiles([`${DIR}/bieu-06-linh-vuc-q1.xlsx`], '2023-Q1', true);
    const i = s.inputs[0]!;
    expect(i).toMatchObject({ rows: 5, counted: 5, skipped: { title: 4, group: 3, total: 1 } });
    expect(i.summary).toMatchObject({ rowsAre: 'fields', reportingUnit: { name: 'UBND tỉnh Đồng Nai', from: 'title', line: 2 }, columnNumbers: 8 });
    const units = s.results.filter((r) => r.unit !== null && r.indicator === 'on-time-rate').map((r) => [r.tier, r.unit, `${r.numerator}/${r.denominator}`]);
    expect(units).toEqual([
      ['so', 'UBND tỉnh Đồng Nai', '8/11'],
      ['huyen', 'UBND tỉnh Đồng Nai', '7/9'],
      ['xa', 'UBND tỉnh Đồng Nai', '4/6'],
    ]);
  });

  it('a form and the record list of the same units are refused as double counting', async () => {
    await expect(scoreFiles([`${DIR}/ho-so-q1.csv`, `${DIR}/bieu-06-don-vi-q1.csv`], '2023-Q1')).rejects.toMatchObject({ code: 'input.doubleCounted' });
  });
});

describe('the period of a form', () => {
  it('without --period, the title period becomes the scored period', async () => {
    const s = await score({ plan: await plan(), period: parsePeriod('2023'), defaultPeriod: true, inputs: [fileSource(fixture(`${DIR}/bieu-06-don-vi-q1.xlsx`), 'b.xlsx')] });
    expect(s.period).toMatchObject({ label: '2023-Q1', fromTitle: { file: 'b.xlsx', line: 5 } });
    expect(dossierRates(s)).toEqual(TRUE_Q1);
    // "Kỳ báo cáo: Quý I/2023" names it too
    const v = await validate({ plan: await plan(), period: parsePeriod('2023'), defaultPeriod: true, inputs: [fileSource(fixture(`${DIR}/bieu-06-linh-vuc-q1.csv`))] });
    expect(v.period.label).toBe('2023-Q1');
  });

  it('a form for another period is refused, naming both periods', async () => {
    const e = await refused(scoreFiles([`${DIR}/bieu-06-don-vi-q1.csv`], '2023'));
    expect(e).toMatchObject({ code: 'input.otherPeriod', where: { line: 5 } });
    expect(e.en).toContain('2023-Q1 (2023-01-01..2023-03-31)');
    expect(e.en).toContain('not the period scored 2023 (2023-01-01..2023-12-31)');
    const r = await ccch(['score', `fixtures/${DIR}/bieu-06-don-vi-q1.csv`, '--period', '2023-H1', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bieu-06-don-vi-q1\.csv:5: report for period 2023-Q1/);
  });
});

describe('issue 13: the new user’s report', async () => {
  const s = await scoreFiles([`${DIR}/nguoi-dung-moi.csv`], '2023', true);

  it('gives the true figures: group rows and "Toàn tỉnh" are not units', () => {
    expect(counts(s)).toMatchObject({
      'online-rate/so': '950/1300',
      'online-rate/huyen': '500/2000',
      'online-rate/all': '1450/3300',
      'on-time-rate/so': '1215/1300',
      'on-time-rate/huyen': '1820/2000',
    });
    expect(s.inputs[0]).toMatchObject({ rows: 4, counted: 4, rejected: 0, skipped: { group: 2, total: 1 } });
  });

  it('--by unit lists units only', () => {
    const units = [...new Set(s.results.filter((r) => r.unit !== null).map((r) => r.unit))];
    expect(units.sort()).toEqual(['Sở Tư pháp', 'Sở Xây dựng', 'UBND huyện Nhơn Trạch', 'UBND thành phố Biên Hòa'].sort());
  });
});

describe('subtotals without group labels are never counted (the sums rule)', () => {
  it('above their units, below them, and the unnamed grand total', async () => {
    const s = await scoreFiles([`${DIR}/cong-khong-nhan.csv`], '2023', true);
    expect(s.inputs[0]).toMatchObject({ rows: 6, counted: 6, skipped: { subtotal: 4, group: 0, total: 0 } });
    expect(counts(s)).toMatchObject({
      'online-rate/so': '5/9',
      'online-rate/huyen': '3/9',
      'online-rate/xa': '1/6',
      'online-rate/all': '9/24',
      'on-time-rate/so': '8/9',
      'on-time-rate/huyen': '7/9',
      'on-time-rate/xa': '5/6',
      'on-time-rate/all': '20/24',
    });
    expect(s.results.some((r) => r.unit?.startsWith('Khu vực'))).toBe(false);
  });

  it('a unit equal to the sum of its neighbours is kept when numbered', async () => {
    const text = 'STT;Đơn vị;Tổng số tiếp nhận;Trực tuyến\n1;UBND xã A;1;1\n2;UBND xã B;2;0\n3;UBND xã C;3;1\n';
    const s = await scoreTexts([{ name: 'n.csv', text }]);
    expect(s.inputs[0]).toMatchObject({ counted: 3, skipped: { subtotal: 0 } });
    expect(counts(s)['online-rate/xa']).toBe('2/6');
  });
});

describe('sums checked', () => {
  it('a row whose parts do not add up gets a warning naming the cells, and is counted', async () => {
    const s = await scoreFiles([`${DIR}/cong-sai.csv`], '2023', true);
    expect(s.inputs[0]).toMatchObject({ rows: 2, counted: 2, warnings: 1 });
    expect(s.problems).toEqual([
      expect.objectContaining({ line: 4, column: 3, severity: 'warning', code: 'row.sumMismatch', params: expect.objectContaining({ cell: 'C4', total: 10, sum: 9 }) }),
    ]);
    expect(s.problems[0]!.params.partsEn).toBe('received online D4 + received in person E4 + carried over F4');
  });
});

describe('a form’s received in the period is new online + new in person and by post', () => {
  it('a "Số mới tiếp nhận" column that says otherwise gets a warning; the rate takes the channels', async () => {
    const text = [
      'STT;Đơn vị;Số hồ sơ nhận giải quyết;;;;Số hồ sơ đã giải quyết;;Số hồ sơ đang giải quyết;',
      ';;Từ kỳ trước;Số mới tiếp nhận;Trực tuyến;Trực tiếp;Đúng hạn;Quá hạn;Trong hạn;Quá hạn',
      '1;Sở Tư pháp;1;6;3;2;4;1;1;0',
      '',
    ].join('\n');
    const s = await scoreTexts([{ name: 'f.csv', text }]);
    expect(counts(s)['online-rate/so']).toBe('3/5');
    expect(counts(s)['on-time-rate/so']).toBe('5/6');
    expect(s.problems).toEqual([expect.objectContaining({ line: 3, column: 4, code: 'row.sumMismatch', params: expect.objectContaining({ total: 6, sum: 5, cell: 'D3' }) })]);
  });
});

describe('fields of work need their unit', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ccch-form06-'));
  const noUnit = join(tmp, 'linh-vuc.csv');
  // The fields-of-work form without its "Đơn vị báo cáo" line.
  writeFileSync(noUnit, readFileSync(fixture(`${DIR}/bieu-06-linh-vuc-q1.csv`), 'utf8').replace(/^Đơn vị báo cáo: [^\n]*\n/m, ''));

  it('refused without "Đơn vị báo cáo" or --unit', async () => {
    const e = await refused(score({ plan: await plan(), period: parsePeriod('2023-Q1'), inputs: [fileSource(noUnit, 'lv.csv')] }));
    expect(e).toMatchObject({ code: 'input.noReportingUnit', where: { file: 'lv.csv', line: 4 } });
  });

  it('--unit names it', async () => {
    const s = await score({ plan: await plan(), period: parsePeriod('2023-Q1'), inputs: [fileSource(noUnit, 'lv.csv')], reportingUnit: 'UBND tỉnh Đồng Nai', byUnit: true });
    expect(dossierRates(s)).toEqual(TRUE_Q1);
    expect(s.inputs[0]!.summary!.reportingUnit).toEqual({ name: 'UBND tỉnh Đồng Nai', from: 'option', line: null });
    const r = await ccch(['score', noUnit, '--unit', 'Sở Tư pháp', '--format', 'json']);
    expect(r.code).not.toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.period.label).toBe('2023-Q1');
    expect(j.inputs[0].summary.reportingUnit.name).toBe('Sở Tư pháp');
    expect((await ccch(['score', noUnit, '--unit', ' '])).stderr).toContain('--unit');
  });
});
