/**
 * Messages and labels in Vietnamese (default) and English. Core code never formats a
 * message for people: it returns codes and parameters, and the report layer renders them
 * here in the user's language.
 */
import type { Lang } from '../model/lang.js';
import type { Skipped } from '../model/accounting.js';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const q = (s: string | number | undefined) => `"${s ?? ''}"`;

/** An English count and its noun, singular for 1: "1 row", "2 rows" (Vietnamese nouns do not change). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
/** yyyy-mm-dd → dd/mm/yyyy. */
const viDate = (s: string | number | undefined) => String(s ?? '').replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

/** What the day a dossier list should reach is (coverage.endsEarly's `by`). */
const COVERAGE_BY: Record<Lang, Record<string, string>> = {
  vi: { period: 'cuối kỳ', asOf: 'ngày --as-of', today: 'hôm nay' },
  en: { period: "the period's end", asOf: '--as-of', today: 'today' },
};

const MESSAGES: Record<string, { vi: Template; en: Template }> = {
  // Row rejections (problems of severity "error").
  'row.noCode': { vi: () => 'thiếu mã', en: () => 'no code' },
  'row.noUnit': { vi: () => 'thiếu đơn vị', en: () => 'no unit' },
  'row.noReceived': { vi: () => 'thiếu ngày tiếp nhận', en: () => 'no received date' },
  'row.badDate': {
    vi: (p) => `${p.fieldVi} không đọc được: ${q(p.value)}`,
    en: (p) => `unparseable ${p.fieldEn}: ${q(p.value)}`,
  },
  'column.notDates': {
    vi: (p) => `cột không dùng làm ${p.fieldVi}: phần lớn giá trị không phải ngày (ví dụ ${q(p.sample)}); thử tên cột khác của trường này`,
    en: (p) => `column not used as ${p.fieldEn}: most of its values are not dates (e.g. ${q(p.sample)}); the field's other headers are tried`,
  },
  'row.monthFirstDate': {
    vi: (p) => `${p.fieldVi} không đọc được: ${q(p.value)} chỉ đọc được là tháng/ngày/năm (nếu tệp ghi tháng trước ngày, dùng --date-order mdy)`,
    en: (p) => `unparseable ${p.fieldEn}: ${q(p.value)} reads only as month/day/year (if the file writes the month first, give --date-order mdy)`,
  },
  'row.resolvedBeforeReceived': {
    vi: (p) => `ngày kết thúc xử lý (${viDate(p.resolved)}) trước ngày tiếp nhận (${viDate(p.received)})`,
    en: (p) => `resolved (${p.resolved}) before received (${p.received})`,
  },
  'row.badTier': {
    vi: (p) => `giá trị cấp không hợp lệ: ${q(p.value)}`,
    en: (p) => `unknown tier value: ${q(p.value)}`,
  },
  'row.tierUndecidable': {
    vi: (p) => `không xác định được cấp của đơn vị ${q(p.unit)}`,
    en: (p) => `tier undecidable for unit ${q(p.unit)}`,
  },
  // Rows the data excludes (problems of severity "info").
  'row.excluded': {
    vi: (p) => `hồ sơ không được tiếp nhận (trạng thái ${q(p.value)}): không tính vào chỉ tiêu nào`,
    en: (p) => `dossier never accepted (status ${q(p.value)}): in no indicator`,
  },
  // Warnings.
  // Coverage (evaluate/coverage.ts): about a whole record list, not a row.
  'coverage.noRowsInPeriod': {
    vi: (p) =>
      `không có dòng nào trong kỳ ${p.period} (${viDate(p.from)} – ${viDate(p.to)})` +
      (p.dataFrom ? `: dữ liệu từ ${viDate(p.dataFrom)} đến ${viDate(p.dataTo)} — nhầm tệp hay nhầm kỳ?` : ': không dòng nào được tính'),
    en: (p) => `no row in the period ${p.period} (${p.from} – ${p.to})` + (p.dataFrom ? `: the data run from ${p.dataFrom} to ${p.dataTo} — the wrong file or period?` : ': no row counted'),
  },
  'coverage.endsEarly': {
    vi: (p) => `ngày tiếp nhận dừng ở ${viDate(p.last)}, ${p.days} ngày trước ${viDate(p.expected)} (${COVERAGE_BY.vi[p.by as string] ?? p.by}): tệp xuất sớm hay thiếu dữ liệu?`,
    en: (p) => `received dates stop at ${p.last}, ${p.days} days before ${p.expected} (${COVERAGE_BY.en[p.by as string] ?? p.by}): exported early, or data missing?`,
  },
  'status.withdrawnOpen': {
    vi: () => 'hồ sơ rút hoặc dừng xử lý không có ngày kết thúc: không tính vào chỉ tiêu theo hồ sơ đã giải quyết',
    en: () => 'withdrawn or stopped dossier with no resolved date: left out of the resolved-based indicators',
  },
  'value.unknown': {
    vi: (p) => `giá trị không xác định cho ${p.fieldVi}: ${q(p.value)} (bỏ qua ở chỉ tiêu cần trường này)`,
    en: (p) => `unknown ${p.fieldEn} value: ${q(p.value)} (left out of the indicators that need it)`,
  },
  'value.blank': {
    vi: (p) => `${p.fieldVi} để trống (bỏ qua ở chỉ tiêu cần trường này)`,
    en: (p) => `${p.fieldEn} is blank (left out of the indicators that need it)`,
  },
  'row.malformed': {
    vi: () => 'dấu ngoặc kép sai quy cách (có ký tự sau dấu ngoặc đóng)',
    en: () => 'malformed quoting (text after a closing quote)',
  },
  'row.unmatched': {
    vi: (p) => `mã hồ sơ ${q(p.code)} không khớp hồ sơ nào (${p.rows} dòng)`,
    en: (p) => `dossier code ${q(p.code)} matches no dossier (${plural(Number(p.rows), 'row')})`,
  },
  'row.noPeriod': { vi: () => 'thiếu kỳ báo cáo', en: () => 'no report period' },
  'row.badPeriod': {
    vi: (p) => `kỳ báo cáo không đọc được: ${q(p.value)}`,
    en: (p) => `unparseable report period: ${q(p.value)}`,
  },
  'row.otherPeriod': {
    vi: (p) => `kỳ báo cáo ${q(p.value)} không phải kỳ đang tính (${p.period})`,
    en: (p) => `report period ${q(p.value)} is not the period scored (${p.period})`,
  },
  'row.badCount': {
    vi: (p) => `${p.fieldVi} không phải số nguyên không âm: ${q(p.value)}`,
    en: (p) => `${p.fieldEn} is not a non-negative integer: ${q(p.value)}`,
  },
  'row.partsExceedTotal': {
    vi: (p) => `${p.partsVi} (${p.sum}) vượt ${p.fieldVi} (${p.total})`,
    en: (p) => `${p.partsEn} (${p.sum}) exceed ${p.fieldEn} (${p.total})`,
  },
  'row.sumMismatch': {
    vi: (p) => `các phần không cộng đúng: ${p.fieldVi} ${p.cell} = ${p.total}, nhưng ${p.partsVi} = ${p.sum}`,
    en: (p) => `the parts do not add up: ${p.fieldEn} ${p.cell} = ${p.total}, but ${p.partsEn} = ${p.sum}`,
  },
  'row.tooLong': {
    vi: (p) => `ô dài ${p.length} byte: không giá trị nào của trường này dài như vậy (giới hạn ${p.limit})`,
    en: (p) => `a cell of ${p.length} bytes: no value of this field is that long (the limit is ${p.limit})`,
  },
  'row.fieldCount': {
    vi: (p) => `dòng có ${p.got} cột, tiêu đề có ${p.want} cột`,
    en: (p) => `row has ${plural(Number(p.got), 'field')}, the header has ${p.want}`,
  },
};

