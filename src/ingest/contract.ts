/**
 * The data contract of the one-stop system's exports (see docs/domain.md and the README):
 * which headers name which field, and which values mean what. This file is the single
 * source of the header aliases (the value vocabularies are in vocabulary.ts); matching is always
 * on folded text (see util/text.ts).
 */
import type { CountField, Field, Kind } from '../model/kinds.js';
import type { Tier } from '../model/tier.js';

export interface FieldSpec<F extends string = Field> {
  field: F;
  /** Aliases in priority order: when two headers map to one field, the first listed wins. */
  aliases: string[];
  required?: boolean;
  /** A column that marks the file's kind in detection (see headers.ts detectKind). */
  marker?: boolean;
  /**
   * Summary forms: the column group (form 06's "Số hồ sơ … giải quyết") the field belongs to. A
   * column under another group never matches the field; `within` lists names that match only
   * under its own group ("Tổng số", "Quá hạn"), and are tried before `aliases`.
   */
  section?: Section;
  within?: string[];
  /** Another way of writing field `alternativeOf` (the channel as a yes/no column): never missing itself, and with it the other is not. */
  alternativeOf?: F;
  /** Short Vietnamese and English labels for messages. */
  vi: string;
  en: string;
}

/**
 * The longest cell of a column ccch reads (bytes; characters for a workbook's cells): codes,
 * unit names, dates, tiers, categories, counts are tens of bytes (a unit's full name, "Ủy ban
 * nhân dân phường … thành phố …, tỉnh …", about a hundred). A longer one is no such value
 * (a megabyte unit name is not a unit): its row is rejected, naming the field. Columns ccch
 * does not read (notes) may hold anything up to the reader's record limit.
 */
export const MAX_FIELD_BYTES = 1024;

const UNIT_ALIASES = ['Đơn vị', 'Đơn vị tiếp nhận', 'Đơn vị xử lý', 'Cơ quan giải quyết', 'DonViXuLy', 'Cơ quan thụ lý', 'Cơ quan tiếp nhận', 'govAgencyName'];
const TIER_ALIASES = ['Cấp', 'Cấp hành chính', 'Cấp đơn vị'];

