/**
 * `plan --format json`: the contract documented in README ("ccch plan: JSON output"); bump
 * PLAN_SCHEMA_VERSION on any change that is not a pure addition.
 */
import type { PlanListing } from '../../plan/listing.js';
import type { Render } from '../render.js';

export const PLAN_SCHEMA_VERSION = 1;

export function planJson(l: PlanListing, version: string) {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    kind: 'plan',
    tool: { name: 'ccch', version },
    plan: { id: l.plan.id, title: l.plan.title, year: l.plan.year, date: l.plan.date, province: l.plan.province },
    filter: l.filter,
    indicators: l.indicators,
    counts: l.counts,
    agencies: l.agencies,
    sections: l.sections,
    targets: l.targets,
  };
}

export const render: Render<PlanListing> = (l, { version }) => `${JSON.stringify(planJson(l, version), null, 2)}\n`;