export function message(lang: Lang, code: string, params: Params = {}): string {
  const m = MESSAGES[code];
  if (!m) return code;
  return m[lang](params);
}

/** Labels used by the renderers. */
export const LABELS = {
  vi: {
    tier: { so: 'Sở', huyen: 'Huyện', xa: 'Xã', all: 'Toàn tỉnh' } as Record<string, string>,
    status: { pass: 'Đạt', fail: 'Không đạt', 'no-data': 'Không có dữ liệu', 'no-target': 'Không có chỉ tiêu' } as Record<string, string>,
    indicator: 'Chỉ tiêu',
    tierCol: 'Cấp',
    unit: 'Đơn vị',
    rate: 'Tỷ lệ',
    counts: 'n/N',
    target: 'Mục tiêu',
    result: 'Kết quả',
    plan: 'Kế hoạch',
    period: 'Kỳ',
    inputs: 'Dữ liệu vào',
    dataset: {
      dossiers: 'hồ sơ',
      feedback: 'PAKN',
      online: 'nộp trực tuyến',
      digitization: 'số hóa',
      payments: 'thanh toán',
      summary: 'báo cáo tổng hợp',
    } as Record<string, string>,
    accounting: (r: number, c: number, j: number, s: number, w: number, x = '') =>
      `${r} dòng đọc = ${c} được tính + ${j} bị loại + ${s} bị thay thế (trùng mã)${x}; ${w} cảnh báo`,
    excludedTerm: (n: number, day: string) => ` + ${n} tiếp nhận sau ngày ${day} (--as-of)`,
    judgedAt: (day: string) => `dữ liệu đến ${day}: hồ sơ chưa giải quyết được xét tại ngày này`,
    noRowInPeriod: (file: string, period: string, from: string, to: string) =>
      `${file}: cảnh báo: không có dòng nào trong kỳ ${period} (dữ liệu từ ${from} đến ${to})`,
    accountingJoin: (r: number, c: number, j: number, s: number, u: number, w: number) =>
      `${r} dòng đọc = ${c} được tính + ${j} bị loại + ${s} bị thay thế (trùng mã) + ${u} không khớp hồ sơ; ${w} cảnh báo`,
    inPeriod: (n: number, period: string) => `${n} dòng trong kỳ ${period}`,
    notJoined: 'không ghép: không có danh sách hồ sơ',
    notJoinedRefused: 'không ghép: có danh sách hồ sơ không đọc được',
    unknownDataset: 'không rõ loại',
    periodAssumed: (p: string) => `không có cột kỳ báo cáo: coi là kỳ ${p}`,
    sources: 'Nguồn số liệu',
    via: { records: 'cột của tệp', join: 'ghép theo mã hồ sơ', summary: 'báo cáo tổng hợp' } as Record<string, string>,
    joinedDossiers: (n: number) => `${n} hồ sơ`,
    summary: (p: number, f: number, n: number, t: number) =>
      `Tổng hợp: ${p} đạt, ${f} không đạt, ${n} không có dữ liệu, ${t} không có chỉ tiêu`,
    skipped: (sk: Skipped, summary: boolean) =>
      `không phải dữ liệu, đã bỏ qua: ${[
        sk.title ? `${sk.title} dòng tiêu đề trên dòng tên cột` : '',
        sk.group ? `${sk.group} dòng nhóm` : '',
        sk.total ? `${sk.total} dòng tổng cộng` : '',
        sk.subtotal ? `${sk.subtotal} dòng cộng nhóm (theo phép cộng)` : '',
        sk.footer ? (summary ? `${sk.footer} dòng cuối không có số liệu` : `${sk.footer} dòng dưới dòng tổng cộng`) : '',
      ].filter(Boolean).join(', ')}`,
    periodFromTitle: (file: string, line: number) => `theo tiêu đề của ${file} (dòng ${line})`,
    quality: 'Chất lượng dữ liệu',
    problemsHeading: (shown: number, total: number) =>
      shown < total ? `Lỗi và cảnh báo (${shown} đầu tiên trong ${total}; xem tất cả với --problems):` : `Lỗi và cảnh báo (${total}):`,
    noProblems: 'Không có lỗi hay cảnh báo.',
    missingColumns: (file: string, cols: string, inds: string) => `${file}: không có cột ${cols} → không tính ${inds} từ tệp này`,
    noColumnIn: (cols: string, file: string) => `không có cột ${cols} trong ${file}`,
    leftOutNote: (ind: string, n: string, why: string) => `* ${ind}: ${n} bản ghi trong phạm vi không được tính (${why})`,
    notComputedNote: (ind: string, why: string) => `* ${ind}: chưa tính: ${why}`,
    truncated: (n: number) => `(${n} lỗi/cảnh báo nữa không được lưu)`,
    noTargetMark: '—',
    rejected: 'bị loại',
    unmatched: 'không khớp',
    warning: 'cảnh báo',
    excludedMark: 'loại trừ',
    unknownHeading: 'Giá trị không nhận ra (khai báo nghĩa của chúng trong tệp ánh xạ --map):',
    unknownMore: (values: number, rows: number) => `và ${values > 0 ? `${values} giá trị khác` : ''}${values > 0 && rows > 0 ? ', ' : ''}${rows > 0 ? `${rows} dòng nữa` : ''}`,
    excluded: (n: number) => ` + ${n} loại trừ (không được tiếp nhận)`,
  },
  en: {
    tier: { so: 'Department', huyen: 'District', xa: 'Commune', all: 'Province' } as Record<string, string>,
    status: { pass: 'Pass', fail: 'Fail', 'no-data': 'No data', 'no-target': 'No target' } as Record<string, string>,
    indicator: 'Indicator',
    tierCol: 'Tier',
    unit: 'Unit',
    rate: 'Rate',
    counts: 'n/N',
    target: 'Target',
    result: 'Result',
    plan: 'Plan',
    period: 'Period',
    inputs: 'Inputs',
    dataset: {
      dossiers: 'dossiers',
      feedback: 'feedback',
      online: 'online submissions',
      digitization: 'digitization',
      payments: 'payments',
      summary: 'summary report',
    } as Record<string, string>,
    accounting: (r: number, c: number, j: number, s: number, w: number, x = '') =>
      `${plural(r, 'row')} read = ${c} counted + ${j} rejected + ${s} superseded (duplicate code)${x}; ${plural(w, 'warning')}`,
    excludedTerm: (n: number, day: string) => ` + ${n} received after ${day} (--as-of)`,
    judgedAt: (day: string) => `data up to ${day}: dossiers still open are judged as of that day`,
    noRowInPeriod: (file: string, period: string, from: string, to: string) =>
      `${file}: warning: no row in the period ${period} (the data runs from ${from} to ${to})`,
    accountingJoin: (r: number, c: number, j: number, s: number, u: number, w: number) =>
      `${plural(r, 'row')} read = ${c} counted + ${j} rejected + ${s} superseded (duplicate code) + ${u} unmatched; ${plural(w, 'warning')}`,
    inPeriod: (n: number, period: string) => `${plural(n, 'row')} in the period ${period}`,
    notJoined: 'not joined: no dossier list given',
    notJoinedRefused: 'not joined: a dossier list is unreadable',
    unknownDataset: 'kind unknown',
    periodAssumed: (p: string) => `no report-period column: taken as covering ${p}`,
    sources: 'Sources',
    via: { records: 'own column', join: 'joined by dossier code', summary: 'summary report' } as Record<string, string>,
    joinedDossiers: (n: number) => plural(n, 'dossier'),
    summary: (p: number, f: number, n: number, t: number) => `Summary: ${p} pass, ${f} fail, ${n} no data, ${t} no target`,
    skipped: (sk: Skipped, summary: boolean) =>
      `not data, skipped: ${[
        sk.title ? `${plural(sk.title, 'title row')} above the header` : '',
        sk.group ? plural(sk.group, 'group row') : '',
        sk.total ? plural(sk.total, 'total row') : '',
        sk.subtotal ? `${plural(sk.subtotal, 'subtotal row')} (by the sums)` : '',
        sk.footer
          ? summary
            ? `${plural(sk.footer, 'row')} at the end without counts`
            : `${plural(sk.footer, 'row')} below the total row`
          : '',
      ].filter(Boolean).join(', ')}`,
    periodFromTitle: (file: string, line: number) => `from the title of ${file} (line ${line})`,
    quality: 'Data quality',
    problemsHeading: (shown: number, total: number) =>
      shown < total ? `Problems (first ${shown} of ${total}; --problems lists all):` : `Problems (${total}):`,
    noProblems: 'No problems.',
    missingColumns: (file: string, cols: string, inds: string) => `${file}: no column for ${cols} → ${inds} not computed from this file`,
    noColumnIn: (cols: string, file: string) => `no column for ${cols} in ${file}`,
    leftOutNote: (ind: string, n: string, why: string) => `* ${ind}: ${n} ${n === '1' ? 'record' : 'records'} in scope left out (${why})`,
    notComputedNote: (ind: string, why: string) => `* ${ind}: not computed: ${why}`,
    truncated: (n: number) => `(${n} more ${n === 1 ? 'problem' : 'problems'} not kept)`,
    noTargetMark: '—',
    rejected: 'rejected',
    unmatched: 'unmatched',
    warning: 'warning',
    excludedMark: 'excluded',
    unknownHeading: 'Values not recognized (give their meaning in a mapping file, --map):',
    unknownMore: (values: number, rows: number) => `and ${values > 0 ? `${values} other value${values === 1 ? '' : 's'}` : ''}${values > 0 && rows > 0 ? ', ' : ''}${rows > 0 ? `${rows} more rows` : ''}`,
    excluded: (n: number) => ` + ${n} excluded (never accepted)`,
  },
};

