/**
 * The mapping file (--map FILE, YAML; docs/domain.md "A mapping file", README "A mapping file"):
 * read once, small (at most 1 MiB), validated strictly — an unknown key, field or meaning is an
 * error naming its path in the file (`values.channel.Cổng DVC tỉnh`), with its line; exit 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import { FIELDS } from '../contract.js';
import { formatPath } from '../../plan/parse.js';
import { CcchError, inputError } from '../../model/errors.js';
import { VALUE_MEANINGS, type Mapping } from '../../model/mapping.js';

const MAX_MAP_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;

/** Every field a header may name, in any kind of export. */
export const MAP_HEADER_FIELDS = [...new Set(Object.values(FIELDS).flatMap((specs) => specs.map((s) => s.field)))];

const text = z.string().trim().min(1);
const meanings = <T extends readonly [string, ...string[]]>(values: T) => z.record(text, z.enum(values)).optional();

const MappingSchema = z.strictObject({
  headers: z.partialRecord(z.enum(MAP_HEADER_FIELDS as [string, ...string[]]), z.array(text).min(1)).optional(),
  values: z
    .strictObject({
      channel: meanings(VALUE_MEANINGS.channel),
      digitized: meanings(VALUE_MEANINGS.digitized),
      eResult: meanings(VALUE_MEANINGS.eResult),
      rating: meanings(VALUE_MEANINGS.rating),
      payment: meanings(VALUE_MEANINGS.payment),
      tier: meanings(VALUE_MEANINGS.tier),
      status: meanings(VALUE_MEANINGS.status),
      fee: z.record(text, z.number().int().nonnegative()).optional(),
    })
    .optional(),
  units: z.record(text, z.strictObject({ tier: z.enum(VALUE_MEANINGS.tier) })).optional(),
});

/** Reads and validates a mapping file; `shownAs` is how messages name it. */
export async function loadMapping(file: string, shownAs: string = file): Promise<Mapping> {
  let src: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw inputError({ file: shownAs }, 'input.directory');
    if (st.size > MAX_MAP_BYTES) throw inputError({ file: shownAs }, 'map.tooLarge');
    src = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CcchError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError({ file: shownAs }, 'input.notFound');
    throw inputError({ file: shownAs }, 'input.unreadable', { detail: String(code ?? e) });
  }
  return parseMapping(src, shownAs);
}

/** Mapping YAML text → a validated Mapping (see loadMapping). */
export function parseMapping(src: string, file: string): Mapping {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lc.linePos(first.pos[0]);
    throw inputError({ file, line: pos.line, column: pos.col }, 'map.yaml', { detail: first.message.split('\n')[0] ?? first.message });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    throw inputError({ file }, 'map.yaml', { detail: e instanceof Error ? e.message : String(e) });
  }
  const parsed = MappingSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key is named in the path (zod gives its parent's path and the keys).
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...(issue.path as PropertyKey[]), ...keys.slice(0, 1)];
    let where: { line?: number; column?: number } = {};
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as Array<string | number>, true);
      const key = n > 0 ? keyNode(doc, path.slice(0, n)) : undefined;
      const range = key?.range ?? (isNode(node) ? node.range : undefined);
      if (range) {
        const pos = lc.linePos(range[0]);
        where = { line: pos.line, column: pos.col };
        break;
      }
    }
    const detail = issue.code === 'unrecognized_keys' ? `unknown key (${keys.map((k) => JSON.stringify(k)).join(', ')})` : issue.message;
    throw inputError({ file, ...where }, 'map.schema', { path: formatPath(path), detail });
  }
  const m = parsed.data;
  return { file, headers: (m.headers ?? {}) as Mapping['headers'], values: m.values ?? {}, units: m.units ?? {} };
}

/** The key node of a map entry at `path` (its line is where the entry is written). */
function keyNode(doc: ReturnType<typeof parseDocument>, path: PropertyKey[]): { range?: [number, number, number] | null } | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as Array<string | number>, true);
  const items = (parent as { items?: Array<{ key?: unknown }> } | null)?.items;
  if (!items) return undefined;
  const last = path[path.length - 1];
  for (const it of items) {
    const k = it.key as { value?: unknown; range?: [number, number, number] } | undefined;
    if (k && k.value === last) return k;
  }
  return undefined;
}
