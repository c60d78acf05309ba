/**
 * `validate --format json`, for CI: documented in README ("ccch validate"), stable within
 * SCHEMA_VERSION (report/json.ts).
 */
import { LazyArray, inputJson, jsonText, periodJson, problemJson, SCHEMA_VERSION } from '../json.js';
import { errorText } from '../../i18n/errors.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';

export const render: Render<ValidateView> = (v, { lang, version }) => {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ccch', version },
    period: periodJson(v.period, v.judging),
    inputs: v.inputs.map((i) => ({
      ...inputJson(i),
      clean: i.status === 'clean',
      status: i.status,
      // An unreadable input: why, as one line (without the file, which is the entry's).
      reason: i.error ? { code: i.error.code, line: i.error.where.line ?? null, column: i.error.where.column ?? null, message: errorText(i.error, lang).replace(/\s*\n\s*/g, ' ') } : null,
    })),
    problems: new LazyArray(v.problems, (p) => problemJson(p, lang)),
    problemsOmitted: v.problemCount - v.problems.length,
    unknownValues: v.unknownValues,
    summary: { ...v.totals, maxWarnings: v.maxWarnings, verdict: v.verdict, clean: v.verdict === 'clean' },
  };
  return jsonText(json);
};
