/**
 * Dates as real exports write them (docs/domain.md "Values as real systems write them", "When a
 * column is absent or holds something else"): a "Hạn xử lý" column of status text set aside, US
 * dates refused or read with --date-order mdy, dashed and dotted dates, 12-hour clocks, ISO
 * with a zone, XLSX serials without a date format. Counts worked out by hand.
 */
import { describe, it, expect } from 'vitest';
import { counts, fixture, plan, refused, textSource } from '../helpers.js';
import { score } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { parsePeriod } from '../../src/model/period.js';
import { workbook } from '../ingest/zip.js';
import type { DateOrder } from '../../src/util/dates.js';

async function run(inputs: Array<{ name: string; text: string | Buffer } | string>, period = '2023', dateOrder?: DateOrder) {
  return score({
    plan: await plan(),
    period: parsePeriod(period),
    inputs: inputs.map((i) => (typeof i === 'string' ? fileSource(fixture(i), i) : textSource(i))),
    ...(dateOrder ? { dateOrder } : {}),
  });
}

const onTime = (s: Awaited<ReturnType<typeof run>>, tier = 'so') => counts(s)[`on-time-rate/${tier}`];

// fixtures/real-exports/han-xu-ly-trang-thai.csv: "Hạn xử lý" holds status text (the aliases
// put it before "Ngày hẹn trả kết quả", which holds the due dates). January 2023, Sở Tư pháp,
// judged at 14/01 (the data's last day):
//  H1 due 10/01 res 09/01 on time · H2 due 10/01 res 12/01 late · H3 due 20/01 open, not yet late
//  H4 due 15/01 res 14/01 on time · H5 due 08/01 open, late
describe('a "Hạn xử lý" column holding status text', async () => {
  const s = await run(['real-exports/han-xu-ly-trang-thai.csv'], '2023-01');
  it('is set aside with one warning and a sample value, and the next alias is read', () => {
    expect(s.inputs[0]!.columns.due).toBe('Ngày hẹn trả kết quả');
    expect(s.inputs[0]).toMatchObject({ rows: 5, counted: 5, rejected: 0, warnings: 1 });
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatchObject({ line: 1, column: 4, header: 'Hạn xử lý', severity: 'warning', field: 'due', code: 'column.notDates' });
    expect(s.problems[0]!.params.sample).toBe('Trong hạn');
    expect(onTime(s)).toBe('3/5');
  });
  it('with no other due column, the field is missing: on time not computed, no row rejected', async () => {
    const text = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hạn xử lý,Ngày kết thúc xử lý\nX1,Sở Tư pháp,03/01/2023,Quá hạn,09/01/2023\nX2,Sở Tư pháp,03/01/2023,Trong hạn,05/01/2023\nX3,Sở Tư pháp,03/01/2023,20/01/2023,05/01/2023\n';
    const t = await run([{ name: 'x.csv', text }], '2023-01');
    // Two of three values are no dates: set aside (X3's real date goes with it).
    expect(t.inputs[0]).toMatchObject({ counted: 3, rejected: 0 });
    expect(t.inputs[0]!.missingFor['on-time-rate']).toEqual(['due']);
    expect(onTime(t)).toBe('0/0');
  });
  it('mistyped dates are no evidence: a column mostly of them is kept, their rows rejected', async () => {
    const text = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hạn xử lý\nZ1,Sở Tư pháp,03/01/2023,31/02/2023\nZ2,Sở Tư pháp,03/01/2023,32/01/2023\nZ3,Sở Tư pháp,03/01/2023,20/01/2023\n';
    const t = await run([{ name: 'z.csv', text }], '2023-01');
    expect(t.inputs[0]).toMatchObject({ counted: 1, rejected: 2, warnings: 0 });
    expect(t.inputs[0]!.columns.due).toBe('Hạn xử lý');
  });
  it('a date column with a few bad values is kept: those rows are rejected as before', async () => {
    const text = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Hạn xử lý,Ngày kết thúc xử lý\nY1,Sở Tư pháp,03/01/2023,10/01/2023,09/01/2023\nY2,Sở Tư pháp,03/01/2023,abc,05/01/2023\nY3,Sở Tư pháp,03/01/2023,20/01/2023,25/01/2023\n';
    const t = await run([{ name: 'y.csv', text }], '2023-01');
    expect(t.inputs[0]).toMatchObject({ counted: 2, rejected: 1 });
    expect(onTime(t)).toBe('1/2');
  });
});

