#!/usr/bin/env node
/**
 * A seeded generator of realistic one-stop-system exports, following docs/domain.md's data
 * contract: Đồng Nai unit names across the three tiers, the contract's mixed date formats,
 * channels, ratings, fees with thousands separators, payment methods, quoted fields holding
 * commas, doubled quotes and line breaks, a notes column, a small share of bad rows (no code,
 * bad dates, resolved before received, a unit whose tier the name cannot decide) and
 * duplicates (the same code again later, as when a dossier is re-exported after an update).
 *
 * Deterministic: the same options give the same bytes. Used by `npm run sample` (the bundled
 * sample year in fixtures/sample/) and by scripts/bench.mjs.
 *
 *   node scripts/generate.mjs --kind dossiers --rows 1000000 --seed 1 --out bench-data/ho-so.csv
 *   node scripts/generate.mjs --kind feedback --rows 500 --seed 7 --out fixtures/sample/pakn-2023.csv
 *
 * Options: --kind dossiers|feedback, --rows N, --seed N, --out FILE (default stdout), --year Y
 * (default 2023), --bad SHARE (default 0.006), --dup SHARE (default 0.01), --crlf, --bom,
 * --delimiter , or ; (default: comma for dossiers, semicolon for feedback), --tier-column
 * SHARE (share of rows whose Cấp column is filled; default 0.1).
 */
import { openSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { civilFromDays, daysFromCivil } from '../dist/util/dates.js';

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------
// Units of Đồng Nai (2023). Weights: a unit's share of the province's dossiers.

const DEPARTMENTS = [
  ['Sở Tài nguyên và Môi trường', 30],
  ['Sở Kế hoạch và Đầu tư', 25],
  ['Sở Giao thông vận tải', 20],
  ['Sở Tư pháp', 18],
  ['Sở Xây dựng', 10],
  ['Sở Công Thương', 8],
  ['Sở Y tế', 8],
  ['Sở Lao động - Thương binh và Xã hội', 8],
  ['Sở Giáo dục và Đào tạo', 5],
  ['Sở Nông nghiệp và Phát triển nông thôn', 5],
  ['Sở Nội vụ', 3],
  ['Sở Tài chính', 3],
  ['Sở Thông tin và Truyền thông', 2],
  ['Sở Văn hóa, Thể thao và Du lịch', 2],
  ['Sở Khoa học và Công nghệ', 1],
  ['Ban Quản lý các Khu công nghiệp Đồng Nai', 6],
  ['Công an tỉnh Đồng Nai', 6],
  ['Bảo hiểm xã hội tỉnh Đồng Nai', 3],
  ['Trung tâm Hành chính công tỉnh', 4],
  ['Văn phòng UBND tỉnh', 1],
];

const DISTRICTS = [
  ['huyện', 'Tân Phú'],
  ['huyện', 'Vĩnh Cửu'],
  ['huyện', 'Định Quán'],
  ['huyện', 'Trảng Bom'],
  ['huyện', 'Thống Nhất'],
  ['huyện', 'Cẩm Mỹ'],
  ['huyện', 'Long Thành'],
  ['huyện', 'Xuân Lộc'],
  ['huyện', 'Nhơn Trạch'],
  ['thành phố', 'Biên Hòa'],
  ['thành phố', 'Long Khánh'],
];

/** Commune-level units: [kind, name, district]. A realistic subset of the 170. */
const COMMUNES = [
  ...['Trảng Dài', 'Tân Phong', 'Tân Biên', 'Hố Nai', 'Tân Hòa', 'Tân Hiệp', 'Bửu Long', 'Tân Tiến', 'Tam Hiệp', 'Long Bình', 'Quang Vinh', 'Tân Mai', 'Thống Nhất', 'Trung Dũng', 'Tam Hòa', 'Hòa Bình', 'Quyết Thắng', 'Thanh Bình', 'Bình Đa', 'An Bình', 'Bửu Hòa', 'Long Bình Tân', 'Tân Vạn', 'Tân Hạnh', 'Hiệp Hòa', 'Hóa An', 'An Hòa', 'Tam Phước', 'Phước Tân'].map((n) => ['phường', n, 'TP Biên Hòa']),
  ['xã', 'Long Hưng', 'TP Biên Hòa'],
  ...['Xuân Thanh', 'Xuân Trung', 'Xuân An', 'Xuân Hòa', 'Phú Bình', 'Xuân Bình', 'Xuân Lập', 'Bảo Vinh', 'Suối Tre', 'Bàu Sen'].map((n) => ['phường', n, 'TP Long Khánh']),
  ...['Bàu Trâm', 'Bình Lộc', 'Bảo Quang', 'Hàng Gòn', 'Xuân Tân'].map((n) => ['xã', n, 'TP Long Khánh']),
  ['thị trấn', 'Tân Phú', 'huyện Tân Phú'],
  ...['Phú Lâm', 'Phú Bình', 'Phú Thanh', 'Phú Xuân', 'Nam Cát Tiên', 'Tà Lài', 'Phú Lộc', 'Trà Cổ'].map((n) => ['xã', n, 'huyện Tân Phú']),
  ['thị trấn', 'Vĩnh An', 'huyện Vĩnh Cửu'],
  ...['Thạnh Phú', 'Tân Bình', 'Bình Lợi', 'Thiện Tân', 'Tân An', 'Trị An', 'Vĩnh Tân', 'Phú Lý'].map((n) => ['xã', n, 'huyện Vĩnh Cửu']),
  ['thị trấn', 'Định Quán', 'huyện Định Quán'],
  ...['Phú Vinh', 'Phú Tân', 'La Ngà', 'Gia Canh', 'Phú Ngọc', 'Túc Trưng', 'Suối Nho'].map((n) => ['xã', n, 'huyện Định Quán']),
  ['thị trấn', 'Trảng Bom', 'huyện Trảng Bom'],
  ...['Hố Nai 3', 'Bắc Sơn', 'Bình Minh', 'Quảng Tiến', 'Giang Điền', 'An Viễn', 'Đồi 61', 'Bàu Hàm', 'Sông Trầu', 'Tây Hòa'].map((n) => ['xã', n, 'huyện Trảng Bom']),
  ['thị trấn', 'Dầu Giây', 'huyện Thống Nhất'],
  ...['Gia Tân 1', 'Gia Tân 2', 'Gia Kiệm', 'Quang Trung', 'Bàu Hàm 2', 'Xuân Thiện'].map((n) => ['xã', n, 'huyện Thống Nhất']),
  ['thị trấn', 'Long Giao', 'huyện Cẩm Mỹ'],
  ...['Sông Ray', 'Xuân Đông', 'Xuân Tây', 'Nhân Nghĩa', 'Xuân Mỹ'].map((n) => ['xã', n, 'huyện Cẩm Mỹ']),
  ['thị trấn', 'Long Thành', 'huyện Long Thành'],
  ...['An Phước', 'Long An', 'Long Phước', 'Phước Thái', 'Tam An', 'Bình Sơn', 'Lộc An', 'Long Đức'].map((n) => ['xã', n, 'huyện Long Thành']),
  ['thị trấn', 'Gia Ray', 'huyện Xuân Lộc'],
  ...['Xuân Hiệp', 'Suối Cát', 'Xuân Định', 'Xuân Phú', 'Bảo Hòa', 'Xuân Bắc'].map((n) => ['xã', n, 'huyện Xuân Lộc']),
  ['thị trấn', 'Hiệp Phước', 'huyện Nhơn Trạch'],
  ...['Phú Hữu', 'Đại Phước', 'Phước Thiền', 'Long Tân', 'Phú Thạnh', 'Vĩnh Thanh', 'Phước An', 'Long Thọ'].map((n) => ['xã', n, 'huyện Nhơn Trạch']),
];

const UNDECIDABLE = ['Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu', 'Chi cục Thuế khu vực Long Khánh - Cẩm Mỹ'];

/** Tier behaviour: share of online submissions, on-time, satisfied, digitized, e-result, paid online. */
const PROFILE = {
  so: { online: 0.76, late: 0.02, satisfied: 0.955, digitized: 0.56, eResult: 0.66, payOnline: 0.37, fee: 0.55 },
  huyen: { online: 0.36, late: 0.05, satisfied: 0.95, digitized: 0.26, eResult: 0.36, payOnline: 0.035, fee: 0.45 },
  xa: { online: 0.16, late: 0.02, satisfied: 0.96, digitized: 0.12, eResult: 0.27, payOnline: 0.02, fee: 0.2 },
};

/** ASCII-folded spelling, as some exports write names. */
function ascii(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function buildUnits() {
  const units = [];
  for (const [name, w] of DEPARTMENTS) units.push({ names: [name], tier: 'so', tierWord: 'Sở', w });
  for (const [kind, place] of DISTRICTS) {
    const w = place === 'Biên Hòa' ? 30 : 10;
    units.push({ names: [`UBND ${kind} ${place}`], tier: 'huyen', tierWord: 'Huyện', w });
    // District offices with their own desks.
    units.push({ names: [`Phòng Tư pháp ${kind} ${place}`], tier: 'huyen', tierWord: 'Cấp huyện', w: w / 6 });
    units.push({ names: [`Chi nhánh Văn phòng đăng ký đất đai ${kind} ${place}`], tier: 'huyen', tierWord: 'Cấp huyện', w: w / 3 });
  }
  for (const [kind, place, district] of COMMUNES) {
    const base = `UBND ${kind} ${place}`;
    // Same-named communes in two districts get the district appended, as the system does.
    const clash = COMMUNES.filter((c) => c[0] === kind && c[1] === place).length > 1;
    units.push({ names: [clash ? `${base}, ${district}` : base], tier: 'xa', tierWord: 'Xã', w: kind === 'phường' ? 1.5 : 1 });
  }
  // Spelling variants the matcher must fold together: case, spacing, NFD, ASCII-folded.
  for (const u of units) {
    const n = u.names[0];
    u.names.push(n.toUpperCase());
    u.names.push(n.normalize('NFD'));
    u.names.push(ascii(n));
    u.names.push(`${n} `);
    u.names.push(n.replace('UBND ', 'UBND  '));
  }
  let total = 0;
  for (const u of units) total += u.w;
  let acc = 0;
  for (const u of units) {
    acc += u.w / total;
    u.cum = acc;
  }
  units[units.length - 1].cum = 1;
  return units;
}

const PROCEDURES = [
  ['1.004227.000.00.00.H18', 'Đăng ký thành lập doanh nghiệp tư nhân'],
  ['1.001612.000.00.00.H18', 'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất'],
  ['2.000908.000.00.00.H18', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
  ['1.001193.000.00.00.H18', 'Đăng ký khai sinh'],
  ['1.000894.000.00.00.H18', 'Đăng ký kết hôn'],
  ['1.009994.000.00.00.H18', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ'],
  ['2.001023.000.00.00.H18', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất'],
  ['1.003005.000.00.00.H18', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam'],
  ['2.000794.000.00.00.H18', 'Cấp giấy phép lái xe (đổi, cấp lại)'],
  ['1.004441.000.00.00.H18', 'Xác nhận hộ tịch "độc thân"'],
  ['1.002305.000.00.00.H18', 'Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm'],
  ['2.001711.000.00.00.H18', 'Đăng ký hộ kinh doanh'],
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Đức', 'Thu', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const COMPANIES = ['Công ty TNHH Thương mại Dịch vụ Phú Thịnh', 'Công ty Cổ phần Xây dựng Đồng Nai', 'Hộ kinh doanh Minh Phát'];

const NOTES = [
  'Bổ sung giấy tờ theo yêu cầu',
  'Đã đối chiếu bản chính',
  'Công dân nhận kết quả tại bộ phận một cửa',
  'Hồ sơ liên thông',
  'Trả kết quả qua bưu điện',
  'Đã liên hệ, hẹn trả kết quả sớm',
  'Thiếu bản sao CCCD; đã hướng dẫn bổ sung',
  'Người nộp ủy quyền, có văn bản "ủy quyền" kèm theo',
  'Dòng 1: chờ ý kiến phòng chuyên môn\nDòng 2: đã có ý kiến',
  'Gia hạn do cần xác minh thực địa, xin lỗi công dân',
];

const CHANNELS_ONLINE = [['Trực tuyến', 70], ['Nộp trực tuyến', 15], ['Online', 5], ['2', 10]];
const CHANNELS_OFFLINE = [['Trực tiếp', 75], ['Bưu chính công ích', 8], ['BCCI', 5], ['Bưu chính', 2], ['1', 8], ['3', 2]];
const YES = [['Có', 60], ['x', 15], ['1', 15], ['Đã số hóa', 8], ['true', 2]];
const NO = [['', 50], ['Không', 30], ['0', 12], ['Chưa số hóa', 6], ['false', 2]];
const SATISFIED = [['Hài lòng', 60], ['Rất hài lòng', 40]];
const NOT_SATISFIED = [['Bình thường', 60], ['Không hài lòng', 35], ['Rất không hài lòng', 5]];
const PAY_NON_CASH = [['Chuyển khoản', 60], ['POS', 15], ['Thẻ', 10], ['QR', 15]];
const PAY_ONLINE = [['Trực tuyến', 60], ['Thanh toán trực tuyến', 30], ['1', 5], ['2', 5]];
const PAY_CASH = [['Tiền mặt', 90], ['0', 10]];
const FEES = [20000, 30000, 50000, 100000, 150000, 200000, 500000, 1200000];

function pick(r, table) {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = r() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1][0];
}

// Days since 1970-01-01 ↔ civil date: the project's one date module (built to dist/ first).
const civil = (z) => {
  const { y, m, d } = civilFromDays(z);
  return [y, m, d];
};
const dayOf = daysFromCivil;

const p2 = (n) => (n < 10 ? `0${n}` : `${n}`);

/** A date in one of the contract's formats; `style` is drawn once per row. */
function fmtDate(day, style, r) {
  const [y, m, d] = civil(day);
  const h = 7 + Math.floor(r() * 10);
  const mi = Math.floor(r() * 60);
  const s = Math.floor(r() * 60);
  switch (style) {
    case 0:
      return `${p2(d)}/${p2(m)}/${y} ${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 1:
      return `${y}-${p2(m)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 2:
      return `${d}/${m}/${y}`;
    case 3:
      return `${y}${p2(m)}${p2(d)}${p2(h)}${p2(mi)}${p2(s)}`;
    case 4:
      return `${y}-${p2(m)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 5:
      return `${p2(d)}/${p2(m)}/${y} ${p2(h)}:${p2(mi)}`;
    default:
      return `${y}-${p2(m)}-${p2(d)}`;
  }
}
const DATE_STYLES = [[0, 50], [1, 18], [2, 10], [3, 10], [4, 5], [5, 5], [6, 2]];

function fmtFee(v, r) {
  const x = r();
  const grouped = (sep) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (x < 0.6) return grouped('.');
  if (x < 0.75) return `${grouped('.')} đ`;
  if (x < 0.85) return grouped(',');
  if (x < 0.9) return `${grouped(' ')} VNĐ`;
  return String(v);
}

/** RFC 4180 quoting when needed. */
function q(s, delim) {
  if (s.includes('"') || s.includes(delim) || s.includes('\n') || s.includes('\r')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

function pickUnit(units, r) {
  const x = r();
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].cum > x) hi = mid;
    else lo = mid + 1;
  }
  return units[lo];
}

function spelling(u, r) {
  const x = r();
  if (x < 0.94 || u.names.length === 1) return u.names[0];
  return u.names[1 + Math.floor(r() * (u.names.length - 1))];
}

function person(r) {
  if (r() < 0.08) return COMPANIES[Math.floor(r() * COMPANIES.length)];
  return `${SURNAMES[Math.floor(r() * SURNAMES.length)]} ${MIDDLE[Math.floor(r() * MIDDLE.length)]} ${GIVEN[Math.floor(r() * GIVEN.length)]}`;
}

const DOSSIER_HEADER = ['Mã hồ sơ', 'Đơn vị', 'Cấp', 'Mã TTHC', 'Tên thủ tục', 'Người nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc xử lý', 'Hình thức nộp', 'Số hóa', 'Kết quả điện tử', 'Đánh giá', 'Phí, lệ phí', 'Hình thức thanh toán', 'Ghi chú'];
const FEEDBACK_HEADER = ['Mã PAKN', 'Cơ quan xử lý', 'Cấp', 'Ngày gửi', 'Hạn trả lời', 'Ngày trả lời', 'Mức độ hài lòng', 'Nội dung'];

const FEEDBACK_TOPICS = [
  'Phản ánh chậm trả kết quả hồ sơ đất đai',
  'Kiến nghị hướng dẫn thủ tục đăng ký kinh doanh',
  'Phản ánh thái độ cán bộ tiếp nhận',
  'Đề nghị giải quyết hồ sơ trễ hạn, đã quá hạn 10 ngày',
  'Phản ánh cổng dịch vụ công không nộp được hồ sơ; lỗi "tải tệp"',
];

/**
 * Writes an export. Returns { rows, bytes } (rows = data rows, blank lines excluded).
 * `write(str)` receives the text in pieces.
 */
export function generate(opts, write) {
  const kind = opts.kind ?? 'dossiers';
  const rows = opts.rows ?? 1000;
  const r = rng(opts.seed ?? 1);
  const year = opts.year ?? 2023;
  const badShare = opts.bad ?? 0.006;
  const dupShare = opts.dup ?? 0.01;
  const tierShare = opts.tierColumn ?? 0.1;
  const delim = opts.delimiter ?? (kind === 'dossiers' ? ',' : ';');
  const eol = opts.crlf ? '\r\n' : '\n';
  const units = buildUnits();
  const start = dayOf(year, 1, 1) - 20; // some received late in the previous year
  const span = dayOf(year, 12, 31) - start + 1;
  const header = kind === 'dossiers' ? DOSSIER_HEADER : FEEDBACK_HEADER;
  let out = (opts.bom ? '\ufeff' : '') + header.map((h) => q(h, delim)).join(delim) + eol;
  const recent = []; // recent codes, for duplicates
  const prefix = kind === 'dossiers' ? 'H18' : 'PA';
  for (let i = 0; i < rows; i++) {
    const u = r() < 0.004 ? { names: [UNDECIDABLE[i % 2]], tier: 'so', tierWord: '' } : pickUnit(units, r);
    const prof = PROFILE[u.tier];
    const style = pick(r, DATE_STYLES);
    const received = start + Math.floor(r() * span);
    let code;
    if (recent.length > 0 && r() < dupShare) code = recent[Math.floor(r() * recent.length)];
    else {
      const [y, m, d] = civil(received);
      code = kind === 'dossiers' ? `${prefix}.${p2(1 + (i % 97))}-${String(y).slice(2)}${p2(m)}${p2(d)}-${String(i + 1).padStart(7, '0')}` : `${prefix}-${y}-${String(i + 1).padStart(6, '0')}`;
      if (recent.length < 2000) recent.push(code);
      else recent[Math.floor(r() * 2000)] = code;
    }
    const dueDays = kind === 'dossiers' ? 3 + Math.floor(r() * 25) : 10 + Math.floor(r() * 10);
    const due = received + dueDays;
    let resolved;
    // Open at the export: mostly dossiers received in the last weeks of the year.
    const open = r() < (received > dayOf(year, 12, 31) - 25 ? 0.5 : 0.004);
    if (open) resolved = NaN;
    else if (r() < prof.late * (kind === 'feedback' ? 4 : 1)) resolved = due + 1 + Math.floor(r() * 20);
    else resolved = received + Math.floor(r() * (dueDays + 1));
    // Rows resolved after the export date stay open.
    if (resolved > dayOf(year, 12, 31) + 15) resolved = NaN;
    let receivedTxt = fmtDate(received, style, r);
    let dueTxt = r() < 0.02 ? '' : fmtDate(due, style, r);
    let resolvedTxt = Number.isNaN(resolved) ? '' : fmtDate(resolved, style, r);
    let unitTxt = spelling(u, r);
    let tierTxt = u.tierWord && r() < tierShare ? u.tierWord : '';

    // Bad rows, a small share.
    if (r() < badShare) {
      const b = Math.floor(r() * 4);
      if (b === 0) code = '';
      else if (b === 1) receivedTxt = ['31/02/2023', '2023-13-05', 'không rõ', '15/15/2023 08:00'][Math.floor(r() * 4)];
      else if (b === 2 && resolvedTxt !== '') resolvedTxt = fmtDate(received - 1 - Math.floor(r() * 5), style, r);
      else if (b === 2) dueTxt = '32/01/2023';
      else unitTxt = UNDECIDABLE[Math.floor(r() * UNDECIDABLE.length)];
      if (b === 3) tierTxt = '';
    }

    let fields;
    if (kind === 'dossiers') {
      const online = r() < prof.online;
      let channel = online ? pick(r, CHANNELS_ONLINE) : pick(r, CHANNELS_OFFLINE);
      if (r() < 0.001) channel = 'Fax';
      const digitized = r() < prof.digitized ? pick(r, YES) : pick(r, NO);
      const eResult = Number.isNaN(resolved) ? '' : r() < prof.eResult ? pick(r, YES) : pick(r, NO);
      let rating = '';
      if (!Number.isNaN(resolved) && r() < 0.45) rating = r() < prof.satisfied ? pick(r, SATISFIED) : pick(r, NOT_SATISFIED);
      if (r() < 0.0005) rating = '5 sao';
      let fee = '';
      let payment = '';
      if (r() < prof.fee) {
        fee = fmtFee(FEES[Math.floor(r() * FEES.length)], r);
        const x = r();
        payment = x < prof.payOnline ? pick(r, PAY_ONLINE) : x < prof.payOnline + 0.08 ? pick(r, PAY_NON_CASH) : pick(r, PAY_CASH);
        if (r() < 0.05) fee = ''; // fee not exported, the payment method still says there was one
      } else if (r() < 0.5) fee = '0';
      const [procCode, procName] = PROCEDURES[Math.floor(r() * PROCEDURES.length)];
      const note = r() < 0.25 ? NOTES[Math.floor(r() * NOTES.length)] : '';
      fields = [code, unitTxt, tierTxt, procCode, procName, person(r), receivedTxt, dueTxt, resolvedTxt, channel, digitized, eResult, rating, fee, payment, note];
    } else {
      let rating = '';
      if (!Number.isNaN(resolved) && r() < 0.6) rating = r() < 0.94 ? pick(r, SATISFIED) : pick(r, NOT_SATISFIED);
      fields = [code, unitTxt, tierTxt, receivedTxt, dueTxt, resolvedTxt, rating, FEEDBACK_TOPICS[Math.floor(r() * FEEDBACK_TOPICS.length)]];
    }
    out += fields.map((f) => q(f, delim)).join(delim) + eol;
    if (out.length > 1 << 16) {
      write(out);
      out = '';
    }
  }
  if (out) write(out);
  return { rows };
}

/** Writes an export to a file (or stdout with no path); returns { rows, bytes }. */
export function generateFile(opts, path) {
  if (path) mkdirSync(dirname(path), { recursive: true });
  const fd = path ? openSync(path, 'w') : 1;
  let bytes = 0;
  try {
    const res = generate(opts, (s) => {
      const b = Buffer.from(s, 'utf8');
      bytes += b.length;
      writeSync(fd, b);
    });
    return { ...res, bytes };
  } finally {
    if (path) closeSync(fd);
  }
}

function parseArgs(argv) {
  const o = {};
  let out;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--kind') o.kind = val();
    else if (a === '--rows') o.rows = Number(val());
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--out') out = val();
    else if (a === '--year') o.year = Number(val());
    else if (a === '--bad') o.bad = Number(val());
    else if (a === '--dup') o.dup = Number(val());
    else if (a === '--tier-column') o.tierColumn = Number(val());
    else if (a === '--delimiter') o.delimiter = val();
    else if (a === '--crlf') o.crlf = true;
    else if (a === '--bom') o.bom = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.kind !== undefined && o.kind !== 'dossiers' && o.kind !== 'feedback') throw new Error('--kind is dossiers or feedback');
  if (o.rows !== undefined && !(Number.isInteger(o.rows) && o.rows >= 0)) throw new Error('--rows is a whole number');
  return { o, out };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { o, out } = parseArgs(process.argv.slice(2));
    const res = generateFile(o, out);
    if (out) process.stderr.write(`${out}: ${res.rows} rows, ${res.bytes} bytes\n`);
  } catch (e) {
    process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}
