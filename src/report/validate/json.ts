/**
 * `validate --format json`, for CI: documented in README ("ccch validate"), stable within
 * SCHEMA_VERSION (report/json.ts).
 */
import { LazyArray, inputJson, jsonText, problemJson, SCHEMA_VERSION } from '../json.js';
import { formatIso } from '../../util/dates.js';
import type { Render } from '../render.js';
import type { ValidateView } from './view.js';

export const render: Render<ValidateView> = (v, { lang, version }) => {
  const json = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'ccch', version },
    period: { from: formatIso(v.period.from), to: formatIso(v.period.to), label: v.period.label },
    inputs: v.inputs.map((i) => ({ ...inputJson(i), clean: i.clean })),
    problems: new LazyArray(v.problems, (p) => problemJson(p, lang)),
    problemsOmitted: v.problemCount - v.problems.length,
    summary: { ...v.totals, clean: v.clean },
  };
  return jsonText(json);
};
