/**
 * Labels of what leads from a verdict to action (issue 16): the shortfall, the listing's
 * omissions, months, the rest of the year, `ccch explain` and `ccch overdue`.
 */
import type { Lang } from '../model/lang.js';
import { HTML_LABELS } from './html.js';

/** Months as tables and axes write them: "T3" (one year) or "T3/2023" (several); "Mar", "Mar 2023". */
export function monthLabel(month: string, oneYear: boolean, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const short = HTML_LABELS[lang].months[Number(m[2]) - 1] ?? month;
  return oneYear ? short : lang === 'vi' ? `${short}/${m[1]}` : `${short} ${m[1]}`;
}

export const ACTION_LABELS = {
  vi: {
    omitted: (n: number, failing: boolean, top: number | null) =>
      `${n} kết quả không liệt kê (${[failing ? 'chỉ kết quả không đạt: --failing' : '', top !== null ? `${top} đơn vị đầu mỗi cấp: --top ${top}` : ''].filter(Boolean).join('; ')}); dòng tổng kết vẫn tính mọi kết quả`,
    noDataUnits: (n: number) => `${n} kết quả của đơn vị có mẫu số 0 (không có dữ liệu) không liệt kê; --all-units để liệt kê`,
    yearEndCol: 'Cả năm (ước tính)',
    /** "cần ≥ 78,4% từ nay đến cuối năm". */
    yearEndNeed: (rate: string) => `cần ≥ ${rate} từ nay đến cuối năm`,
    yearEndDone: 'đã đủ cho cả năm',
    yearEndOut: 'không thể đạt trong năm',
    yearEndNote: (elapsed: number, left: number) =>
      `Cả năm (ước tính): nếu ${left} ngày còn lại của năm có số hồ sơ (PAKN) theo cùng nhịp mỗi ngày như ${elapsed} ngày đã qua, tỷ lệ tối thiểu phần còn lại phải đạt để cả năm đạt mục tiêu`,
    byMonth: 'Theo tháng',
    byMonthNote: 'mỗi tháng là một kỳ riêng: hồ sơ chưa giải quyết được xét tại ngày cuối tháng (hoặc ngày cuối của dữ liệu, --as-of nếu sớm hơn)',
    judgedMonth: (month: string, day: string) => `${month}: xét tại ${day}`,
    noMonthData: (names: string) => `Không có dữ liệu trong tháng nào: ${names}`,
    summaryNoMonths: (names: string) => `Tính từ báo cáo tổng hợp (số liệu cả kỳ, không chia theo tháng): ${names}`,
  },
  en: {
    omitted: (n: number, failing: boolean, top: number | null) =>
      `${n} result${n === 1 ? '' : 's'} not listed (${[failing ? 'failing results only: --failing' : '', top !== null ? `the first ${top} units per tier: --top ${top}` : ''].filter(Boolean).join('; ')}); the summary line still counts every result`,
    noDataUnits: (n: number) => `${n} unit result${n === 1 ? '' : 's'} with a zero denominator (no data) not listed; --all-units lists them`,
    yearEndCol: 'Year end (estimate)',
    yearEndNeed: (rate: string) => `needs ≥ ${rate} for the rest of the year`,
    yearEndDone: 'enough for the year',
    yearEndOut: 'out of reach this year',
    yearEndNote: (elapsed: number, left: number) =>
      `Year end (estimate): if the ${left} days left in the year bring dossiers (feedback items) at the same daily volume as the ${elapsed} days so far, the least rate the rest must reach for the year to meet the target`,
    byMonth: 'By month',
    byMonthNote: "each month is a period of its own: open dossiers are judged at the month's last day (or the data's last day, or --as-of, when earlier)",
    judgedMonth: (month: string, day: string) => `${month}: judged at ${day}`,
    noMonthData: (names: string) => `No data in any month: ${names}`,
    summaryNoMonths: (names: string) => `From summary reports (figures for their whole period, not by month): ${names}`,
  },
} satisfies Record<Lang, unknown>;
