import { describe, expect, it } from 'vitest';
import { ABBREVIATION_PATTERN, ENTRY_CODE_PATTERN, organNameKey } from './catalogs';

describe('organNameKey', () => {
  it('treats "UBND" and "Ủy ban nhân dân" as the same organ, whatever the case', () => {
    expect(organNameKey('UBND tỉnh Kiên Giang')).toBe('uy ban nhan dan tinh kien giang');
    expect(organNameKey('Ủy ban nhân dân Tỉnh Kiên Giang')).toBe(organNameKey('UBND tỉnh Kiên Giang'));
    // Old-style tone placement (Uỷ) and decomposed input fold the same way.
    expect(organNameKey('Uỷ ban nhân dân tỉnh Kiên Giang')).toBe(organNameKey('UBND tỉnh Kiên Giang'));
    expect(organNameKey('U\u0309y ban nha\u0302n da\u0302n ti\u0309nh Kie\u0302n Giang')).toBe(
      organNameKey('UBND tỉnh Kiên Giang'),
    );
  });

  it('writes out the short forms of "Sở / Phòng Giáo dục và Đào tạo"', () => {
    const full = organNameKey('Sở Giáo dục và Đào tạo Kiên Giang');
    expect(full).toBe('so giao duc va dao tao kien giang');
    for (const short of ['Sở GD&ĐT Kiên Giang', 'SGDĐT Kiên Giang', 'Sở GD-ĐT Kiên Giang', 'Sở GDĐT Kiên Giang']) {
      expect(organNameKey(short)).toBe(full);
    }
    expect(organNameKey('Sở Giáo dục - Đào tạo Kiên Giang')).toBe(full);
    const phong = organNameKey('Phòng Giáo dục và Đào tạo huyện An Minh');
    expect(organNameKey('Phòng GD&ĐT huyện An Minh')).toBe(phong);
    expect(organNameKey('PGDĐT H. An Minh')).toBe(phong);
    expect(organNameKey('Bộ GD&ĐT')).toBe(organNameKey('Bộ Giáo dục và Đào tạo'));
  });

  it('expands dotted abbreviations only at the start of a word', () => {
    expect(organNameKey('UBND TP. Rạch Giá')).toBe('uy ban nhan dan thanh pho rach gia');
    expect(organNameKey('UBND TP.Rạch Giá')).toBe(organNameKey('Ủy ban nhân dân thành phố Rạch Giá'));
    expect(organNameKey('UBND h.An Minh, t.Kiên Giang')).toBe('uy ban nhan dan huyen an minh tinh kien giang');
    expect(organNameKey('UBND TX. Hà Tiên')).toBe('uy ban nhan dan thi xa ha tien');
    // A letter and dot inside a word is not an abbreviation.
    expect(organNameKey('Công ty ABC.T. Trading')).toBe('cong ty abc t trading');
    // A lone "t" that is not followed by a word is not expanded either.
    expect(organNameKey('Khu phố T.')).toBe('khu pho t');
  });

  it('collapses punctuation and spaces', () => {
    expect(organNameKey('  Trường THCS   An Minh ( cơ sở 2 ) ')).toBe('truong trung hoc co so an minh co so 2');
    expect(organNameKey('Trường Trung học cơ sở An Minh')).toBe(organNameKey('Trường THCS An Minh'));
    expect(organNameKey('...')).toBe('');
  });

  it('keeps different organs apart', () => {
    expect(organNameKey('UBND tỉnh Kiên Giang')).not.toBe(organNameKey('UBND tỉnh An Giang'));
    expect(organNameKey('Sở GD&ĐT Kiên Giang')).not.toBe(organNameKey('Phòng GD&ĐT Kiên Giang'));
  });
});

describe('catalog code rules', () => {
  it('accepts every ND30 Phụ lục III abbreviation', () => {
    const nd30 = 'NQ QĐ CT QC QyĐ TC TB HD CTr KH PA ĐA DA BC BB TTr HĐ CĐ BGN BTT GUQ GM GGT GNP PG PC PB'.split(' ');
    for (const a of nd30) expect(ABBREVIATION_PATTERN.test(a), a).toBe(true);
  });

  it('refuses abbreviations that are not letters or start in lower case', () => {
    for (const a of ['qđ', 'Q-Đ', 'QĐ1', 'Q Đ', 'ABCDEFGHIJK', '']) expect(ABBREVIATION_PATTERN.test(a), a).toBe(false);
  });

  it('accepts stable entry codes of a-z, 0-9 and single dashes', () => {
    expect(ENTRY_CODE_PATTERN.test('toi-mat')).toBe(true);
    expect(ENTRY_CODE_PATTERN.test('khan2')).toBe(true);
    for (const c of ['Mat', 'tối-mật', 'a--b', '-a', 'a_b']) expect(ENTRY_CODE_PATTERN.test(c), c).toBe(false);
  });
});
