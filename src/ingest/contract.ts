/**
 * The data contract of the one-stop system's exports (see docs/domain.md and the README):
 * which headers name which field, and which values mean what. This file is the single
 * source of those vocabularies; matching is always on folded text (see util/text.ts).
 */
import { fold } from '../util/text.js';
import { BLANK, UNKNOWN, Channel, Payment, Rating, TierCode, YesNo } from '../model/record.js';
import type { CountField, Field, Kind } from '../model/kinds.js';

export interface FieldSpec<F extends string = Field> {
  field: F;
  /** Aliases in priority order: when two headers map to one field, the first listed wins. */
  aliases: string[];
  required?: boolean;
  /** A column that marks the file's kind in detection (see headers.ts detectKind). */
  marker?: boolean;
  /** Short Vietnamese and English labels for messages. */
  vi: string;
  en: string;
}

const UNIT_ALIASES = ['Đơn vị', 'Đơn vị tiếp nhận', 'Đơn vị xử lý', 'Cơ quan giải quyết', 'DonViXuLy'];
const TIER_ALIASES = ['Cấp', 'Cấp hành chính', 'Cấp đơn vị'];

export const DOSSIER_FIELDS: FieldSpec[] = [
  { field: 'code', aliases: ['Mã hồ sơ', 'Số hồ sơ', 'MaHoSo'], required: true, vi: 'mã hồ sơ', en: 'dossier code' },
  { field: 'unit', aliases: UNIT_ALIASES, required: true, vi: 'đơn vị', en: 'unit' },
  { field: 'tier', aliases: TIER_ALIASES, vi: 'cấp', en: 'tier' },
  { field: 'procedure', aliases: ['Mã TTHC', 'Mã thủ tục', 'MaTTHC'], vi: 'mã TTHC', en: 'procedure' },
  { field: 'received', aliases: ['Ngày tiếp nhận', 'Ngày nhận', 'NgayTiepNhan'], required: true, vi: 'ngày tiếp nhận', en: 'received date' },
  { field: 'due', aliases: ['Ngày hẹn trả', 'Hạn xử lý', 'Hạn giải quyết', 'NgayHenTra'], vi: 'ngày hẹn trả', en: 'due date' },
  {
    field: 'resolved',
    aliases: ['Ngày kết thúc xử lý', 'Ngày hoàn thành', 'Ngày trả kết quả', 'NgayKetThucXuLy', 'NgayTra'],
    vi: 'ngày kết thúc xử lý',
    en: 'resolved date',
  },
  { field: 'channel', aliases: ['Hình thức nộp', 'Kênh nộp', 'Kênh thực hiện', 'KenhThucHien'], vi: 'hình thức nộp', en: 'channel' },
  { field: 'digitized', aliases: ['Số hóa', 'Đã số hóa', 'Hồ sơ số hóa', 'HoSoCoThanhPhanSoHoa'], vi: 'số hóa', en: 'digitized' },
  { field: 'eResult', aliases: ['Kết quả điện tử', 'Trả kết quả điện tử'], vi: 'kết quả điện tử', en: 'electronic result' },
  { field: 'rating', aliases: ['Đánh giá', 'Mức độ hài lòng', 'Kết quả đánh giá'], vi: 'đánh giá', en: 'rating' },
  { field: 'fee', aliases: ['Phí, lệ phí', 'Phí lệ phí', 'Số tiền'], vi: 'phí, lệ phí', en: 'fee' },
  {
    field: 'payment',
    aliases: ['Hình thức thanh toán', 'Phương thức thanh toán', 'DuocThanhToanTrucTuyen'],
    vi: 'hình thức thanh toán',
    en: 'payment method',
  },
];

