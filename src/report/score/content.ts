/**
 * What every `score` format shows, read from one content model: the JSON document (json.ts
 * scoreJson). The formats for people and for spreadsheets (md, csv, xlsx, and the table's
 * figures) take their numbers from it, so that no format can show a number the JSON does not.
 * Here: the document's parts as types, the results laid out per indicator (each tier, then its
 * units, districts or months under it), the names of indicators, and the result fields beyond
 * the known ones (a later `month`, `shortfall`, `leftOut`, `yearEnd`…), carried generically.
 */
import { MEASURE_LABELS } from '../../i18n/messages.js';
import { shortfall } from '../../evaluate/shortfall.js';
import type { Target } from '../../plan/appendix.js';
import type { Lang } from '../../model/lang.js';
import type { RenderContext } from '../render.js';
import { scoreJson } from './json.js';
import type { ScoreView } from './view.js';

export type ScoreDoc = ReturnType<typeof scoreJson>;
export type ResultDoc = ScoreDoc['results'][number] & Record<string, unknown>;
export type InputDoc = ScoreDoc['inputs'][number];
export type ProblemDoc = ReturnType<ScoreDoc['problems']['make']>;

/** The document of a run, as `--format json` writes it. */
export function scoreDocument(view: ScoreView, ctx: Pick<RenderContext, 'lang' | 'version'>): ScoreDoc {
  return scoreJson(view.score, ctx.lang, ctx.version);
}

/** Every problem of the document, each with its message (made as it is read). */
export function* problemsOf(doc: ScoreDoc): Generator<ProblemDoc> {
  const { items, make } = doc.problems;
  for (const p of items) yield make(p);
}

/** Indicator and measure names by id, in a language. */
export function indicatorNames(view: ScoreView, lang: Lang): (id: string) => string {
  const names = new Map<string, string>(Object.entries(MEASURE_LABELS[lang]));
  for (const i of view.indicators) names.set(i.id, i.name[lang]);
  return (id) => names.get(id) ?? id;
}

/** A result in its block: depth 0 a tier's (or the province's) own, depth 1 one of its units, districts or months. */
export interface Placed {
  result: ResultDoc;
  depth: 0 | 1;
}

/** One indicator's results, each tier followed by what is under it. */
export interface Block {
  indicator: string;
  clause: string;
  rows: Placed[];
}

/** Whether a result is a tier's own (or the province's): no unit, district or month. */
export const isTierRow = (r: ResultDoc) => r.unit === null && (r.district ?? null) === null && (r.month ?? null) === null;

/**
 * The results per indicator, in the document's order of indicators and tiers, each tier's own
 * result followed by its units', districts' or months' results (in the document's order).
 * Every result is placed once.
 */
export function blocks(results: readonly ResultDoc[]): Block[] {
  const byIndicator = new Map<string, ResultDoc[]>();
  for (const r of results) {
    const list = byIndicator.get(r.indicator);
    if (list) list.push(r);
    else byIndicator.set(r.indicator, [r]);
  }
  return [...byIndicator].map(([indicator, list]) => {
    const rows: Placed[] = [];
    const under = (r: ResultDoc) => !isTierRow(r);
    const placed = new Set<ResultDoc>();
    for (const tier of list.filter(isTierRow)) {
      rows.push({ result: tier, depth: 0 });
      placed.add(tier);
      for (const r of list) {
        if (under(r) && r.tier === tier.tier && !placed.has(r)) {
          rows.push({ result: r, depth: 1 });
          placed.add(r);
        }
      }
    }
    for (const r of list) if (!placed.has(r)) rows.push({ result: r, depth: 1 });
    return { indicator, clause: list[0]!.clause, rows };
  });
}

/** The results' fields that every format shows as such, in their order. */
export const RESULT_FIELDS = [
  'indicator',
  'clause',
  'tier',
  'unit',
  'district',
  'month',
  'numerator',
  'denominator',
  'value',
  'target',
  'comparison',
  'status',
  'leftOut',
  'reason',
  'shortfall',
] as const;

/** Fields of results that are shown otherwise or are the run's, not a figure (source, scale, targets). */
const SHOWN_OTHERWISE = new Set(['source', 'scale', 'targets']);

/**
 * The results' other fields, whatever a later version adds (`yearEnd`…): their names, objects
 * flattened one level (`yearEnd.rate`), in the order first met.
 */
export function extraFields(results: readonly ResultDoc[]): string[] {
  const known = new Set<string>([...RESULT_FIELDS, ...SHOWN_OTHERWISE]);
  const out = new Set<string>();
  for (const r of results) {
    for (const [k, v] of Object.entries(r)) {
      if (known.has(k)) continue;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const sub of Object.keys(v)) out.add(`${k}.${sub}`);
      else out.add(k);
    }
  }
  // A field that is an object in some results and null in others is its members' columns alone.
  return [...out].filter((f) => f.includes('.') || ![...out].some((g) => g.startsWith(`${f}.`)));
}

/** The further fields a format for people shows as columns: all but the year end, which it writes in words (yearEndCell). */
export const peopleFields = (results: readonly ResultDoc[]): string[] => extraFields(results).filter((f) => f !== 'yearEnd' && !f.startsWith('yearEnd.'));

/** Whether some result carries a year-end need (a year-to-date run). */
export const hasYearEnd = (results: readonly ResultDoc[]): boolean => results.some((r) => r.yearEnd !== undefined && r.yearEnd !== null);

/** What a result's shortfall is worked out from: its verdict, n, N, target, comparison and scale (and the field, when a document has one). */
export interface ShortfallSource {
  status: string;
  numerator: number;
  denominator: number;
  target: number | null;
  comparison?: string | null;
  scale?: string;
  shortfall?: unknown;
}

/**
 * A failing result's shortfall: the document's field when it has one, else worked out exactly
 * (evaluate/shortfall.ts: the fewest items that would have to move into n). Null for any other
 * verdict, and where moving items into n is not what passes. Every format for people and the CSV
 * show it, the HTML report too (html-doc.ts).
 */
export function shortfallOf(r: ShortfallSource): number | null {
  if (r.status !== 'fail') return null;
  if (typeof r.shortfall === 'number') return r.shortfall;
  return shortfall(r.numerator, r.denominator, r.target, (r.comparison ?? '>=') as Target['comparison'], r.scale === 'change' ? 'change' : 'percent');
}

/** A result's field by name (`yearEnd.rate` reaches into an object; `shortfall` worked out when absent): a number, a text, a boolean, or null. */
export function fieldValue(r: ResultDoc, name: string): string | number | boolean | null {
  if (name === 'shortfall') return shortfallOf(r);
  const dot = name.indexOf('.');
  const v = dot < 0 ? r[name] : (r[name.slice(0, dot)] as Record<string, unknown> | null | undefined)?.[name.slice(dot + 1)];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return Array.isArray(v) ? v.join('; ') : JSON.stringify(v);
}

/**
 * The period's members beyond from, to and label (fromTitle, asOf, judgedAt, dataFrom, dataTo,
 * and any a later version adds), as [name, value], null ones too (the CSV's columns do not
 * depend on the run); an object as its JSON.
 */
export function periodExtras(doc: ScoreDoc): Array<[string, string | number | boolean | null]> {
  return Object.entries(doc.period as Record<string, unknown>).flatMap(([k, v]): Array<[string, string | number | boolean | null]> =>
    k === 'from' || k === 'to' || k === 'label' || v === undefined ? [] : [[k, v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean | null)]],
  );
}
