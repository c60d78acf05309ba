import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clip, escapeControls, safeParams, safeText, SHOWN_CHARS } from '../../src/util/safe-text.js';
import { errorLine } from '../../src/i18n/errors.js';
import { inputError } from '../../src/model/errors.js';

describe('safe text for people', () => {
  it('escapes C0 but tab and line feed, DEL, C1 and bidi controls, visibly; keeps the rest', () => {
    expect(escapeControls('a\x1b[2Jb\x1b]0;pwned\x07c\x7f\x9b31m\u202eevil\u2066x\u2069\r\n\tđ')).toBe('a\\x1b[2Jb\\x1b]0;pwned\\x07c\\x7f\\x9b31m\\u202eevil\\u2066x\\u2069\\x0d\n\tđ');
    expect(escapeControls('Sở Tư pháp 😀')).toBe('Sở Tư pháp 😀');
    // Nothing it returns holds a character that a terminal acts on.
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
        expect(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(escapeControls(s))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts to max characters ending "…", never between surrogate halves, reading no more than it shows', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcd', 3)).toBe('ab…');
    expect(clip('a😀b', 3)).toBe('a…');
    expect(safeText('x'.repeat(50 << 20)).length).toBe(SHOWN_CHARS);
    expect(safeText('\x1b'.repeat(100), 10)).toBe('\\x1b\\x1b\\…');
    expect(safeParams({ a: '\x1b[2J', n: 5, long: 'y'.repeat(1000) }, 20)).toEqual({ a: '\\x1b[2J', n: 5, long: `${'y'.repeat(19)}…` });
  });

  it('an error line echoes neither control characters nor megabytes', () => {
    const e = inputError({ file: 'a\x1b[31m.csv', line: 2 }, 'input.xlsxNoSheet', { sheet: '\x1b]0;x\x07', sheets: `"${'s'.repeat(1 << 20)}"` });
    const line = errorLine(e, 'en');
    expect(line).toMatch(/^a\\x1b\[31m\.csv:2: no sheet named "\\x1b\]0;x\\x07" \(sheets: "s+…\)$/);
    expect(line.length).toBeLessThan(400);
  });
});
