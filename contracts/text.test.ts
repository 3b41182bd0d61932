import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeText, personSortKey, textSortKey } from './text';

describe('Vietnamese text', () => {
  it('normalises to NFC', () => {
    const decomposed = 'Quye\u0302\u0301t đi\u0323nh';
    expect(normalizeText(` ${decomposed} `)).toBe('Quyết định');
  });

  it('folds diacritics including đ', () => {
    expect(foldDiacritics('Đào tạo Kế hoạch tuyển sinh')).toBe('Dao tao Ke hoach tuyen sinh');
  });

  it('orders by the Vietnamese alphabet: D before Đ, A Ă Â', () => {
    const words = ['Đào', 'Dung', 'Âu', 'Ăn', 'An', 'Bình'];
    expect([...words].sort((a, b) => (textSortKey(a) < textSortKey(b) ? -1 : 1))).toEqual([
      'An',
      'Ăn',
      'Âu',
      'Bình',
      'Dung',
      'Đào',
    ]);
  });

  it('orders people by given name, then family and middle names', () => {
    const people = ['Lê Thị Bình', 'Trần Văn An', 'Nguyễn Văn An', 'Phạm Đào'];
    const sorted = [...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Lê Thị Bình', 'Phạm Đào']);
  });

  it('puts tones after the base letters', () => {
    const words = ['Má', 'Ma', 'Mạ', 'Mà'];
    expect([...words].sort((a, b) => (textSortKey(a) < textSortKey(b) ? -1 : 1))).toEqual(['Ma', 'Mà', 'Má', 'Mạ']);
  });
});