/** Labels of `ccch plan` (report/plan.ts). */
export const PLAN_LABELS = {
  vi: {
    filters: 'Bộ lọc',
    filterSection: (s: string) => (s === 'body' ? 'chỉ tiêu phần nội dung' : `mục ${s}`),
    filterLead: (s: string) => `chủ trì ${s}`,
    filterComputable: 'chỉ tiêu tính được',
    totals: (sec: number, items: number, tasks: number, t: number, c: { data: number; catalog: number; units: number; no: number }) =>
      `${sec} mục, ${items} nội dung, ${tasks} nhiệm vụ; ${t} chỉ tiêu (${c.data} từ dữ liệu, ${c.catalog} từ danh mục TTHC, ${c.units} từ tệp đơn vị, ${c.no} không tính được)`,
    targets: 'Chỉ tiêu',
    tasks: 'Nhiệm vụ',
    lead: 'Chủ trì',
    partners: 'Phối hợp',
    output: 'Kết quả',
    deadline: 'Thời hạn',
    goal: 'Mục tiêu',
    id: 'Mã',
    value: 'Mức',
    tiers: 'Cấp',
    by: 'Tính từ',
    body: 'Chỉ tiêu trong phần nội dung kế hoạch (mục II, 1–7)',
    nothing: 'Không có gì khớp bộ lọc.',
    tier: { so: 'sở', huyen: 'huyện', xa: 'xã', all: 'mọi cấp', province: 'toàn tỉnh' } as Record<string, string>,
    kind: {
      date: 'ngày',
      month: 'tháng',
      quarter: 'quý',
      half: 'nửa năm',
      year: 'năm',
      recurring: 'thường xuyên',
      conditional: 'có điều kiện',
      other: 'khác',
    } as Record<string, string>,
    computable: (kind: string, what: string | null) =>
      kind === 'data' ? `dữ liệu: ${what}` : kind === 'catalog' ? `danh mục TTHC: ${what}` : kind === 'units' ? `tệp đơn vị: ${what}` : 'không tính được',
    baseline: (b: string) => `so với ${b}`,
    rank: 'hạng',
    discrepancy: 'khác biệt',
    counterparts: 'tương ứng',
    definitions: 'Cách tính các chỉ tiêu từ dữ liệu',
    numerator: 'tử số',
    denominator: 'mẫu số',
    judging:
      'Hồ sơ, PAKN trễ hạn khi ngày giải quyết sau hạn: so đến phút khi cả hai ô có giờ, không thì theo ngày (hạn chỉ có ngày là hết ngày đó). Hồ sơ chưa giải quyết được xét tại thời điểm J: cuối ngày cuối kỳ, hoặc cuối ngày cuối của dữ liệu nếu sớm hơn, hoặc cuối ngày --as-of nếu sớm hơn nữa.',
  },
  en: {
    filters: 'Filters',
    filterSection: (s: string) => (s === 'body' ? 'body targets' : `section ${s}`),
    filterLead: (s: string) => `led by ${s}`,
    filterComputable: 'computable targets',
    totals: (sec: number, items: number, tasks: number, t: number, c: { data: number; catalog: number; units: number; no: number }) =>
      `${plural(sec, 'section')}, ${plural(items, 'item')}, ${plural(tasks, 'task')}; ${plural(t, 'target')} (${c.data} from data, ${c.catalog} from the catalog, ${c.units} from the units file, ${c.no} not computable)`,
    targets: 'Targets',
    tasks: 'Tasks',
    lead: 'Lead',
    partners: 'Partners',
    output: 'Output',
    deadline: 'Deadline',
    goal: 'Goal',
    id: 'Id',
    value: 'Value',
    tiers: 'Tiers',
    by: 'Computed from',
    body: 'Targets in the body of the plan (section II, parts 1–7)',
    nothing: 'Nothing matches the filters.',
    tier: { so: 'department', huyen: 'district', xa: 'commune', all: 'every tier', province: 'province' } as Record<string, string>,
    kind: {
      date: 'date',
      month: 'month',
      quarter: 'quarter',
      half: 'half year',
      year: 'year',
      recurring: 'recurring',
      conditional: 'conditional',
      other: 'other',
    } as Record<string, string>,
    computable: (kind: string, what: string | null) =>
      kind === 'data' ? `data: ${what}` : kind === 'catalog' ? `catalog: ${what}` : kind === 'units' ? `units file: ${what}` : 'not computable',
    baseline: (b: string) => `vs ${b}`,
    rank: 'rank',
    discrepancy: 'discrepancy',
    counterparts: 'counterparts',
    definitions: 'How the indicators are computed from the data',
    numerator: 'numerator',
    denominator: 'denominator',
    judging:
      'A dossier or feedback item is late when resolved after its due: to the minute when both cells carry a time, else by date (a due date alone ends with its day). Open ones are judged at the moment J: the end of the period’s last day, or of the data’s last day when earlier, or of --as-of when earlier still.',
  },
};

