import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDay, parseDayBytes, parseDayGeneral, parseSerialDay, parsedMinute, daysFromCivil, civilFromDays, formatIso, parseIsoDate, daysFromSerial, msOfSerialDay, formatClock } from '../../src/util/dates.js';

const d = (y: number, m: number, day: number) => daysFromCivil(y, m, day);

describe('parseDay: the contract date formats', () => {
  it.each([
    ['05/03/2023', d(2023, 3, 5)],
    ['5/3/2023', d(2023, 3, 5)],
    ['05/3/2023', d(2023, 3, 5)],
    ['05/03/2023 14:30', d(2023, 3, 5)],
    ['05/03/2023 14:30:59', d(2023, 3, 5)],
    ['5/3/2023 7:05', d(2023, 3, 5)],
    ['2023-03-05', d(2023, 3, 5)],
    ['2023-03-05T14:30:00', d(2023, 3, 5)],
    ['2023-03-05 14:30:00', d(2023, 3, 5)],
    ['20230305143000', d(2023, 3, 5)],
    ['  05/03/2023  ', d(2023, 3, 5)],
    ['29/02/2024', d(2024, 2, 29)],
    ['31/12/2023 23:59:59', d(2023, 12, 31)],
  ])('%s', (raw, want) => {
    expect(parseDay(raw)).toBe(want);
  });

  it.each([
    ['05/03/2023', -1],
    ['2023-03-05', -1],
    ['5/3/2023', -1],
    ['05/03/2023 14:30', 14 * 60 + 30],
    ['05/03/2023 14:30:59', 14 * 60 + 30], // to the minute: seconds dropped
    ['5/3/2023 7:05', 7 * 60 + 5],
    ['2023-03-05T00:00:00', 0], // midnight is a time the cell carries
    ['2023-03-05 23:59', 23 * 60 + 59],
    ['20230305111100', 11 * 60 + 11],
    [' 05/03/2023   11:11 ', 11 * 60 + 11],
  ])('%s carries the time %d (minutes; -1 none)', (raw, minute) => {
    expect(parseDay(raw)).not.toBeNaN();
    expect(parsedMinute()).toBe(minute);
    const b = Buffer.from(raw, 'latin1');
    parseDayBytes(b, 0, b.length);
    expect(parsedMinute()).toBe(minute);
  });

  it('puts the day before the month in slashed dates', () => {
    expect(parseDay('01/02/2023')).toBe(d(2023, 2, 1));
  });

  it.each([
    ['05-03-2023', d(2023, 3, 5), -1],
    ['5.3.2023', d(2023, 3, 5), -1],
    ['05.03.2023 14:30', d(2023, 3, 5), 14 * 60 + 30],
    ['05/03/2023 02:30 CH', d(2023, 3, 5), 14 * 60 + 30],
    ['05/03/2023 2:30:10 pm', d(2023, 3, 5), 14 * 60 + 30],
    ['05/03/2023 12:10 PM', d(2023, 3, 5), 12 * 60 + 10],
    ['05/03/2023 12:10 SA', d(2023, 3, 5), 10],
    ['05/03/2023 09:00AM', d(2023, 3, 5), 9 * 60],
    ['2023-03-05 09:00 CH', d(2023, 3, 5), 21 * 60],
    ['2023-03-05T07:30:00Z', d(2023, 3, 5), 14 * 60 + 30],
    ['2023-03-05T17:00:00Z', d(2023, 3, 6), 0], // midnight in Vietnam: the next day
    ['2023-03-05T16:59:59.999Z', d(2023, 3, 5), 23 * 60 + 59],
    ['2023-03-05T14:30:00+07:00', d(2023, 3, 5), 14 * 60 + 30],
    ['2023-03-05T01:00:00+0900', d(2023, 3, 4), 23 * 60],
    ['2023-03-05T20:00:00-05', d(2023, 3, 6), 8 * 60],
  ])('%s is another form the systems write (docs/domain.md)', (raw, want, minute) => {
    expect(parseDay(raw)).toBe(want);
    expect(parsedMinute()).toBe(minute);
  });

  it('reads slashed dates month first when asked (--date-order mdy), ISO dates as ever', () => {
    expect(parseDay('01/02/2023', true)).toBe(d(2023, 1, 2));
    expect(parseDay('1/13/2023', true)).toBe(d(2023, 1, 13));
    expect(parseDay('1/13/2023')).toBeNaN();
    expect(parseDay('13/1/2023', true)).toBeNaN();
    expect(parseDay('2023-01-02', true)).toBe(d(2023, 1, 2));
    const b = Buffer.from('01/02/2023 10:00:00', 'latin1');
    expect(parseDayBytes(b, 0, b.length, true)).toBe(d(2023, 1, 2));
    expect(parseDayBytes(b, 0, b.length)).toBe(d(2023, 2, 1));
  });

  it('reads a plain number as a workbook date serial in 1900–2100 (parseSerialDay)', () => {
    expect(parseSerialDay('44936')).toBe(d(2023, 1, 10));
    expect(parsedMinute()).toBe(-1);
    expect(parseSerialDay('44938.75')).toBe(d(2023, 1, 12));
    expect(parsedMinute()).toBe(18 * 60);
    expect(parseSerialDay('73415')).toBe(d(2100, 12, 31));
    for (const bad of ['', '-1', '0', '1e5', '45,000', '73416', 'abc']) expect(parseSerialDay(bad)).toBeNaN(); // 73416 = 2101-01-01
  });

  it.each([
    '',
    'abc',
    'hôm qua',
    '31/02/2023',
    '29/02/2023',
    '13/13/2023',
    '2023-13-01',
    '2023-02-30',
    '2023/03/05',
    '05-03/2023',
    '05.03-2023',
    '05/03/23',
    '05/03/2023 13:00 CH',
    '05/03/2023 00:30 SA',
    '2023-03-05T14:30:00+7',
    '2023-03-05T14:30:00Zx',
    '2023-03-05T14:30:00+25:00',
    '05/03/2023 25:00',
    '05/03/2023 12:61',
    '05/03/2023x',
    '20230305',
    '20231305143000',
    '20230305253000',
    '2023-03-05X14:30:00',
  ])('rejects %j', (raw) => {
    expect(parseDay(raw)).toBeNaN();
  });
});

