/**
 * What a file can be and what its columns mean: the kinds of export and the contract's field
 * names, shared by every stage (the header aliases and vocabularies are in ingest/contract.ts).
 */

/** The record datasets: what indicators count (one row per dossier / per PAKN item). */
export type Dataset = 'dossiers' | 'feedback';
/** Separate exports joined to dossiers by dossier code (README "Joined exports"). */
export type FactKind = 'online' | 'digitization' | 'payments';
export const FACT_KINDS: readonly FactKind[] = ['online', 'digitization', 'payments'];
/** Every kind of export a file can be: a record list, a fact export, or a summary report. */
export type Kind = Dataset | FactKind | 'summary';
/**
 * The side inputs, read beside the exports (ingest/side/): the units file, the procedures
 * catalog, the task status file. (`--map`, issue 12, will be one more.)
 */
export type SideKind = 'units' | 'catalog' | 'task-status';
export const SIDE_KINDS: readonly SideKind[] = ['units', 'catalog', 'task-status'];
/** What an input is: an export or a side file. */
export type InputKind = Kind | SideKind;

export type DossierField =
  | 'code'
  | 'unit'
  | 'tier'
  | 'procedure'
  | 'received'
  | 'due'
  | 'resolved'
  | 'handedOver'
  | 'channel'
  | 'digitized'
  | 'eResult'
  | 'rating'
  | 'fee'
  | 'payment'
  | 'onlineFlag'
  | 'status';

export type FeedbackField = 'code' | 'unit' | 'tier' | 'received' | 'due' | 'resolved' | 'rating';

export type FactField = 'submitted' | 'level' | 'component' | 'digitizedOn' | 'status' | 'amount' | 'method' | 'paidOn';

/**
 * Summary-report counts (README "Summary reports"), each a non-negative integer per unit, in the
 * contract's order (ingest/contract.ts SUMMARY_FIELDS lists their columns in this order); a
 * row's counts are indexed by this order. `intakeTotal` is form 06's "Số hồ sơ nhận giải quyết ›
 * Tổng số" (carried over + received in the period); `receivedTotal` is received in the period.
 */
export const COUNT_FIELDS = [
  'intakeTotal',
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'receivedPostal',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedReturned',
  'resolvedWithdrawn',
  'openTotal',
  'openWithin',
  'openOverdue',
  'awaitingSupplement',
  'digitizedCount',
  'eResultCount',
  'rated',
  'satisfied',
  'withFee',
  'paidOnline',
  'paidCashless',
  'fbReceived',
  'fbResolvedOnTime',
  'fbResolvedLate',
  'fbOpenWithin',
  'fbOpenOverdue',
  'fbRated',
  'fbSatisfied',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const COUNT_INDEX = Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, i])) as Record<CountField, number>;

export type Field = DossierField | FeedbackField | FactField | CountField | 'period' | 'stt';

export function isSideKind(k: InputKind): k is SideKind {
  return k === 'units' || k === 'catalog' || k === 'task-status';
}

export function isFactKind(k: Kind): k is FactKind {
  return k === 'online' || k === 'digitization' || k === 'payments';
}
