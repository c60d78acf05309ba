/**
 * The one date parser. Dates are calendar days: an integer day number (days since
 * 1970-01-01, proleptic Gregorian). The time of day, where the text has one, is kept aside to
 * the minute (`parsedMinute`): the rules that judge lateness read it (docs/domain.md "When a dossier
 * is late"); everything else works on days. No `Date`, no regex: this runs once or three times
 * per row.
 *
 * Accepted (per the data contract):
 *   d/m/yyyy, dd/mm/yyyy          also with - or . between; optionally followed by " HH:mm" or
 *                                 " HH:mm:ss", and a 12-hour mark (SA/AM, CH/PM)
 *   yyyy-mm-dd                    optionally followed by "THH:mm:ss" or " HH:mm:ss" (HH:mm too;
 *                                 fractional seconds; a 12-hour mark), and a zone (Z, +07:00)
 *                                 that converts the moment to Vietnam time before the date is taken
 *   yyyyMMddHHmmss                the national portal's 14-digit form
 * Day comes before month in slashed dates, unless read month first (`mdy`, --date-order mdy). Returns NaN for anything else or an impossible
 * date (31/02/2023, month 13, hour 25). `parseDayBytes` is the same parser over raw bytes (the
 * CSV fast path); `parseDay` runs it on a string's character codes.
 */
export type DayNumber = number;

/** Minutes in a day: a time of day is 0 … MINUTES_PER_DAY - 1. */
export const MINUTES_PER_DAY = 1440;

/**
 * The time of day of the last date parsed (parseDayBytes, parseDay), in minutes after midnight
 * (seconds dropped: lateness is judged to the minute), or -1 when its text carried no time. Kept
 * in a variable rather than returned so that the parser still returns one plain number.
 */
let minuteOfLast = -1;

/** The time of day the last parsed date carried, in minutes (see minuteOfLast); -1 for none. */
export function parsedMinute(): number {
  return minuteOfLast;
}

