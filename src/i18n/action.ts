/**
 * Labels of what leads from a verdict to action (issue 16): the shortfall, the listing's
 * omissions, months, the rest of the year, `ccch explain` and `ccch overdue`.
 */
import type { Lang } from '../model/lang.js';

export const ACTION_LABELS = {
  vi: {
    omitted: (n: number, failing: boolean, top: number | null) =>
      `${n} kết quả không liệt kê (${[failing ? 'chỉ kết quả không đạt: --failing' : '', top !== null ? `${top} đơn vị đầu mỗi cấp: --top ${top}` : ''].filter(Boolean).join('; ')}); dòng tổng kết vẫn tính mọi kết quả`,
    noDataUnits: (n: number) => `${n} kết quả của đơn vị có mẫu số 0 (không có dữ liệu) không liệt kê; --all-units để liệt kê`,
  },
  en: {
    omitted: (n: number, failing: boolean, top: number | null) =>
      `${n} result${n === 1 ? '' : 's'} not listed (${[failing ? 'failing results only: --failing' : '', top !== null ? `the first ${top} units per tier: --top ${top}` : ''].filter(Boolean).join('; ')}); the summary line still counts every result`,
    noDataUnits: (n: number) => `${n} unit result${n === 1 ? '' : 's'} with a zero denominator (no data) not listed; --all-units lists them`,
  },
} satisfies Record<Lang, unknown>;
