/**
 * After every file is read: what could not be known row by row. Superseding reaches back into
 * earlier files, fact exports learn which of their codes matched a dossier, summary reports are
 * checked against the record lists for double counting and then added; each indicator's sources
 * are named; the problems are put in file and line order.
 */
import { doubleCounted } from './errors.js';
import type { ProblemLog } from './problems.js';
import type { IngestState } from './kinds/handler.js';
import type { SideFiles } from './side/read.js';
import type { InputSource } from './source.js';
import { feeds } from '../indicators/specs.js';
import type { IndicatorSources, InputReport, SourceUse } from '../model/accounting.js';
import type { Problem } from '../model/problem.js';

export interface Settled {
  inputs: InputReport[];
  problems: Problem[];
  problemCount: number;
  sources: IndicatorSources[];
}

export function settle(state: IngestState, sources: readonly InputSource[], inputs: InputReport[], log: ProblemLog, side: SideFiles): Settled {
  const { tally, facts, summaries, plan, period } = state;

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
    rep.joined = state.dossierLists > 0;
    if (state.dossierLists === 0) {
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
  const dc = summaries.doubleCount(tally);
  if (dc) throw doubleCounted(inputs[dc.input]!.file, dc.line, dc.unit, dc.dataset, period.label);
  for (const [i, n] of summaries.counted()) inputs[i]!.counted = n;
  for (const [i, n] of summaries.superseded) inputs[i]!.superseded = n;
  const fedBySummary = summaries.apply(tally, plan.indicators);

  const used: IndicatorSources[] = plan.indicators.map((ind, k) => {
    const uses: SourceUse[] = [];
    inputs.forEach((rep, i) => {
      if (state.byColumns[k]!.has(i)) uses.push({ file: rep.file, via: 'records' });
      const ff = state.factOf.get(i);
      if (ff && ind.dataset === 'dossiers' && feeds(ff.kind, ind.rule) && state.dossierLists > 0) {
        uses.push({ file: rep.file, via: 'join', dossiers: joinedBy.get(i) ?? 0 });
      }
      if (fedBySummary.get(k)?.has(i)) uses.push({ file: rep.file, via: 'summary' });
    });
    return { indicator: ind.id, inputs: uses };
  });

  // Problems in command-line order of their files, by line (the sort is stable).
  const fileOrder = new Map<string, number>();
  sources.forEach((src, i) => {
    if (!fileOrder.has(src.name)) fileOrder.set(src.name, i);
  });
  const problems = log.list;
  problems.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);

  // The side files' problems come first, as their files were read first.
  return {
    inputs: [...side.reports, ...inputs],
    problems: [...side.problems, ...problems].slice(0, Math.max(log.max, side.problems.length)),
    problemCount: log.count + side.problemCount,
    sources: used,
  };
}
