import type { TRegisterKind } from '../../../../contracts/reports';
import type { RegisterCell, RegisterDocument } from './register-specs';

/** Known rows of each register, with full Vietnamese diacritics, for the golden tests. */

const ORGANS = [
  'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
  'Ủy ban nhân dân huyện An Minh',
  'Phòng Tài chính – Kế hoạch huyện An Minh',
  'Trường Tiểu học Đông Hưng A',
];
const SUBJECTS = [
  'Kế hoạch Tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2025–2026',
  'Công văn về việc hướng dẫn đánh giá, xếp loại học sinh cuối học kỳ I',
  'Quyết định thành lập Ban chỉ đạo phổ cập giáo dục, xóa mù chữ',
  'Thông báo lịch tập huấn ứng dụng công nghệ thông tin trong dạy học',
];
const PEOPLE = ['Lâm Quốc Bảo', 'Dương Thị Yến (chủ trì)', 'Trịnh Minh Khoa (phối hợp)', 'Hồ Thị Cẩm Tú (để biết)'];

const day = (i: number) => `2026-03-${String((i % 28) + 1).padStart(2, '0')}`;

/** Rows of the incoming register: `n` documents numbered from 1 (a cancelled one every 9th). */
export function incomingRegisterRows(n: number): RegisterCell[][] {
  return Array.from({ length: n }, (_, i) => [
    day(i),
    i + 1,
    ORGANS[i % ORGANS.length],
    `${120 + i}/KH-SGDĐT`,
    day(Math.max(0, i - 2)),
    SUBJECTS[i % SUBJECTS.length],
    PEOPLE[i % PEOPLE.length],
    day(i),
    null,
    i % 9 === 8 ? 'Đã hủy: vào sổ nhầm' : null,
  ]);
}

export const FIXTURE_ROWS: Record<TRegisterKind, RegisterCell[][]> = {
  'incoming-register': incomingRegisterRows(45),
  'incoming-handover': [
    ['2026-03-02', 1, 'Lâm Quốc Bảo', null, 'Trình lãnh đạo cho ý kiến chỉ đạo'],
    ['2026-03-03', 1, 'Dương Thị Yến (chủ trì); Trịnh Minh Khoa (phối hợp)', null, 'Chuyển theo ý kiến chỉ đạo'],
    ['2026-03-05', 2, 'Hồ Thị Cẩm Tú (để biết)', null, 'Chuyển tiếp'],
  ],
  'outgoing-register': [
    [
      '01/QĐ-THCSAM',
      '2026-03-04',
      'Quyết định thành lập đội tuyển học sinh giỏi cấp huyện',
      'Hiệu trưởng Lâm Quốc Bảo',
      'Phòng GD&ĐT huyện An Minh; Lưu: VT',
      'Văn thư',
      3,
      '2026-03-04',
      null,
      null,
    ],
    [
      '02/THCSAM-CM',
      '2026-03-09',
      'Công văn về việc đăng ký dự thi giáo viên dạy giỏi',
      'Phó Hiệu trưởng Dương Thị Yến',
      'Các tổ chuyên môn',
      'Tổ Văn phòng',
      2,
      '2026-03-10',
      null,
      'Đã thu hồi: sai thời gian',
    ],
  ],
  'outgoing-handover': [
    ['2026-03-04', '01/QĐ-THCSAM', 'Phòng Giáo dục và Đào tạo huyện An Minh', null, 'Nơi nhận đã vào sổ'],
    [
      '2026-03-10',
      '02/THCSAM-CM',
      'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
      null,
      'Thư điện tử sgddt@kiengiang.gov.vn',
    ],
  ],
  'incoming-short': [
    [1, '2026-03-02', ORGANS[0], '125/KH-SGDĐT', SUBJECTS[0], 'Dương Thị Yến'],
    [2, '2026-03-05', ORGANS[1], '37/UBND-VX', SUBJECTS[1], null],
    [3, '2026-03-06', ORGANS[3], '8/TH-ĐHA', SUBJECTS[2], 'Đã hủy'],
  ],
  'incoming-tracking': [
    [
      1,
      'Kế hoạch số 125/KH-SGDĐT ngày 27/02/2026 của Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
      'Dương Thị Yến (chủ trì); Trịnh Minh Khoa (phối hợp)',
      '2026-03-20',
      'Đã giải quyết ngày 18/03/2026',
      '45/THCSAM-CM',
      null,
    ],
    [
      2,
      'Công văn số 37/UBND-VX ngày 01/03/2026 của Ủy ban nhân dân huyện An Minh',
      'Hồ Thị Cẩm Tú (chủ trì)',
      '2026-03-10',
      'Quá hạn 2 ngày (40%)',
      null,
      'Đôn đốc ngày 11/03',
    ],
  ],
};

/** A register document of a kind with the fixture rows, as printed on 12/03/2026. */
export function fixtureDocument(kind: TRegisterKind, rows = FIXTURE_ROWS[kind]): RegisterDocument {
  const numbered = kind === 'incoming-register' || kind === 'incoming-short';
  return {
    kind,
    organName: 'Phòng Giáo dục và Đào tạo huyện An Minh',
    unitName: 'Trường THCS An Minh',
    secret: false,
    year: 2026,
    from: '2026-03-01',
    to: '2026-03-31',
    numbers: numbered && rows.length ? { first: 1, last: rows.length } : null,
    printedAt: '2026-03-12T03:05:00.000Z',
    rows,
  };
}