// Messages of the side inputs: catalog, units file, task status file.
Object.assign(MESSAGES, {
  'task.unknown': {
    vi: (p: Params) => `không có nhiệm vụ ${q(p.value)} trong kế hoạch (bỏ qua dòng)`,
    en: (p: Params) => `no task ${q(p.value)} in the plan (row ignored)`,
  },
  'task.badStatus': {
    vi: (p: Params) => `trạng thái không xác định: ${q(p.value)}`,
    en: (p: Params) => `unknown status: ${q(p.value)}`,
  },
  'task.noStatus': { vi: () => 'không có trạng thái hay ngày hoàn thành', en: () => 'no status and no completion date' },
  'task.completedAfterAsOf': {
    vi: (p: Params) => `ngày hoàn thành ${q(p.value)} sau ngày tính (--as-of)`,
    en: (p: Params) => `completion date ${q(p.value)} is after the as-of day (--as-of)`,
  },
  'task.dateNotDone': {
    vi: (p: Params) => `có ngày hoàn thành ${q(p.value)} nhưng trạng thái chưa hoàn thành (bỏ qua ngày)`,
    en: (p: Params) => `completion date ${q(p.value)} on a task not reported done (date ignored)`,
  },
  'row.noTier': { vi: () => 'thiếu cấp', en: () => 'no tier' },
  'row.noUnitOrCode': { vi: () => 'thiếu tên và mã đơn vị', en: () => 'no unit name or code' },
  'value.notCount': {
    vi: (p: Params) => `${p.fieldVi} không phải số nguyên không âm: ${q(p.value)} (bỏ qua ở chỉ tiêu cần trường này)`,
    en: (p: Params) => `${p.fieldEn} is not a non-negative whole number: ${q(p.value)} (left out of the targets that need it)`,
  },
});