export const FEEDBACK_FIELDS: FieldSpec[] = [
  { field: 'code', aliases: ['Mã PAKN', 'Mã phản ánh', 'Mã phản ánh kiến nghị'], required: true, vi: 'mã PAKN', en: 'feedback code' },
  { field: 'unit', aliases: [...UNIT_ALIASES, 'Cơ quan xử lý'], required: true, vi: 'đơn vị', en: 'unit' },
  { field: 'tier', aliases: TIER_ALIASES, vi: 'cấp', en: 'tier' },
  { field: 'received', aliases: ['Ngày tiếp nhận', 'Ngày gửi', 'Ngày nhận'], required: true, vi: 'ngày tiếp nhận', en: 'received date' },
  { field: 'due', aliases: ['Hạn xử lý', 'Hạn trả lời'], vi: 'hạn xử lý', en: 'due date' },
  {
    field: 'resolved',
    aliases: ['Ngày xử lý xong', 'Ngày hoàn thành', 'Ngày trả lời', 'Ngày kết thúc xử lý'],
    vi: 'ngày xử lý xong',
    en: 'resolved date',
  },
  { field: 'rating', aliases: ['Đánh giá', 'Mức độ hài lòng'], vi: 'đánh giá', en: 'rating' },
];

const DOSSIER_CODE = DOSSIER_FIELDS[0]!;

/** Online submissions: one row per dossier submitted online. */
export const ONLINE_FIELDS: FieldSpec[] = [
  DOSSIER_CODE,
  {
    field: 'submitted',
    aliases: ['Ngày nộp trực tuyến', 'Thời gian nộp trực tuyến', 'Ngày nộp', 'Thời gian nộp', 'Ngày nộp hồ sơ', 'NgayNopTrucTuyen', 'NgayNop'],
    marker: true,
    vi: 'ngày nộp trực tuyến',
    en: 'online submission date',
  },
  { field: 'level', aliases: ['Mức độ DVC', 'Mức độ dịch vụ công', 'Mức độ', 'MucDoDVC', 'MucDo'], marker: true, vi: 'mức độ DVC', en: 'service level' },
];

/** Digitization: one row per digitized dossier or per digitized component. */
export const DIGITIZATION_FIELDS: FieldSpec[] = [
  DOSSIER_CODE,
  {
    field: 'component',
    aliases: ['Thành phần hồ sơ', 'Tên thành phần', 'Tên thành phần hồ sơ', 'Mã thành phần', 'TenThanhPhan', 'MaThanhPhan'],
    marker: true,
    vi: 'thành phần hồ sơ',
    en: 'component',
  },
  { field: 'digitizedOn', aliases: ['Ngày số hóa', 'Thời gian số hóa', 'NgaySoHoa'], marker: true, vi: 'ngày số hóa', en: 'digitized date' },
  {
    field: 'status',
    aliases: ['Trạng thái số hóa', 'Đã số hóa', 'Số hóa', 'HoSoCoThanhPhanSoHoa', 'TrangThaiSoHoa'],
    vi: 'trạng thái số hóa',
    en: 'digitization status',
  },
];

/** Payments: one row per payment; a dossier may have several. */
export const PAYMENT_FIELDS: FieldSpec[] = [
  DOSSIER_CODE,
  {
    field: 'amount',
    aliases: ['Số tiền thanh toán', 'Số tiền đã thanh toán', 'Số tiền', 'Phí, lệ phí', 'SoTienThanhToan', 'SoTien'],
    marker: true,
    vi: 'số tiền',
    en: 'amount',
  },
  {
    field: 'method',
    aliases: ['Hình thức thanh toán', 'Phương thức thanh toán', 'Kênh thanh toán', 'DuocThanhToanTrucTuyen', 'HinhThucThanhToan'],
    required: true,
    vi: 'hình thức thanh toán',
    en: 'payment method',
  },
  { field: 'paidOn', aliases: ['Ngày thanh toán', 'Thời gian thanh toán', 'NgayThanhToan'], marker: true, vi: 'ngày thanh toán', en: 'payment date' },
];

const count = (field: CountField, vi: string, en: string, aliases: string[]): FieldSpec => ({ field, aliases, marker: true, vi, en });

