/**
 * Plan YAML text → validated model (yaml + zod). Loaded by load.ts only when a plan is not the
 * bundled one compiled at build time, so that ordinary runs do not load the parser and schema.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { PlanSchema, type Plan } from './schema.js';
import { planError } from '../model/errors.js';

/** Aliases are allowed but not the "billion laughs": expansion is capped. */
const MAX_ALIAS_COUNT = 100;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

export function parsePlan(src: string, file: string): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const msg = first.message.split('\n')[0] ?? first.message;
    throw planError({ file, line: pos.line, column: pos.col }, 'plan.yaml', { detail: msg });
  }
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
