/**
 * The side inputs — the procedures catalog, the units file, the task status file — as the
 * stages share them: what ingest/side reads them into and evaluate measures. Their header
 * aliases and vocabularies are in ingest/side (contract.ts, status.ts).
 */
import type { FileAccounting } from './accounting.js';
import type { Tier } from './tier.js';
import type { DayNumber } from '../util/dates.js';

/** A side file's report; `unmatched` counts rows whose key the plan does not know (task status: an unknown task id). */
export interface SideReport<F extends string> extends FileAccounting {
  columns: Partial<Record<F, string>>;
  missingColumns: F[];
}

// ---------------------------------------------------------------------------------------
// Procedures catalog

export type CatalogField = 'code' | 'name' | 'tier' | 'eligible' | 'offered' | 'sample' | 'fee' | 'onlinePayment' | 'published' | 'simplified';

/** What the procedures catalog can check (issue 3: "Catalog and unit targets"). */
export const CATALOG_MEASURES = [
  'published-on-time',
  'sample-dossier',
  'simplified',
  'online-eligible-offered',
  'online-payment-enabled',
] as const;
export type CatalogMeasure = (typeof CATALOG_MEASURES)[number];

export interface CatalogCounts {
  report: SideReport<CatalogField>;
  /** Whether the file has a tier column (else only the province figure is known). */
  tiered: boolean;
  /** Measures the file has the columns for. */
  computed: CatalogMeasure[];
  /** [numerator, denominator] per measure and tier. */
  counts: Record<CatalogMeasure, Record<Tier, [number, number]>>;
}

// ---------------------------------------------------------------------------------------
// Units file

export type UnitsField = 'name' | 'code' | 'tier' | 'district' | 'eCert' | 'copies' | 'copiesLastYear';

/** What the units file can check. */
export const UNIT_MEASURES = ['e-certification', 'e-certified-copies-increase'] as const;

export interface UnitEntry {
  name: string;
  code: string | null;
  tier: Tier;
  /** District key (folded, without "huyện"/"thành phố") and label; null for provincial units. */
  district: { key: string; label: string } | null;
  /** In the units measures: a commune-level unit or a district Justice Office. */
  inScope: boolean;
  /** 1 yes, 0 no, -1 unknown, -2 no column. */
  eCert: number;
  /** Counts; -1 unknown, -2 no column. */
  copies: number;
  copiesLastYear: number;
}

export interface UnitsTable {
  report: SideReport<UnitsField>;
  units: UnitEntry[];
  /** Unit name or code (folded) → its entry. */
  find(nameOrCode: string): UnitEntry | undefined;
  /** Tier lookup for the exports' decoder (docs/domain.md tier rule 2). */
  tierOf(name: string): Tier | undefined;
  /** The units file's name for a unit an export names by name or code (undefined when unknown or unnamed). */
  nameOf(nameOrCode: string): string | undefined;
  /** Districts in first-seen order: key → label. */
  districts: Map<string, string>;
  /** Columns present. */
  has: { eCert: boolean; copies: boolean };
}

// ---------------------------------------------------------------------------------------
// Task status file

export type StatusField = 'task' | 'status' | 'completed' | 'note';

export type ReportedStatus = 'done' | 'in-progress' | 'not-started';

export interface StatusEntry {
  task: string;
  status: ReportedStatus;
  /** Day number, or NaN when not given. */
  completed: DayNumber;
  note: string | null;
  line: number;
}
