/** A summary form's header (ingest/form.ts), its body rows (kinds/summary-rows.ts) and title lines. */
import { describe, it, expect } from 'vitest';
import { isColumnNumbers, readFormHeader, reportingUnit, type RawRow } from '../../src/ingest/form.js';
import { detectKind, matchHeaders } from '../../src/ingest/headers.js';
import { classifyRows, groupTier, isTotalRowLabel, type BodyRow } from '../../src/ingest/kinds/summary-rows.js';
import { titlePeriod } from '../../src/ingest/report-period.js';
import { cellRange } from '../../src/ingest/xlsx.js';
import { formatIso } from '../../src/util/dates.js';

const raw = (line: number, fields: string[]): RawRow => ({ fields, count: fields.length, line, malformed: false });

describe('header paths', () => {
  const first = ['STT', 'Đơn vị', 'Số hồ sơ nhận giải quyết', '', '', '', 'Số hồ sơ đã giải quyết', '', '', 'Số hồ sơ đang giải quyết', '', ''];
  const second = ['', '', 'Tổng số', 'Trong đó', '', 'Từ kỳ trước', 'Tổng số', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn'];
  const third = ['', '', '', 'Trực tuyến', 'Trực tiếp, dịch vụ bưu chính', '', '', '', '', '', '', ''];
  const body = [raw(4, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)', '(12)']), raw(5, ['1', 'Sở Tư pháp', '5', '3', '1', '1', '4', '3', '1', '1', '1', '0'])];

  it('a form’s first row is detected, and a one-row summary is not a form', () => {
    expect(detectKind(first)).toEqual({ kind: 'summary', ambiguous: [], form: true });
    expect(detectKind(['Đơn vị', 'Tổng số tiếp nhận', 'Trực tuyến']).form).toBe(false);
    // a group's name as the row's last cell (a workbook leaves the merge's empty cells out)
    expect(detectKind(['STT', 'Đơn vị', 'Kết quả giải quyết']).form).toBe(true);
    // … unless a one-row summary names a column so
    expect(detectKind(['Đơn vị', 'Trực tuyến', 'Số hồ sơ đang giải quyết']).form).toBe(false);
  });

  it('blank cells continue a merged cell to their left under the same cells above', () => {
    const h = readFormHeader({ fields: first, line: 1 }, [raw(2, second), raw(3, third), ...body], null, true);
    expect(h).toMatchObject({ lines: [1, 2, 3], merged: 'blank', columnNumbers: 4, bodyStart: 3, width: 12 });
    expect(h.paths).toEqual([
      ['STT'],
      ['Đơn vị'],
      ['Số hồ sơ nhận giải quyết', 'Tổng số'],
      ['Số hồ sơ nhận giải quyết', 'Trong đó', 'Trực tuyến'],
      ['Số hồ sơ nhận giải quyết', 'Trong đó', 'Trực tiếp, dịch vụ bưu chính'],
      ['Số hồ sơ nhận giải quyết', 'Từ kỳ trước'],
      ['Số hồ sơ đã giải quyết', 'Tổng số'],
      ['Số hồ sơ đã giải quyết', 'Đúng hạn'],
      ['Số hồ sơ đã giải quyết', 'Quá hạn'],
      ['Số hồ sơ đang giải quyết', 'Tổng số'],
      ['Số hồ sơ đang giải quyết', 'Trong hạn'],
      ['Số hồ sơ đang giải quyết', 'Quá hạn'],
    ]);
    const m = matchHeaders('summary', h.paths);
    expect(m.columns).toMatchObject({ stt: 0, unit: 1, intakeTotal: 2, receivedOnline: 3, receivedDirect: 4, carriedOver: 5, resolvedTotal: 6, resolvedOnTime: 7, resolvedLate: 8, openTotal: 9, openWithin: 10, openOverdue: 11 });
    expect(m.headers.openOverdue).toBe('Số hồ sơ đang giải quyết › Quá hạn');
  });

  it('a workbook’s merged ranges decide where they are given', () => {
    // "Tổng số" under nothing (column 12, its own cell down two rows): blank cells would take it into the open group.
    const f = [...first, ''];
    const s = [...second, 'Tổng số'];
    const asBlanks = readFormHeader({ fields: f, line: 1 }, [raw(2, s), raw(3, [...third, '']), ...body], null, true);
    expect(asBlanks.paths[12]).toEqual(['Số hồ sơ đang giải quyết', 'Tổng số']);
    const ranges = ['A1:A3', 'B1:B3', 'C1:F1', 'G1:I1', 'J1:L1', 'C2:C3', 'D2:E2', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:J3', 'K2:K3', 'L2:L3', 'M2:M3'].map((r) => cellRange(r)!);
    const fromRanges = readFormHeader({ fields: f, line: 1 }, [raw(2, s), raw(3, [...third, '']), ...body], ranges, true);
    expect(fromRanges.merged).toBe('ranges');
    expect(fromRanges.paths[12]).toEqual(['Tổng số']);
    expect(fromRanges.paths.slice(0, 12)).toEqual(asBlanks.paths.slice(0, 12));
    expect(matchHeaders('summary', fromRanges.paths).columns.openTotal).toBe(9);
  });

  it('"Tổng số" is the total of its own group: to resolve, or received in the period', () => {
    const h = readFormHeader(
      { fields: ['Đơn vị', 'Số hồ sơ nhận giải quyết', '', '', '', '', 'Bổ sung'], line: 1 },
      [raw(2, ['', 'Tổng số', 'Từ kỳ trước', 'Trong kỳ', '', '', '']), raw(3, ['', '', '', 'Tổng số', 'Trực tuyến', 'Trực tiếp', '']), raw(4, ['Sở A', '3', '1', '2', '1', '1', '0'])],
      null,
      true,
    );
    expect(h.paths[3]).toEqual(['Số hồ sơ nhận giải quyết', 'Trong kỳ', 'Tổng số']);
    expect(matchHeaders('summary', h.paths).columns).toMatchObject({ intakeTotal: 1, carriedOver: 2, receivedTotal: 3, receivedOnline: 4, receivedDirect: 5, awaitingSupplement: 6 });
  });

  it('a note in brackets at the end of a header cell is read without it', () => {
    const m = matchHeaders('summary', [['Đơn vị'], ['Số hồ sơ đã giải quyết (Kết quả giải quyết)', 'Quá hạn (Trả quá hạn)'], ['Số hồ sơ đang giải quyết', 'Trong hạn (Chưa đến hạn)']]);
    expect(m.columns).toMatchObject({ resolvedLate: 1, openWithin: 2 });
  });

  it('stops at the first body row, which has a name, a number or an STT', () => {
    const h = readFormHeader({ fields: first, line: 1 }, [raw(2, second), raw(3, ['I', 'CẤP TỈNH', '', '', '', '', '', '', '', '', '', ''])], null, true);
    expect(h).toMatchObject({ lines: [1, 2], bodyStart: 1, columnNumbers: null });
  });

  it('column numbers', () => {
    expect(isColumnNumbers(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
    expect(isColumnNumbers(['A', 'B', '1', '2', '3', '4=5+6'])).toBe(true);
    expect(isColumnNumbers(['1', '2', '4'])).toBe(false);
    expect(isColumnNumbers(['1', 'Sở Tư pháp', '2', '3', '4'])).toBe(false);
    expect(isColumnNumbers(['', '', '10', '11'])).toBe(false);
  });
});

describe('title lines', () => {
  const p = (text: string) => {
    const t = titlePeriod([{ line: 3, cells: [text] }]);
    return t && `${formatIso(t.from)}..${formatIso(t.to)}`;
  };
  it.each([
    ['(Từ ngày 01/01/2023 đến ngày 31/03/2023)', '2023-01-01..2023-03-31'],
    ['Từ 15/12/2022 đến 14/06/2023', '2022-12-15..2023-06-14'],
    ['(Số liệu tính từ ngày 1/1/2023 đến hết ngày 30/6/2023)', '2023-01-01..2023-06-30'],
    ['TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC QUÝ I NĂM 2023', '2023-01-01..2023-03-31'],
    ['Kỳ báo cáo: 6 tháng đầu năm 2023', '2023-01-01..2023-06-30'],
    ['BÁO CÁO NĂM 2023', '2023-01-01..2023-12-31'],
    ['Đồng Nai, ngày 05 tháng 01 năm 2024', null],
    ['Đơn vị tính: hồ sơ', null],
  ])('%s → %s', (text, want) => {
    expect(p(text)).toBe(want);
  });

  it('the dates win over a period named in words', () => {
    const t = titlePeriod([
      { line: 1, cells: ['BÁO CÁO 6 THÁNG ĐẦU NĂM 2023'] },
      { line: 2, cells: ['(Từ ngày 15/12/2022 đến ngày 14/06/2023)'] },
    ]);
    expect(t).toMatchObject({ line: 2 });
  });

  it('the reporting unit', () => {
    expect(reportingUnit([{ line: 2, cells: ['Biểu số 06a', '- Đơn vị báo cáo: Sở Tư pháp'] }])).toEqual({ name: 'Sở Tư pháp', line: 2 });
    expect(reportingUnit([{ line: 2, cells: ['Cơ quan:', 'UBND huyện  Nhơn Trạch'] }])).toEqual({ name: 'UBND huyện Nhơn Trạch', line: 2 });
    expect(reportingUnit([{ line: 2, cells: ['Đơn vị nhận báo cáo: Văn phòng Chính phủ'] }, { line: 3, cells: ['Đơn vị tính: hồ sơ'] }])).toBeNull();
  });
});

describe('body rows', () => {
  const row = (stt: string, name: string, ...counts: number[]): BodyRow => ({
    line: 0,
    stt,
    name,
    counts: Float64Array.from(counts.length ? counts : [NaN, NaN]),
    numbers: counts.length,
    bad: false,
  });
  const kinds = (rows: BodyRow[]) => classifyRows(rows.map((r, i) => ({ ...r, line: i + 1 }))).map((c) => `${c.kind}${c.tier ? `:${c.tier}` : ''}`);

  it('groups by Roman numeral, letter or tier label set the tier below; the inner level keeps the outer tier', () => {
    expect(
      kinds([
        row('I', 'CẤP TỈNH'),
        row('A', 'Khối nội chính'),
        row('1', 'Chi cục X', 1, 0),
        row('II', 'UBND CẤP HUYỆN (các huyện, thành phố)'),
        row('1', 'Chi cục Y', 2, 1),
        row('', 'Xã, phường, thị trấn'),
        row('1', 'Z', 1, 1),
        row('', 'Tổng cộng', 4, 2),
      ]),
    ).toEqual(['group:so', 'group', 'unit:so', 'group:huyen', 'unit:huyen', 'group:xa', 'unit:xa', 'total']);
  });

  it('a numbered heading with no count over its numbered rows is an inner group', () => {
    expect(kinds([row('III', 'CẤP XÃ'), row('1', 'Huyện Nhơn Trạch'), row('1.1', 'Xã Long Tân', 1, 1), row('1.2', 'Xã Phú Hội', 2, 0), row('2', 'Xã Bàu Hàm', 1, 0)])).toEqual([
      'group:xa',
      'group',
      'unit:xa',
      'unit:xa',
      'unit:xa',
    ]);
  });

  it('labels: groups, totals and units that look like them', () => {
    expect(groupTier('Huyện, thị xã, thành phố')).toBe('huyen');
    expect(groupTier('Cấp  tỉnh:')).toBe('so');
    expect(groupTier('Khối nội chính')).toBeNull();
    for (const l of ['Tổng cộng', 'TỔNG SỐ', 'Cộng:', 'Toàn tỉnh', 'Tổng', 'Cộng cấp xã', 'Tổng cộng (I+II+III)']) expect(isTotalRowLabel(l), l).toBe(true);
    for (const l of ['Công an tỉnh', 'Tổng công ty Điện lực', 'Cộng hòa']) expect(isTotalRowLabel(l), l).toBe(false);
    // "P. Tân Phong" is a unit (an abbreviation), "I. CẤP TỈNH" a group
    expect(kinds([row('', 'I. CẤP TỈNH'), row('', 'P. Tân Phong', 1, 1), row('', 'X. Long Hưng', 2, 0)])).toEqual(['group:so', 'unit:so', 'unit:so']);
  });

  it('subtotals by the sums rule: above, below, numbered over dotted rows; never a row of zeros', () => {
    expect(kinds([row('1', 'Huyện A', 3, 1), row('1.1', 'Xã A1', 1, 1), row('1.2', 'Xã A2', 2, 0), row('2', 'Huyện B', 1, 0)])).toEqual(['subtotal', 'unit', 'unit', 'unit']);
    expect(kinds([row('', 'A', 0, 0), row('', 'B', 0, 0), row('', 'C', 0, 0)])).toEqual(['unit', 'unit', 'unit']);
    // two units alike with a unit of zeros between them: neither is the other's sum
    expect(kinds([row('', 'A', 1, 1), row('', 'B', 0, 0), row('', 'C', 1, 1)])).toEqual(['unit', 'unit', 'unit']);
    expect(kinds([row('', 'A', 1, 2), row('', 'B', 3, 4), row('', 'Nhóm', 4, 6), row('', 'C', 5, 5), row('', '', 9, 11)])).toEqual(['unit', 'unit', 'subtotal', 'unit', 'subtotal']);
  });

  it('a unit the units file lists is never a subtotal', () => {
    const rows = [row('', 'UBND xã A', 1, 2), row('', 'UBND xã B', 3, 4), row('', 'UBND xã C', 4, 6)].map((r, i) => ({ ...r, line: i + 1 }));
    expect(classifyRows(rows).map((c) => c.kind)).toEqual(['unit', 'unit', 'subtotal']);
    expect(classifyRows(rows, (n) => n === 'UBND xã C').map((c) => c.kind)).toEqual(['unit', 'unit', 'unit']);
  });

  it('rows after the last one with a count are the footer', () => {
    expect(kinds([row('1', 'Sở A', 1, 1), row('', 'Người lập biểu'), row('', '(Ký tên)')])).toEqual(['unit', 'footer', 'footer']);
  });
});
