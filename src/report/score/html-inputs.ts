/**
 * The HTML report's last section: every input's row accounting (rows read = counted + rejected
 * + superseded + unmatched), what could not be computed for want of a column, the sources of
 * joined figures, and the problems summarised by message with counts.
 */
import { HTML_LABELS } from '../../i18n/html.js';
import { LABELS, SIDE_LABELS } from '../../i18n/messages.js';
import { coverageLines, datasetLabel, missingLines } from '../lines.js';
import { formatInt } from '../format.js';
import { html, type Html } from '../html-escape.js';
import { viDay, type InputDoc, type PageContext, type ProblemDoc, type ScoreDoc, type Section } from './html-doc.js';
import type { Lang } from '../../model/lang.js';

/** How many groups of problems, messages per group and lines per message the page lists. */
const GROUPS = 30;
const MESSAGES = 5;
const LINES = 3;

export function inputsSection(doc: ScoreDoc, c: PageContext): Section {
  const H = HTML_LABELS[c.lang];
  const L = LABELS[c.lang];
  const n = (x: number) => formatInt(x, c.lang);
  type Count = 'rows' | 'counted' | 'rejected' | 'superseded' | 'unmatched' | 'excluded' | 'warnings';
  const sum = (k: Count) => doc.inputs.reduce((a, i) => a + i[k], 0);
  // Rows received after --as-of: a column only when some file has them.
  const excluded = sum('excluded') > 0;
  const cols: Count[] = ['rows', 'counted', 'rejected', 'superseded', 'unmatched', ...(excluded ? (['excluded'] as const) : []), 'warnings'];
  const heads = [H.rowsRead, H.counted, H.rejected, H.superseded, H.unmatched, ...(excluded ? [H.excluded(doc.period.asOf ? viDay(doc.period.asOf) : '')] : []), H.warnings];
  const table = html`<table class="inputs"><thead><tr><th scope="col">${H.file}</th><th scope="col">${H.kind}</th>${heads.map((h) => html`<th scope="col" class="num">${h}</th>`)}</tr></thead>
<tbody>${doc.inputs.map((i) => html`<tr data-file="${i.file}"><td class="file">${i.file}</td><td>${kindOf(i, c.lang)}</td>${cols.map((k) => html`<td class="num" data-count="${k}">${n(i[k])}</td>`)}</tr>`)}</tbody>
${doc.inputs.length > 1 ? html`<tfoot><tr><th scope="row" colspan="2">${H.total}</th>${cols.map((k) => html`<td class="num">${n(sum(k))}</td>`)}</tr></tfoot>` : ''}</table>`;
  return {
    id: 'inputs',
    title: H.inputs,
    body: html`${table}${notes(doc, c)}<h3>${L.quality}: ${H.problems}</h3>${problems(doc, c)}`,
  };
}

const kindOf = (i: InputDoc, lang: Lang) => datasetLabel(i.dataset, lang);

/** What the table does not show: rows skipped, columns missing, joins, units placed in no district. */
function notes(doc: ScoreDoc, c: PageContext): Html {
  const L = LABELS[c.lang];
  const items: Html[] = [];
  for (const i of doc.inputs) {
    const sk = i.skipped;
    if (sk.title + sk.total + sk.footer + sk.group + sk.subtotal > 0) items.push(html`<li>${i.file}: ${L.skipped(sk, i.dataset === 'summary')}</li>`);
    if (i.summaryPeriod === 'assumed') items.push(html`<li>${i.file}: ${L.periodAssumed(doc.period.label)}</li>`);
    if (i.joined === false) items.push(html`<li>${i.file}: ${L.notJoined}</li>`);
    for (const line of missingLines(i, c.lang, (f) => c.fieldName(i.dataset, f), (id) => c.name(id))) items.push(html`<li>${line}</li>`);
  }
  const datasetOf = new Map(doc.results.map((r) => [r.indicator, doc.inputs.find((i) => i.notComputed.includes(r.indicator))?.dataset ?? 'dossiers']));
  for (const line of coverageLines(doc.results, c.lang, (id, f) => c.fieldName(datasetOf.get(id) ?? 'dossiers', f), (id) => c.name(id))) items.push(html`<li>${line}</li>`);
  if (doc.sources.some((s) => s.inputs.some((u) => u.via !== 'records'))) {
    const uses = doc.sources.map((s) => {
      const files = s.inputs.map((u) => `${u.file} (${L.via[u.via] ?? u.via}${u.via === 'join' ? `, ${L.joinedDossiers(u.dossiers ?? 0)}` : ''})`);
      return html`<li>${c.name(s.indicator)}: ${files.length ? files.join('; ') : '—'}</li>`;
    });
    items.push(html`<li>${L.sources}:<ul>${uses}</ul></li>`);
  }
  if (doc.unplacedUnits?.length) items.push(html`<li>${SIDE_LABELS[c.lang].unplaced(doc.unplacedUnits.length, doc.unplacedUnits.join('; '))}</li>`);
  return items.length ? html`<ul class="notes">${items}</ul>` : html``;
}

