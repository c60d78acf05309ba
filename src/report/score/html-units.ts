/**
 * The HTML report's lowest units (with --by unit) and districts (with --by district): per
 * indicator and tier, those with the lowest rate, each with its shortfall, and how many of the
 * tier's units fail.
 */
import { HTML_LABELS } from '../../i18n/html.js';
import { LABELS } from '../../i18n/messages.js';
import { formatInt } from '../format.js';
import { html, type Html } from '../html-escape.js';
import { TIER_ORDER, byIndicator, countsText, rateText, shortfallOf, targetText, tierLabel, verdict, type PageContext, type ResultDoc, type ScoreDoc, type Section } from './html-doc.js';

/** How many of each tier a listing shows. */
export const LOWEST = 5;

/** n₁/d₁ against n₂/d₂ exactly (cross-multiplied), lowest first; at equal rates the larger shortfall, then the larger denominator first. */
export function compareLowest(a: ResultDoc, b: ResultDoc): number {
  const lhs = BigInt(a.numerator) * BigInt(b.denominator);
  const rhs = BigInt(b.numerator) * BigInt(a.denominator);
  if (lhs !== rhs) return lhs < rhs ? -1 : 1;
  return (shortfallOf(b) ?? -1) - (shortfallOf(a) ?? -1) || b.denominator - a.denominator;
}

/** The sections of the lowest units and of the districts, those the document has. */
export function lowestSection(doc: ScoreDoc, c: PageContext): Section[] {
  const H = HTML_LABELS[c.lang];
  const whole = doc.results.filter((r) => (r.month ?? null) === null);
  const units = whole.filter((r) => r.unit !== null);
  const districts = whole.filter((r) => r.unit === null && (r.district ?? null) !== null);
  const out: Section[] = [];
  if (units.length) out.push({ id: 'units', title: H.lowest, body: listing(units, (r) => r.unit!, H.lowestNote(LOWEST), LABELS[c.lang].unit, false, c) });
  if (districts.length) out.push({ id: 'districts', title: H.districts, body: listing(districts, (r) => r.district!, H.districtsNote(LOWEST), H.district, true, c) });
  return out;
}

function listing(results: readonly ResultDoc[], nameOf: (r: ResultDoc) => string, note: string, column: string, districts: boolean, c: PageContext): Html {
  const H = HTML_LABELS[c.lang];
  const L = LABELS[c.lang];
  const blocks: Html[] = [];
  for (const [id, rs] of byIndicator(results)) {
    if (rs.some((r) => r.scale === 'change')) continue;
    const rows: Html[] = [];
    const counts: string[] = [];
    for (const tier of TIER_ORDER) {
      const mine = rs.filter((r) => r.tier === tier && r.denominator > 0);
      if (mine.length === 0) continue;
      const failing = mine.filter((r) => r.status === 'fail').length;
      counts.push(H.failingOf(failing, mine.length, tierLabel(tier, c.lang), districts));
      const lowest = [...mine].sort(compareLowest).slice(0, LOWEST);
      lowest.forEach((r, i) => {
        const s = shortfallOf(r);
        rows.push(
          html`<tr class="${i === 0 ? 'first' : ''}" data-indicator="${id}" data-tier="${tier}"><td>${i === 0 ? tierLabel(tier, c.lang) : ''}</td><td class="who">${nameOf(r)}</td><td class="num rate">${rateText(r, c.lang)}</td><td class="num nN">${countsText(r, c.lang)}</td><td class="num">${targetText(r, c.lang)}</td><td>${verdict(r.status, c.lang)}</td><td class="num short">${s === null ? '' : formatInt(s, c.lang)}</td></tr>`,
        );
      });
    }
    if (rows.length === 0) continue;
    blocks.push(html`<div class="lowest" data-indicator="${id}"><h3>${c.name(id)}</h3><p class="counts">${counts.join(' · ')}</p>
<table class="units"><thead><tr><th scope="col">${L.tierCol}</th><th scope="col">${column}</th><th scope="col" class="num">${L.rate}</th><th scope="col" class="num">n/N</th><th scope="col" class="num">${L.target}</th><th scope="col">${L.result}</th><th scope="col" class="num">${H.shortfall}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`);
  }
  return html`<p class="note">${note}</p>${blocks}`;
}
