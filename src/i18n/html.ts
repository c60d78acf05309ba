/** Labels of the HTML report (`score --format html`), in Vietnamese and English. */
import type { Lang } from '../model/lang.js';

export interface HtmlLabels {
  title: string;
  generated: (version: string) => string;
  contents: string;
  overview: string;
  overviewNote: string;
  charts: string;
  chartsNote: string;
  trend: string;
  trendNote: string;
  lowest: string;
  lowestNote: (k: number) => string;
  districts: string;
  districtsNote: (k: number) => string;
  inputs: string;
  cards: { pass: string; fail: string; 'no-data': string; 'no-target': string };
  cardsOf: string;
  unitSummary: (p: number, f: number, n: number) => string;
  failing: string;
  noFailing: string;
  shortfall: string;
  /** "thiếu 38 hồ sơ": a shortfall of n (formatted) items of a kind (dossiers, feedback, catalog, units; unknown: none named). */
  short: (n: number, formatted: string, kind: string | undefined) => string;
  noData: string;
  noChart: string;
  failingOf: (f: number, total: number, tier: string, districts: boolean) => string;
  district: string;
  months: readonly string[];
  file: string;
  kind: string;
  rowsRead: string;
  counted: string;
  rejected: string;
  superseded: string;
  unmatched: string;
  /** Rows received after the --as-of day. */
  excluded: (day: string) => string;
  warnings: string;
  total: string;
  problems: string;
  problemCount: string;
  severity: string;
  column: string;
  message: string;
  firstLines: string;
  lines: (n: number) => string;
  moreMessages: (n: number) => string;
  moreGroups: (n: number) => string;
  rateRounding: string;
  shortfallMeaning: string;
  targetLine: string;
  clause: (c: string) => string;
  /** A result's records left out for want of a column (the notes say which). */
  leftOut: (n: string) => string;
  chartLabel: (name: string, parts: string) => string;
}

