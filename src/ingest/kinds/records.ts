/**
 * Record lists (dossiers, PAKN): each accepted row is a record counted in the tally, after the
 * joined facts for its code (fact exports are read first) override its own columns. With
 * --as-of, a row received after it is left out (excluded), and one resolved after it is open.
 */
import { RowDecoder } from './record-decoder.js';
import type { FileContext, IngestState, KindHandler } from './handler.js';
import type { ColumnMap } from '../headers.js';
import type { CsvRow } from '../csv.js';
import { FACT_FIELDS } from '../../indicators/facts.js';
import { RULE_SPECS, feeds, missingFor } from '../../indicators/specs.js';
import { LEFT_OUT, inScope } from '../../indicators/rules.js';
import { FACT_KINDS, type Dataset, type Field } from '../../model/kinds.js';
import type { Rejection } from '../../model/problem.js';
import type { Period } from '../../model/period.js';
import type { Rule } from '../../plan/schema.js';

export class RecordsHandler implements KindHandler {
  private readonly decoder: RowDecoder;
  private readonly file: number;
  /** Two bits per indicator slot of the dataset: the rules computed from this file. */
  private enabled = 0;
  private readonly distinctBefore: number;
  // Read on every row: kept here, not looked up through the state.
  private readonly tally: IngestState['tally'];
  private readonly facts: IngestState['facts'] | null;
  private readonly asOf: number;
  /** The month tallies (--by month) and this file's number in each. */
  private readonly months: IngestState['months'];
  private readonly monthFiles: number[];
  private readonly period: Period;
  /** The slots the file cannot compute for want of a column (a fact export's dossiers it does not list have their meaning: facts.ts). */
  private readonly leftOut: Array<{ slot: number; rule: Rule }> = [];
  private readonly resolvedColumn: boolean;

  constructor(
    state: IngestState,
    private readonly ctx: FileContext,
    map: ColumnMap,
    private readonly dataset: Dataset,
  ) {
    const { tally, facts, plan } = state;
    this.tally = tally;
    this.asOf = state.asOf;
    this.period = tally.period;
    this.facts = !facts.empty && dataset === 'dossiers' ? facts : null;
    this.file = ctx.tallyFile ?? tally.addFile();
    this.months = state.months;
    this.monthFiles = state.months.map((t) => t.addFile());
    this.distinctBefore = tally.distinct(dataset);
    state.fileNo[ctx.idx] = this.file;
    tally.observer?.file(this.file, ctx.source.name);
    if (dataset === 'dossiers') state.dossierLists++;
    // A fact export given for this dataset stands in for a missing column.
    const provided = new Set<Field>();
    if (dataset === 'dossiers') for (const k of FACT_KINDS) if (facts.has(k)) for (const fld of FACT_FIELDS[k]) provided.add(fld);
    const has = (fld: Field) => map.columns[fld] !== undefined;
    this.resolvedColumn = has('resolved') || has('handedOver');
    tally.slots(dataset).forEach((k, s) => {
      const ind = plan.indicators[k]!;
      const spec = RULE_SPECS[ind.rule];
      const missing = missingFor(ind.rule, (fld) => has(fld) || provided.has(fld));
      const ok = missing.length === 0;
      if (ok) this.enabled |= 3 << (2 * s);
      else {
        // Its records in scope are left out of it, and counted as such (docs/domain.md "When a column is absent").
        ctx.report.notComputed.push(ind.id);
        ctx.report.missingFor[ind.id] = missing;
        this.leftOut.push({ slot: s, rule: ind.rule });
      }
      const joined = dataset === 'dossiers' && FACT_KINDS.some((fk) => facts.has(fk) && feeds(fk, ind.rule));
      // With a fact export the own column still serves the dossiers the export does not list.
      const own = spec.fields.some(has);
      if (ok && (own || !joined)) state.byColumns[k]!.add(ctx.idx);
    });
    this.decoder = new RowDecoder(dataset, map, state.unitTier, state.unitName, state.contract, ctx.source.name, ctx.workbook === true);
  }

  columns(): number[] {
    return this.decoder.columns();
  }

  row(fields: string[], line: number): void {
    this.take(this.decoder.decode(fields), line);
  }

  rowBytes(row: CsvRow, line: number): void {
    this.take(this.decoder.decodeBytes(row), line);
  }

  private take(rejection: Rejection | null, line: number): void {
    if (rejection) {
      if (rejection.code === 'row.excluded') this.ctx.problems.exclude(line, rejection);
      else this.ctx.problems.reject(line, rejection);
      return;
    }
    const d = this.decoder;
    const r = d.record;
    if (r.received > this.asOf) {
      // Not yet received as of that day: as if not in the export.
      this.ctx.report.excluded++;
      this.tally.observer?.excluded?.(this.dataset, this.file, line, r);
      this.ctx.report.excludedBy.asOf++;
      return;
    }
    if (r.resolved > this.asOf) {
      r.resolved = NaN;
      r.resolvedTime = -1;
    }
    if (d.warnings.length !== 0) this.ctx.problems.warn(line, this.dataset, d.warnings);
    if (this.facts !== null) this.facts.apply(r);
    // A file lacking a column some rule needs: a record in such a rule's scope is left out of it (counted apart).
    let out = 0;
    if (this.leftOut.length !== 0) for (const { slot, rule } of this.leftOut) if (inScope(rule, r, this.period, this.resolvedColumn)) out |= LEFT_OUT << (2 * slot);
    // The months first: the run's tally tells them the record's code lookup when it places it (month-tally.ts).
    for (let i = 0; i < this.months.length; i++) this.months[i]!.add(this.dataset, this.monthFiles[i]!, r, this.enabled);
    this.tally.add(this.dataset, this.file, r, this.enabled, line, out);
  }

  /**
   * Distinct codes so far over the share of the file counted: the code index's growth hint.
   * The bytes of the chunk just arrived are not counted yet: the share is `before`.
   */
  progress(before: number, size: number): void {
    if (size <= 0 || before <= 0) return;
    const tally = this.tally;
    const d = tally.distinct(this.dataset) - this.distinctBefore;
    if (d > 0) tally.expect(this.dataset, this.distinctBefore + (d * size * 1.1) / before);
  }
}
