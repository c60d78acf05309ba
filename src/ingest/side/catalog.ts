/**
 * The procedures catalog (danh mục TTHC): one row per procedure → counts per tier for the
 * plan's catalog measures. A procedure code seen twice: the last accepted row wins, the
 * earlier is superseded. Memory: one small entry per distinct code.
 *
 * | measure | denominator | numerator |
 * |---|---|---|
 * | published-on-time | procedures | published on time |
 * | sample-dossier | procedures | with a sample dossier |
 * | simplified | procedures | simplified (proposed/approved) this year |
 * | online-eligible-offered | procedures eligible for full or partial online service | … offered online |
 * | online-payment-enabled | procedures with fees or charges | … with online payment enabled |
 *
 * Yes/no cells: blank means no; a value the vocabulary does not know is a warning and takes
 * the procedure out of the measures that need that field.
 */
import { YES_NO, lookup, parseFee } from '../vocabulary.js';
import { readSideFile, type SideProblem } from './sidefile.js';
import type { InputSource } from '../source.js';
import { tierFromColumn } from '../tier.js';
import { CATALOG_FIELDS, ONLINE_LEVEL, Online } from './contract.js';
import { BLANK, UNKNOWN, YesNo } from '../../model/record.js';
import { TIERS } from '../../model/tier.js';
import type { CatalogCounts, CatalogField, CatalogMeasure } from '../../model/side.js';

/** Each measure: the fields it needs, and who is in its denominator and numerator. */
const MEASURES: Record<CatalogMeasure, { needs: CatalogField[]; den: (v: Values) => boolean; num: (v: Values) => boolean }> = {
  'published-on-time': { needs: ['published'], den: () => true, num: (v) => v.published === 1 },
  'sample-dossier': { needs: ['sample'], den: () => true, num: (v) => v.sample === 1 },
  simplified: { needs: ['simplified'], den: () => true, num: (v) => v.simplified === 1 },
  'online-eligible-offered': { needs: ['eligible', 'offered'], den: (v) => v.eligible === 1, num: (v) => v.eligible === 1 && v.offered === 1 },
  'online-payment-enabled': { needs: ['fee', 'onlinePayment'], den: (v) => v.fee === 1, num: (v) => v.fee === 1 && v.onlinePayment === 1 },
};
const MEASURE_IDS = Object.keys(MEASURES) as CatalogMeasure[];

/** 1 yes, 0 no, -1 unknown, per yes/no field. */
type Values = Partial<Record<CatalogField, number>>;

function yesNo(raw: string | undefined): number {
  if (raw === undefined) return -1;
  const c = lookup(YES_NO, raw);
  return c === BLANK ? 0 : c === UNKNOWN ? -1 : c === YesNo.YES ? 1 : 0;
}

function online(raw: string | undefined): number {
  if (raw === undefined) return -1;
  const c = lookup(ONLINE_LEVEL, raw);
  return c === BLANK ? 0 : c === UNKNOWN ? -1 : c === Online.NO ? 0 : 1;
}

/** Has fees: a yes/no cell, or an amount (greater than zero: yes; zero: no). */
function fee(raw: string | undefined): number {
  const v = yesNo(raw);
  if (v !== -1 || raw === undefined) return v;
  const amount = parseFee(raw);
  return Number.isNaN(amount) ? -1 : amount > 0 ? 1 : 0;
}

export async function readCatalog(source: InputSource, problems: SideProblem[]): Promise<CatalogCounts> {
  const entries = new Map<string, { tier: number; mask: number }>();
  let accepted = 0;
  let superseded = 0;
  const { report, map } = await readSideFile(
    source,
    { specs: CATALOG_FIELDS, vi: 'danh mục TTHC', en: 'procedures catalog' },
    (row) => {
      const code = (row.cell('code') ?? '').trim();
      if (code === '') return { field: 'code', code: 'row.noCode' };
      let tier = -1;
      if (row.has('tier')) {
        const raw = row.cell('tier')!;
        const t = tierFromColumn(raw);
        if (t === undefined) return { field: 'tier', code: 'row.badTier', params: { value: raw.trim() } };
        if (t === null) return { field: 'tier', code: 'row.noTier' };
        tier = TIERS.indexOf(t);
      }
      const v: Values = {};
      for (const f of ['eligible', 'offered', 'sample', 'fee', 'onlinePayment', 'published', 'simplified'] as const) {
        if (!row.has(f)) continue;
        const raw = row.cell(f);
        v[f] = f === 'eligible' || f === 'offered' ? online(raw) : f === 'fee' ? fee(raw) : yesNo(raw);
        if (v[f] === -1) row.warn(f, 'value.unknown', { value: (raw ?? '').trim() });
      }
      let mask = 0;
      MEASURE_IDS.forEach((m, s) => {
        const def = MEASURES[m];
        if (def.needs.some((f) => v[f] === undefined || v[f] === -1)) return;
        if (def.den(v)) mask |= (def.num(v) ? 3 : 1) << (2 * s);
      });
      accepted++;
      if (entries.has(code)) superseded++;
      entries.set(code, { tier, mask });
      return null;
    },
    problems,
  );
  const tiered = map.columns.tier !== undefined;
  const computed = MEASURE_IDS.filter((m) => MEASURES[m].needs.every((f) => map.columns[f] !== undefined));
  report.superseded = superseded;
  report.counted = accepted - superseded;
  const counts = Object.fromEntries(MEASURE_IDS.map((m) => [m, { so: [0, 0], huyen: [0, 0], xa: [0, 0] }])) as CatalogCounts['counts'];
  // Without a tier column every procedure is counted under `so`, and only the province figure is shown.
  for (const { tier, mask } of entries.values()) {
    const t = TIERS[tier < 0 ? 0 : tier]!;
    MEASURE_IDS.forEach((m, s) => {
      const bits = (mask >>> (2 * s)) & 3;
      if (bits === 0) return;
      counts[m][t][1]++;
      if (bits & 2) counts[m][t][0]++;
    });
  }
  return { report, tiered, computed, counts };
}

export const catalogNotComputed = (c: CatalogCounts): string[] => MEASURE_IDS.filter((m) => !c.computed.includes(m));
