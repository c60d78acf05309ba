/**
 * `tasks --format md`: Markdown for an issue tracker or an email — the day, the status file's
 * accounting and the totals, then each group (lead agency or section) under its heading with a
 * table of its tasks (state, id, deadline and due day, what was done or how late, the
 * activity), then the status file's problems summed up by message. From the JSON document
 * (json.ts tasksJson); the data's text escaped.
 */
import { LABELS, TASK_LABELS } from '../../i18n/messages.js';
import { formatIso, formatVi } from '../../util/dates.js';
import { mdTable, mdText } from '../markdown.js';
import { groupProblems, groupText, placesText, variantsText } from '../problems.js';
import type { Render } from '../render.js';
import { MARK, countParts, stateText } from './labels.js';
import { tasksJson } from './json.js';
import type { TasksRenderOptions, TasksView } from './view.js';

const T = {
  vi: { state: 'Trạng thái', id: 'Mã', deadline: 'Thời hạn', due: 'Hạn', result: 'Ghi nhận', activity: 'Nhiệm vụ', problems: 'Lỗi dữ liệu', count: 'Số lần', values: 'Giá trị', where: 'Ở đâu', kind: 'Lỗi' },
  en: { state: 'State', id: 'Id', deadline: 'Deadline', due: 'Due', result: 'Recorded', activity: 'Task', problems: 'Data problems', count: 'Count', values: 'Values', where: 'Where', kind: 'Problem' },
};

export const render: Render<TasksView, TasksRenderOptions> = (v, { lang, version }) => {
  const L = TASK_LABELS[lang];
  const doc = tasksJson(v, lang, version);
  const day = (iso: string) => (lang === 'vi' ? iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : iso);
  const out = [`# ${mdText(`${LABELS[lang].plan} ${doc.plan.id} — ${doc.plan.title}`)}`, ''];
  out.push(`**${L.asOf}:** ${lang === 'vi' ? formatVi(v.board.asOf) : formatIso(v.board.asOf)}  `);
  const s = v.status;
  out.push(s ? `**${L.status}:** ${mdText(`${s.file}: ${L.accounting(s.rows, s.counted, s.rejected, s.superseded, s.unmatched, s.warnings)}`)}  ` : `${mdText(L.noStatus)}  `);
  out.push(`**${L.total}:** ${mdText(L.counts(v.board.counts.total, countParts(v.board.counts, lang)))}`);
  if (v.board.grouping === 'lead') out.push('', `_${mdText(L.groupNote)}_`);
  for (const g of v.board.groups) {
    const title = v.board.grouping === 'section' ? `${g.id}. ${g.name}` : g.name;
    out.push('', `## ${mdText(title)}`, '', mdText(L.counts(g.counts.total, countParts(g.counts, lang))), '');
    const rows = g.tasks.map((t) => {
      const recorded = t.state === 'overdue' ? L.daysOverdue(t.daysOverdue!) : t.completed !== null ? `${L.completed} ${day(t.completed)}` : '';
      return [
        mdText(`${MARK[t.state]} ${stateText(t, lang)}`),
        mdText(t.id),
        mdText(t.deadline.text),
        t.deadline.due === null ? '' : mdText(day(t.deadline.due)),
        mdText(recorded),
        mdText(t.activity) + (t.note ? `<br>_${mdText(t.note)}_` : ''),
      ];
    });
    out.push(...mdTable([T[lang].state, T[lang].id, T[lang].deadline, T[lang].due, T[lang].result, T[lang].activity], ['left', 'left', 'left', 'left', 'left', 'left'], rows));
  }
  if (v.problems.length) {
    const groups = groupProblems(v.problems, lang);
    out.push('', `## ${T[lang].problems}`, '');
    out.push(
      ...mdTable(
        [T[lang].count, T[lang].kind, T[lang].values, T[lang].where],
        ['right', 'left', 'left', 'left'],
        groups.map((g) => [String(g.count), mdText(groupText(g, lang)), mdText(variantsText(g)), mdText(placesText(g, lang))]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
};

