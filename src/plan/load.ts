/**
 * Plan YAML → validated model. Any fault is a CcchError naming the file, line and column
 * and, for schema faults, the path of the bad key (indicators[2].targets.so).
 */
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { PlanSchema, type Plan } from './schema.js';
import { planError } from '../errors.js';

export const DEFAULT_PLAN = fileURLToPath(new URL('../../plan/dong-nai-2023.yaml', import.meta.url));

/** Plans are small; anything larger is refused before parsing. */
const MAX_PLAN_BYTES = 4 * 1024 * 1024;
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

export async function loadPlan(file: string = DEFAULT_PLAN, shownAs: string = file): Promise<Plan> {
  let src: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw planError({ file: shownAs }, 'là thư mục, không phải tệp kế hoạch', 'is a directory, not a plan file');
    if (st.size > MAX_PLAN_BYTES) throw planError({ file: shownAs }, 'tệp kế hoạch quá lớn (> 4 MB)', 'plan file too large (> 4 MB)');
    src = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof Error && e.name === 'CcchError') throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw planError({ file: shownAs }, 'không tìm thấy tệp kế hoạch', 'plan file not found');
    throw planError({ file: shownAs }, `không đọc được tệp kế hoạch (${code ?? e})`, `cannot read plan file (${code ?? e})`);
  }
  return compiledPlan(file, src) ?? parsePlan(src, shownAs);
}

/**
 * The build (scripts/compile-plans.mjs) parses and validates the bundled plans once and writes
 * them as JSON beside the code, keyed by the SHA-256 of the YAML: parsing 120 KB of YAML costs
 * more time and memory than scoring a small export. Used only when the file's bytes are
 * exactly those compiled; anything else is parsed as usual.
 */
export const PLAN_CACHE_DIR = fileURLToPath(new URL('../plan-cache/', import.meta.url));

function compiledPlan(file: string, src: string): Plan | undefined {
  let cached: { sha256?: string; plan?: Plan };
  try {
    cached = JSON.parse(readFileSync(`${PLAN_CACHE_DIR}${basename(file)}.json`, 'utf8'));
  } catch {
    return undefined;
  }
  if (cached.sha256 !== createHash('sha256').update(src).digest('hex')) return undefined;
  return cached.plan;
}

export function parsePlan(src: string, file: string): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const msg = first.message.split('\n')[0] ?? first.message;
    throw planError({ file, line: pos.line, column: pos.col }, `YAML không hợp lệ: ${msg}`, `invalid YAML: ${msg}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw planError({ file }, `YAML bị từ chối: ${msg}`, `YAML refused: ${msg}`);
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
  return planError({ file, ...where }, `${p}: ${issue.message}${more}`, `${p}: ${issue.message}${more}`);
}
