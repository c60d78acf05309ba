/**
 * The units file (danh sách đơn vị): one row per unit — name or code, tier, parent district,
 * whether it offers electronic certification (chứng thực điện tử), e-certified copies this
 * year and last year. It is a tier source for the exports (docs/domain.md tier rule 2), it maps
 * units to districts for `--by district`, and it feeds the plan's units measures:
 *
 * | measure | over | numerator / denominator |
 * |---|---|---|
 * | e-certification | commune-level units (xã) and district Justice Offices (Phòng Tư pháp, huyện) | offering e-certification / units |
 * | e-certified-copies-increase | the same units | copies this year / copies last year; passes when this year − last year > 0 |
 *
 * A unit listed twice (same name or code, folded): the last accepted row wins.
 */
import { YES_NO, lookup } from '../vocabulary.js';
import { readSideFile, type SideProblem, type SideRejection } from './sidefile.js';
import type { InputSource } from '../source.js';
import { tierFromColumn, tierFromName } from '../tier.js';
import { fold, tidy } from '../../util/text.js';
import { parseCount } from '../../util/numbers.js';
import { UNITS_FIELDS } from './contract.js';
import { BLANK, UNKNOWN, YesNo } from '../../model/record.js';
import type { Tier } from '../../model/tier.js';
import type { UnitEntry, UnitsField, UnitsTable } from '../../model/side.js';

const DISTRICT_WORD = /(^|\s)(huyen|thanh pho|tp|thi xa|quan)(\s|\.|$)/;

/** "Huyện Nhơn Trạch", "UBND huyện Nhơn Trạch", "Nhơn Trạch" → "nhon trach" (and the label "Nhơn Trạch"). */
export function districtOf(raw: string): { key: string; label: string } | null {
  const label0 = tidy(raw);
  if (label0 === '') return null;
  const f = fold(label0);
  const m = DISTRICT_WORD.exec(f);
  if (!m) return { key: f, label: label0 };
  const key = f.slice(m.index + m[0].length).replace(/^[.\s]+/, '').trim();
  if (key === '') return { key: f, label: label0 };
  // The label: the same number of trailing words of the original spelling.
  const words = label0.split(' ');
  const n = key.split(' ').length;
  return { key, label: words.slice(words.length - n).join(' ') };
}

const isJusticeOffice = (name: string) => fold(name).startsWith('phong tu phap');

function yesNo(raw: string): number {
  const c = lookup(YES_NO, raw);
  return c === BLANK ? 0 : c === UNKNOWN ? -1 : c === YesNo.YES ? 1 : 0;
}

export async function readUnits(source: InputSource, problems: SideProblem[]): Promise<UnitsTable> {
  const units: Array<UnitEntry | null> = [];
  const index = new Map<string, number>();
  let accepted = 0;
  let superseded = 0;
  const { report, map } = await readSideFile(
    source,
    {
      specs: UNITS_FIELDS,
      vi: 'đơn vị',
      en: 'units',
      checkHeader: (m) =>
        m.columns.name === undefined && m.columns.code === undefined
          ? 'input.unitsNameOrCode'
          : null,
    },
    (row): SideRejection<UnitsField> | null => {
      const name = tidy(row.cell('name') ?? '');
      const code = (row.cell('code') ?? '').trim();
      if (name === '' && code === '') return { field: row.has('name') ? 'name' : 'code', code: 'row.noUnitOrCode' };
      let tier: Tier | null | undefined = null;
      if (row.has('tier')) {
        const raw = row.cell('tier')!;
        tier = tierFromColumn(raw);
        if (tier === undefined) return { field: 'tier', code: 'row.badTier', params: { value: raw.trim() } };
      }
      if (tier === null && name !== '') tier = tierFromName(name);
      if (tier === null) return { field: row.has('name') ? 'name' : 'code', code: 'row.tierUndecidable', params: { unit: name || code } };
      const districtRaw = row.cell('district') ?? '';
      let district = districtOf(districtRaw);
      if (district === null && tier === 'huyen' && name !== '') district = districtOf(name);
      let eCert = -2;
      if (row.has('eCert')) {
        const raw = row.cell('eCert')!;
        eCert = yesNo(raw);
        if (eCert === -1) row.warn('eCert', 'value.unknown', { value: raw.trim() });
      }
      const count = (f: 'copies' | 'copiesLastYear') => {
        if (!row.has(f)) return -2;
        const raw = row.cell(f)!;
        const n = parseCount(raw);
        if (Number.isNaN(n)) {
          row.warn(f, 'value.notCount', { value: raw.trim() });
          return -1;
        }
        return n < 0 ? 0 : n; // blank: none
      };
      const entry: UnitEntry = {
        name: name || code,
        code: code || null,
        tier,
        district: tier === 'so' ? null : district,
        inScope: tier === 'xa' || (tier === 'huyen' && isJusticeOffice(name)),
        eCert,
        copies: count('copies'),
        copiesLastYear: count('copiesLastYear'),
      };
      accepted++;
      const keys = [name, code].filter((k) => k !== '').map(fold);
      const prev = keys.map((k) => index.get(k)).find((i) => i !== undefined);
      if (prev !== undefined) {
        superseded++;
        const old = units[prev]!;
        for (const k of [old.name, old.code ?? ''].filter((x) => x !== '').map(fold)) index.delete(k);
        units[prev] = null;
      }
      units.push(entry);
      for (const k of keys) index.set(k, units.length - 1);
      return null;
    },
    problems,
  );
  report.superseded = superseded;
  report.counted = accepted - superseded;
  const kept = units.filter((u): u is UnitEntry => u !== null);
  const districts = new Map<string, string>();
  for (const u of kept) if (u.district && !districts.has(u.district.key)) districts.set(u.district.key, u.district.label);
  const find = (s: string) => {
    const i = index.get(fold(s));
    return i === undefined ? undefined : (units[i] ?? undefined);
  };
  return {
    report,
    units: kept,
    find,
    tierOf: (name) => find(name)?.tier,
    nameOf: (s) => {
      const e = find(s);
      return e && e.name !== '' ? e.name : undefined;
    },
    districts,
    has: { eCert: map.columns.eCert !== undefined, copies: map.columns.copies !== undefined && map.columns.copiesLastYear !== undefined },
  };
}
