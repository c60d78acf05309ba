/**
 * Messages and labels in Vietnamese (default) and English. Core code never formats a
 * message for people: it returns codes and parameters, and the report layer renders them
 * here in the user's language.
 */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const q = (s: string | number | undefined) => `"${s ?? ''}"`;
/** yyyy-mm-dd → dd/mm/yyyy. */
const viDate = (s: string | number | undefined) => String(s ?? '').replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

const MESSAGES: Record<string, { vi: Template; en: Template }> = {
  // Row rejections (problems of severity "error").
  'row.noCode': { vi: () => 'thiếu mã', en: () => 'no code' },
  'row.noUnit': { vi: () => 'thiếu đơn vị', en: () => 'no unit' },
  'row.noReceived': { vi: () => 'thiếu ngày tiếp nhận', en: () => 'no received date' },
  'row.badDate': {
    vi: (p) => `${p.fieldVi} không đọc được: ${q(p.value)}`,
    en: (p) => `unparseable ${p.fieldEn}: ${q(p.value)}`,
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
  // Warnings.
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
  'row.fieldCount': {
    vi: (p) => `dòng có ${p.got} cột, tiêu đề có ${p.want} cột`,
    en: (p) => `row has ${p.got} fields, the header has ${p.want}`,
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
    dataset: { dossiers: 'hồ sơ', feedback: 'PAKN' } as Record<string, string>,
    accounting: (r: number, c: number, j: number, s: number, w: number) =>
      `${r} dòng đọc = ${c} được tính + ${j} bị loại + ${s} bị thay thế (trùng mã); ${w} cảnh báo`,
    summary: (p: number, f: number, n: number, t: number) =>
      `Tổng hợp: ${p} đạt, ${f} không đạt, ${n} không có dữ liệu, ${t} không có chỉ tiêu`,
    skipped: (title: number, total: number, footer: number) =>
      `không phải dữ liệu, đã bỏ qua: ${[
        title ? `${title} dòng tiêu đề trên dòng tên cột` : '',
        total ? `${total} dòng tổng cộng` : '',
        footer ? `${footer} dòng dưới dòng tổng cộng` : '',
      ].filter(Boolean).join(', ')}`,
    quality: 'Chất lượng dữ liệu',
    problemsHeading: (shown: number, total: number) =>
      shown < total ? `Lỗi và cảnh báo (${shown} đầu tiên trong ${total}; xem tất cả với --problems):` : `Lỗi và cảnh báo (${total}):`,
    noProblems: 'Không có lỗi hay cảnh báo.',
    missingColumns: (file: string, cols: string, inds: string) => `${file}: không có cột ${cols} → không tính ${inds} từ tệp này`,
    truncated: (n: number) => `(${n} lỗi/cảnh báo nữa không được lưu)`,
    noTargetMark: '—',
    rejected: 'bị loại',
    warning: 'cảnh báo',
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
    dataset: { dossiers: 'dossiers', feedback: 'feedback' } as Record<string, string>,
    accounting: (r: number, c: number, j: number, s: number, w: number) =>
      `${r} rows read = ${c} counted + ${j} rejected + ${s} superseded (duplicate code); ${w} warnings`,
    summary: (p: number, f: number, n: number, t: number) => `Summary: ${p} pass, ${f} fail, ${n} no data, ${t} no target`,
    skipped: (title: number, total: number, footer: number) =>
      `not data, skipped: ${[
        title ? `${title} title row${title === 1 ? '' : 's'} above the header` : '',
        total ? `${total} total row` : '',
        footer ? `${footer} row${footer === 1 ? '' : 's'} below the total row` : '',
      ].filter(Boolean).join(', ')}`,
    quality: 'Data quality',
    problemsHeading: (shown: number, total: number) =>
      shown < total ? `Problems (first ${shown} of ${total}; --problems lists all):` : `Problems (${total}):`,
    noProblems: 'No problems.',
    missingColumns: (file: string, cols: string, inds: string) => `${file}: no column for ${cols} → ${inds} not computed from this file`,
    truncated: (n: number) => `(${n} more problems not kept)`,
    noTargetMark: '—',
    rejected: 'rejected',
    warning: 'warning',
  },
};
