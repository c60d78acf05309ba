/**
 * The data contract of the one-stop system's exports (see ../shared/domain.md and the README):
 * which headers name which field, and which values mean what. This file is the single
 * source of those vocabularies; matching is always on folded text (see util/text.ts).
 */
import { fold } from '../util/text.js';

export type Dataset = 'dossiers' | 'feedback';

export type DossierField =
  | 'code'
  | 'unit'
  | 'tier'
  | 'procedure'
  | 'received'
  | 'due'
  | 'resolved'
  | 'channel'
  | 'digitized'
  | 'eResult'
  | 'rating'
  | 'fee'
  | 'payment';

export type FeedbackField = 'code' | 'unit' | 'tier' | 'received' | 'due' | 'resolved' | 'rating';

export type Field = DossierField | FeedbackField;

export interface FieldSpec<F extends string = Field> {
  field: F;
  /** Aliases in priority order: when two headers map to one field, the first listed wins. */
  aliases: string[];
  required?: boolean;
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

export const FIELDS: Record<Dataset, FieldSpec[]> = { dossiers: DOSSIER_FIELDS, feedback: FEEDBACK_FIELDS };

export function fieldSpec(dataset: Dataset, field: Field): FieldSpec {
  const spec = FIELDS[dataset].find((f) => f.field === field);
  if (!spec) throw new Error(`no field ${field} in ${dataset}`);
  return spec;
}

// ---------------------------------------------------------------------------------------
// Value vocabularies. Each maps folded spellings to a small integer code.
// `BLANK` is an empty cell; `UNKNOWN` a value the vocabulary does not know (a warning).

export const BLANK = 0;
export const UNKNOWN = -1;

export const Channel = { ONLINE: 1, OFFLINE: 2 } as const;
export const YesNo = { YES: 1, NO: 2 } as const;
export const Rating = { SATISFIED: 1, NOT_SATISFIED: 2 } as const;
export const Payment = { ONLINE: 1, NON_CASH: 2, CASH: 3 } as const;
export const TierCode = { so: 1, huyen: 2, xa: 3 } as const;

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

/** The tier column's vocabulary (domain.md, Tiers rule 1). */
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
