/**
 * The one date parser. Dates are calendar days: an integer day number (days since
 * 1970-01-01, proleptic Gregorian), with any time of day ignored. No `Date`, no regex:
 * this runs once or three times per row.
 *
 * Accepted (per the data contract):
 *   d/m/yyyy, dd/mm/yyyy          optionally followed by " HH:mm" or " HH:mm:ss"
 *   yyyy-mm-dd                    optionally followed by "THH:mm:ss" or " HH:mm:ss" (HH:mm too)
 *   yyyyMMddHHmmss                the national portal's 14-digit form
 * Day comes before month in slashed dates. Returns NaN for anything else or an impossible
 * date (31/02/2023, month 13, hour 25).
 */
export type DayNumber = number;

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

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function num(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = digit(s, i);
    if (c < 0) return -1;
    v = v * 10 + c;
  }
  return v;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Validates an optional clock time "HH:mm" or "HH:mm:ss" in s[from, to). */
function validTime(s: string, from: number, to: number): boolean {
  const len = to - from;
  if (len !== 4 && len !== 5 && len !== 7 && len !== 8) return false;
  // H:mm, HH:mm, H:mm:ss, HH:mm:ss
  const colon = s.indexOf(':', from);
  if (colon < 0 || colon >= to) return false;
  const h = num(s, from, colon);
  if (colon - from < 1 || colon - from > 2 || h < 0 || h > 23) return false;
  const mi = num(s, colon + 1, colon + 3);
  if (mi < 0 || mi > 59) return false;
  if (colon + 3 === to) return true;
  if (s.charCodeAt(colon + 3) !== 58 /* : */ || colon + 6 !== to) return false;
  const se = num(s, colon + 4, colon + 6);
  return se >= 0 && se <= 59;
}

export function parseDay(raw: string): DayNumber {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) <= 32) start++;
  while (end > start && raw.charCodeAt(end - 1) <= 32) end--;
  const len = end - start;
  if (len < 8) return NaN;
  const s = start === 0 && end === raw.length ? raw : raw.slice(start, end);

  // yyyy-mm-dd[(T| )time]
  if (s.charCodeAt(4) === 45 /* - */) {
    if (s.charCodeAt(7) !== 45) return NaN;
    const y = num(s, 0, 4);
    const m = num(s, 5, 7);
    const d = num(s, 8, 10);
    if (y < 0 || m < 0 || d < 0 || !valid(y, m, d)) return NaN;
    if (len > 10) {
      const sep = s.charCodeAt(10);
      if (sep !== 84 /* T */ && sep !== 32) return NaN;
      if (!validTime(s, 11, len)) return NaN;
    }
    return daysFromCivil(y, m, d);
  }

  // d/m/yyyy[ time]
  const slash1 = s.indexOf('/');
  if (slash1 === 1 || slash1 === 2) {
    const slash2 = s.indexOf('/', slash1 + 1);
    if (slash2 !== slash1 + 2 && slash2 !== slash1 + 3) return NaN;
    const d = num(s, 0, slash1);
    const m = num(s, slash1 + 1, slash2);
    const y = num(s, slash2 + 1, slash2 + 5);
    if (d < 0 || m < 0 || y < 0 || !valid(y, m, d)) return NaN;
    const after = slash2 + 5;
    if (after < len) {
      if (s.charCodeAt(after) !== 32) return NaN;
      let t = after;
      while (t < len && s.charCodeAt(t) === 32) t++;
      if (!validTime(s, t, len)) return NaN;
    }
    return daysFromCivil(y, m, d);
  }

  // yyyyMMddHHmmss
  if (len === 14) {
    const y = num(s, 0, 4);
    const m = num(s, 4, 6);
    const d = num(s, 6, 8);
    const h = num(s, 8, 10);
    const mi = num(s, 10, 12);
    const se = num(s, 12, 14);
    if (y < 0 || m < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return NaN;
    if (!valid(y, m, d)) return NaN;
    return daysFromCivil(y, m, d);
  }
  return NaN;
}

/** Parses a strict ISO calendar date (yyyy-mm-dd), as used by --from/--to; NaN otherwise. */
export function parseIsoDate(s: string): DayNumber {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = num(s, 0, 4);
  const m = num(s, 5, 7);
  const d = num(s, 8, 10);
  if (y < 0 || m < 0 || d < 0 || !valid(y, m, d)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * A spreadsheet date serial (as XLSX stores date cells) → calendar day; the time of day (the
 * fraction) is ignored, after rounding to the millisecond as spreadsheets display it. In the
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
