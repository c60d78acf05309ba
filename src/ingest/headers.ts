/**
 * The one header matcher. A header names a field when it equals one of the field's aliases
 * after folding (case, spacing — also around punctuation —, Unicode normalization, diacritics, a
 * trailing colon or footnote star); containing an alias is not enough ("Mã đơn vị" is not "Đơn
 * vị"). When several headers name one field, the alias listed first in the contract wins;
 * between two identical headers, the leftmost.
 *
 * A column's header may be a path: the cells above it in a header of several rows, outermost
 * first (a summary form, see ingest/form.ts). Its last cell is matched as above; the innermost
 * earlier cell that names a column group (contract.ts SECTIONS) is its group, and a field of
 * another group never matches it ("Số hồ sơ đang giải quyết › Quá hạn" is not resolved late).
 * A field's `within` names match only in its own group ("Tổng số" under "Trong kỳ" is received
 * in the period, under "Số hồ sơ nhận giải quyết" the total to resolve). A path's cells may end
 * in a note in brackets, read without it ("Số hồ sơ đã giải quyết (Kết quả giải quyết)").
 * A one-cell header is a path of one cell, in no group: the plain header of any export.
 */
import { FIELDS, SECTIONS, sectionFamily, type FieldSpec, type Section } from './contract.js';
import { fold } from '../util/text.js';
import { FACT_KINDS, type FactKind, type Field, type Kind } from '../model/kinds.js';

/** Which column holds which field, for any list of field specs (exports, catalog, units, task status). */
export interface FieldColumns<F extends string = Field> {
  /** Field → column index. */
  columns: Partial<Record<F, number>>;
  /** Field → the header as written in the file (a path's cells joined by " › "). */
  headers: Partial<Record<F, string>>;
  /** Required fields with no column. */
  missingRequired: FieldSpec<F>[];
  /** Optional fields with no column. */
  missing: F[];
  /** Number of header fields. */
  width: number;
}

export interface ColumnMap extends FieldColumns<Field> {
  dataset: Kind;
}

/** A column's header: one cell, or the path of cells above it (outermost first). */
export type HeaderCell = string | readonly string[];

/**
 * A header cell longer than this is no alias (they are a few words): a title or a stray cell,
 * not folded (folding costs several copies of it) and matching nothing.
 */
const MAX_HEADER_CHARS = 256;

/** How headers and aliases are compared: folded, no space around punctuation, no trailing colon or footnote star. */
export function headerKey(s: string): string {
  if (s.length > MAX_HEADER_CHARS) return '\u0000';
  return fold(s)
    .replace(/\s*([,;:/()+-])\s*/g, '$1')
    .replace(/\(\*+\)$|\*+$/, '')
    .replace(/[\s:]+$/, '');
}

const SECTION_OF = new Map<string, Section>();
for (const [section, labels] of Object.entries(SECTIONS) as Array<[Section, string[]]>) {
  for (const l of labels) SECTION_OF.set(headerKey(l), section);
}

/** The column group a header path segment names, or undefined. */
export const sectionOf = (segment: string): Section | undefined => SECTION_OF.get(headerKey(segment));

/** A header as matched: the key of its last cell and the group above it. */
interface Keyed {
  leaf: string;
  /** A path's last cell without a note in brackets at its end ("Quá hạn (Trả quá hạn)"), when it has one. */
  bare?: string;
  section: Section | undefined;
}

const withoutNote = (s: string) => s.replace(/\s*\([^()]*\)\s*$/, '');

function keyed(h: HeaderCell): Keyed {
  if (typeof h === 'string') return { leaf: headerKey(h), section: undefined };
  let section: Section | undefined;
  for (let i = 0; i < h.length - 1; i++) section = sectionOf(h[i]!) ?? sectionOf(withoutNote(h[i]!)) ?? section;
  const last = h[h.length - 1] ?? '';
  const leaf = headerKey(last);
  const bare = headerKey(withoutNote(last));
  return bare !== leaf && bare !== '' ? { leaf, bare, section } : { leaf, section };
}

/** The header as written: a path's cells joined by " › ". */
export const headerText = (h: HeaderCell): string => (typeof h === 'string' ? h.trim() : h.map((s) => s.trim()).join(' › '));

/** A spec's aliases as keys, made once per spec (specs are constants). */
const ALIAS_KEYS = new WeakMap<FieldSpec<string>, { within: string[]; aliases: string[] }>();
function aliasKeys(spec: FieldSpec<string>): { within: string[]; aliases: string[] } {
  let k = ALIAS_KEYS.get(spec);
  if (!k) ALIAS_KEYS.set(spec, (k = { within: (spec.within ?? []).map(headerKey), aliases: spec.aliases.map(headerKey) }));
  return k;
}

