import { describe, expect, it } from 'vitest';
import { type ImportContext, foldName, validateImportRows } from './import-rules';

const ctx: ImportContext = {
  takenUsernames: new Set(['da.co']),
  units: new Map([
    ['THAM', { id: 'u-tham', code: 'THAM', inScope: true }],
    ['THCSAM', { id: 'u-thcs', code: 'THCSAM', inScope: false }],
  ]),
  jobTitles: new Map([[foldName('Giáo viên'), 't-gv']]),
  groups: new Map([
    ['chuyen-vien', { id: 'g-cv', assignable: true }],
    ['quan-tri', { id: 'g-qt', assignable: false }],
  ]),
};

const row = (line: number, cells: Record<string, string>) => ({ line, cells });

describe('import row rules', () => {
  it('accepts a good row, normalising case, diacritics of titles and phone separators', () => {
    const { errors, valid } = validateImportRows(
      [
        row(2, {
          'Tên đăng nhập': 'GV.An',
          'Họ và tên': ' Trần  Văn An ',
          'Mã đơn vị': 'tham',
          'Chức danh': 'GIAO VIEN',
          Email: 'An@X.vn',
          'Điện thoại': '0912.345.678',
          Nhóm: 'Chuyen-Vien; chuyen-vien',
        }),
      ],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(valid).toEqual([
      {
        line: 2,
        username: 'gv.an',
        fullName: 'Trần  Văn An',
        unitId: 'u-tham',
        unitCode: 'THAM',
        jobTitleId: 't-gv',
        email: 'an@x.vn',
        phone: '0912345678',
        groupIds: ['g-cv'],
      },
    ]);
  });

  it('names the earlier line of a duplicate and never imports a row with a problem', () => {
    const { errors, valid } = validateImportRows(
      [
        row(2, { 'Tên đăng nhập': 'a.b.c', 'Họ và tên': 'A', 'Mã đơn vị': 'THAM' }),
        row(4, { 'Tên đăng nhập': 'A.B.C', 'Họ và tên': 'B', 'Mã đơn vị': 'THAM' }),
      ],
      ctx,
    );
    expect(errors).toEqual([
      {
        line: 4,
        field: 'Tên đăng nhập',
        code: 'duplicateInFile',
        value: '2',
        message: 'Tên đăng nhập trùng với dòng 2 trong tệp.',
      },
    ]);
    expect(valid.map((v) => v.line)).toEqual([2]);
  });

  it('refuses units and groups outside what the administrator may use', () => {
    const { errors } = validateImportRows(
      [row(2, { 'Tên đăng nhập': 'da.co', 'Họ và tên': 'A', 'Mã đơn vị': 'THCSAM', Nhóm: 'quan-tri,khac' })],
      ctx,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['Tên đăng nhập', 'usernameTaken'],
      ['Mã đơn vị', 'unitOutOfScope'],
      ['Nhóm', 'groupForbidden'],
      ['Nhóm', 'groupUnknown'],
    ]);
  });

  it('checks lengths, e-mail and phone formats', () => {
    const { errors } = validateImportRows(
      [
        row(9, {
          'Tên đăng nhập': 'abc',
          'Họ và tên': 'x'.repeat(151),
          'Mã đơn vị': 'THAM',
          Email: 'a@b',
          'Điện thoại': '+8491234567',
        }),
      ],
      ctx,
    );
    expect(errors.map((e) => e.code)).toEqual(['tooLong', 'emailFormat', 'phoneFormat']);
  });
});
