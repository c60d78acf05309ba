/**
 * `score --by month` in the table: after the main table, one block per indicator, its tiers (and
 * units, with --by unit) down the side and the months as columns; each cell the month's rate and
 * verdict mark, and its n/N under them.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { LABELS, MEASURE_LABELS } from '../../i18n/messages.js';
import { ACTION_LABELS, monthLabel } from '../../i18n/action.js';
import { formatInt, formatRate } from '../format.js';
import { MARK, paint, targetCell } from './cells.js';
import { formatVi } from '../../util/dates.js';
import type { Lang } from '../../model/lang.js';
import type { Result, Score } from '../../model/result.js';
import type { Plan } from '../../plan/schema.js';

/** A row of an indicator's block: a tier, or a unit of a tier. */
const rowKey = (r: Result) => `${r.tier}\u0000${r.unit ?? ''}`;

/** The lines of the months section (none when no result has a month). */
export function monthsSection(score: Score, indicators: Plan['indicators'], lang: Lang, c: ChalkInstance): string[] {
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
    const table = new Table({
      head: [L.tierCol, ...(byUnit ? [L.unit] : []), L.target, ...months.map(label)].map((h) => c.bold(h)),
      style: { head: [], border: [], compact: true },
      colAligns: ['left', ...(byUnit ? (['left'] as const) : []), 'right', ...months.map(() => 'right' as const)],
    });
    for (const row of groupBy(rs, rowKey).values()) {
      const first = row[0]!;
      const at = new Map(row.map((r) => [r.month!, r]));
      table.push([
        L.tier[first.tier] ?? first.tier,
        ...(byUnit ? [first.unit ?? ''] : []),
        first.target === null ? L.noTargetMark : targetCell(first, lang),
        ...months.map((m) => {
          const r = at.get(m);
          if (!r) return '';
          if (r.denominator === 0) return c.dim(MARK['no-data']);
          return `${paint(r.status, `${formatRate(r.numerator, r.denominator, lang)} ${MARK[r.status]}`, c)}\n${c.dim(`${formatInt(r.numerator, lang)}/${formatInt(r.denominator, lang)}`)}`;
        }),
      ]);
    }
    out.push(table.toString());
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
