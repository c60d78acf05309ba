/**
 * The judging moment J and lateness to the minute (docs/domain.md "When a dossier is late", "The
 * judging moment J"; issue 18), on the hand-checked fixtures of fixtures/judging/:
 *
 * ho-so-den-30-06.csv, an export taken on 30/06/2023 (its last date: J11 received 30/06 07:30):
 *  Sở Tư pháp
 *   J01 rcv 03/01 08:00 due 10/01 17:00 res 09/01 15:00  on time              online
 *   J02 rcv 02/02       due 10/02       res 13/02        late (by date)        direct
 *   J03 rcv 20/06 09:00 due 05/07 17:00 open             not yet due at 30/06  online
 *   J04 rcv 15/06 09:00 due 30/06 10:00 open             late at the end of 30/06 (due 10:00 that day)
 *   J05 rcv 16/06       due 30/06       open             on time at 30/06 (a due date alone ends with its day)
 *  UBND huyện Long Thành
 *   J06 rcv 10/03       due 20/03       res 20/03        on time               online
 *   J07 rcv 01/06       due 25/06       open             late at 30/06         direct
 *   J08 rcv 28/06       due 12/07       open             not yet due           direct
 *  UBND xã Long Hưng
 *   J09 rcv 05/05 08:00 due 08/05 11:11 res 08/05 16:00  late (to the minute)  online
 *   J10 rcv 29/06       due 03/07       open             not yet due           online
 *   J11 rcv 30/06 07:30 due 07/07       open             not yet due           direct
 *  on time at J = 30/06: so J01 J03 J05 = 3/5; huyen J06 J08 = 2/3; xa J10 J11 = 2/3; all 7/11.
 *  (Judged at 31/12, as before: so J01 = 1/5, huyen J06 = 1/3, xa 0/3, all 2/11.)
 *  online: so J01 J03 J04 = 3/5; huyen J06 = 1/3; xa J09 J10 = 2/3.
 *
 * ho-so-den-15-07.csv, the same dossiers exported on 15/07: J03 resolved 03/07, J04 01/07, J07
 * 05/07, J10 02/07; J12 received 03/07 and J13 14/07 are new. As of 30/06: J12 and J13 are left
 * out, the four resolutions in July are open, and the figures are the 30/06 export's.
 */
import { describe, it, expect } from 'vitest';
import { ccch, counts, fixture, plan, refused, textSource } from '../helpers.js';
import { score, type ScoreOptions } from '../../src/pipeline/score.js';
import { fileSource } from '../../src/ingest/source.js';
import { checkAsOf, parseAsOf, parsePeriod, periodFromDates, type NamedPeriod } from '../../src/model/period.js';
import { formatIso, parseIsoDate } from '../../src/util/dates.js';
import type { Score } from '../../src/model/result.js';

async function run(files: string[], period: NamedPeriod = parsePeriod('2023'), extra: Partial<ScoreOptions> = {}): Promise<Score> {
  return score({ plan: await plan(), period, inputs: files.map((f) => fileSource(fixture(f), f)), byUnit: true, ...extra });
}

const iso = (d: number | null) => (d === null ? null : formatIso(d));
const judging = (s: Score) => ({ judgedAt: iso(s.judging.judgedAt), dataFrom: iso(s.judging.dataFrom), dataTo: iso(s.judging.dataTo) });
/** Every result, unit rows included. */
const figures = (s: Score) => s.results.map((r) => `${r.indicator}|${r.tier}|${r.unit}|${r.numerator}/${r.denominator}|${r.status}`);