// fixtures/real-exports/ngay-kieu-my.csv: US dates, UBND xã Long Hưng.
//  M1 2/1 (Feb 1), due 2/10, res 2/9: on time, online · M2 1/13 (reads only month first), due
//  1/20, res 1/25: late, offline · M3 3/5, due 3/15, open (the data end 5/3: not yet late), online
describe('month-first dates', () => {
  it('refuse the file, naming the column, the line and the value, advising --date-order mdy', async () => {
    const e = await refused(run(['real-exports/ngay-kieu-my.csv']));
    expect(e.code).toBe('input.monthFirst');
    expect(e.where).toMatchObject({ file: 'real-exports/ngay-kieu-my.csv', line: 3, column: 3 });
    expect(e.en).toContain('--date-order mdy');
    expect(e.en).toContain('"1/13/2023"');
  });
  it('are read with --date-order mdy', async () => {
    const s = await run(['real-exports/ngay-kieu-my.csv'], '2023-Q1', 'mdy');
    expect(s.inputs[0]).toMatchObject({ counted: 3, rejected: 0 });
    expect(onTime(s, 'xa')).toBe('2/3');
    expect(counts(s)['online-rate/xa']).toBe('2/3');
    expect(s.judging.dataFrom).toBe(Date.UTC(2023, 0, 13) / 86_400_000);
  });
  it('a column with a day-first value too is day first: the month-first one is rejected, with the hint', async () => {
    const text = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nD1,Sở Tư pháp,13/01/2023\nD2,Sở Tư pháp,1/13/2023\nD3,Sở Tư pháp,2/1/2023\n';
    const s = await run([{ name: 'd.csv', text }]);
    expect(s.inputs[0]).toMatchObject({ counted: 2, rejected: 1 });
    expect(s.problems[0]).toMatchObject({ line: 3, code: 'row.monthFirstDate' });
  });
});

describe('other date forms', () => {
  // One dossier each, Sở Tư pháp, received and due on 10/01/2023; resolved as written.
  //  F1 "10-01-2023 16:00"      same day: on time
  //  F2 "11.01.2023"            a day after due: late
  //  F3 "10/01/2023 04:30 CH"   16:30 against a due of 10/01/2023 16:00: late (to the minute)
  //  F4 "10/01/2023 03:59 PM"   15:59: on time
  //  F5 "2023-01-10T09:30:00Z"  16:30 in Vietnam: late
  //  F6 "2023-01-10T08:59:00Z"  15:59 in Vietnam: on time
  //  F7 "2023-01-10T20:00:00+00:00" 03:00 on 11/01 in Vietnam: late
  //  F8 "10/01/2023 12:05 SA"   00:05: on time
  const rows = ['10-01-2023 16:00', '11.01.2023', '10/01/2023 04:30 CH', '10/01/2023 03:59 PM', '2023-01-10T09:30:00Z', '2023-01-10T08:59:00Z', '2023-01-10T20:00:00+00:00', '10/01/2023 12:05 SA'];
  const text = `Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý\n${rows.map((r, i) => `F${i + 1},Sở Tư pháp,10.01.2023,10-01-2023 16:00,${r}`).join('\n')}\n`;
  it('are read, each to its day and minute', async () => {
    const s = await run([{ name: 'f.csv', text }], '2023-01');
    expect(s.inputs[0]).toMatchObject({ counted: 8, rejected: 0 });
    expect(onTime(s)).toBe('4/8'); // F1 F4 F6 F8
  });
});

describe('an XLSX date column of plain numbers (serials without a date format)', async () => {
  // 44936 = 10/01/2023, 44941 = 15/01/2023, 44938.75 = 12/01/2023 18:00. Sở Tư pháp.
  //  S1 received 10/01, due 15/01, resolved 12/01: on time · S2 received 10/01, due 10/01, resolved 12/01: late
  const strings = ['Mã hồ sơ', 'Đơn vị', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc xử lý', 'S1', 'S2', 'Sở Tư pháp'];
  const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const n = (ref: string, v: string) => `<c r="${ref}"><v>${v}</v></c>`;
  const sheet =
    `<row r="1">${s('A1', 0)}${s('B1', 1)}${s('C1', 2)}${s('D1', 3)}${s('E1', 4)}</row>` +
    `<row r="2">${s('A2', 5)}${s('B2', 7)}${n('C2', '44936')}${n('D2', '44941')}${n('E2', '44938.75')}</row>` +
    `<row r="3">${s('A3', 6)}${s('B3', 7)}${n('C3', '44936')}${n('D3', '44936')}${n('E3', '44938')}</row>`;
  const book = workbook({ strings, sheets: [['Hồ sơ', sheet]] });
  it('reads the numbers as dates', async () => {
    const r = await run([{ name: 'serials.xlsx', text: book }], '2023-01');
    expect(r.inputs[0]).toMatchObject({ format: 'xlsx', counted: 2, rejected: 0, warnings: 0 });
    expect(onTime(r)).toBe('1/2');
  });
  it('the same numbers in a CSV are no dates', async () => {
    const r = await run([{ name: 'serials.csv', text: 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận\nS1,Sở Tư pháp,44936\nS2,Sở Tư pháp,10/01/2023\n' }], '2023-01');
    expect(r.inputs[0]).toMatchObject({ counted: 1, rejected: 1 });
  });
});
