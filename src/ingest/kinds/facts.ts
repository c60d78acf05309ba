/**
 * Fact exports (online submissions, digitization, payments): each accepted row adds its bits to
 * its code in the file's FactFile, joined to the dossiers when the dossier lists are read.
 */
import { FactDecoder } from './fact-decoder.js';
import type { FileContext, IngestState, KindHandler } from './handler.js';
import type { ColumnMap } from '../headers.js';
import type { FactFile } from '../../indicators/facts.js';
import type { FactKind } from '../../model/kinds.js';

export class FactsHandler implements KindHandler {
  private readonly decoder: FactDecoder;
  private readonly facts: FactFile;

  constructor(
    state: IngestState,
    private readonly ctx: FileContext,
    map: ColumnMap,
    private readonly kind: FactKind,
  ) {
    this.facts = state.facts.addFile(kind, ctx.idx);
    state.factOf.set(ctx.idx, this.facts);
    state.codeColumn.set(ctx.idx, map.columns.code!);
    this.decoder = new FactDecoder(kind, map);
  }

  columns(): number[] {
    return this.decoder.columns();
  }

  row(fields: string[], line: number): void {
    const d = this.decoder;
    const rejection = d.decode(fields);
    if (rejection) {
      this.ctx.problems.reject(line, rejection);
      return;
    }
    this.ctx.problems.warn(line, this.kind, d.warnings);
    this.facts.add(d.code, d.bits, line);
  }
}