/** Labels of `ccch tasks` (report/tasks.ts). */
export const TASK_LABELS = {
  vi: {
    state: {
      done: 'Hoàn thành',
      'done-late': 'Hoàn thành trễ hạn',
      'on-track': 'Đúng tiến độ',
      overdue: 'Quá hạn',
      'not-dated': 'Không có hạn cụ thể',
      'no-report': 'Chưa báo cáo',
    } as Record<string, string>,
    notReported: 'chưa báo cáo',
    asOf: 'Tính đến ngày',
    status: 'Tệp trạng thái',
    noStatus: 'Không có tệp trạng thái (--status): mọi nhiệm vụ là chưa báo cáo.',
    accounting: (r: number, c: number, j: number, s: number, u: number, w: number) =>
      `${r} dòng đọc = ${c} được tính + ${j} bị loại + ${s} bị thay thế (trùng mã) + ${u} không khớp nhiệm vụ; ${w} cảnh báo`,
    counts: (n: number, parts: string) => `${n} nhiệm vụ: ${parts}`,
    total: 'Tổng cộng',
    daysOverdue: (d: number) => `quá ${d} ngày`,
    completed: 'xong',
    groupNote: 'Nhiệm vụ có nhiều cơ quan chủ trì được liệt kê dưới mỗi cơ quan; tổng cộng đếm mỗi nhiệm vụ một lần.',
  },
  en: {
    state: {
      done: 'Done',
      'done-late': 'Done late',
      'on-track': 'On track',
      overdue: 'Overdue',
      'not-dated': 'Not dated',
      'no-report': 'No report',
    } as Record<string, string>,
    notReported: 'no report',
    asOf: 'As of',
    status: 'Status file',
    noStatus: 'No status file (--status): every task is unreported.',
    accounting: (r: number, c: number, j: number, s: number, u: number, w: number) =>
      `${plural(r, 'row')} read = ${c} counted + ${j} rejected + ${s} superseded (duplicate id) + ${u} matching no task; ${plural(w, 'warning')}`,
    counts: (n: number, parts: string) => `${plural(n, 'task')}: ${parts}`,
    total: 'Total',
    daysOverdue: (d: number) => `${plural(d, 'day')} late`,
    completed: 'done',
    groupNote: 'A task with several lead agencies is listed under each; the total counts each task once.',
  },
};