function findColumn<F extends string>(keys: readonly Keyed[], spec: FieldSpec<F>): number {
  const ak = aliasKeys(spec);
  if (spec.within) {
    for (const a of ak.within) {
      const i = keys.findIndex((k) => (k.leaf === a || k.bare === a) && k.section === spec.section);
      if (i >= 0) return i;
    }
  }
  const family = spec.section && sectionFamily(spec.section);
  for (const a of ak.aliases) {
    const i = keys.findIndex((k) => (k.leaf === a || k.bare === a) && (k.section === undefined || sectionFamily(k.section) === family));
    if (i >= 0) return i;
  }
  return -1;
}

export interface Detection {
  kind: Kind | null;
  /** When the headers mark more than one fact kind: those kinds (and `kind` is null). */
  ambiguous: FactKind[];
  /**
   * A summary report whose header row looks like the first of a form's several (ingest/form.ts):
   * a column group's name followed by a blank cell (its merged continuation) or ending the row.
   */
  form: boolean;
}

/** Every kind's field specs: the contract's, or a run's with a mapping file's aliases (ingest/mapping.ts). */
export type KindFields = Record<Kind, readonly FieldSpec[]>;

const spec = (fields: KindFields, k: Kind, f: Field) => fields[k].find((s) => s.field === f)!;
const hasMarker = (fields: KindFields, keys: readonly Keyed[], k: Kind) => fields[k].some((s) => s.marker && findColumn(keys, s) >= 0);

/** Whether a summary's header row opens a form of several header rows (see Detection.form). */
function looksLikeForm(header: readonly string[], keys: readonly Keyed[], fields: KindFields): boolean {
  const counts = fields.summary.filter((s) => s.marker);
  for (let i = 0; i < header.length; i++) {
    if (header[i]!.trim() === '' || sectionOf(header[i]!) === undefined) continue;
    const next = header[i + 1];
    if (next !== undefined && next.trim() === '') return true;
    // The row's last cell (a workbook leaves a merge's empty continuation out): a form's group
    // unless it is also the name of a one-row summary's column.
    if (next === undefined && !counts.some((s) => s.aliases.some((a) => headerKey(a) === keys[i]!.leaf))) return true;
  }
  return false;
}

/**
 * The kind of export a header row belongs to (README "Which kind a file is"), in order:
 * 1. a feedback-code column → feedback;
 * 2. a dossier-code column and
 *    a. unit and received-date columns → a dossier list (whatever else it holds);
 *    b. otherwise the marker columns of exactly one fact kind decide: a submission date or
 *       service level → online; a component or digitized date → digitization; an amount or
 *       payment date → payments (markers of two kinds: ambiguous, refused);
 *    c. no marker → dossiers (the missing required columns are then reported);
 * 3. no code column: a unit column and at least one count column → summary report; so is a
 *    unit column and a form's column group (the first header row of form 06);
 * 4. anything else is of no known kind (null).
 */
export function detectKind(header: string[], fields: KindFields = FIELDS): Detection {
  const keys = header.map(keyed);
  const has = (k: Kind, f: Field) => findColumn(keys, spec(fields, k, f)) >= 0;
  if (has('feedback', 'code')) return { kind: 'feedback', ambiguous: [], form: false };
  if (has('dossiers', 'code')) {
    if (has('dossiers', 'unit') && has('dossiers', 'received')) return { kind: 'dossiers', ambiguous: [], form: false };
    const marked = FACT_KINDS.filter((k) => hasMarker(fields, keys, k));
    if (marked.length === 1) return { kind: marked[0]!, ambiguous: [], form: false };
    if (marked.length > 1) return { kind: null, ambiguous: marked, form: false };
    return { kind: 'dossiers', ambiguous: [], form: false };
  }
  if (has('summary', 'unit')) {
    const form = looksLikeForm(header, keys, fields);
    if (form || hasMarker(fields, keys, 'summary')) return { kind: 'summary', ambiguous: [], form };
  }
  return { kind: null, ambiguous: [], form: false };
}

/** The kind of a header row, or null (see detectKind). */
export function detectDataset(header: string[]): Kind | null {
  return detectKind(header).kind;
}

export function matchHeaders(dataset: Kind, header: readonly HeaderCell[], fields: KindFields = FIELDS): ColumnMap {
  return { dataset, ...matchFields(fields[dataset], header) };
}

/** Matches a header row (or a header's column paths) against a list of field specs (in priority order). */
export function matchFields<F extends string>(specs: readonly FieldSpec<F>[], header: readonly HeaderCell[]): FieldColumns<F> {
  const keys = header.map(keyed);
  const map: FieldColumns<F> = { columns: {}, headers: {}, missingRequired: [], missing: [], width: header.length };
  for (const spec of specs) {
    const i = findColumn(keys, spec);
    if (i >= 0) {
      map.columns[spec.field] = i;
      map.headers[spec.field] = headerText(header[i]!);
    } else if (spec.required) map.missingRequired.push(spec);
    else if (spec.alternativeOf === undefined) map.missing.push(spec.field);
  }
  // A field written the other way is not missing.
  for (const spec of specs) if (spec.alternativeOf !== undefined && map.columns[spec.field] !== undefined) map.missing = map.missing.filter((f) => f !== spec.alternativeOf);
  return map;
}