/** What a shortfall counts, by the indicator's dataset or the measure's source. */
const VI_ITEMS: Record<string, string> = { dossiers: 'hồ sơ', feedback: 'PAKN', catalog: 'TTHC', units: 'đơn vị' };
const EN_ITEMS: Record<string, [string, string]> = {
  dossiers: ['dossier', 'dossiers'],
  feedback: ['feedback item', 'feedback items'],
  catalog: ['procedure', 'procedures'],
  units: ['unit', 'units'],
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const HTML_LABELS: Record<Lang, HtmlLabels> = {
  vi: {
    title: 'Kết quả thực hiện chỉ tiêu cải cách hành chính',
    generated: (v) => `Lập bằng ccch ${v} từ tệp xuất của hệ thống một cửa điện tử.`,
    contents: 'Nội dung',
    overview: 'Tổng quan kết quả',
    overviewNote: 'Mỗi ô: kết quả, tỷ lệ, n/N (tử số/mẫu số) và mục tiêu của chỉ tiêu ở cấp đó.',
    charts: 'Biểu đồ theo chỉ tiêu',
    chartsNote: 'Thanh: tỷ lệ đạt được ở từng cấp — xanh lá: đạt, đỏ: không đạt, xanh xám: không có chỉ tiêu; vạch đen: mục tiêu của kế hoạch.',
    trend: 'Diễn biến theo tháng',
    trendNote: 'Tỷ lệ từng tháng theo cấp; nét đứt: mục tiêu.',
    lowest: 'Đơn vị có tỷ lệ thấp nhất',
    lowestNote: (k) => `Mỗi cấp: ${k} đơn vị có tỷ lệ thấp nhất (chỉ đơn vị có phát sinh), kèm số còn thiếu để đạt mục tiêu.`,
    districts: 'Kết quả theo huyện',
    districtsNote: (k) => `Mỗi cấp: ${k} huyện có tỷ lệ thấp nhất (chỉ huyện có phát sinh), kèm số còn thiếu để đạt mục tiêu.`,
    inputs: 'Dữ liệu vào và chất lượng dữ liệu',
    cards: { pass: 'đạt', fail: 'không đạt', 'no-data': 'không có dữ liệu', 'no-target': 'không có chỉ tiêu' },
    cardsOf: 'kết quả theo cấp và toàn tỉnh',
    unitSummary: (p, f, n) => `Theo đơn vị/huyện: ${p} đạt, ${f} không đạt, ${n} không có dữ liệu.`,
    failing: 'Chưa đạt mục tiêu',
    noFailing: 'Mọi kết quả có dữ liệu đều đạt mục tiêu.',
    shortfall: 'Còn thiếu',
    short: (_, f, kind) => `thiếu ${f}${kind && VI_ITEMS[kind] ? ` ${VI_ITEMS[kind]}` : ''}`,
    noData: 'không có dữ liệu',
    noChart: 'Không có dữ liệu để vẽ biểu đồ.',
    failingOf: (f, total, tier, districts) => `${tier}: ${f}/${total} ${districts ? 'huyện' : 'đơn vị'} không đạt`,
    district: 'Huyện',
    months: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12'],
    file: 'Tệp',
    kind: 'Loại',
    rowsRead: 'Dòng đọc',
    counted: 'Được tính',
    rejected: 'Bị loại',
    superseded: 'Bị thay thế',
    unmatched: 'Không khớp',
    excluded: (day) => `Nhận sau ${day || 'ngày tính'}`,
    warnings: 'Cảnh báo',
    total: 'Cộng',
    problems: 'Lỗi và cảnh báo, theo nội dung',
    problemCount: 'Số dòng',
    severity: 'Mức',
    column: 'Cột',
    message: 'Nội dung',
    firstLines: 'Dòng đầu tiên',
    lines: () => 'dòng',
    moreMessages: (n) => `và ${n} nội dung khác`,
    moreGroups: (n) => `${n} nhóm lỗi khác không liệt kê.`,
    rateRounding: 'Tỷ lệ được làm tròn xuống một chữ số thập phân, nên tỷ lệ hiển thị không bao giờ cao hơn tỷ lệ thực; kết quả đạt/không đạt được so sánh chính xác trên n/N.',
    shortfallMeaning: '“Thiếu k”: số tối thiểu phải chuyển vào tử số (mẫu số giữ nguyên) để đạt mục tiêu.',
    targetLine: 'mục tiêu',
    clause: (c) => c.replace(/\bappendix\b/g, 'phụ lục').replace(/\bbody\b/g, 'thân kế hoạch'),
    leftOut: (n) => `${n} không được tính (thiếu cột)`,
    chartLabel: (name, parts) => `Biểu đồ ${name}: ${parts}`,
  },
  en: {
    title: 'Administrative-reform indicators: results',
    generated: (v) => `Made by ccch ${v} from the one-stop system's exports.`,
    contents: 'Contents',
    overview: 'Overview',
    overviewNote: "Each cell: the verdict, the rate, n/N (numerator/denominator) and the tier's target.",
    charts: 'Charts by indicator',
    chartsNote: "Bars: the rate reached in each tier — green: pass, red: fail, grey-blue: no target; black mark: the plan's target.",
    trend: 'Month by month',
    trendNote: 'Each month’s rate per tier; dashed: the target.',
    lowest: 'Lowest units',
    lowestNote: (k) => `Per tier: the ${k} units with the lowest rate (units with any items), with how many they are short of the target.`,
    districts: 'Results by district',
    districtsNote: (k) => `Per tier: the ${k} districts with the lowest rate (districts with any items), with how many they are short of the target.`,
    inputs: 'Inputs and data quality',
    cards: { pass: 'pass', fail: 'fail', 'no-data': 'no data', 'no-target': 'no target' },
    cardsOf: 'results per tier and province',
    unitSummary: (p, f, n) => `Per unit or district: ${p} pass, ${f} fail, ${n} no data.`,
    failing: 'Targets missed',
    noFailing: 'Every result with data meets its target.',
    shortfall: 'Short',
    short: (n, f, kind) => `${f}${kind && EN_ITEMS[kind] ? ` ${EN_ITEMS[kind][n === 1 ? 0 : 1]}` : ''} short`,
    noData: 'no data',
    noChart: 'No data to chart.',
    failingOf: (f, total, tier, districts) => `${tier}: ${f} of ${total} ${districts ? 'districts' : 'units'} fail`,
    district: 'District',
    months: MONTHS_EN,
    file: 'File',
    kind: 'Kind',
    rowsRead: 'Rows read',
    counted: 'Counted',
    rejected: 'Rejected',
    superseded: 'Superseded',
    unmatched: 'Unmatched',
    excluded: (day) => `Received after ${day || 'as-of'}`,
    warnings: 'Warnings',
    total: 'Total',
    problems: 'Problems, by message',
    problemCount: 'Rows',
    severity: 'Severity',
    column: 'Column',
    message: 'Message',
    firstLines: 'First lines',
    lines: (n) => (n === 1 ? 'line' : 'lines'),
    moreMessages: (n) => `and ${n} other message${n === 1 ? '' : 's'}`,
    moreGroups: (n) => `${n} more group${n === 1 ? '' : 's'} of problems not listed.`,
    rateRounding: 'Rates are rounded down to one decimal, so a shown rate is never above the real one; pass and fail are decided exactly on n/N.',
    shortfallMeaning: '“k short”: the fewest items that would have to move into the numerator (same denominator) to meet the target.',
    targetLine: 'target',
    clause: (c) => c,
    leftOut: (n) => `${n} left out (missing column)`,
    chartLabel: (name, parts) => `Chart of ${name}: ${parts}`,
  },
};