/** Summary reports (báo cáo tổng hợp): one row per unit with counts for one period. */
export const SUMMARY_FIELDS: FieldSpec[] = [
  { field: 'unit', aliases: [...UNIT_ALIASES, 'Tên đơn vị', 'Cơ quan', 'Cơ quan, đơn vị'], required: true, vi: 'đơn vị', en: 'unit' },
  { field: 'tier', aliases: TIER_ALIASES, vi: 'cấp', en: 'tier' },
  { field: 'period', aliases: ['Kỳ báo cáo', 'Kỳ', 'Kỳ tổng hợp', 'KyBaoCao'], vi: 'kỳ báo cáo', en: 'report period' },
  count('receivedTotal', 'tổng số tiếp nhận', 'received total', ['Tổng số tiếp nhận', 'Tổng số hồ sơ tiếp nhận', 'Tổng tiếp nhận', 'Số hồ sơ tiếp nhận', 'Tiếp nhận mới', 'TongSoTiepNhan', 'TongTiepNhan']),
  count('receivedOnline', 'tiếp nhận trực tuyến', 'received online', ['Trực tuyến', 'Tiếp nhận trực tuyến', 'Nộp trực tuyến', 'Số hồ sơ trực tuyến', 'TiepNhanTrucTuyen']),
  count('receivedDirect', 'tiếp nhận trực tiếp', 'received in person', ['Trực tiếp', 'Tiếp nhận trực tiếp', 'Nộp trực tiếp', 'TiepNhanTrucTiep']),
  count('receivedPostal', 'tiếp nhận qua BCCI', 'received by post', ['Qua BCCI', 'BCCI', 'Bưu chính công ích', 'Qua bưu chính', 'Qua dịch vụ BCCI', 'TiepNhanBCCI']),
  count('carriedOver', 'kỳ trước chuyển sang', 'carried over', ['Kỳ trước chuyển sang', 'Kỳ trước chuyển qua', 'Tồn kỳ trước', 'Từ kỳ trước chuyển sang', 'KyTruocChuyenSang']),
  count('resolvedTotal', 'tổng số đã giải quyết', 'resolved total', ['Tổng số đã giải quyết', 'Tổng số đã xử lý', 'Đã giải quyết', 'Đã xử lý', 'TongDaGiaiQuyet', 'DaGiaiQuyet']),
  count('resolvedEarly', 'giải quyết trước hạn', 'resolved early', ['Trước hạn', 'Giải quyết trước hạn', 'Đã xử lý trước hạn', 'DaXuLyTruocHan']),
  count('resolvedOnTime', 'giải quyết đúng hạn', 'resolved on time', ['Đúng hạn', 'Giải quyết đúng hạn', 'Đã xử lý đúng hạn', 'DaXuLyDungHan']),
  count('resolvedLate', 'giải quyết quá hạn', 'resolved late', ['Quá hạn', 'Trễ hạn', 'Giải quyết quá hạn', 'Giải quyết trễ hạn', 'Đã xử lý quá hạn', 'DaXuLyQuaHan']),
  count('openWithin', 'đang xử lý trong hạn', 'open, within due', ['Đang xử lý trong hạn', 'Đang giải quyết trong hạn', 'Chưa đến hạn', 'DangXuLyTrongHan']),
  count('openOverdue', 'đang xử lý quá hạn', 'open, past due', ['Đang xử lý quá hạn', 'Đang giải quyết quá hạn', 'Đang xử lý trễ hạn', 'DangXuLyQuaHan']),
  count('digitizedCount', 'số hồ sơ số hóa', 'digitized', ['Số hóa', 'Đã số hóa', 'Hồ sơ số hóa', 'Số hồ sơ số hóa', 'Hồ sơ được số hóa', 'SoHoSoSoHoa']),
  count('eResultCount', 'kết quả điện tử', 'electronic results', ['Kết quả điện tử', 'Trả kết quả điện tử', 'Số kết quả điện tử', 'Cấp kết quả điện tử', 'SoKetQuaDienTu']),
  count('rated', 'số hồ sơ có đánh giá', 'rated', ['Có đánh giá', 'Số hồ sơ được đánh giá', 'Số lượt đánh giá', 'SoDanhGia']),
  count('satisfied', 'số hồ sơ hài lòng', 'rated satisfied', ['Hài lòng', 'Đánh giá hài lòng', 'Số hồ sơ hài lòng', 'SoHaiLong']),
  count('withFee', 'có nghĩa vụ tài chính', 'with a financial obligation', ['Có nghĩa vụ tài chính', 'Có phí, lệ phí', 'Phát sinh nghĩa vụ tài chính', 'Hồ sơ có phí', 'HoSoCoPhi']),
  count('paidOnline', 'thanh toán trực tuyến', 'paid online', ['Thanh toán trực tuyến', 'Đã thanh toán trực tuyến', 'ThanhToanTrucTuyen']),
  count('paidCashless', 'thanh toán không dùng tiền mặt', 'paid cashless', ['Thanh toán không dùng tiền mặt', 'Không dùng tiền mặt', 'ThanhToanKhongTienMat']),
  count('fbReceived', 'PAKN tiếp nhận', 'PAKN received', ['Tổng số PAKN', 'PAKN tiếp nhận', 'Số PAKN tiếp nhận', 'TongPAKN']),
  count('fbResolvedOnTime', 'PAKN xử lý đúng hạn', 'PAKN resolved on time', ['PAKN đúng hạn', 'PAKN xử lý đúng hạn', 'PAKN giải quyết đúng hạn', 'PAKNDungHan']),
  count('fbResolvedLate', 'PAKN xử lý quá hạn', 'PAKN resolved late', ['PAKN quá hạn', 'PAKN trễ hạn', 'PAKN xử lý quá hạn', 'PAKNQuaHan']),
  count('fbOpenWithin', 'PAKN đang xử lý trong hạn', 'PAKN open, within due', ['PAKN đang xử lý trong hạn', 'PAKNDangXuLyTrongHan']),
  count('fbOpenOverdue', 'PAKN đang xử lý quá hạn', 'PAKN open, past due', ['PAKN đang xử lý quá hạn', 'PAKNDangXuLyQuaHan']),
  count('fbRated', 'PAKN có đánh giá', 'PAKN rated', ['PAKN có đánh giá', 'PAKNDanhGia']),
  count('fbSatisfied', 'PAKN hài lòng', 'PAKN rated satisfied', ['PAKN hài lòng', 'PAKNHaiLong']),
];

