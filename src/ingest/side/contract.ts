/**
 * The header contracts of the side inputs (README, "Procedures catalog", "Units file" and
 * "Task status file"): which headers name which field and which values mean what. Headers are
 * matched by the one header matcher (ingest/headers.ts), values by folded lookup, as for the
 * exports; yes/no cells use the exports' YES_NO vocabulary.
 */
import { YES_NO, vocabulary } from '../vocabulary.js';
import type { FieldSpec } from '../contract.js';
import type { CatalogField, StatusField, UnitsField } from '../../model/side.js';
import type { SideKind } from '../../model/kinds.js';

export const CATALOG_FIELDS: FieldSpec<CatalogField>[] = [
  { field: 'code', aliases: ['Mã TTHC', 'Mã thủ tục', 'Mã số TTHC', 'MaTTHC'], required: true, vi: 'mã TTHC', en: 'procedure code' },
  { field: 'name', aliases: ['Tên TTHC', 'Tên thủ tục', 'Tên thủ tục hành chính', 'TenTTHC'], vi: 'tên TTHC', en: 'procedure name' },
  { field: 'tier', aliases: ['Cấp', 'Cấp thực hiện', 'Cấp hành chính', 'Cấp thẩm quyền'], vi: 'cấp', en: 'tier' },
  {
    field: 'eligible',
    aliases: ['Đủ điều kiện trực tuyến', 'Đủ điều kiện DVC trực tuyến', 'Đủ điều kiện DVCTT', 'DuDieuKienTrucTuyen'],
    vi: 'đủ điều kiện trực tuyến',
    en: 'eligible for online service',
  },
  {
    field: 'offered',
    aliases: ['Cung cấp trực tuyến', 'Đã cung cấp trực tuyến', 'Cung cấp DVC trực tuyến', 'CungCapTrucTuyen'],
    vi: 'cung cấp trực tuyến',
    en: 'offered online',
  },
  { field: 'sample', aliases: ['Có hồ sơ mẫu', 'Hồ sơ mẫu', 'CoHoSoMau'], vi: 'có hồ sơ mẫu', en: 'sample dossier' },
  { field: 'fee', aliases: ['Có phí, lệ phí', 'Có phí lệ phí', 'Có nghĩa vụ tài chính', 'Phí, lệ phí', 'CoPhiLePhi'], vi: 'có phí, lệ phí', en: 'has fees' },
  {
    field: 'onlinePayment',
    aliases: ['Thanh toán trực tuyến', 'Có thanh toán trực tuyến', 'Đã triển khai thanh toán trực tuyến', 'ThanhToanTrucTuyen'],
    vi: 'thanh toán trực tuyến',
    en: 'online payment',
  },
  {
    field: 'published',
    aliases: ['Công khai đúng hạn', 'Công bố, công khai đúng hạn', 'Công bố đúng hạn', 'CongKhaiDungHan'],
    vi: 'công khai đúng hạn',
    en: 'published on time',
  },
  { field: 'simplified', aliases: ['Đơn giản hóa', 'Được đơn giản hóa', 'Kiến nghị đơn giản hóa', 'DonGianHoa'], vi: 'đơn giản hóa', en: 'simplified' },
];

export const Online = { FULL: 1, PARTIAL: 2, YES: 3, NO: 4 } as const;

/** Eligible for / offered as an online service: fully, partly, yes, no. Blank means no. */
export const ONLINE_LEVEL = vocabulary('online service', {
  full: [Online.FULL, ['Toàn trình', 'Trực tuyến toàn trình', 'DVC toàn trình']],
  partial: [Online.PARTIAL, ['Một phần', 'Trực tuyến một phần', 'DVC một phần']],
  yes: [Online.YES, YES_NO.listed.yes!],
  no: [Online.NO, [...YES_NO.listed.no!, 'Không đủ điều kiện']],
});

export const UNITS_FIELDS: FieldSpec<UnitsField>[] = [
  { field: 'name', aliases: ['Tên đơn vị', 'Đơn vị', 'Tên cơ quan', 'Cơ quan', 'TenDonVi'], vi: 'tên đơn vị', en: 'unit name' },
  { field: 'code', aliases: ['Mã đơn vị', 'Mã ĐVHC', 'Mã cơ quan', 'MaDonVi'], vi: 'mã đơn vị', en: 'unit code' },
  { field: 'tier', aliases: ['Cấp', 'Cấp hành chính', 'Cấp đơn vị'], vi: 'cấp', en: 'tier' },
  {
    field: 'district',
    aliases: ['Huyện', 'Huyện, thành phố', 'Huyện/thành phố', 'Thuộc huyện', 'Đơn vị cấp huyện', 'Đơn vị cấp trên'],
    vi: 'huyện',
    en: 'district',
  },
  {
    field: 'eCert',
    aliases: ['Chứng thực điện tử', 'Cung cấp chứng thực điện tử', 'Có chứng thực điện tử', 'Dịch vụ chứng thực điện tử'],
    vi: 'chứng thực điện tử',
    en: 'electronic certification',
  },
  {
    field: 'copies',
    aliases: ['Bản sao chứng thực điện tử năm nay', 'Số bản sao chứng thực điện tử', 'Bản sao chứng thực điện tử', 'Số bản sao năm nay'],
    vi: 'số bản sao chứng thực điện tử năm nay',
    en: 'e-certified copies this year',
  },
  {
    field: 'copiesLastYear',
    aliases: ['Bản sao chứng thực điện tử năm trước', 'Số bản sao chứng thực điện tử năm trước', 'Số bản sao năm trước'],
    vi: 'số bản sao chứng thực điện tử năm trước',
    en: 'e-certified copies last year',
  },
];


export const STATUS_FIELDS: FieldSpec<StatusField>[] = [
  { field: 'task', aliases: ['Mã nhiệm vụ', 'Mã NV', 'Nhiệm vụ', 'MaNhiemVu', 'Task', 'Task id'], required: true, vi: 'mã nhiệm vụ', en: 'task id' },
  { field: 'status', aliases: ['Trạng thái', 'Tình trạng', 'Tiến độ', 'TrangThai', 'Status'], vi: 'trạng thái', en: 'status' },
  {
    field: 'completed',
    aliases: ['Ngày hoàn thành', 'Ngày hoàn thành thực tế', 'NgayHoanThanh', 'Completed'],
    vi: 'ngày hoàn thành',
    en: 'completion date',
  },
  { field: 'note', aliases: ['Ghi chú', 'GhiChu', 'Note'], vi: 'ghi chú', en: 'note' },
];

/** Each side file's contract. */
export const SIDE_FIELDS: { [K in SideKind]: readonly FieldSpec<string>[] } = { units: UNITS_FIELDS, catalog: CATALOG_FIELDS, 'task-status': STATUS_FIELDS };
