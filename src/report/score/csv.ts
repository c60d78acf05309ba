/**
 * `score --format csv`: one table in long form, every row a record of the run — `result` (one
 * per result: indicator, clause, tier, unit, district, month, numerator, denominator, value,
 * target, status, leftOut, shortfall…), `input` (one per input, its row accounting), `problem`
 * (every problem kept) and `unplaced` (a unit of the exports in no district) — each with the plan
 * and the period, so that several runs' files can be put one under the other. Column names are
 * the JSON's (English, whatever --lang), values the JSON's (codes: `so`, `pass`), plus the
 * indicator's name and the problems' messages in --lang. A result field a later version adds
 * (`yearEnd`…) is a column of its own after the known ones. See report/csv.ts for the format.
 */
import { LABELS } from '../../i18n/messages.js';
import { csvText, type CsvCell } from '../csv.js';
import type { Render } from '../render.js';
import { RESULT_FIELDS, extraFields, fieldValue, indicatorNames, periodExtras, problemsOf, scoreDocument, type ResultDoc } from './content.js';
import type { ScoreRenderOptions, ScoreView } from './view.js';

const INPUT_FIELDS = ['file', 'dataset', 'rows', 'counted', 'inPeriod', 'rejected', 'superseded', 'unmatched', 'excluded', 'warnings', 'dataFrom', 'dataTo'] as const;
const PROBLEM_FIELDS = ['line', 'column', 'header', 'severity', 'code', 'message'] as const;

export const render: Render<ScoreView, ScoreRenderOptions> = (view, { lang, version }) => {
  const doc = scoreDocument(view, { lang, version });
  const results = doc.results as ResultDoc[];
  const name = indicatorNames(view, lang);
  const period = periodExtras(doc);
  const extras = extraFields(results);
  const resultFields = [...RESULT_FIELDS.slice(0, 1), 'name', ...RESULT_FIELDS.slice(1), 'scale', 'source', 'targets', ...extras];
  const header = ['record', 'plan', 'period', 'from', 'to', ...period.map(([k]) => `period.${k}`), ...resultFields, ...INPUT_FIELDS, ...PROBLEM_FIELDS];
  const at = new Map(header.map((h, i) => [h, i]));
  const lead: CsvCell[] = [doc.plan.id, doc.period.label, doc.period.from, doc.period.to, ...period.map(([, v]) => v)];

  /** A row of `record`, its cells by column name. */
  const row = (record: string, cells: Record<string, CsvCell>): CsvCell[] => {
    const out: CsvCell[] = [record, ...lead, ...Array<CsvCell>(header.length - 1 - lead.length).fill(null)];
    for (const [k, v] of Object.entries(cells)) out[at.get(k)!] = v;
    return out;
  };

  function* rows(): Generator<CsvCell[]> {
    for (const r of results) {
      const cells: Record<string, CsvCell> = { name: name(r.indicator) };
      for (const f of resultFields) if (f !== 'name') cells[f] = fieldValue(r, f);
      yield row('result', cells);
    }
    for (const i of doc.inputs) yield row('input', Object.fromEntries(INPUT_FIELDS.map((f) => [f, i[f]])));
    for (const p of problemsOf(doc)) yield row('problem', { file: p.file, ...Object.fromEntries(PROBLEM_FIELDS.map((f) => [f, p[f]])) });
    if (doc.problemsOmitted > 0) yield row('problem', { code: 'problems.omitted', message: LABELS[lang].truncated(doc.problemsOmitted) });
    for (const u of doc.unplacedUnits ?? []) yield row('unplaced', { unit: u });
  }
  return csvText(header, rows());
};