describe('day numbers', () => {
  it('round-trips civil dates', () => {
    for (let z = daysFromCivil(1999, 1, 1); z < daysFromCivil(2031, 1, 1); z += 17) {
      const { y, m, d: dd } = civilFromDays(z);
      expect(daysFromCivil(y, m, dd)).toBe(z);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatIso(daysFromCivil(2023, 12, 31))).toBe('2023-12-31');
  });

  it('parses strict ISO dates for --from/--to', () => {
    expect(parseIsoDate('2023-03-31')).toBe(d(2023, 3, 31));
    expect(parseIsoDate('2023-3-31')).toBeNaN();
    expect(parseIsoDate('31/03/2023')).toBeNaN();
  });
});

describe('parseDayBytes: the same parser over bytes', () => {
  const dateish = fc.stringMatching(/^[ \t0-9/:T\-a]{0,22}$/);
  const formed = fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1899, max: 3000 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 7 }))
    .map(([d, m, y, h, mi, style]) => {
      const p = (n: number) => String(n).padStart(2, '0');
      return [
        `${p(d)}/${p(m)}/${y}`,
        `${d}/${m}/${y} ${h}:${p(mi)}`,
        `${p(d)}/${p(m)}/${y} ${p(h)}:${p(mi)}:${p(mi)}`,
        `${y}-${p(m)}-${p(d)}`,
        `${y}-${p(m)}-${p(d)}T${p(h)}:${p(mi)}:00`,
        `${y}-${p(m)}-${p(d)} ${p(h)}:${p(mi)}`,
        `${y}${p(m)}${p(d)}${p(h)}${p(mi)}${p(mi)}`,
        ` ${p(d)}/${p(m)}/${y}   ${p(h)}:${p(mi)} `,
      ][style]!;
    });
  it('its fast path for dd/mm/yyyy HH:mm:ss and yyyy-mm-dd HH:mm:ss gives what the general parser gives', () => {
    const ch = fc.constantFrom('0', '1', '2', '3', '5', '9', '/', '-', ':', ' ', 'T', 'a', '\u0000');
    const shaped = fc.tuple(fc.constantFrom('dd/mm/yyyy HH:mm:ss', 'yyyy-mm-dd HH:mm:ss', 'yyyy-mm-ddTHH:mm:ss'), fc.array(fc.boolean(), { minLength: 19, maxLength: 19 }), fc.array(ch, { minLength: 19, maxLength: 19 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 19, maxLength: 19 }));
    fc.assert(
      fc.property(shaped, ([shape, keep, noise, digits]) => {
        // The shape's separators, digits where it has letters, and here and there noise instead.
        const s = [...shape].map((c, i) => (keep[i] || i % 3 ? (/[dmyHs]/i.test(c) ? String(digits[i]) : c) : noise[i]!)).join('');
        const b = Buffer.from(s, 'latin1');
        // parseDayGeneral takes trimmed input, as parseDayBytes hands it on.
        let from = 0;
        let to = b.length;
        while (from < to && b[from]! <= 32) from++;
        while (to > from && b[to - 1]! <= 32) to--;
        const fast = parseDayBytes(b, 0, b.length);
        const fastMinute = parsedMinute();
        expect(Object.is(fast, parseDayGeneral(b, from, to))).toBe(true);
        if (!Number.isNaN(fast)) expect(parsedMinute()).toBe(fastMinute);
      }),
      { numRuns: 20000 },
    );
    expect(formatIso(parseDayBytes(Buffer.from('29/02/2024 23:59:59'), 0, 19))).toBe('2024-02-29');
    expect(parseDayBytes(Buffer.from('29/02/2023 23:59:59'), 0, 19)).toBeNaN();
    expect(parseDayBytes(Buffer.from('29a1-01-05 10:00:00'), 0, 19)).toBeNaN();
    expect(parseDayBytes(Buffer.from('2023-01-05 24:00:00'), 0, 19)).toBeNaN();
    // A leading space: trimmed to 18 bytes, not the fast path's shape (fast-check seed 1061754497).
    expect(formatIso(parseDayBytes(Buffer.from(' 1/01/2000 00:00:00'), 0, 19))).toBe('2000-01-01');
  });

  it('agrees with parseDay on date-like text, in ASCII and beyond', () => {
    fc.assert(
      fc.property(fc.oneof(dateish, formed, fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (s) => {
        const b = Buffer.from(`x${s}y`, 'utf8');
        const got = parseDayBytes(b, 1, b.length - 1);
        const minute = parsedMinute();
        expect(Object.is(got, parseDay(s))).toBe(true);
        if (!Number.isNaN(got)) expect(parsedMinute()).toBe(minute);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('daysFromSerial (XLSX date cells)', () => {
  const iso = (serial: number, d1904 = false) => {
    const d = daysFromSerial(serial, d1904);
    return Number.isNaN(d) ? 'NaN' : formatIso(d);
  };
  it('maps the 1900 system, with its phantom 29/02/1900', () => {
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(60)).toBe('NaN'); // 29/02/1900 never was
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(44927)).toBe('2023-01-01'); // worked out: daysFromCivil(2023,1,1)=19358; +25569
    expect(iso(45291)).toBe('2023-12-31');
  });
  it('drops the time of day, rounding to the millisecond', () => {
    expect(iso(44927.5)).toBe('2023-01-01');
    expect(iso(44927.99998)).toBe('2023-01-01'); // 23:59:58.3
    expect(iso((44928 * 86_400_000 - 0.4) / 86_400_000)).toBe('2023-01-02'); // under half a millisecond before midnight
  });
  it('gives the time of day, rounded as the day is', () => {
    expect(formatClock(msOfSerialDay(44927.5))).toBe('12:00:00');
    expect(formatClock(msOfSerialDay(45260.46597222222))).toBe('11:11:00');
    expect(msOfSerialDay(44927)).toBe(0);
    expect(msOfSerialDay((44928 * 86_400_000 - 0.4) / 86_400_000)).toBe(0); // the next day's midnight
    expect(formatClock(msOfSerialDay(44927.99998))).toBe('23:59:58');
  });
  it('maps the 1904 system', () => {
    expect(iso(0, true)).toBe('1904-01-01');
    expect(iso(43465, true)).toBe('2023-01-01');
  });
  it('refuses what is no date', () => {
    for (const s of [0, -1, 0.5, NaN, Infinity, 1e9]) expect(iso(s)).toBe('NaN');
  });
});