export const DOSSIER_FIELDS: FieldSpec[] = [
  { field: 'code', aliases: ['Mã hồ sơ', 'Số hồ sơ', 'MaHoSo', 'Mã số hồ sơ', 'dossierNo'], required: true, vi: 'mã hồ sơ', en: 'dossier code' },
  { field: 'unit', aliases: UNIT_ALIASES, required: true, vi: 'đơn vị', en: 'unit' },
  { field: 'tier', aliases: TIER_ALIASES, vi: 'cấp', en: 'tier' },
  { field: 'procedure', aliases: ['Mã TTHC', 'Mã thủ tục', 'MaTTHC'], vi: 'mã TTHC', en: 'procedure' },
  { field: 'received', aliases: ['Ngày tiếp nhận', 'Ngày nhận', 'NgayTiepNhan', 'Ngày tiếp nhận hồ sơ', 'receiveDate'], required: true, vi: 'ngày tiếp nhận', en: 'received date' },
  { field: 'due', aliases: ['Ngày hẹn trả', 'Hạn xử lý', 'Hạn giải quyết', 'NgayHenTra', 'Ngày hẹn trả kết quả', 'dueDate'], vi: 'ngày hẹn trả', en: 'due date' },
  {
    field: 'resolved',
    aliases: ['Ngày kết thúc xử lý', 'Ngày hoàn thành', 'NgayKetThucXuLy', 'releaseDate', 'Ngày có kết quả', 'Ngày hoàn thành xử lý'],
    vi: 'ngày kết thúc xử lý',
    en: 'resolved date',
  },
  // The hand-over date: the resolved date where the processing end is blank or has no column
  // (docs/domain.md "two resolved columns": the national portal counts the processing end).
  {
    field: 'handedOver',
    aliases: ['Ngày trả kết quả', 'Ngày trả', 'NgayTra', 'finishDate'],
    alternativeOf: 'resolved',
    vi: 'ngày trả kết quả',
    en: 'hand-over date',
  },
  { field: 'channel', aliases: ['Hình thức nộp', 'Kênh nộp', 'Kênh thực hiện', 'KenhThucHien'], vi: 'hình thức nộp', en: 'channel' },
  // The channel as a yes/no column; a channel column decides when the file has both.
  { field: 'onlineFlag', aliases: ['Trực tuyến', 'Nộp trực tuyến', 'Hồ sơ trực tuyến', 'online'], alternativeOf: 'channel', vi: 'hồ sơ trực tuyến', en: 'submitted online' },
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
  { field: 'status', aliases: ['Trạng thái', 'Trạng thái hồ sơ', 'Tình trạng', 'TrangThaiHoSo'], vi: 'trạng thái hồ sơ', en: 'dossier status' },
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

const count = (field: CountField, vi: string, en: string, aliases: string[], section?: Section, within?: string[]): FieldSpec => ({
  field,
  aliases,
  marker: true,
  vi,
  en,
  ...(section ? { section } : {}),
  ...(within ? { within } : {}),
});

/**
 * The column groups of form 06/VPCP/KSTT (a summary form's first header rows): received (to
 * resolve: carried over and new), its part received in the period (`new`), resolved, open.
 */
export type Section = 'received' | 'new' | 'resolved' | 'open';

/**
 * A header path segment that names a column group: the innermost one above a column decides
 * its group ("Kết quả giải quyết › Số hồ sơ đang giải quyết › Quá hạn" is open, past due).
 * "Trong đó", "Chia ra" and the like name no group.
 */
export const SECTIONS: Record<Section, string[]> = {
  received: [
    'Số hồ sơ nhận giải quyết',
    'Số hồ sơ tiếp nhận giải quyết',
    'Số hồ sơ tiếp nhận',
    'Hồ sơ tiếp nhận',
    'Tổng số hồ sơ tiếp nhận',
    'Tiếp nhận',
    'Nhận giải quyết',
    'Số hồ sơ nhận',
  ],
  new: ['Số mới tiếp nhận', 'Mới tiếp nhận', 'Tiếp nhận mới', 'Tiếp nhận trong kỳ', 'Số hồ sơ mới tiếp nhận', 'Trong kỳ'],
  resolved: ['Số hồ sơ đã giải quyết', 'Số hồ sơ đã xử lý', 'Hồ sơ đã giải quyết', 'Số hồ sơ giải quyết', 'Đã giải quyết', 'Đã xử lý', 'Kết quả giải quyết'],
  open: ['Số hồ sơ đang giải quyết', 'Số hồ sơ đang xử lý', 'Hồ sơ đang giải quyết', 'Số hồ sơ chưa giải quyết', 'Đang giải quyết', 'Đang xử lý', 'Chưa giải quyết'],
};

/** The group a field of a group also belongs to: what is received in the period is received. */
export const sectionFamily = (s: Section): Section => (s === 'new' ? 'received' : s);

const TOTAL_WITHIN = ['Tổng số', 'Tổng', 'Tổng cộng'];

/** A summary's name column when its rows are fields of work (lĩnh vực) of one reporting unit. */
export const FIELD_OF_WORK_HEADERS = [
  'Lĩnh vực',
  'Tên lĩnh vực',
  'Lĩnh vực, công việc giải quyết theo cấp',
  'Lĩnh vực, công việc',
  'Lĩnh vực giải quyết',
  'Lĩnh vực TTHC',
  'Lĩnh vực thủ tục hành chính',
];
/** A name column that holds units or fields of work: fields when the report names its unit. */
export const UNIT_OR_FIELD_HEADERS = ['Lĩnh vực/Đơn vị', 'Đơn vị/Lĩnh vực', 'Đơn vị, lĩnh vực', 'Lĩnh vực, đơn vị', 'Tên đơn vị/lĩnh vực', 'Đơn vị hoặc lĩnh vực', 'Lĩnh vực hoặc đơn vị'];

/** Summary reports (báo cáo tổng hợp): one row per unit (or per field of work) with counts for one period. */
export const SUMMARY_FIELDS: FieldSpec[] = [
  {
    field: 'unit',
    aliases: [...UNIT_ALIASES, 'Tên đơn vị', 'Cơ quan', 'Cơ quan, đơn vị', ...UNIT_OR_FIELD_HEADERS, ...FIELD_OF_WORK_HEADERS],
    required: true,
    vi: 'đơn vị',
    en: 'unit',
  },
  { field: 'stt', aliases: ['STT', 'TT', 'Số TT', 'Số thứ tự'], vi: 'STT', en: 'no.' },
  { field: 'tier', aliases: TIER_ALIASES, vi: 'cấp', en: 'tier' },
  { field: 'period', aliases: ['Kỳ báo cáo', 'Kỳ', 'Kỳ tổng hợp', 'KyBaoCao'], vi: 'kỳ báo cáo', en: 'report period' },
  count(
    'intakeTotal',
    'tổng số nhận giải quyết',
    'total to resolve',
    ['Tổng số hồ sơ nhận giải quyết', 'Số hồ sơ nhận giải quyết', 'Tổng số hồ sơ phải giải quyết', 'Tổng số phải giải quyết'],
    'received',
    TOTAL_WITHIN,
  ),
  count(
    'receivedTotal',
    'tổng số tiếp nhận',
    'received total',
    [
      'Tổng số tiếp nhận',
      'Tổng số hồ sơ tiếp nhận',
      'Tổng tiếp nhận',
      'Số hồ sơ tiếp nhận',
      'Tiếp nhận mới',
      'Số mới tiếp nhận',
      'Số hồ sơ mới tiếp nhận',
      'Mới tiếp nhận',
      'Tiếp nhận trong kỳ',
      'Trong kỳ',
      'TongSoTiepNhan',
      'TongTiepNhan',
    ],
    'new',
    TOTAL_WITHIN,
  ),
  count(
    'receivedOnline',
    'tiếp nhận trực tuyến',
    'received online',
    ['Trực tuyến', 'Tiếp nhận trực tuyến', 'Nộp trực tuyến', 'Số hồ sơ trực tuyến', 'TiepNhanTrucTuyen'],
    'received',
    ['Qua dịch vụ công trực tuyến', 'Dịch vụ công trực tuyến', 'DVC trực tuyến', 'Online'],
  ),
  count(
    'receivedDirect',
    'tiếp nhận trực tiếp',
    'received in person',
    [
      'Trực tiếp',
      'Tiếp nhận trực tiếp',
      'Nộp trực tiếp',
      'Trực tiếp, dịch vụ bưu chính',
      'Trực tiếp, qua dịch vụ bưu chính',
      'Trực tiếp và qua dịch vụ bưu chính',
      'Trực tiếp, dịch vụ bưu chính công ích',
      'Trực tiếp và qua dịch vụ bưu chính công ích',
      'Trực tiếp, bưu chính',
      'Trực tiếp, BCCI',
      'Trực tiếp/BCCI',
      'TiepNhanTrucTiep',
    ],
    'received',
  ),
  count(
    'receivedPostal',
    'tiếp nhận qua BCCI',
    'received by post',
    ['Qua BCCI', 'BCCI', 'Bưu chính công ích', 'Qua bưu chính', 'Qua dịch vụ BCCI', 'Dịch vụ bưu chính', 'Qua dịch vụ bưu chính', 'Dịch vụ bưu chính công ích', 'Qua dịch vụ bưu chính công ích', 'TiepNhanBCCI'],
    'received',
  ),
  count(
    'carriedOver',
    'kỳ trước chuyển sang',
    'carried over',
    ['Kỳ trước chuyển sang', 'Kỳ trước chuyển qua', 'Tồn kỳ trước', 'Từ kỳ trước chuyển sang', 'Từ kỳ trước', 'Số kỳ trước chuyển qua', 'Số kỳ trước chuyển sang', 'Từ kỳ trước chuyển qua', 'KyTruocChuyenSang'],
    'received',
  ),
  count(
    'resolvedTotal',
    'tổng số đã giải quyết',
    'resolved total',
    ['Tổng số đã giải quyết', 'Tổng số đã xử lý', 'Đã giải quyết', 'Đã xử lý', 'Số hồ sơ đã giải quyết', 'TongDaGiaiQuyet', 'DaGiaiQuyet'],
    'resolved',
    TOTAL_WITHIN,
  ),
  count(
    'resolvedEarly',
    'giải quyết trước hạn',
    'resolved early',
    ['Trước hạn', 'Giải quyết trước hạn', 'Đã xử lý trước hạn', 'Trả trước hạn', 'Trả trước thời hạn', 'Trước thời hạn', 'DaXuLyTruocHan'],
    'resolved',
  ),
  count(
    'resolvedOnTime',
    'giải quyết đúng hạn',
    'resolved on time',
    ['Đúng hạn', 'Giải quyết đúng hạn', 'Đã xử lý đúng hạn', 'Trả đúng hạn', 'Trả đúng thời hạn', 'Đúng thời hạn', 'DaXuLyDungHan'],
    'resolved',
    ['Trong hạn', 'Trước hạn và đúng hạn', 'Đúng hạn và trước hạn'],
  ),
  count(
    'resolvedLate',
    'giải quyết quá hạn',
    'resolved late',
    ['Quá hạn', 'Trễ hạn', 'Giải quyết quá hạn', 'Giải quyết trễ hạn', 'Đã xử lý quá hạn', 'Trả quá hạn', 'Trả trễ hạn', 'Trả quá thời hạn', 'Quá thời hạn', 'DaXuLyQuaHan'],
    'resolved',
  ),
  count(
    'resolvedReturned',
    'trả lại hồ sơ',
    'returned',
    ['Trả lại', 'Trả lại hồ sơ', 'Hồ sơ trả lại', 'Số hồ sơ trả lại', 'Từ chối giải quyết', 'TraLai'],
    'resolved',
  ),
  count(
    'resolvedWithdrawn',
    'rút hồ sơ',
    'withdrawn',
    ['Rút hồ sơ', 'Rút', 'Hồ sơ rút', 'Số hồ sơ rút', 'Công dân rút', 'Công dân rút hồ sơ', 'Dừng xử lý', 'RutHoSo'],
    'resolved',
  ),
  count(
    'openTotal',
    'tổng số đang giải quyết',
    'open total',
    ['Tổng số đang giải quyết', 'Tổng số đang xử lý', 'Đang giải quyết', 'Đang xử lý', 'Số hồ sơ đang giải quyết', 'Số hồ sơ đang xử lý', 'TongDangGiaiQuyet'],
    'open',
    TOTAL_WITHIN,
  ),
  count(
    'openWithin',
    'đang xử lý trong hạn',
    'open, within due',
    ['Đang xử lý trong hạn', 'Đang giải quyết trong hạn', 'Chưa đến hạn', 'DangXuLyTrongHan'],
    'open',
    ['Trong hạn', 'Còn hạn', 'Chưa quá hạn', 'Trong thời hạn', 'Chưa đến hạn giải quyết'],
  ),
  count(
    'openOverdue',
    'đang xử lý quá hạn',
    'open, past due',
    ['Đang xử lý quá hạn', 'Đang giải quyết quá hạn', 'Đang xử lý trễ hạn', 'DangXuLyQuaHan'],
    'open',
    ['Quá hạn', 'Trễ hạn', 'Đã quá hạn', 'Quá thời hạn'],
  ),
  count(
    'awaitingSupplement',
    'chờ bổ sung',
    'awaiting supplements',
    ['Bổ sung', 'Yêu cầu bổ sung', 'Chờ bổ sung', 'Bổ sung hồ sơ', 'Hồ sơ yêu cầu bổ sung', 'Số hồ sơ bổ sung'],
    'open',
  ),
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
 * channels). Resolved early + on time + late is checked as a sum (SUMMARY_SUMS) instead.
 */
export const SUMMARY_PARTS: Array<{ total: CountField; parts: CountField[] }> = [
  { total: 'receivedTotal', parts: ['receivedOnline', 'receivedDirect', 'receivedPostal'] },
  { total: 'receivedTotal', parts: ['digitizedCount'] },
  { total: 'resolvedTotal', parts: ['eResultCount'] },
  { total: 'resolvedTotal', parts: ['rated'] },
  { total: 'rated', parts: ['satisfied'] },
  { total: 'withFee', parts: ['paidCashless'] },
  { total: 'paidCashless', parts: ['paidOnline'] },
  { total: 'withFee', parts: ['paidOnline'] },
  { total: 'fbRated', parts: ['fbSatisfied'] },
];

/**
 * The form's arithmetic (form 06/VPCP/KSTT): a total and the ways its parts add up to it. A row
 * where no way adds up gets a warning naming the cells; only the parts that have a column take
 * part, and a way with none is not tried. Returned and withdrawn dossiers may be counted in the
 * resolved total or beside it, dossiers awaiting supplements in the open total or beside it.
 */
export const SUMMARY_SUMS: Array<{ total: CountField; ways: CountField[][] }> = [
  {
    total: 'intakeTotal',
    ways: [
      ['receivedOnline', 'receivedDirect', 'receivedPostal', 'carriedOver'],
      ['receivedTotal', 'carriedOver'],
    ],
  },
  {
    total: 'resolvedTotal',
    ways: [
      ['resolvedEarly', 'resolvedOnTime', 'resolvedLate'],
      ['resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'resolvedReturned', 'resolvedWithdrawn'],
    ],
  },
  {
    total: 'openTotal',
    ways: [
      ['openWithin', 'openOverdue'],
      ['openWithin', 'openOverdue', 'awaitingSupplement'],
    ],
  },
];

/**
 * A summary's body rows (README "Summary reports as units file them"): the labels of group rows
 * that name a tier, and of total rows. Matched as headers are (folded, spacing around
 * punctuation and a trailing colon aside).
 */
export const GROUP_TIER_LABELS: Record<Tier, string[]> = {
  so: [
    'Cấp tỉnh',
    'Cấp sở',
    'Sở, ban, ngành',
    'Các sở, ban, ngành',
    'Sở, ban, ngành tỉnh',
    'Sở ban ngành',
    'Khối sở',
    'Cơ quan cấp tỉnh',
    'Các cơ quan cấp tỉnh',
    'UBND cấp tỉnh',
  ],
  huyen: [
    'Cấp huyện',
    'Huyện, thị xã, thành phố',
    'Các huyện, thị xã, thành phố',
    'Huyện, thành phố',
    'Các huyện, thành phố',
    'Huyện, thị xã',
    'UBND cấp huyện',
    'Khối huyện',
    'Cấp huyện/TP',
  ],
  xa: ['Cấp xã', 'Xã, phường, thị trấn', 'Các xã, phường, thị trấn', 'UBND cấp xã', 'Khối xã'],
};
export const TOTAL_ROW_LABELS = ['Tổng cộng', 'Tổng số', 'Cộng', 'Toàn tỉnh', 'Tổng', 'Tổng cộng toàn tỉnh', 'Cộng toàn tỉnh', 'Tổng toàn tỉnh'];
/** Labels that begin a total row, compared with their diacritics ("Cộng cấp xã"; "Công an tỉnh" is a unit). */
export const TOTAL_ROW_PREFIXES = ['cộng ', 'tổng cộng '];
/** Title lines that name a summary's reporting unit ("Đơn vị báo cáo: Sở Tư pháp"); "Đơn vị nhận báo cáo" does not. */
export const REPORTING_UNIT_LABELS = ['Đơn vị báo cáo', 'Cơ quan báo cáo', 'Tên đơn vị báo cáo', 'Cơ quan', 'Đơn vị', 'Tên đơn vị', 'Tên cơ quan'];

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
