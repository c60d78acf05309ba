/**
 * After every file is read: what could not be known row by row. Superseding reaches back into
 * earlier files, fact exports learn which of their codes matched a dossier, summary reports are
 * checked against the record lists for double counting and then added; each indicator's sources
 * are named; the problems are put in file and line order.
 */
import { doubleCounted } from './errors.js';
import type { ProblemLog } from './problems.js';
import { ReadAgain, type Refusals } from './refusals.js';
import type { IngestState } from './kinds/handler.js';
import type { SideFiles } from './side/read.js';
import type { InputSource } from './source.js';
import { feeds } from '../indicators/specs.js';
import { emptyReport, type IndicatorSources, type InputReport, type SourceUse, type UnknownValues } from '../model/accounting.js';
import type { CcchError } from '../model/errors.js';
import { mergeUnknown } from './unknown-values.js';
import type { Problem } from '../model/problem.js';

export interface Settled {
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
  sources: IndicatorSources[];
  /** Per input of `inputs`: the error that refused it, else null. */
  refused: Array<CcchError | null>;
  /** Every input's unknown values, per field, as one list (most frequent first). */
  unknownValues: UnknownValues[];
}

/**
 * `again(input)`: whether the pass can run again without that input (refusals.ts); a summary
 * report refused for double counting is then thrown out as ReadAgain, else its rows are dropped.
 */
export function settle(
  state: IngestState,
  sources: readonly InputSource[],
  inputs: InputReport[],
  log: ProblemLog,
  side: SideFiles,
  refusals: Refusals,
  again: (input: number) => boolean,
): Settled {
  const { tally, facts, summaries, plan, period } = state;
  // No join when a dossier list may be missing: which codes match is then unknown (refusals.ts).
  const joining = state.dossierLists > 0 && !refusals.dossierListRefused;

  // Superseding can reach back into earlier files: settle the accounting at the end.
  inputs.forEach((rep, i) => {
    if (state.fileNo[i]! < 0) return;
    const fc = tally.files[state.fileNo[i]!]!;
    rep.superseded = fc.superseded;
    rep.counted = fc.accepted - fc.superseded;
  });

  // Fact exports: counted when their code matched a dossier, else unmatched (one error per code).
  const joinedBy = new Map<number, number>();
  for (const ff of facts.files) {
    const rep = inputs[ff.input]!;
    rep.superseded = ff.superseded;
    rep.joined = joining;
    if (!joining) {
      rep.counted = ff.accepted();
      continue;
    }
    const st = ff.settle(log.room);
    rep.counted = st.counted;
    rep.unmatched = st.unmatched;
    joinedBy.set(ff.input, st.matchedCodes);
    log.count += st.listed - st.list.length;
    const col = state.codeColumn.get(ff.input);
    for (const u of st.list) {
      log.push({
        file: rep.file,
        line: u.line,
        column: col === undefined ? null : col + 1,
        header: rep.columns.code ?? null,
        // Not counted, as a rejected row is not: an error (README "Severity").
        severity: 'error',
        field: 'code',
        code: 'row.unmatched',
        params: { code: u.code, rows: u.rows },
      });
    }
  }

  // Summary reports: refuse double counting, then add the counts.
  for (let dc = summaries.doubleCount(tally); dc; dc = summaries.doubleCount(tally)) {
    const file = inputs[dc.input]!.file;
    refusals.exports.set(dc.input, { error: refusals.fault(doubleCounted(file, dc.line, dc.unit, dc.dataset, period.label)), kind: 'summary' });
    if (again(dc.input)) throw new ReadAgain(file);
    summaries.drop(dc.input);
    inputs[dc.input] = emptyReport(file, 'summary');
  }
  for (const [i, n] of summaries.counted()) inputs[i]!.counted = n;
  for (const [i, n] of summaries.superseded) inputs[i]!.superseded = n;
  const fedBySummary = summaries.apply(tally, plan.indicators);

  const used: IndicatorSources[] = plan.indicators.map((ind, k) => {
    const uses: SourceUse[] = [];
    inputs.forEach((rep, i) => {
      if (state.byColumns[k]!.has(i)) uses.push({ file: rep.file, via: 'records' });
      const ff = state.factOf.get(i);
      if (ff && ind.dataset === 'dossiers' && feeds(ff.kind, ind.rule) && joining) {
        uses.push({ file: rep.file, via: 'join', dossiers: joinedBy.get(i) ?? 0 });
      }
      if (fedBySummary.get(k)?.has(i)) uses.push({ file: rep.file, via: 'summary' });
    });
    return { indicator: ind.id, inputs: uses };
  });

  // Problems in command-line order of their files, by line (the sort is stable; a file's own, of no line, first).
  const fileOrder = new Map<string, number>();
  sources.forEach((src, i) => {
    if (!fileOrder.has(src.name)) fileOrder.set(src.name, i);
  });
  const problems = log.list;
  problems.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));

  // The side files' problems come first, as their files were read first.
  return {
    inputs: [...side.reports, ...inputs],
    refused: [...side.refused, ...inputs.map((_, i) => refusals.exports.get(i)?.error ?? null)],
    problems: [...side.problems, ...problems].slice(0, Math.max(log.max, side.problems.length)),
    problemCount: log.count + side.problemCount,
    sources: used,
    unknownValues: mergeUnknown(inputs.map((i) => i.unknownValues)),
  };
}
