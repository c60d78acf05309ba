import { describe, it, expect } from 'vitest';
import { detectDataset, matchHeaders } from '../../src/ingest/headers.js';
import { DOSSIER_FIELDS, FEEDBACK_FIELDS } from '../../src/ingest/contract.js';

describe('header matching', () => {
  it('every dossier alias is recognized, in any case, spacing and normalization', () => {
    for (const spec of DOSSIER_FIELDS) {
      const base = DOSSIER_FIELDS.filter((f) => f.required && f.field !== spec.field).map((f) => f.aliases[0]!);
      for (const alias of spec.aliases) {
        for (const spelled of [alias, alias.toUpperCase(), `  ${alias.normalize('NFD')} `]) {
          const header = [...base, 'Ghi chú', spelled];
          expect(matchHeaders('dossiers', header).columns[spec.field], `${spec.field} ← ${spelled}`).toBe(header.length - 1);
        }
      }
    }
  });

  it('every feedback alias is recognized', () => {
    for (const spec of FEEDBACK_FIELDS) {
      for (const alias of spec.aliases) {
        const m = matchHeaders('feedback', ['x', alias]);
        expect(m.columns[spec.field], alias).toBe(1);
      }
    }
  });

  it('accepts ASCII-folded headers', () => {
    const m = matchHeaders('dossiers', ['Ma ho so', 'Don vi', 'Ngay tiep nhan', 'Hinh thuc nop']);
    expect(m.columns).toMatchObject({ code: 0, unit: 1, received: 2, channel: 3 });
    expect(m.missingRequired).toEqual([]);
  });

  it('an alias must be equal, not contained', () => {
    const m = matchHeaders('dossiers', ['Mã hồ sơ', 'Mã đơn vị', 'Ngày tiếp nhận']);
    expect(m.columns.unit).toBeUndefined();
    expect(m.missingRequired.map((s) => s.field)).toEqual(['unit']);
  });

  it('the alias listed first wins when two headers map to one field', () => {
    const m = matchHeaders('dossiers', ['Ngày trả kết quả', 'Mã hồ sơ', 'Ngày hoàn thành', 'Đơn vị', 'Ngày tiếp nhận']);
    expect(m.columns.resolved).toBe(2); // "Ngày hoàn thành" is listed before "Ngày trả kết quả"
    const u = matchHeaders('dossiers', ['Cơ quan giải quyết', 'Đơn vị tiếp nhận', 'Mã hồ sơ', 'Ngày tiếp nhận']);
    expect(u.columns.unit).toBe(1);
  });

  it('detects the dataset from the code column', () => {
    expect(detectDataset(['Mã hồ sơ', 'Đơn vị'])).toBe('dossiers');
    expect(detectDataset(['MaHoSo'])).toBe('dossiers');
    expect(detectDataset(['Mã PAKN', 'Cơ quan xử lý'])).toBe('feedback');
    expect(detectDataset(['Mã phản ánh kiến nghị', 'Mã hồ sơ'])).toBe('feedback');
    expect(detectDataset(['Tên', 'Tuổi'])).toBeNull();
  });
});