interface Group {
  severity: string;
  code: string;
  header: string | null;
  count: number;
  /** Message → how many, and where its first few are. */
  messages: Map<string, { count: number; lines: { file: string; line: number | null }[] }>;
}

/** Problems grouped by kind (severity, code, column), then by message, largest first, with counts and the first lines of each. */
export function groupProblems(problems: Iterable<ProblemDoc>): Group[] {
  const groups = new Map<string, Group>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.code}\u0000${p.header ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: p.severity, code: p.code, header: p.header, count: 0, messages: new Map() }));
    g.count++;
    let m = g.messages.get(p.message);
    if (!m) g.messages.set(p.message, (m = { count: 0, lines: [] }));
    m.count++;
    if (m.lines.length < LINES) m.lines.push({ file: p.file, line: p.line });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0));
}

function problems(doc: ScoreDoc, c: PageContext): Html {
  const H = HTML_LABELS[c.lang];
  const L = LABELS[c.lang];
  const groups = groupProblems(doc.problems);
  if (groups.length === 0 && doc.problemsOmitted === 0) return html`<p>${L.noProblems}</p>`;
  const n = (x: number) => formatInt(x, c.lang);
  const rows = groups.slice(0, GROUPS).map((g) => {
    const ms = [...g.messages.entries()].sort((a, b) => b[1].count - a[1].count);
    const shown = ms.slice(0, MESSAGES);
    return html`<tr class="sev-${g.severity}" data-code="${g.code}"><td class="num count">×${n(g.count)}</td><td>${g.severity === 'error' ? L.rejected : L.warning}</td><td>${g.header ?? '—'}</td><td><ul class="msgs">${shown.map(
      ([text, m]) => html`<li><span class="msg">${text}</span>${g.messages.size > 1 ? html` <span class="times">×${n(m.count)}</span>` : ''} <span class="where">${where(m.lines, c.lang)}${m.count > m.lines.length ? ', …' : ''}</span></li>`,
    )}${ms.length > shown.length ? html`<li class="more">${H.moreMessages(ms.length - shown.length)}</li>` : ''}</ul></td></tr>`;
  });
  return html`<table class="problems"><thead><tr><th scope="col" class="num">${H.problemCount}</th><th scope="col">${H.severity}</th><th scope="col">${H.column}</th><th scope="col">${H.message} (${H.firstLines})</th></tr></thead><tbody>${rows}</tbody></table>
${groups.length > GROUPS ? html`<p class="note">${H.moreGroups(groups.length - GROUPS)}</p>` : ''}
${doc.problemsOmitted > 0 ? html`<p class="note">${L.truncated(doc.problemsOmitted)}</p>` : ''}`;
}

/** "ho-so.csv: dòng 146, 333" — the lines of each file, the file named once. */
function where(lines: readonly { file: string; line: number | null }[], lang: Lang): string {
  const files = new Map<string, number[]>();
  for (const l of lines) files.set(l.file, [...(files.get(l.file) ?? []), ...(l.line === null ? [] : [l.line])]);
  return [...files].map(([f, ls]) => (ls.length ? `${f}: ${HTML_LABELS[lang].lines(ls.length)} ${ls.map((x) => formatInt(x, lang)).join(', ')}` : f)).join('; ');
}
