/**
 * `score --by month` in the table: after the main table, one block per indicator, its tiers (and
 * units, with --by unit) down the side and the months as columns; each cell the month's rate and
 * verdict mark, and its n/N under them. Drawn by report/grid.ts, within the output's width (the
 * tier and unit column wraps).
 */
import type { ChalkInstance } from 'chalk';
import { LABELS, MEASURE_LABELS } from '../../i18n/messages.js';
import { ACTION_LABELS, monthLabel } from '../../i18n/action.js';
import { formatInt, formatRate } from '../format.js';
import { MARK, paint, targetCell } from './cells.js';
import { grid, type GridColumn } from '../grid.js';
import { formatVi } from '../../util/dates.js';
import type { Lang } from '../../model/lang.js';
import type { Result, Score } from '../../model/result.js';
import type { Plan } from '../../plan/schema.js';

/** A row of an indicator's block: a tier, or a unit of a tier. */
const rowKey = (r: Result) => `${r.tier}\u0000${r.unit ?? ''}`;

/** The lines of the months section (none when no result has a month). */
export function monthsSection(score: Score, indicators: Plan['indicators'], lang: Lang, c: ChalkInstance, width: number): string[] {
  const monthly = score.results.filter((r) => (r.month ?? null) !== null);
  if (!score.months) return [];
  const L = LABELS[lang];
  const A = ACTION_LABELS[lang];
  const months = (score.months ?? []).map((m) => m.month);
  for (const r of monthly) if (!months.includes(r.month!)) months.push(r.month!);
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size === 1;
  const label = (m: string) => monthLabel(m, oneYear, lang);
  const out = [c.bold(`${A.byMonth}`), `  ${A.byMonthNote}`];
  const early = (score.months ?? []).filter((m) => m.judgedAt < m.to);
  if (early.length) out.push(`  ${early.map((m) => A.judgedMonth(label(m.month), formatVi(m.judgedAt))).join('; ')}`);
  const names = new Map(indicators.map((i) => [i.id, i.name[lang]]));
  const byUnit = monthly.some((r) => r.unit !== null);
  const empty: string[] = [];
  for (const [id, rs] of groupBy(monthly, (r) => r.indicator)) {
    if (rs.every((r) => r.denominator === 0)) {
      empty.push(names.get(id) ?? MEASURE_LABELS[lang][id] ?? id);
      continue;
    }
    out.push('', c.bold(`${names.get(id) ?? MEASURE_LABELS[lang][id] ?? id}`) + c.dim(` · ${id}`));
    const columns: GridColumn[] = [
      { head: L.tierCol, align: 'left', ...(byUnit ? {} : { flex: true, min: 9 }) },
      ...(byUnit ? [{ head: L.unit, align: 'left' as const, flex: true, min: 12 }] : []),
      { head: L.target, align: 'right' },
      ...months.map((m): GridColumn => ({ head: label(m), align: 'right' })),
    ];
    const first = byUnit ? 3 : 2; // the first month's column
    const lines = [...groupBy(rs, rowKey).values()].map((row) => {
      const r0 = row[0]!;
      const at = months.map((m) => row.find((r) => r.month === m));
      return {
        cells: [
          L.tier[r0.tier] ?? r0.tier,
          ...(byUnit ? [r0.unit ?? ''] : []),
          r0.target === null ? L.noTargetMark : targetCell(r0, lang),
          ...at.map((r) => (!r ? '' : r.denominator === 0 ? MARK['no-data'] : `${formatRate(r.numerator, r.denominator, lang)} ${MARK[r.status]}\n${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`)),
        ],
        // The rate and mark in the verdict's color, n/N dim.
        paint: (i: number, t: string) => {
          const r = i >= first ? at[i - first] : undefined;
          if (!r) return t;
          return r.denominator === 0 || t.includes('/') ? c.dim(t) : paint(r.status, t, c);
        },
      };
    });
    out.push(...grid(columns, lines, width, c));
  }
  if (empty.length) out.push('', A.noMonthData(empty.join('; ')));
  const summed = score.sources.filter((s) => s.inputs.some((u) => u.via === 'summary')).map((s) => names.get(s.indicator) ?? s.indicator);
  if (summed.length) out.push('', A.summaryNoMonths(summed.join('; ')));
  out.push('');
  return out;
}

/** Items grouped by a key, groups in the order of their first item. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = m.get(k);
    if (g) g.push(t);
    else m.set(k, [t]);
  }
  return m;
}
