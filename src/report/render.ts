/**
 * What every renderer is: one module per output format and command, with one signature,
 * `render(view, ctx)`, registered in its command's format list (report/<command>/index.ts, as
 * knip keeps its reporters). `--format` takes its choices from those lists; a new format is one
 * module and one entry in its list.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../model/lang.js';
import type { InputKind } from '../model/kinds.js';
import { escapeDeep } from '../util/safe-text.js';

/** A piece of output: text, or bytes (a workbook, an archive). */
export type Chunk = string | Uint8Array;

/**
 * What a renderer gives: the whole output, or its chunks in order (written as they come, at the
 * reader's pace, so a large document is never held whole), synchronously or not.
 */
export type Output = Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;

export interface RenderContext<O = object> {
  lang: Lang;
  /** Colors (a level-0 instance when the output takes none: NO_COLOR, not a terminal, a file). */
  chalk: ChalkInstance;
  /** Columns a line of text may take: the terminal's width, else 100 (or COLUMNS). */
  width: number;
  /** ccch's version, for the `tool` member of JSON documents. */
  version: string;
  /** The command's options that shape its output (how many problems to list…). */
  options: O;
}

/** A field's name in the data contract (ingest/contract.ts, ingest/side/contract.ts), in a language: what a report calls a column. Given by the command, so that report/ need not know the contract. */
export type FieldName = (kind: InputKind, field: string, lang: Lang) => string;

export type Render<V, O = object> = (view: V, ctx: RenderContext<O>) => Output | Promise<Output>;

/** One format of a command: `--format NAME`, what it gives, and its module, loaded only when chosen. */
export interface Format<V, O = object> {
  name: string;
  /** What it gives, for the README's option tables (English, a phrase). */
  readme: string;
  /**
   * For machines (JSON, which escapes what it holds itself): given the view as it is. A format
   * for people is given it with every string's control characters escaped (util/safe-text.ts).
   */
  raw?: boolean;
  /** The file names it is chosen by when `-o FILE` is given without `--format` (`.csv`). */
  extensions?: readonly string[];
  /** Bytes that mean nothing on a terminal (a workbook): never written to one. */
  binary?: boolean;
  load(): Promise<{ render: Render<V, O> }>;
}

export type Formats<V, O = object> = readonly Format<V, O>[];

export function formatNames(formats: readonly { name: string }[]): string[] {
  return formats.map((f) => f.name);
}

/**
 * The renderer of a format known to be in the list (the option table has checked the name); a
 * format for people renders the view with its strings' control characters escaped.
 */
export async function renderer<V, O>(formats: Formats<V, O>, name: string): Promise<Render<V, O>> {
  const f = formats.find((x) => x.name === name);
  if (!f) throw new Error(`no format ${name}`);
  const render = (await f.load()).render;
  return f.raw ? render : (view, ctx) => render(escapeDeep(view), ctx);
}
