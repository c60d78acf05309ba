/**
 * The plan model: what a plan YAML must hold, validated with zod. The nine data indicators
 * live under `indicators`; the rest of the plan (agencies, the appendix's sections, items and
 * tasks, every numeric target) lives beside them, under `agencies`, `sections` and `targets`
 * (schemas in ./appendix.ts, format in docs/plan-format.md).
 */
import { z } from 'zod';
import { appendixShape, checkAppendix } from './appendix.js';

export const RULES = [
  'online',
  'on-time',
  'satisfaction',
  'digitized',
  'e-result',
  'online-payment',
  'cashless-payment',
] as const;
export type Rule = (typeof RULES)[number];

const text = z.string().trim().min(1);
const bilingual = z.strictObject({ vi: text, en: text });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A target in percent (value ≥ target passes); `null` says the plan sets none for that tier. */
const target = z.number().min(0).max(100).nullable();

export const IndicatorSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id such as online-rate'),
  clause: text,
  alsoIn: z.array(text).optional(),
  name: bilingual,
  dataset: z.enum(['dossiers', 'feedback']),
  rule: z.enum(RULES),
  numerator: bilingual,
  denominator: bilingual,
  targets: z.strictObject({ so: target, huyen: target, xa: target, all: target.optional() }),
  note: bilingual.optional(),
});

export const PlanSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    plan: z.strictObject({
      id: text,
      date: isoDate,
      province: text,
      year: z.number().int().min(2000).max(2100),
      title: text,
      titleEn: text.optional(),
      issuer: text.optional(),
    }),
    indicators: z.array(IndicatorSchema).min(1),
    ...appendixShape,
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `duplicate indicator id ${ind.id}` });
      seen.add(ind.id);
      if (ind.dataset === 'feedback' && !['on-time', 'satisfaction'].includes(ind.rule)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'rule'], message: `rule ${ind.rule} does not apply to feedback` });
      }
    });
    checkAppendix(plan, ctx);
  });

export type Plan = z.infer<typeof PlanSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