/** Names of the catalog and units measures in the score table. */
export const MEASURE_LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    'published-on-time': 'Tỷ lệ TTHC được công khai đúng hạn',
    'sample-dossier': 'Tỷ lệ TTHC có hồ sơ mẫu',
    simplified: 'Tỷ lệ TTHC được đơn giản hóa',
    'online-eligible-offered': 'Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến',
    'online-payment-enabled': 'Tỷ lệ TTHC có phí, lệ phí được thanh toán trực tuyến',
    'e-certification': 'Tỷ lệ đơn vị cấp xã, Phòng Tư pháp cung cấp chứng thực điện tử',
    'e-certified-copies-increase': 'Bản sao chứng thực điện tử: năm nay / năm trước',
  },
  en: {
    'published-on-time': 'Procedures published on time',
    'sample-dossier': 'Procedures with a sample dossier',
    simplified: 'Procedures simplified',
    'online-eligible-offered': 'Eligible procedures offered online',
    'online-payment-enabled': 'Procedures with fees offering online payment',
    'e-certification': 'Communes and district Justice Offices offering e-certification',
    'e-certified-copies-increase': 'E-certified copies: this year / last year',
  },
};

export const SIDE_LABELS = {
  vi: {
    dataset: { catalog: 'danh mục TTHC', units: 'đơn vị', 'task-status': 'trạng thái nhiệm vụ' } as Record<string, string>,
    unplaced: (n: number, names: string) => `${n} đơn vị không thuộc huyện nào trong tệp đơn vị (không có trong kết quả theo huyện): ${names}`,
  },
  en: {
    dataset: { catalog: 'procedures catalog', units: 'units', 'task-status': 'task status' } as Record<string, string>,
    unplaced: (n: number, names: string) => `${plural(n, 'unit')} placed in no district by the units file (not in the per-district results): ${names}`,
  },
};
