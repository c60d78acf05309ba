/**
 * `overdue`'s collector: told by the tally of every dossier and PAKN item it counts and takes
 * back (observer.ts), it keeps those open at the end of the as-of day D and past their due
 * there — by the rule `score`'s on-time rate judges open records with (rules.ts openAt,
 * lateFrom: a due date alone passes at the end of its day, a due with a time during it) — and,
 * with `within` N, those due by the end of day D + N. A row superseded by a later row with its
 * code is dropped. Memory: the rows listed.
 */
import type { Dataset } from '../model/kinds.js';
import type { OverdueRow } from '../model/listing.js';
import { lateFrom, openAt } from './rules.js';
import { listedRow } from './explain.js';
import type { Counted, TallyObserver } from './observer.js';

export class OverdueCollector implements TallyObserver {
  private readonly files: string[] = [];
  private readonly kept: Record<Dataset, Map<number, OverdueRow>> = { dossiers: new Map(), feedback: new Map() };

  constructor(
    /** D, the as-of day. */
    private readonly asOf: number,
    /** N calendar days, or null. */
    private readonly within: number | null,
  ) {}

  file(file: number, name: string): void {
    this.files[file] = name;
  }

  counted(c: Counted): void {
    const r = c.record;
    const D = this.asOf;
    if (!openAt(r, D) || Number.isNaN(r.due)) return;
    const late = lateFrom(r) <= D;
    if (!late && (this.within === null || r.due > D + this.within)) return;
    const row: OverdueRow = { ...listedRow(r, this.files[c.file] ?? '', c.line), dataset: c.dataset, state: late ? 'overdue' : 'due-soon', daysOverdue: D - r.due };
    this.kept[c.dataset].set(c.entry, row);
  }

  withdrawn(dataset: Dataset, entry: number): void {
    this.kept[dataset].delete(entry);
  }

  /** The overdue first, most overdue first; then those due soon, soonest first; then in file and line order. */
  rows(): OverdueRow[] {
    const order = new Map(this.files.map((f, i) => [f, i]));
    return [...this.kept.dossiers.values(), ...this.kept.feedback.values()].sort(
      (a, b) => Number(a.state !== 'overdue') - Number(b.state !== 'overdue') || b.daysOverdue - a.daysOverdue || (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line,
    );
  }
}