/**
 * Parts that may not exceed their total in one summary row (a row breaking one is rejected,
 * naming the total's column). The received channels may sum to less than the total (other
 * channels); resolved early + on time + late may not exceed the resolved total.
 */
export const SUMMARY_PARTS: Array<{ total: CountField; parts: CountField[] }> = [
  { total: 'receivedTotal', parts: ['receivedOnline', 'receivedDirect', 'receivedPostal'] },
  { total: 'receivedTotal', parts: ['digitizedCount'] },
  { total: 'resolvedTotal', parts: ['resolvedEarly', 'resolvedOnTime', 'resolvedLate'] },
  { total: 'resolvedTotal', parts: ['eResultCount'] },
  { total: 'resolvedTotal', parts: ['rated'] },
  { total: 'rated', parts: ['satisfied'] },
  { total: 'withFee', parts: ['paidCashless'] },
  { total: 'paidCashless', parts: ['paidOnline'] },
  { total: 'withFee', parts: ['paidOnline'] },
  { total: 'fbRated', parts: ['fbSatisfied'] },
];

export const FIELDS: Record<Kind, FieldSpec[]> = {
  dossiers: DOSSIER_FIELDS,
  feedback: FEEDBACK_FIELDS,
  online: ONLINE_FIELDS,
  digitization: DIGITIZATION_FIELDS,
  payments: PAYMENT_FIELDS,
  summary: SUMMARY_FIELDS,
};

