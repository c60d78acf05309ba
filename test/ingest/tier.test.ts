import { describe, it, expect } from 'vitest';
import { tierFromName, tierFromColumn } from '../../src/ingest/tier.js';

describe('tierFromName (docs/domain.md tier rule 3)', () => {
  it.each([
    ['Sở Tư pháp', 'so'],
    ['Sở Xây dựng', 'so'],
    ['Ban Quản lý các Khu công nghiệp', 'so'],
    ['Văn phòng UBND tỉnh', 'so'],
    ['Trung tâm Hành chính công tỉnh', 'so'],
    ['Bảo hiểm xã hội tỉnh Đồng Nai', 'so'],
    ['Công an tỉnh', 'so'],
    ['UBND huyện Nhơn Trạch', 'huyen'],
    ['UBND thành phố Biên Hòa', 'huyen'],
    ['UBND TP. Long Khánh', 'huyen'],
    ['UBND TP Long Khánh', 'huyen'],
    ['Phòng Tư pháp huyện Trảng Bom', 'huyen'],
    ['UBND thị xã Long Khánh', 'huyen'],
    ['UBND quận 1', 'huyen'],
    ['UBND xã Long Hưng', 'xa'],
    ['UBND xã Long Hưng, TP Biên Hòa', 'xa'],
    ['UBND xã Phú Hữu, tỉnh Đồng Nai', 'xa'],
    ['UBND phường Tân Phong', 'xa'],
    ['UBND thị trấn Dầu Giây', 'xa'],
    ['UBND thị trấn Định Quán', 'xa'],
    // ASCII-folded spellings
    ['UBND xa Long Hung', 'xa'],
    ['UBND thi tran Dau Giay', 'xa'],
    ['UBND thi xa Long Khanh', 'huyen'],
    ['Phong Tu phap huyen Trang Bom', 'huyen'],
    ['So Tu phap', 'so'],
    ['Bao hiem xa hoi tinh Dong Nai', 'so'],
    ['UBND phuong Tan Phong', 'xa'],
    // NFD and upper case
    ['UBND XÃ LONG HƯNG'.normalize('NFD'), 'xa'],
  ])('%s → %s', (name, tier) => {
    expect(tierFromName(name)).toBe(tier);
  });

  it.each([
    'Chi cục Thuế khu vực Biên Hòa - Vĩnh Cửu',
    'Cơ quan thuế khu vực',
    'Trung tâm dịch vụ địa phương',
    'Định Quán',
    'Tân Phú',
    '',
  ])('%j is undecidable by name', (name) => {
    expect(tierFromName(name)).toBeNull();
  });
});

describe('tierFromColumn (rule 1)', () => {
  it.each([
    ['Sở', 'so'],
    ['Cấp sở', 'so'],
    ['Tỉnh', 'so'],
    ['CAP TINH', 'so'],
    ['Huyện', 'huyen'],
    ['cap huyen', 'huyen'],
    ['Xã', 'xa'],
    [' Cấp  xã '.normalize('NFD'), 'xa'],
  ])('%j → %s', (v, t) => expect(tierFromColumn(v)).toBe(t));
  it('blank is null, anything else undefined', () => {
    expect(tierFromColumn('  ')).toBeNull();
    expect(tierFromColumn('Làng')).toBeUndefined();
    expect(tierFromColumn('Trung ương')).toBeUndefined();
  });
});
