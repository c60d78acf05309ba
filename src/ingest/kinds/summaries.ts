/**
 * Summary reports: each accepted row is one unit's counts for the period, added to the tally
 * when the pass settles (after the double-counting check against the record lists).
 */
import { SummaryDecoder } from './summary-decoder.js';
import type { FileContext, IngestState, KindHandler } from './handler.js';
import type { ColumnMap } from '../headers.js';

export class SummariesHandler implements KindHandler {
  private readonly decoder: SummaryDecoder;

  constructor(
    private readonly state: IngestState,
    private readonly ctx: FileContext,
    private readonly map: ColumnMap,
  ) {
    ctx.report.summaryPeriod = map.columns.period !== undefined ? 'column' : 'assumed';
    this.decoder = new SummaryDecoder(map, state.unitTier, state.unitName);
  }

  columns(): number[] {
    return this.decoder.columns();
  }

  row(fields: string[], line: number): void {
    const d = this.decoder;
    const { period } = this.state;
    const rejection = d.decode(fields);
    const p = d.period;
    if (!rejection && p !== null && (p.from !== period.from || p.to !== period.to)) {
      this.ctx.report.rejected++;
      const value = (fields[this.map.columns.period!] ?? '').trim();
      this.ctx.problems.add({ line, severity: 'error', field: 'period', code: 'row.otherPeriod', params: { value, period: period.label } });
      return;
    }
    if (rejection) {
      this.ctx.problems.reject(line, rejection);
      return;
    }
    this.state.summaries.add(this.state.tally, this.ctx.idx, line, d.unit, d.tier, d.counts);
  }
}
