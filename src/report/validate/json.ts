/**
 * `validate --format json`, for CI: documented in README ("ccch validate"), stable within
 * SCHEMA_VERSION (report/json.ts).
 */
import { LazyArray, inputJson, jsonText, periodJson, problemJson, SCHEMA_VERSION } from '../json.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';

export const render: Render<ValidateView> = (v, { lang, version }) => {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ccch', version },
    period: periodJson(v.period, v.judging),
    inputs: v.inputs.map((i) => ({ ...inputJson(i), clean: i.clean })),
    problems: new LazyArray(v.problems, (p) => problemJson(p, lang)),
    problemsOmitted: v.problemCount - v.problems.length,
    summary: { ...v.totals, clean: v.clean },
  };
  return jsonText(json);
};
