/**
 * Plan YAML text → validated model (yaml + zod). Loaded by load.ts only when a plan is not the
 * bundled one compiled at build time, so that ordinary runs do not load the parser and schema.
 */
import { LineCounter, Lexer, parseDocument, isNode, isScalar, visit } from 'yaml';
import type { z } from 'zod';
import { PlanSchema, type Plan } from './schema.js';
import { planError } from '../model/errors.js';
import { formatInt } from '../util/numbers.js';

/** Aliases are allowed but not the "billion laughs": expansion is capped. */
const MAX_ALIAS_COUNT = 100;

/**
 * The yaml package spends ~5–25 µs and up to a few KB of memory per token (flow collections
 * are the dearest: 4 MB of `{a: [b]}` took 24 s and 1.9 GB). The bundled plan has ~21,000
 * tokens; a plan of more than this many is refused after a cheap count, before parsing.
 */
export const MAX_PLAN_TOKENS = 200_000;
/** Flow collections ([…], {…}) nested deeper than this are refused likewise (the bundled plan nests one deep). */
const MAX_FLOW_DEPTH = 64;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

export function parsePlan(src: string, file: string): Plan {
  let tokens = 0;
  let depth = 0;
  for (const token of new Lexer().lex(src)) {
    if (++tokens > MAX_PLAN_TOKENS) throw tooComplex(file, `hơn ${formatInt(MAX_PLAN_TOKENS, 'vi')} ký hiệu YAML`, `more than ${formatInt(MAX_PLAN_TOKENS, 'en')} YAML tokens`);
    // Flow collections nest by their brackets (block ones by indentation: the parser reports those that overflow its stack).
    if (token === '[' || token === '{') {
      if (++depth > MAX_FLOW_DEPTH) throw tooComplex(file, `[…] hay {…} lồng nhau hơn ${MAX_FLOW_DEPTH} tầng`, `[…] or {…} nested more than ${MAX_FLOW_DEPTH} deep`);
    } else if (token === ']' || token === '}') depth--;
  }
  const lineCounter = new LineCounter();
  // Keys are checked for uniqueness below, in linear time (the package compares each key with every other).
  const doc = parseDocument(src, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const yamlError = (offset: number, message: string) => {
    const pos = lineCounter.linePos(offset);
    return planError({ file, line: pos.line, column: pos.col }, 'plan.yaml', { detail: message.split('\n')[0] ?? message });
  };
  const first = doc.errors[0];
  if (first) throw yamlError(first.pos[0], first.message);
  const dup = duplicateKey(doc);
  if (dup !== null) throw yamlError(dup, 'Map keys must be unique');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw planError({ file }, 'plan.yamlRefused', { detail: msg });
  }
  const parsed = PlanSchema.safeParse(data);
  if (!parsed.success) throw schemaError(parsed.error, doc, lineCounter, file);
  return parsed.data;
}

const tooComplex = (file: string, whatVi: string, whatEn: string) => planError({ file }, 'plan.tooComplex', { whatVi, whatEn });

/** The offset of the first key that repeats an earlier scalar key of its map (as the yaml package's uniqueKeys compares them), or null. */
function duplicateKey(doc: ReturnType<typeof parseDocument>): number | null {
  let found: number | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const v = pair.key.value;
        if (seen.has(v)) {
          found = pair.key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(v);
      }
      return undefined;
    },
  });
  return found;
}

function schemaError(error: z.ZodError, doc: ReturnType<typeof parseDocument>, lc: LineCounter, file: string) {
  const issue = error.issues[0]!;
  const path = issue.path as PropertyKey[];
  // Find the deepest YAML node on the path that exists, for its line and column.
  let where: { line?: number; column?: number } = {};
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as Array<string | number>, true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      where = { line: pos.line, column: pos.col };
      break;
    }
  }
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : '';
  const p = formatPath(path);
  return planError({ file, ...where }, 'plan.schema', { path: p, detail: `${issue.message}${more}` });
}