describe('the judging moment J', () => {
  it('a 30/06 export scored for the year: open dossiers judged at the end of 30/06', async () => {
    const s = await run(['judging/ho-so-den-30-06.csv']);
    expect(judging(s)).toEqual({ judgedAt: '2023-06-30', dataFrom: '2023-01-03', dataTo: '2023-06-30' });
    expect(counts(s)).toMatchObject({
      'on-time-rate/so': '3/5',
      'on-time-rate/huyen': '2/3',
      'on-time-rate/xa': '2/3',
      'on-time-rate/all': '7/11',
      'online-rate/so': '3/5',
      'online-rate/huyen': '1/3',
      'online-rate/xa': '2/3',
    });
    expect(s.inputs[0]).toMatchObject({ dataFrom: s.judging.dataFrom, dataTo: s.judging.dataTo, inPeriod: 11, excluded: 0 });
  });

  it('equals the same export scored 01/01–30/06', async () => {
    const year = await run(['judging/ho-so-den-30-06.csv']);
    const half = await run(['judging/ho-so-den-30-06.csv'], periodFromDates(parseIsoDate('2023-01-01'), parseIsoDate('2023-06-30'), 2023));
    expect(figures(half)).toEqual(figures(year));
    expect(iso(half.judging.judgedAt)).toBe('2023-06-30');
  });

  it('says so, in the table and in JSON, when J is before the period’s end', async () => {
    const t = await ccch(['score', 'fixtures/judging/ho-so-den-30-06.csv']);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('\ndữ liệu đến 30/06/2023: hồ sơ chưa giải quyết được xét tại ngày này\n');
    const en = await ccch(['score', 'fixtures/judging/ho-so-den-30-06.csv', '--lang', 'en']);
    expect(en.stdout).toContain('\ndata up to 30/06/2023: dossiers still open are judged as of that day\n');
    const j = JSON.parse((await ccch(['score', 'fixtures/judging/ho-so-den-30-06.csv', '--format', 'json'])).stdout);
    expect(j.period).toEqual({ from: '2023-01-01', to: '2023-12-31', label: '2023', fromTitle: null, asOf: null, judgedAt: '2023-06-30', dataFrom: '2023-01-03', dataTo: '2023-06-30' });
    // Data reaching the period's end: no such line.
    const h1 = await ccch(['score', 'fixtures/judging/ho-so-den-30-06.csv', '--period', '2023-H1']);
    expect(h1.stdout).not.toContain('dữ liệu đến');
  });

  it('a later export --as-of 2023-06-30 (or 30/06/2023) gives the 30/06 export’s figures', async () => {
    const june = await run(['judging/ho-so-den-30-06.csv']);
    const p = parsePeriod('2023');
    for (const asOf of ['2023-06-30', '30/06/2023']) {
      const later = await run(['judging/ho-so-den-15-07.csv'], p, { asOf: checkAsOf(parseAsOf(asOf), p) });
      expect(figures(later)).toEqual(figures(june));
      expect(judging(later)).toEqual(judging(june));
      // J12 (received 03/07) and J13 (14/07) are left out, and said to be.
      expect(later.inputs[0]).toMatchObject({ rows: 13, counted: 11, excluded: 2 });
      expect(iso(later.judging.asOf)).toBe('2023-06-30');
    }
    const t = await ccch(['score', 'fixtures/judging/ho-so-den-15-07.csv', '--as-of', '2023-06-30']);
    expect(t.stdout).toContain('13 dòng đọc = 11 được tính + 0 bị loại + 0 bị thay thế (trùng mã) + 2 tiếp nhận sau ngày 30/06/2023 (--as-of); 0 cảnh báo');
  });

  it('the later export without --as-of: judged at its own last day, 14/07', async () => {
    const s = await run(['judging/ho-so-den-15-07.csv']);
    expect(judging(s)).toEqual({ judgedAt: '2023-07-14', dataFrom: '2023-01-03', dataTo: '2023-07-14' });
    // so: J01, J03 (res 03/07 10:00 ≤ due 05/07 17:00), J12 (res 07/07 ≤ due 10/07) on time; J02, J04 (res 01/07 > due 30/06), J05 (open, due 30/06) late
    // huyen: J06 on time; J07 (res 05/07 > due 25/06) late; J08 open due 12/07 < 14/07 late
    // xa: J10 (res 02/07 ≤ 03/07), J13 (open, due 21/07) on time; J09 late; J11 open due 07/07 late
    expect(counts(s)).toMatchObject({ 'on-time-rate/so': '3/6', 'on-time-rate/huyen': '1/3', 'on-time-rate/xa': '2/4' });
  });

  it('refuses --as-of before the period, or not a date', async () => {
    const p = parsePeriod('2023');
    expect(() => checkAsOf(parseAsOf('2022-12-31'), p)).toThrow();
    expect(() => parseAsOf('31/06/2023')).toThrow();
    const r = await ccch(['score', 'fixtures/judging/ho-so-den-15-07.csv', '--as-of', '2023-13-01', '--lang', 'en']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('ccch: --as-of: invalid date "2023-13-01" (use 2023-04-15 or 15/04/2023)\n');
    const before = await ccch(['score', 'fixtures/judging/ho-so-den-15-07.csv', '--period', '2023-Q3', '--as-of', '30/06/2023', '--lang', 'en']);
    expect(before.stderr).toBe("ccch: --as-of (2023-06-30) is before the period's first day (2023-07-01)\n");
  });
});

describe('late to the minute (fixtures/judging/phut.csv, Sở Tư pháp, all resolved)', () => {
  it('compares instants only where both cells carry a time, else calendar dates', async () => {
    // M1 due 30/11 11:11, resolved 30/11 16:00: late
    // M2 due 30/11 (a date alone), resolved 30/11 16:00: on time (the due ends with its day)
    // M3 due 30/11 11:11, resolved 30/11 (a date alone): by date, on time
    // M4 due 30/11 11:11, resolved 01/12: by date, late
    // M5 due 20231130160000, resolved 20231130160059: the same minute, on time
    // M6 due 2023-11-30T16:00:00, resolved 2023-11-30 07:59:00: on time
    // M7 received 30/11 16:00, resolved 30/11 09:00: an earlier clock time the same day is no rejection; on time
    const s = await run(['judging/phut.csv']);
    expect(s.inputs[0]).toMatchObject({ rows: 7, counted: 7, rejected: 0 });
    expect(counts(s)['on-time-rate/so']).toBe('5/7');
  });

  it('an open dossier due at 10:00 on J’s day is late at J; one due that day without a time is not', async () => {
    // A due 30/06 10:00, B due 30/06; the data's last day is 30/06 (B received): J = 30/06.
    const head = 'Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày kết thúc xử lý\n';
    const two = await score({
      plan: await plan(),
      period: parsePeriod('2023'),
      inputs: [textSource({ name: 'b.csv', text: `${head}A,Sở Tư pháp,15/06/2023,30/06/2023 10:00,\nB,Sở Tư pháp,30/06/2023,30/06/2023,\n` })],
    });
    expect(iso(two.judging.judgedAt)).toBe('2023-06-30');
    expect(counts(two)['on-time-rate/so']).toBe('1/2');
  });
});

describe('PAKN follow the same rules (fixtures/judging/pakn-den-30-06.csv)', () => {
  it('to the minute, and open items judged at the data’s last day', async () => {
    // P01 due 16/06 11:11, answered 16/06 16:00: late. P02 due 19/06 (date alone), answered 19/06 16:00: on time.
    // P03 due 20/06 11:11, answered 20/06 (date alone): by date, on time.
    // P04 open, due 30/06 10:00: late at the end of 30/06. P05 open, due 30/06: on time. P06 open, due 14/07: on time.
    const s = await run(['judging/pakn-den-30-06.csv']);
    expect(judging(s)).toEqual({ judgedAt: '2023-06-30', dataFrom: '2023-06-02', dataTo: '2023-06-30' });
    expect(counts(s)).toMatchObject({ 'feedback-on-time-rate/so': '2/3', 'feedback-on-time-rate/huyen': '1/2', 'feedback-on-time-rate/xa': '1/1', 'feedback-on-time-rate/all': '4/6' });
  });

  it('one J for dossiers and PAKN alike: the latest date of either', async () => {
    const s = await run(['judging/ho-so-den-15-07.csv', 'judging/pakn-den-30-06.csv']);
    expect(iso(s.judging.judgedAt)).toBe('2023-07-14');
    // At 14/07: P06 (due 14/07, a date alone) still on time; P05 (due 30/06) now late.
    expect(counts(s)).toMatchObject({ 'feedback-on-time-rate/huyen': '0/2', 'feedback-on-time-rate/xa': '1/1' });
  });
});

describe('no data in the period', () => {
  it('a 2018 file with the default period is refused, naming the period and its dates', async () => {
    const e = await refused(run(['judging/ho-so-2018.csv']));
    expect(e).toMatchObject({
      code: 'input.noDataInPeriod',
      where: { file: 'judging/ho-so-2018.csv' },
      en: 'no dossier or feedback item in the period 2023 (01/01/2023 – 31/12/2023): the data runs from 05/11/2018 to 29/11/2018; choose the period with --period or --from/--to',
    });
    const r = await ccch(['score', 'fixtures/judging/ho-so-2018.csv']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('dữ liệu từ 05/11/2018 đến 29/11/2018');
    // Its own year scores, judged at its last day, 29/11/2018: K01 (res 14/11 10:00 ≤ due 15/11 17:00) on time,
    // K02 (res 29/11 > due 22/11) late, K03 open and due 30/11: not yet late.
    expect(counts(await run(['judging/ho-so-2018.csv'], periodFromDates(parseIsoDate('2018-01-01'), parseIsoDate('2018-12-31'), 2018)))['on-time-rate/all']).toBe('2/3');
  });

  it('one file among several with no row in the period: a warning, and the figures of the others', async () => {
    const alone = await run(['judging/ho-so-den-30-06.csv']);
    const both = await run(['judging/ho-so-2018.csv', 'judging/ho-so-den-30-06.csv']);
    // K03 (UBND xã Long Hưng, received 20/11/2018, due 30/11/2018) is still open: open at J and late.
    // Every other figure is the 2023 file's.
    const k03 = (f: string) => f.replace('on-time-rate|xa|null|2/4', 'on-time-rate|xa|null|2/3').replace('on-time-rate|all|null|7/12', 'on-time-rate|all|null|7/11').replace('on-time-rate|xa|UBND xã Long Hưng|2/4', 'on-time-rate|xa|UBND xã Long Hưng|2/3');
    expect(figures(both).map(k03)).toEqual(figures(alone));
    expect(counts(both)['on-time-rate/xa']).toBe('2/4');
    expect(iso(both.judging.judgedAt)).toBe('2023-06-30');
    expect(both.inputs[0]).toMatchObject({ inPeriod: 0, dataFrom: expect.any(Number) });
    const t = await ccch(['score', 'fixtures/judging/ho-so-2018.csv', 'fixtures/judging/ho-so-den-30-06.csv']);
    expect(t.stdout).toContain('fixtures/judging/ho-so-2018.csv: cảnh báo: không có dòng nào trong kỳ 2023 (dữ liệu từ 05/11/2018 đến 29/11/2018)');
  });

  it('summary reports carry their own period: no J, no refusal', async () => {
    const s = await run(['summary/tong-hop-2023.csv']);
    expect(s.judging).toMatchObject({ recordLists: 0, dataFrom: null, dataTo: null });
    expect(iso(s.judging.judgedAt)).toBe('2023-12-31');
  });
});

describe('validate reports the data’s dates per file and J', () => {
  it('in the table and in JSON', async () => {
    const t = await ccch(['validate', 'fixtures/judging/ho-so-den-15-07.csv', 'fixtures/judging/ho-so-2018.csv', '--as-of', '30/06/2023']);
    expect(t.stdout).toContain('Hồ sơ, PAKN chưa giải quyết được xét tại cuối ngày 30/06/2023 (dữ liệu đến 30/06/2023)');
    expect(t.stdout).toContain('    dữ liệu từ 03/01/2023 đến 30/06/2023; 11 dòng trong kỳ');
    expect(t.stdout).toContain('    dữ liệu từ 05/11/2018 đến 29/11/2018; 0 dòng trong kỳ');
    const j = JSON.parse((await ccch(['validate', 'fixtures/judging/ho-so-2018.csv', '--format', 'json'])).stdout);
    expect(j.period).toMatchObject({ judgedAt: null, dataFrom: '2018-11-05', dataTo: '2018-11-29' });
    expect(j.inputs[0]).toMatchObject({ dataFrom: '2018-11-05', dataTo: '2018-11-29', inPeriod: 0 });
    const none = await ccch(['validate', 'fixtures/judging/ho-so-2018.csv', '--lang', 'en']);
    expect(none.code).toBe(0); // a file outside the period is no contract fault
    expect(none.stdout).toContain('No dossier or feedback row in the period: ccch score would refuse the run');
  });
});