export function daysFromCivil(y: number, m: number, d: number): DayNumber {
  // Howard Hinnant's algorithm.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: DayNumber): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO yyyy-mm-dd for a day number. */
export function formatIso(day: DayNumber): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy for a day number (how Vietnamese readers write dates). */
export function formatVi(day: DayNumber): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Digits b[from, to) as a number, or -1 when any is not a digit. */
function num(b: ArrayLike<number>, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Two digits at b[i], or a negative number when either is not a digit. */
function two(b: ArrayLike<number>, i: number): number {
  const hi = b[i]! - 48;
  const lo = b[i + 1]! - 48;
  if (hi < 0 || hi > 9 || lo < 0 || lo > 9) return -1000;
  return hi * 10 + lo;
}

/** The day whose four-digit year, two-digit month and two-digit day are at these places, or NaN. */
function dayAt(b: ArrayLike<number>, yearAt: number, monthAt: number, dateAt: number): DayNumber {
  const yh = two(b, yearAt);
  const yl = two(b, yearAt + 2);
  const m = two(b, monthAt);
  const d = two(b, dateAt);
  if (d < 0 || m < 0 || yh < 0 || yl < 0 || !valid(yh * 100 + yl, m, d)) return NaN;
  return daysFromCivil(yh * 100 + yl, m, d);
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function indexOfByte(b: ArrayLike<number>, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === c) return i;
  return -1;
}

/** A clock time "H:mm", "HH:mm", "H:mm:ss" or "HH:mm:ss" in b[from, to): minutes after midnight, or -1 when it is none. */
function timeOf(b: ArrayLike<number>, from: number, to: number): number {
  const len = to - from;
  if (len !== 4 && len !== 5 && len !== 7 && len !== 8) return -1;
  const colon = indexOfByte(b, 58 /* : */, from, to);
  if (colon < 0) return -1;
  const h = num(b, from, colon);
  if (colon - from < 1 || colon - from > 2 || h < 0 || h > 23) return -1;
  if (colon + 3 > to) return -1;
  const mi = num(b, colon + 1, colon + 3);
  if (mi < 0 || mi > 59) return -1;
  if (colon + 3 === to) return h * 60 + mi;
  if (b[colon + 3] !== 58 /* : */ || colon + 6 !== to) return -1;
  const se = num(b, colon + 4, colon + 6);
  return se >= 0 && se <= 59 ? h * 60 + mi : -1;
}

/** Slashed (and dashed, dotted) dates: day first, as the contract says, or month first (--date-order mdy). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * The parser itself, over bytes (or char codes): b[from, to). Used directly by the CSV fast
 * path on the file's bytes, and by `parseDay` on a string's char codes: one logic for both.
 * Leading and trailing bytes ≤ 0x20 (spaces, tabs, control characters) are ignored. `mdy`:
 * d/m/yyyy is read m/d/yyyy.
 */
export function parseDayBytes(b: ArrayLike<number>, from: number, to: number, mdy = false): DayNumber {
  let start = from;
  let end = to;
  while (start < end && b[start]! <= 32) start++;
  while (end > start && b[end - 1]! <= 32) end--;
  const len = end - start;
  if (len < 8) return NaN;
  const s = start;

  // The commonest shapes, at fixed places: dd/mm/yyyy HH:mm:ss and yyyy-mm-dd(T| )HH:mm:ss.
  // (The same rules as the general paths below; test/util/dates.test.ts holds them to it.)
  if (len === 19 && b[s + 13] === 58 && b[s + 16] === 58) {
    const h = two(b, s + 11);
    const mi = two(b, s + 14);
    const se = two(b, s + 17);
    if (h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59) {
      minuteOfLast = h * 60 + mi;
      if (b[s + 2] === 47 && b[s + 5] === 47 && b[s + 10] === 32) return mdy ? dayAt(b, s + 6, s, s + 3) : dayAt(b, s + 6, s + 3, s);
      if (b[s + 4] === 45 && b[s + 7] === 45 && (b[s + 10] === 32 || b[s + 10] === 84)) return dayAt(b, s, s + 5, s + 8);
    }
  }
  return parseDayGeneral(b, s, end, mdy);
}

/** A separator of day, month and year: `/`, `-` or `.`. */
const isSep = (c: number | undefined) => c === 47 || c === 45 || c === 46;

/** parseDayBytes without its fast path, on trimmed input (exported for the test that holds the fast path to it). */
export function parseDayGeneral(b: ArrayLike<number>, s: number, end: number, mdy = false): DayNumber {
  const len = end - s;
  if (len < 8) return NaN;

  // yyyy-mm-dd[(T| )time[zone]]
  if (b[s + 4] === 45 /* - */ && num(b, s, s + 4) >= 0) {
    if (b[s + 7] !== 45 || len < 10) return NaN;
    const y = num(b, s, s + 4);
    const m = num(b, s + 5, s + 7);
    const d = num(b, s + 8, s + 10);
    if (y < 0 || m < 0 || d < 0 || !valid(y, m, d)) return NaN;
    minuteOfLast = -1;
    let shift = 0;
    if (len > 10) {
      const sep = b[s + 10];
      if (sep !== 84 /* T */ && sep !== 32) return NaN;
      shift = isoTime(b, s + 11, end);
      if (Number.isNaN(shift)) return NaN;
    }
    return daysFromCivil(y, m, d) + shift;
  }

  // d/m/yyyy, d-m-yyyy, d.m.yyyy[ time]
  const slash1 = isSep(b[s + 1]) ? 1 : isSep(b[s + 2]) ? 2 : -1;
  if (slash1 > 0) {
    const slash2 = indexOfByte(b, b[s + slash1]!, s + slash1 + 1, end) - s;
    if (slash2 !== slash1 + 2 && slash2 !== slash1 + 3) return NaN;
    if (slash2 + 5 > len) return NaN;
    const first = num(b, s, s + slash1);
    const second = num(b, s + slash1 + 1, s + slash2);
    const y = num(b, s + slash2 + 1, s + slash2 + 5);
    const d = mdy ? second : first;
    const m = mdy ? first : second;
    if (d < 0 || m < 0 || y < 0 || !valid(y, m, d)) return NaN;
    const after = slash2 + 5;
    minuteOfLast = -1;
    if (after < len) {
      if (b[s + after] !== 32) return NaN;
      let t = s + after;
      while (t < end && b[t] === 32) t++;
      minuteOfLast = clockOf(b, t, end);
      if (minuteOfLast < 0) return NaN;
    }
    return daysFromCivil(y, m, d);
  }

  // yyyyMMddHHmmss
  if (len === 14) {
    const y = num(b, s, s + 4);
    const m = num(b, s + 4, s + 6);
    const d = num(b, s + 6, s + 8);
    const h = num(b, s + 8, s + 10);
    const mi = num(b, s + 10, s + 12);
    const se = num(b, s + 12, s + 14);
    if (y < 0 || m < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return NaN;
    if (!valid(y, m, d)) return NaN;
    minuteOfLast = h * 60 + mi;
    return daysFromCivil(y, m, d);
  }
  return NaN;
}

/**
 * A clock time (timeOf) with an optional 12-hour mark after it, with or without a space: `SA`
 * or `AM` (12 is midnight), `CH` or `PM` (12 is noon), any case. Minutes after midnight, or -1.
 */
function clockOf(b: ArrayLike<number>, from: number, end: number): number {
  let e = end;
  let half = 0; // 1 morning, 2 afternoon
  if (e - from >= 6) {
    const x = b[e - 2]! | 0x20;
    const y = b[e - 1]! | 0x20;
    if ((x === 115 && y === 97) || (x === 97 && y === 109)) half = 1; // sa, am
    else if ((x === 99 && y === 104) || (x === 112 && y === 109)) half = 2; // ch, pm
    if (half !== 0) {
      e -= 2;
      while (e > from && b[e - 1] === 32) e--;
    }
  }
  const m = timeOf(b, from, e);
  if (m < 0 || half === 0) return m;
  const h = (m - (m % 60)) / 60;
  if (h < 1 || h > 12) return -1;
  return ((h % 12) + (half === 2 ? 12 : 0)) * 60 + (m % 60);
}

/**
 * An ISO date's time, b[from, end): a clock (clockOf), optional fractional seconds, then
 * optionally a zone, `Z` or an offset (`+07:00`, `+0700`, `+07`). A zone converts the moment to
 * Vietnam time (UTC+7) first (docs/domain.md "Values as real systems write them"). Sets
 * minuteOfLast; returns the days to add to the date (−1, 0 or 1), or NaN when it is no time.
 */
function isoTime(b: ArrayLike<number>, from: number, end: number): number {
  let z = end;
  for (let i = from + 4; i < end; i++) {
    const c = b[i];
    if (c === 90 || c === 122 || c === 43 || c === 45) {
      z = i;
      break;
    }
  }
  let t = z;
  const dot = indexOfByte(b, 46 /* . */, from, z);
  if (dot >= 0) {
    if (dot + 1 >= z || num(b, dot + 1, z) < 0) return NaN;
    t = dot;
  }
  const minute = z === end && dot < 0 ? clockOf(b, from, t) : timeOf(b, from, t);
  if (minute < 0) return NaN;
  if (z === end) {
    minuteOfLast = minute;
    return 0;
  }
  let offset = 0;
  if (b[z] !== 90 && b[z] !== 122) {
    const n = end - z - 1;
    const oh = n >= 2 ? num(b, z + 1, z + 3) : -1;
    const om = n === 2 ? 0 : n === 4 ? num(b, z + 3, z + 5) : n === 5 && b[z + 3] === 58 ? num(b, z + 4, z + 6) : -1;
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return NaN;
    offset = (b[z] === 45 ? -1 : 1) * (oh * 60 + om);
  } else if (z + 1 !== end) return NaN;
  const local = minute - offset + 7 * 60;
  const shift = Math.floor(local / MINUTES_PER_DAY);
  minuteOfLast = local - shift * MINUTES_PER_DAY;
  return shift;
}

/**
 * The string parser's scratch: a Buffer, like the CSV reader's, so that parseDayBytes only ever
 * sees one kind of array (it stays monomorphic). Characters beyond Latin-1 are stored as 0xFF,
 * which, like them, is neither a digit, a separator nor white space.
 */
const scratch = Buffer.alloc(64);

/** Parses a date written in one of the contract's formats (`mdy`: slashed month first); NaN for anything else. */
export function parseDay(raw: string, mdy = false): DayNumber {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 32) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 32) end--;
  const len = end - start;
  if (len < 8) return NaN;
  const b = len <= scratch.length ? scratch : Buffer.alloc(len);
  for (let i = 0; i < len; i++) {
    const c = raw.charCodeAt(start + i);
    b[i] = c < 0xff ? c : 0xff;
  }
  return parseDayBytes(b, 0, len, mdy);
}

/** Parses a strict ISO calendar date (yyyy-mm-dd), as used by --from/--to; NaN otherwise. */
export function parseIsoDate(s: string): DayNumber {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    scratch[i] = c < 0xff ? c : 0xff;
  }
  const y = num(scratch, 0, 4);
  const m = num(scratch, 5, 7);
  const d = num(scratch, 8, 10);
  if (y < 0 || m < 0 || d < 0 || !valid(y, m, d)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * A spreadsheet date serial (as XLSX stores date cells) → calendar day; the time of day (the
 * fraction: see msOfSerialDay) is left aside, after rounding to the millisecond as spreadsheets
 * display it. In the
 * 1900 date system serial 1 is 1900-01-01 and 60 is the 29/02/1900 that never was (Lotus's
 * leap-year bug, kept by Excel): serials 1–59 are one day later than 61 onwards would imply,
 * and 60 itself is NaN. In the 1904 system (`date1904`) serial 0 is 1904-01-01. NaN for
 * anything that is not a finite number, and for days outside the years 1900–2999 (as parseDay).
 */
export function daysFromSerial(serial: number, date1904 = false): DayNumber {
  if (!Number.isFinite(serial)) return NaN;
  // Round to the millisecond: 45000.99999999999 is 23:59:59.999… of day 45000, not day 45001,
  // but 0.5 ms before midnight shows as the next day.
  const ms = Math.round(serial * 86_400_000);
  const whole = Math.floor(ms / 86_400_000);
  let day: number;
  if (date1904) day = whole + daysFromCivil(1904, 1, 1);
  else if (whole >= 61) day = whole + daysFromCivil(1899, 12, 30);
  else if (whole >= 1 && whole <= 59) day = whole + daysFromCivil(1899, 12, 31);
  else return NaN;
  const { y } = civilFromDays(day);
  return y >= 1900 && y <= 2999 ? day : NaN;
}

/** The time of day of a date serial (its fraction), in milliseconds after midnight, rounded as daysFromSerial rounds. */
export function msOfSerialDay(serial: number): number {
  const ms = Math.round(serial * 86_400_000);
  return ms - Math.floor(ms / 86_400_000) * 86_400_000;
}

/** "HH:mm:ss" for a time of day in milliseconds after midnight (the milliseconds dropped). */
export function formatClock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}

/** The last day a plain number in a workbook's date column is read as a serial of (docs/domain.md). */
const LAST_SERIAL_DAY = daysFromCivil(2100, 12, 31);

/**
 * A workbook's date column holding a plain number (a date cell without a date format): the day
 * of that spreadsheet serial when it lies in 1900–2100 (the time of day, when it has a fraction,
 * in parsedMinute), else NaN. Digits with an optional fraction only.
 */
export function parseSerialDay(raw: string): DayNumber {
  const t = raw.trim();
  if (t.length === 0 || t.length > 20 || !/^\d+(\.\d+)?$/.test(t)) return NaN;
  const n = Number(t);
  const day = daysFromSerial(n);
  if (Number.isNaN(day) || day > LAST_SERIAL_DAY) return NaN;
  minuteOfLast = t.includes('.') ? Math.floor(msOfSerialDay(n) / 60_000) : -1;
  return day;
}
