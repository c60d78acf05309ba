/**
 * The one header matcher. A header names a field when it equals one of the field's aliases
 * after folding (case, spacing, Unicode normalization, diacritics); containing an alias is
 * not enough ("Mã đơn vị" is not "Đơn vị"). When several headers name one field, the alias
 * listed first in the contract wins; between two identical headers, the leftmost.
 */
import { FIELDS, type FieldSpec } from './contract.js';
import { fold } from '../util/text.js';
import { FACT_KINDS, type FactKind, type Field, type Kind } from '../model/kinds.js';

/** Which column holds which field, for any list of field specs (exports, catalog, units, task status). */
export interface FieldColumns<F extends string = Field> {
  /** Field → column index. */
  columns: Partial<Record<F, number>>;
  /** Field → the header as written in the file. */
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

function findColumn<F extends string>(folded: string[], spec: FieldSpec<F>): number {
  for (const alias of spec.aliases) {
    const i = folded.indexOf(fold(alias));
    if (i >= 0) return i;
  }
  return -1;
}

export interface Detection {
  kind: Kind | null;
  /** When the headers mark more than one fact kind: those kinds (and `kind` is null). */
  ambiguous: FactKind[];
}

const spec = (k: Kind, f: Field) => FIELDS[k].find((s) => s.field === f)!;
const hasMarker = (folded: string[], k: Kind) => FIELDS[k].some((s) => s.marker && findColumn(folded, s) >= 0);

/**
 * The kind of export a header row belongs to (README "Which kind a file is"), in order:
 * 1. a feedback-code column → feedback;
 * 2. a dossier-code column and
 *    a. unit and received-date columns → a dossier list (whatever else it holds);
 *    b. otherwise the marker columns of exactly one fact kind decide: a submission date or
 *       service level → online; a component or digitized date → digitization; an amount or
 *       payment date → payments (markers of two kinds: ambiguous, refused);
 *    c. no marker → dossiers (the missing required columns are then reported);
 * 3. no code column: a unit column and at least one count column → summary report;
 * 4. anything else is of no known kind (null).
 */
export function detectKind(header: string[]): Detection {
  const folded = header.map(fold);
  const has = (k: Kind, f: Field) => findColumn(folded, spec(k, f)) >= 0;
  if (has('feedback', 'code')) return { kind: 'feedback', ambiguous: [] };
  if (has('dossiers', 'code')) {
    if (has('dossiers', 'unit') && has('dossiers', 'received')) return { kind: 'dossiers', ambiguous: [] };
    const marked = FACT_KINDS.filter((k) => hasMarker(folded, k));
    if (marked.length === 1) return { kind: marked[0]!, ambiguous: [] };
    if (marked.length > 1) return { kind: null, ambiguous: marked };
    return { kind: 'dossiers', ambiguous: [] };
  }
  if (has('summary', 'unit') && hasMarker(folded, 'summary')) return { kind: 'summary', ambiguous: [] };
  return { kind: null, ambiguous: [] };
}

/** The kind of a header row, or null (see detectKind). */
export function detectDataset(header: string[]): Kind | null {
  return detectKind(header).kind;
}

export function matchHeaders(dataset: Kind, header: string[]): ColumnMap {
  return { dataset, ...matchFields(FIELDS[dataset], header) };
}

/** Matches a header row against a list of field specs (in priority order). */
export function matchFields<F extends string>(specs: readonly FieldSpec<F>[], header: string[]): FieldColumns<F> {
  const folded = header.map(fold);
  const map: FieldColumns<F> = { columns: {}, headers: {}, missingRequired: [], missing: [], width: header.length };
  for (const spec of specs) {
    const i = findColumn(folded, spec);
    if (i >= 0) {
      map.columns[spec.field] = i;
      map.headers[spec.field] = header[i]!.trim();
    } else if (spec.required) map.missingRequired.push(spec);
    else map.missing.push(spec.field);
  }
  return map;
}
