import { describe, it, expect } from 'vitest';
import { fold, tidy } from '../../src/util/text.js';

describe('fold', () => {
  it('ignores case, spacing, normalization and diacritics', () => {
    const nfc = 'Ngày Tiếp Nhận'.normalize('NFC');
    const nfd = 'Ngày Tiếp Nhận'.normalize('NFD');
    expect(fold(nfc)).toBe('ngay tiep nhan');
    expect(fold(nfd)).toBe('ngay tiep nhan');
    expect(fold('  NGAY   TIEP  nhan ')).toBe('ngay tiep nhan');
    expect(fold('Đơn vị')).toBe('don vi');
    expect(fold('ĐƠN VỊ')).toBe('don vi');
  });
  it('tidy keeps diacritics and NFC', () => {
    expect(tidy(' UBND  xã Phú Hữu '.normalize('NFD'))).toBe('UBND xã Phú Hữu'.normalize('NFC'));
  });
});