export function fieldSpec(dataset: Kind, field: Field): FieldSpec {
  const spec = FIELDS[dataset].find((f) => f.field === field);
  if (!spec) throw new Error(`no field ${field} in ${dataset}`);
  return spec;
}

// ---------------------------------------------------------------------------------------
// Value vocabularies. Each maps folded spellings to a small integer code.
// `BLANK` is an empty cell; `UNKNOWN` a value the vocabulary does not know (a warning).

export interface Vocabulary {
  name: string;
  /** Folded spelling → code. Blank cells never reach the table. */
  values: Map<string, number>;
  /** The spellings as written in the contract, for documentation and messages. */
  listed: Record<string, string[]>;
}

export function vocabulary(name: string, groups: Record<string, [number, string[]]>): Vocabulary {
  const values = new Map<string, number>();
  const listed: Record<string, string[]> = {};
  for (const [label, [code, spellings]] of Object.entries(groups)) {
    listed[label] = spellings;
    for (const s of spellings) values.set(fold(s), code);
  }
  return { name, values, listed };
}

export const CHANNEL = vocabulary('channel', {
  online: [Channel.ONLINE, ['Trực tuyến', 'Nộp trực tuyến', 'Online', '2']],
  'not online': [Channel.OFFLINE, ['Trực tiếp', 'Bưu chính', 'Bưu chính công ích', 'BCCI', '1', '3']],
});

/** digitized and e-result: blank means no. */
export const YES_NO = vocabulary('yes/no', {
  yes: [YesNo.YES, ['Có', 'x', '1', 'true', 'Đã số hóa']],
  no: [YesNo.NO, ['Không', '0', 'false', 'Chưa số hóa']],
});

/** rating: blank means not rated. */
export const RATING = vocabulary('rating', {
  satisfied: [Rating.SATISFIED, ['Rất hài lòng', 'Hài lòng']],
  'not satisfied': [Rating.NOT_SATISFIED, ['Bình thường', 'Không hài lòng', 'Rất không hài lòng']],
});

/** payment: blank means none recorded. */
export const PAYMENT = vocabulary('payment', {
  online: [Payment.ONLINE, ['Trực tuyến', 'Thanh toán trực tuyến', 'Online', '1', '2']],
  'other non-cash': [Payment.NON_CASH, ['Chuyển khoản', 'POS', 'Thẻ', 'QR']],
  cash: [Payment.CASH, ['Tiền mặt', '0']],
});

/** The tier column's vocabulary (docs/domain.md, Tiers rule 1). */
export const TIER = vocabulary('tier', {
  so: [TierCode.so, ['Sở', 'Cấp sở', 'Tỉnh', 'Cấp tỉnh']],
  huyen: [TierCode.huyen, ['Huyện', 'Cấp huyện']],
  xa: [TierCode.xa, ['Xã', 'Cấp xã']],
});

/** Looks a raw cell up in a vocabulary: BLANK for an empty cell, UNKNOWN for anything unlisted. */
export function lookup(vocab: Vocabulary, raw: string): number {
  const key = fold(raw);
  if (key === '') return BLANK;
  return vocab.values.get(key) ?? UNKNOWN;
}

/**
 * A fee in VND: digits with `.`, `,` or spaces as thousands separators and an optional
 * `đ`/`VNĐ` suffix. Returns -1 for blank, NaN for anything unparseable.
 */
export function parseFee(raw: string): number {
  let s = fold(raw);
  if (s === '') return -1;
  if (s.endsWith('vnd')) s = s.slice(0, -3);
  else if (s.endsWith('d')) s = s.slice(0, -1);
  s = s.trim();
  if (s === '') return NaN;
  let v = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
    } else if (c !== 46 && c !== 44 && c !== 32) return NaN;
  }
  return digits === 0 ? NaN : v;
}
