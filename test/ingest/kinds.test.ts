/** Which kind of export a header row is (README "Which kind a file is"). */
import { describe, it, expect } from 'vitest';
import { detectKind, matchHeaders } from '../../src/ingest/headers.js';
import { FIELDS } from '../../src/ingest/contract.js';
import type { Kind } from '../../src/model/kinds.js';

describe('detectKind', () => {
  it.each<[string[], Kind | null]>([
    [['Mã hồ sơ', 'Đơn vị', 'Ngày tiếp nhận'], 'dossiers'],
    // a dossier list stays a dossier list whatever fact columns it also holds
    [['MaHoSo', 'DonViXuLy', 'NgayTiepNhan', 'Ngày thanh toán', 'Thành phần hồ sơ'], 'dossiers'],
    [['MaHoSo', 'NgayNopTrucTuyen'], 'online'],
    [['Số hồ sơ', 'Mức độ DVC', 'Đơn vị'], 'online'],
    [['Mã hồ sơ', 'Thành phần hồ sơ'], 'digitization'],
    [['MA HO SO', 'ngay so hoa', 'HoSoCoThanhPhanSoHoa'], 'digitization'],
    [['Mã hồ sơ', 'Số tiền', 'Hình thức thanh toán'], 'payments'],
    [['MaHoSo', 'DuocThanhToanTrucTuyen', 'NgayThanhToan'], 'payments'],
    // code without unit/received and without markers: a dossier list lacking columns (reported as missing)
    [['Mã hồ sơ', 'Hình thức thanh toán'], 'dossiers'],
    [['Mã PAKN', 'Đơn vị', 'Ngày tiếp nhận'], 'feedback'],
    [['Đơn vị', 'Tổng số tiếp nhận', 'Trực tuyến'], 'summary'],
    [['STT', 'Tên đơn vị', 'Đang xử lý quá hạn'], 'summary'],
    [['Đơn vị', 'Ghi chú'], null],
    [['Tổng số tiếp nhận'], null], // no unit
    [['Tên', 'Tuổi'], null],
  ])('%j → %s', (header, kind) => {
    expect(detectKind(header).kind).toBe(kind);
  });

  it('refuses headers that mark two fact kinds', () => {
    expect(detectKind(['Mã hồ sơ', 'Ngày số hóa', 'Ngày thanh toán'])).toEqual({ kind: null, ambiguous: ['digitization', 'payments'], form: false });
  });

  it('every alias of every kind is matched in any case and normalization', () => {
    for (const kind of Object.keys(FIELDS) as Kind[]) {
      for (const spec of FIELDS[kind]) {
        for (const alias of spec.aliases) {
          const m = matchHeaders(kind, ['x', `  ${alias.toUpperCase().normalize('NFD')} `]);
          expect(m.columns[spec.field], `${kind}.${spec.field} ← ${alias}`).toBe(1);
        }
      }
    }
  });

  it('no alias names two fields within one kind', () => {
    for (const kind of Object.keys(FIELDS) as Kind[]) {
      const seen = new Map<string, string>();
      for (const spec of FIELDS[kind]) {
        for (const alias of spec.aliases) {
          const k = alias.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
          expect(seen.get(k), `${kind}: ${alias}`).toBeUndefined();
          seen.set(k, spec.field);
        }
      }
    }
  });
});
