/**
 * A boxed table for the terminal that fits a width: columns of fixed content take what they
 * need, one flexible column (names) takes what is left and its text wraps, never the grid.
 * Rows may span the whole width (an indicator's name above its tiers). Cells are plain text;
 * colors are laid on after padding (`paint`), so widths are the text's.
 *
 *   ┌────────────┬───────┐
 *   │ Cấp        │ Tỷ lệ │
 *   ├────────────┴───────┤
 *   │ Tỷ lệ hồ sơ …      │   ← a spanning row
 *   ├────────────┬───────┤
 *   │ Sở         │ 74,3% │
 *   └────────────┴───────┘
 */
import type { ChalkInstance } from 'chalk';

export interface GridColumn {
  head: string;
  align: 'left' | 'right';
  /** The column that takes the width left and wraps its text (at most one). */
  flex?: boolean;
  /** A column whose text may wrap when the table is too wide even with the flexible column at its narrowest. */
  wrap?: boolean;
  /** The narrowest a flexible or wrapping column gets. */
  min?: number;
}

/** A row: one text per column (a flexible cell may hold several lines, joined by \n), and how to color each. */
export interface GridRow {
  cells: string[];
  paint?: (column: number, text: string) => string;
}

/** A row across every column: its parts one under the other, each wrapped to the table's inner width. */
export interface GridSpan {
  span: Array<{ text: string; paint?: (text: string) => string }>;
}

/** A rule between rows (a group's end). */
export const RULE = 'rule';

export type GridLine = GridRow | GridSpan | typeof RULE;

const COMBINING = /\p{M}/u;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Columns a text takes on a terminal: combining marks and control characters none, wide (CJK, emoji) characters two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x200b || COMBINING.test(ch)) continue;
    w += WIDE.test(ch) ? 2 : 1;
  }
  return w;
}

/** Greedy word wrap to `width` columns; a word longer than the width is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (textWidth(w) > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      const [head, rest] = cut(w, width);
      lines.push(head);
      w = rest;
    }
    if (!w) continue;
    if (line && textWidth(line) + 1 + textWidth(w) > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The first `width` columns of a word, and the rest. */
function cut(word: string, width: number): [string, string] {
  let head = '';
  for (const ch of word) {
    if (textWidth(head + ch) > width) break;
    head += ch;
  }
  if (head === '') head = [...word][0]!;
  return [head, word.slice(head.length)];
}

const pad = (s: string, width: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, width - textWidth(s)));
  return align === 'right' ? fill + s : s + fill;
};

/**
 * The widths the columns take: each its widest text, except that the flexible one takes only
 * what is left of `width` (down to its `min`), and then, while the table is still too wide,
 * wrapping columns give up width down to theirs, the rightmost first. A table that cannot fit even so is wider.
 */
export function columnWidths(columns: readonly GridColumn[], lines: readonly GridLine[], width: number): number[] {
  const widths = columns.map((c) => textWidth(c.head));
  for (const l of lines) {
    if (l === RULE || 'span' in l) continue;
    l.cells.forEach((cell, i) => {
      for (const part of cell.split('\n')) widths[i] = Math.max(widths[i]!, textWidth(part));
    });
  }
  // A column is never narrower than its longest word: words are not cut while a wider column can give.
  const words = columns.map(() => 0);
  for (const l of lines) {
    if (l === RULE || 'span' in l) continue;
    l.cells.forEach((cell, i) => {
      for (const w of cell.split(/\s+/)) words[i] = Math.max(words[i]!, textWidth(w));
    });
  }
  const give = (i: number) => {
    const over = tableWidth(widths) - width;
    const floor = Math.max(columns[i]!.min ?? 8, words[i]!);
    if (over > 0) widths[i] = Math.max(Math.min(widths[i]!, floor), widths[i]! - over);
  };
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) give(flex);
  // The last wrapping column gives first (an estimate beside the verdict wraps before the verdict does).
  for (let i = columns.length - 1; i >= 0; i--) if (columns[i]!.wrap) give(i);
  return widths;
}

/** The whole width a table of these column widths takes. */
export const tableWidth = (widths: readonly number[]) => widths.reduce((a, w) => a + w, 0) + 3 * widths.length + 1;

/** The table's lines. Cells of the flexible column are wrapped to its width; other cells are taken as they are. */
export function grid(columns: readonly GridColumn[], lines: readonly GridLine[], width: number, c: ChalkInstance): string[] {
  const widths = columnWidths(columns, lines, width);
  const inner = tableWidth(widths) - 4;
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out: string[] = [rule('┌', '┬', '┐')];
  const row = (cells: readonly string[], paint?: GridRow['paint']) => {
    // A flexible cell's lines that do not fit are wrapped (lines that fit keep their indentation).
    const split = cells.map((cell, i) => cell.split('\n').flatMap((p) => ((columns[i]!.flex || columns[i]!.wrap) && textWidth(p) > widths[i]! ? wrapText(p, widths[i]!) : [p])));
    const height = Math.max(...split.map((s) => s.length));
    for (let k = 0; k < height; k++) {
      const parts = split.map((s, i) => {
        const text = s[k] ?? '';
        const padded = pad(text, widths[i]!, columns[i]!.align);
        return paint && text ? padded.replace(text, () => paint(i, text)) : padded;
      });
      out.push(`│ ${parts.join(' │ ')} │`);
    }
  };
  row(
    columns.map((col) => col.head),
    (_, t) => c.bold(t),
  );
  let open = true; // the column separators run through the previous line
  let pending: 'rule' | null = 'rule';
  for (const l of lines) {
    if (l === RULE) {
      pending = 'rule';
      continue;
    }
    if ('span' in l) {
      out.push(open ? rule('├', '┴', '┤') : rule('├', '─', '┤'));
      for (const part of l.span) {
        for (const text of wrapText(part.text, inner)) {
          const padded = pad(text, inner, 'left');
          out.push(`│ ${part.paint && text ? padded.replace(text, () => part.paint!(text)) : padded} │`);
        }
      }
      open = false;
      pending = 'rule';
      continue;
    }
    if (pending) out.push(open ? rule('├', '┼', '┤') : rule('├', '┬', '┤'));
    pending = null;
    open = true;
    row(l.cells, l.paint);
  }
  out.push(open ? rule('└', '┴', '┘') : rule('└', '─', '┘'));
  return out;
}
