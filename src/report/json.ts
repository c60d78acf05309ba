/**
 * `--format json`: the scripting contract. Documented in README ("JSON output"); bump
 * SCHEMA_VERSION on any change that is not a pure addition.
 */
import { message, type Lang } from '../i18n.js';
import type { InputReport, Problem, Score } from '../score.js';
import { formatIso } from '../util/dates.js';

export const SCHEMA_VERSION = 1;

/** One input's entry, shared by `score` and `validate`. */
export function inputJson(i: InputReport) {
  return {
    file: i.file,
    dataset: i.dataset,
    rows: i.rows,
    counted: i.counted,
    rejected: i.rejected,
    superseded: i.superseded,
    unmatched: i.unmatched,
    warnings: i.warnings,
    bytes: i.bytes,
    format: i.format,
    delimiter: i.delimiter,
    encoding: i.encoding,
    sheet: i.sheet,
    skipped: i.skipped,
    columns: i.columns,
    missingColumns: i.missingColumns,
    ignoredColumns: i.ignoredColumns,
    notComputed: i.notComputed,
    joined: i.joined,
    summaryPeriod: i.summaryPeriod,
  };
}

export function problemJson(p: Problem, lang: Lang) {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    header: p.header,
    severity: p.severity,
    field: p.field,
    code: p.code,
    message: message(lang, p.code, p.params),
  };
}

export function toJson(score: Score, lang: Lang, version: string) {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ccch', version },
    plan: { id: score.plan.id, title: score.plan.title, year: score.plan.year },
    period: { from: formatIso(score.period.from), to: formatIso(score.period.to), label: score.period.label },
    inputs: score.inputs.map(inputJson),
    results: score.results.map((r) => ({
      indicator: r.indicator,
      clause: r.clause,
      tier: r.tier,
      unit: r.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      target: r.target,
      status: r.status,
      source: r.source ?? 'data',
      comparison: r.comparison ?? '>=',
      scale: r.scale ?? 'percent',
      district: r.district ?? null,
      ...(r.targets ? { targets: r.targets } : {}),
    })),
    problems: score.problems.map((p) => problemJson(p, lang)),
    problemsOmitted: score.problemCount - score.problems.length,
    sources: score.sources,
    summary: score.summary,
    ...(score.unplacedUnits ? { unplacedUnits: score.unplacedUnits } : {}),
  };
}

export function renderJson(score: Score, lang: Lang, version: string): string {
  return `${JSON.stringify(toJson(score, lang, version), null, 2)}\n`;
}
