/**
 * The value vocabularies of the data contract (docs/domain.md, the README's contract tables):
 * which cell values mean what, per field. Each maps folded spellings to a small integer code
 * (model/record.ts); a few rules match values no list can hold whole (a prefix, a part). A
 * mapping file (--map) adds spellings per run (ingest/mapping.ts).
 */
import { fold } from '../util/text.js';
import { BLANK, UNKNOWN, Channel, DossierStatus, Payment, Rating, TierCode, YesNo } from '../model/record.js';

// ---------------------------------------------------------------------------------------
// Value vocabularies. Each maps folded spellings to a small integer code.
// `BLANK` is an empty cell; `UNKNOWN` a value the vocabulary does not know (a warning).

/** A rule for values no list can hold whole: a folded value that begins with, or contains, a spelling. */
export interface ValueRule {
  match: 'prefix' | 'contains';
  /** As written in the contract (folded when matched). */
  spelling: string;
  code: number;
  /** The meaning's label (as in `listed`). */
  label: string;
}

export interface Vocabulary {
  name: string;
  /** Value key (valueKey) → code. Blank cells never reach the table. */
  values: Map<string, number>;
  /** The spellings as written in the contract, for documentation and messages. */
  listed: Record<string, string[]>;
  /** Tried in order when no listed spelling matches (docs/domain.md "Values as real systems write them"). */
  rules: ValueRule[];
}

/**
 * How values are compared: folded (case, spacing, normalization, diacritics), without spaces
 * around `,` `;` `/` ("Sở, ban, ngành" = "Sở,ban,ngành"; "Huyện / TP" = "Huyện/TP").
 */
export function valueKey(s: string): string {
  const f = fold(s);
  return f.includes(',') || f.includes(';') || f.includes('/') ? f.replace(/\s*([,;/])\s*/g, '$1') : f;
}

type Groups = Record<string, [number, string[]]>;
type Rules = Array<[ValueRule['match'], string, number, string]>;

export function vocabulary(name: string, groups: Groups, rules: Rules = []): Vocabulary {
  const values = new Map<string, number>();
  const listed: Record<string, string[]> = {};
  for (const [label, [code, spellings]] of Object.entries(groups)) {
    listed[label] = spellings;
    for (const s of spellings) values.set(valueKey(s), code);
  }
  return { name, values, listed, rules: rules.map(([match, spelling, code, label]) => ({ match, spelling, code, label })) };
}

/** A vocabulary with more spellings (a mapping file's, or a column's own): `extra` wins over the listed ones. */
export function extendVocabulary(v: Vocabulary, extra: ReadonlyMap<string, number>): Vocabulary {
  if (extra.size === 0) return v;
  const values = new Map(v.values);
  for (const [k, code] of extra) values.set(valueKey(k), code);
  return { ...v, values };
}

export const CHANNEL = vocabulary(
  'channel',
  {
    online: [Channel.ONLINE, ['Trực tuyến', 'Nộp trực tuyến', 'Online', '2']],
    'not online': [Channel.OFFLINE, ['Trực tiếp', 'Bưu chính', 'Bưu chính công ích', 'BCCI', '1', '3']],
  },
  [
    ['prefix', 'Trực tuyến', Channel.ONLINE, 'online'],
    ['prefix', 'DVC trực tuyến', Channel.ONLINE, 'online'],
    ['prefix', 'Dịch vụ công trực tuyến', Channel.ONLINE, 'online'],
    ['prefix', 'Trực tiếp', Channel.OFFLINE, 'not online'],
    ['contains', 'bưu', Channel.OFFLINE, 'not online'],
  ],
);

/** digitized and e-result: blank means no. */
export const YES_NO = vocabulary('yes/no', {
  yes: [YesNo.YES, ['Có', 'x', '1', 'true', 'Đã số hóa', 'Đã']],
  no: [YesNo.NO, ['Không', '0', 'false', 'Chưa số hóa', 'Chưa']],
});

/** A channel written as a yes/no column ("Trực tuyến": x or blank): blank means not online. */
export const ONLINE_FLAG = vocabulary('online yes/no', {
  online: [Channel.ONLINE, ['true', 'Có', '1', 'x']],
  'not online': [Channel.OFFLINE, ['false', 'Không', '0']],
});

/** rating: blank means not rated; so do `Chưa đánh giá` and `Không đánh giá`. */
export const RATING = vocabulary('rating', {
  satisfied: [Rating.SATISFIED, ['Rất hài lòng', 'Hài lòng']],
  'not satisfied': [Rating.NOT_SATISFIED, ['Bình thường', 'Không hài lòng', 'Rất không hài lòng', 'Chưa hài lòng']],
  'not rated': [BLANK, ['Chưa đánh giá', 'Không đánh giá']],
});

