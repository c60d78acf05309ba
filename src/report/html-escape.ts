/**
 * Escaping for HTML: everything from the exports (unit names, file names, values in messages)
 * and from a plan YAML goes through `esc` before it is written into a page, in text and in
 * quoted attribute values alike. Control characters other than tab and newline are dropped
 * (they have no place in a page, and C1 controls are not allowed in HTML text).
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in a double- or single-quoted attribute value. */
export function esc(value: string | number): string {
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, (c) => ENTITY[c] ?? '');
}

/** A tagged template whose interpolations are escaped (arrays of already-made Html joined). */
export function html(strings: TemplateStringsArray, ...values: (string | number | Html | readonly Html[] | null | undefined | false)[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += v instanceof Html ? v.text : Array.isArray(v) ? v.map((x: Html) => x.text).join('') : v === null || v === undefined || v === false ? '' : esc(v as string | number);
    out += strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup made by `html` (or declared safe with `trusted`): written as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Markup that is not from the data: ccch's own constants, or the SVG that charts.ts has checked. */
export function trusted(text: string): Html {
  return new Html(text);
}
