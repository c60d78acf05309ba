/**
 * Markdown that survives the data: text from the exports (unit names, file names, messages)
 * escaped so that it reads as written in an issue tracker (GitHub-flavoured tables) and as
 * plain text in an email; and GFM tables.
 */

/** Markdown's punctuation, escaped with a backslash (CommonMark escapes any ASCII punctuation); line breaks become spaces. */
export function mdText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}

/** A GFM table: a header row, an alignment row (`---:` right), and the rows, every cell as given (escape text first). */
export function mdTable(head: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(head), `|${align.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`, ...rows.map(line)];
}
