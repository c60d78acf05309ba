/**
 * The one sanitiser of text shown to people (tables, problem lines, stderr messages,
 * progress): what comes from the data may hold terminal control sequences (ESC [2J clears
 * the screen, OSC 0 sets the window title, OSC 8 makes links; C1 0x9B is a CSI on its own)
 * and bidirectional overrides that show text other than it is. Such characters are shown
 * escaped, visibly: the C0 controls but tab and line feed, DEL and the C1 controls as \xHH
 * (`\x1b`), the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) as \uHHHH
 * (`\u202e`). A long value is cut to `max` characters, ending "…": an echoed cell or header
 * is evidence, not the output. JSON output keeps whole values (JSON escapes them itself).
 */

/** How many characters of an echoed value are shown. */
export const SHOWN_CHARS = 200;

/** Whether code unit c is shown escaped. */
const escaped = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

/** `s` with its control and bidi characters escaped (see the module comment), whole. */
export function escapeControls(s: string): string {
  let i = 0;
  while (i < s.length && !escaped(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!escaped(c)) out += s[i];
    else out += c < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  }
  return out;
}

/** `s` cut to at most `max` characters, ending "…" when cut (never between the halves of a surrogate pair). */
export function clip(s: string, max: number = SHOWN_CHARS): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  if (end > 0 && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return `${s.slice(0, end)}…`;
}

/** A value from the data as shown to people: cut to `max` characters, its control and bidi characters escaped. */
export function safeText(s: string, max: number = SHOWN_CHARS): string {
  return clip(escapeControls(s.length > 4 * max ? s.slice(0, 4 * max) : s), max);
}

/** Each string parameter of a message through safeText (numbers pass as they are). */
export function safeParams<P extends Record<string, string | number>>(params: P, max: number = SHOWN_CHARS): P {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? safeText(v, max) : v;
  return out as P;
}

/**
 * A copy of `value` with every string in it through escapeControls (not cut): arrays, plain
 * objects, Maps and Sets are copied; anything else (numbers, functions, class instances) is
 * kept as it is. What a renderer for people is given, so that whatever of the data it shows,
 * and wherever, nothing reaches a terminal raw.
 */
export function escapeDeep<T>(value: T): T {
  return deep(value) as T;
}

function deep(v: unknown): unknown {
  if (typeof v === 'string') return escapeControls(v);
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(deep);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [deep(k), deep(x)]));
  if (v instanceof Set) return new Set([...v].map(deep));
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = deep(x);
  return out;
}
