/** Labels of the listings: `explain` (the rows behind a result) and `overdue`, in both languages. */
import type { Lang } from '../model/lang.js';
import { formatInt } from '../util/numbers.js';

interface ListingLabels {
  indicator: string;
  scope: string;
  result: string;
  rows: (which: string, n: number) => string;
  which: Record<string, string>;
  none: string;
  head: { where: string; code: string; unit: string; tier: string; received: string; due: string; resolved: string; verdict: string; reason: string; kind: string; days: string; state: string };
  inNumerator: string;
  notInNumerator: string;
  openAtJ: string;
  reason: Record<string, string>;
  supersededBy: (where: string) => string;
  value: Record<string, string>;
  field: Record<string, string>;
  asOf: string;
  within: (n: number) => string;
  counts: (overdue: number, dueSoon: number) => string;
  byUnit: string;
  state: Record<string, string>;
  dataset: Record<string, string>;
  daysOverdue: (n: number) => string;
  daysLeft: (n: number) => string;
  problems: (n: number) => string;
  inputs: string;
}

export const LISTING_LABELS: Record<Lang, ListingLabels> = {
  vi: {
    indicator: 'Chỉ tiêu',
    scope: 'Phạm vi',
    result: 'Kết quả (như score)',
    rows: (which, n) => `Các dòng ${which}: ${formatInt(n, 'vi')} dòng`,
    which: { numerator: 'thuộc tử số', denominator: 'thuộc mẫu số', 'not-numerator': 'thuộc mẫu số, không thuộc tử số', excluded: 'bị loại khỏi kết quả' },
    none: '(không có dòng nào)',
    head: { where: 'Tệp:dòng', code: 'Mã', unit: 'Đơn vị', tier: 'Cấp', received: 'Tiếp nhận', due: 'Hạn', resolved: 'Giải quyết', verdict: 'Tử số', reason: 'Lý do', kind: 'Loại', days: 'Số ngày', state: 'Tình trạng' },
    inNumerator: 'có',
    notInNumerator: 'không',
    openAtJ: 'chưa giải quyết',
    reason: { superseded: 'bị thay thế (trùng mã)', 'after-as-of': 'tiếp nhận sau --as-of', 'no-column': 'tệp thiếu cột', value: 'giá trị' },
    supersededBy: (w) => `bởi ${w}`,
    value: { online: 'trực tuyến', offline: 'không trực tuyến', yes: 'có', no: 'không', satisfied: 'hài lòng', 'not-satisfied': 'không hài lòng', 'non-cash': 'không dùng tiền mặt', cash: 'tiền mặt', blank: '(trống)', unknown: '(không rõ)', absent: '(không có cột)' },
    field: { channel: 'Kênh nộp', digitized: 'Số hóa', eResult: 'KQ điện tử', rating: 'Đánh giá', fee: 'Phí', payment: 'Thanh toán' },
    asOf: 'Tính đến hết ngày',
    within: (n) => `và sắp đến hạn trong ${n} ngày`,
    counts: (o, s) => `${formatInt(o, 'vi')} quá hạn` + (s > 0 ? `, ${formatInt(s, 'vi')} sắp đến hạn` : ''),
    byUnit: 'Theo đơn vị',
    state: { overdue: 'quá hạn', 'due-soon': 'sắp đến hạn' },
    dataset: { dossiers: 'hồ sơ', feedback: 'PAKN' },
    daysOverdue: (n) => (n === 0 ? 'quá hạn trong ngày' : `quá ${n} ngày`),
    daysLeft: (n) => (n === 0 ? 'hạn hôm nay' : `còn ${n} ngày`),
    problems: (n) => `${formatInt(n, 'vi')} lỗi và cảnh báo (xem ccch validate)`,
    inputs: 'Dữ liệu vào',
  },
  en: {
    indicator: 'Indicator',
    scope: 'Scope',
    result: 'Result (as score gives it)',
    rows: (which, n) => `Rows ${which}: ${formatInt(n, 'en')}`,
    which: { numerator: 'in the numerator', denominator: 'in the denominator', 'not-numerator': 'in the denominator, not the numerator', excluded: 'left out of the result' },
    none: '(no rows)',
    head: { where: 'File:line', code: 'Code', unit: 'Unit', tier: 'Tier', received: 'Received', due: 'Due', resolved: 'Resolved', verdict: 'Numerator', reason: 'Why', kind: 'Kind', days: 'Days', state: 'State' },
    inNumerator: 'yes',
    notInNumerator: 'no',
    openAtJ: 'open',
    reason: { superseded: 'superseded (same code)', 'after-as-of': 'received after --as-of', 'no-column': 'no column in its file', value: 'value' },
    supersededBy: (w) => `by ${w}`,
    value: { online: 'online', offline: 'not online', yes: 'yes', no: 'no', satisfied: 'satisfied', 'not-satisfied': 'not satisfied', 'non-cash': 'non-cash', cash: 'cash', blank: '(blank)', unknown: '(unknown)', absent: '(no column)' },
    field: { channel: 'Channel', digitized: 'Digitized', eResult: 'E-result', rating: 'Rating', fee: 'Fee', payment: 'Payment' },
    asOf: 'As of the end of',
    within: (n) => `and due within ${n} days`,
    counts: (o, s) => `${formatInt(o, 'en')} overdue` + (s > 0 ? `, ${formatInt(s, 'en')} due soon` : ''),
    byUnit: 'By unit',
    state: { overdue: 'overdue', 'due-soon': 'due soon' },
    dataset: { dossiers: 'dossier', feedback: 'PAKN' },
    daysOverdue: (n) => (n === 0 ? 'overdue today' : `${n} day${n === 1 ? '' : 's'} overdue`),
    daysLeft: (n) => (n === 0 ? 'due today' : `${n} day${n === 1 ? '' : 's'} left`),
    problems: (n) => `${formatInt(n, 'en')} problems (see ccch validate)`,
    inputs: 'Inputs',
  },
};