const PAYMENT_GROUPS: Groups = {
  online: [Payment.ONLINE, ['Trực tuyến', 'Thanh toán trực tuyến', 'Online', '1', '2', 'VNPT Pay', 'PayGov', 'Cổng thanh toán']],
  'other non-cash': [Payment.NON_CASH, ['Chuyển khoản', 'POS', 'Thẻ', 'QR', 'Thẻ ATM', 'Ví điện tử']],
  cash: [Payment.CASH, ['Tiền mặt', '0']],
};
const PAYMENT_RULES: Rules = [
  ['contains', 'Cổng DVC', Payment.ONLINE, 'online'],
  ['prefix', 'Chuyển khoản', Payment.NON_CASH, 'other non-cash'],
];

/** payment: blank means none recorded. */
export const PAYMENT = vocabulary('payment', PAYMENT_GROUPS, PAYMENT_RULES);

/**
 * A payment column headed `DuocThanhToanTrucTuyen` (the national portal's "paid online" flag):
 * `0` and `3` there mean "not paid online, method not stated" (in the denominators, in neither
 * numerator), not cash.
 */
export const PAYMENT_FLAG = vocabulary(
  'payment (DuocThanhToanTrucTuyen)',
  { ...PAYMENT_GROUPS, cash: [Payment.CASH, ['Tiền mặt']], 'not online, method not stated': [Payment.UNSTATED, ['0', '3']] },
  PAYMENT_RULES,
);
/** The payment header whose column reads with PAYMENT_FLAG. */
export const PAYMENT_FLAG_HEADER = 'DuocThanhToanTrucTuyen';

/** The tier column's vocabulary (docs/domain.md, Tiers rule 1, and "Values as real systems write them"). */
export const TIER = vocabulary('tier', {
  so: [TierCode.so, ['Sở', 'Cấp sở', 'Tỉnh', 'Cấp tỉnh', 'Sở, ban, ngành', 'Sở ban ngành', 'Ban']],
  huyen: [TierCode.huyen, ['Huyện', 'Cấp huyện', 'Thành phố', 'Thị xã', 'Quận', 'Huyện/TP', 'Cấp huyện/TP']],
  xa: [TierCode.xa, ['Xã', 'Cấp xã', 'Phường', 'Thị trấn']],
});

/** The dossier's status (docs/domain.md "Dossier status"); the national portal's codes beside the words. */
export const STATUS = vocabulary('status', {
  'not accepted (excluded)': [DossierStatus.EXCLUDED, ['Không được tiếp nhận', 'Từ chối tiếp nhận', 'Không tiếp nhận', '3']],
  'withdrawn or stopped': [DossierStatus.WITHDRAWN, ['Công dân rút', 'Rút hồ sơ', 'Đã rút', '7', 'Dừng xử lý', 'Dừng giải quyết', '8', 'Trả lại hồ sơ', 'Từ chối giải quyết']],
  'no effect': [
    DossierStatus.NONE,
    ['Mới đăng ký', '1', 'Được tiếp nhận', 'Đã tiếp nhận', '2', 'Đang xử lý', '4', 'Yêu cầu bổ sung', '5', 'Yêu cầu nghĩa vụ tài chính', '6', 'Đã xử lý xong', '9', 'Đã trả kết quả', '10'],
  ],
});

/** A value longer than this is in no vocabulary (their terms are a few words): not folded. */
const MAX_TERM_CHARS = 256;

/** Looks a raw cell up in a vocabulary: BLANK for an empty cell, UNKNOWN for anything unlisted. */
export function lookup(vocab: Vocabulary, raw: string): number {
  if (raw.length > MAX_TERM_CHARS) return raw.trim() === '' ? BLANK : UNKNOWN;
  const key = valueKey(raw);
  if (key === '') return BLANK;
  const code = vocab.values.get(key);
  if (code !== undefined) return code;
  for (const r of vocab.rules) {
    const s = ruleKey(r);
    if (r.match === 'prefix' ? key.startsWith(s) : key.includes(s)) return r.code;
  }
  return UNKNOWN;
}

const RULE_KEYS = new WeakMap<ValueRule, string>();
const ruleKey = (r: ValueRule): string => {
  let k = RULE_KEYS.get(r);
  if (k === undefined) RULE_KEYS.set(r, (k = valueKey(r.spelling)));
  return k;
};

/** Fee cells that mean no fee (docs/domain.md "Values as real systems write them"). */
export const NO_FEE = ['Miễn phí', 'Không thu phí', 'Không'];
const NO_FEE_KEYS = new Set(NO_FEE.map(valueKey));

/**
 * A fee in VND: digits with `.`, `,` or spaces as thousands separators and an optional
 * `đ`/`VNĐ` suffix; `Miễn phí`, `Không thu phí`, `Không` are 0. Returns -1 for blank, NaN for
 * anything unparseable.
 */
export function parseFee(raw: string): number {
  let s = fold(raw);
  if (s === '') return -1;
  if (NO_FEE_KEYS.has(s)) return 0;
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
