/**
 * The one header matcher. A header names a field when it equals one of the field's aliases
 * after folding (case, spacing, Unicode normalization, diacritics); containing an alias is
 * not enough ("Mã đơn vị" is not "Đơn vị"). When several headers name one field, the alias
 * listed first in the contract wins; between two identical headers, the leftmost.
 */
import { FIELDS, type Dataset, type Field, type FieldSpec } from './contract.js';
import { fold } from '../util/text.js';

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
  dataset: Dataset;
}

function findColumn<F extends string>(folded: string[], spec: FieldSpec<F>): number {
  for (const alias of spec.aliases) {
    const i = folded.indexOf(fold(alias));
    if (i >= 0) return i;
  }
  return -1;
}

/** The dataset a header row belongs to: a feedback-code column → feedback, a dossier-code column → dossiers. */
export function detectDataset(header: string[]): Dataset | null {
  const folded = header.map(fold);
  const code = (d: Dataset) => FIELDS[d].find((f) => f.field === 'code')!;
  if (findColumn(folded, code('feedback')) >= 0) return 'feedback';
  if (findColumn(folded, code('dossiers')) >= 0) return 'dossiers';
  return null;
}

export function matchHeaders(dataset: Dataset, header: string[]): ColumnMap {
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
