/**
 * Vocabulary of the incoming-documents benchmark data: subjects in the phrasing of real
 * education-office documents, issuing organs of a province, directions and results. Kept apart
 * from the SQL generator so the generator reads as the shape of the data only.
 */
import { organNameKey } from '../contracts/catalogs';

/** Opening of a subject, the document type it implies (document_types.name) and its weight in %. */
export const SUBJECT_PREFIXES: { text: string; type: string; weight: number }[] = [
  { text: 'Công văn về việc', type: 'Công văn', weight: 25 },
  { text: 'Kế hoạch', type: 'Kế hoạch', weight: 15 },
  { text: 'Báo cáo', type: 'Báo cáo', weight: 10 },
  { text: 'Báo cáo kết quả', type: 'Báo cáo', weight: 3 },
  { text: 'Quyết định về việc', type: 'Quyết định', weight: 10 },
  { text: 'Hướng dẫn', type: 'Hướng dẫn', weight: 10 },
  { text: 'Thông báo về', type: 'Thông báo', weight: 10 },
  { text: 'Giấy mời họp về', type: 'Giấy mời', weight: 5 },
  { text: 'Tờ trình về việc', type: 'Tờ trình', weight: 3 },
  { text: 'Chương trình', type: 'Chương trình', weight: 3 },
  { text: 'Chỉ thị về', type: 'Chỉ thị', weight: 2 },
  { text: 'Phương án', type: 'Phương án', weight: 2 },
  { text: 'Nghị quyết về', type: 'Nghị quyết', weight: 2 },
];

/**
 * Topics of a subject. Four of them contain both "tuy…n" and "…sinh" (tuyển sinh, tuyên truyền …
 * học sinh), so "ke hoach tuyen sinh" matches about 15 % × 4/41 ≈ 1.5 % of the documents.
 */
export const SUBJECT_TOPICS = [
  'tuyển sinh vào lớp 10',
  'tuyển sinh vào lớp 1 và lớp 6',
  'tuyển sinh trẻ mầm non',
  'tuyên truyền phòng, chống đuối nước cho học sinh',
  'tổ chức Hội khỏe Phù Đổng cấp huyện',
  'kiểm định chất lượng giáo dục và công nhận trường đạt chuẩn quốc gia',
  'bồi dưỡng thường xuyên giáo viên',
  'tổ chức kỳ thi chọn học sinh giỏi cấp huyện',
  'thực hiện nhiệm vụ năm học',
  'tổng kết năm học',
  'phòng, chống dịch bệnh trong trường học',
  'chuyển đổi số trong giáo dục',
  'triển khai phần mềm quản lý trường học',
  'công tác thi đua, khen thưởng',
  'sắp xếp, tinh gọn tổ chức bộ máy',
  'quyết toán ngân sách',
  'công khai tài chính các cơ sở giáo dục',
  'phổ cập giáo dục, xóa mù chữ',
  'đảm bảo an toàn giao thông cho học sinh',
  'xây dựng trường học xanh – sạch – đẹp – an toàn',
  'đánh giá chuẩn hiệu trưởng, chuẩn nghề nghiệp giáo viên',
  'tổ chức các hoạt động chào mừng Ngày Nhà giáo Việt Nam 20/11',
  'hội thi giáo viên dạy giỏi cấp huyện',
  'bảo hiểm y tế học sinh, sinh viên',
  'sửa chữa, mua sắm thiết bị dạy học',
  'tuyển dụng viên chức giáo dục',
  'thống kê số liệu đầu năm học',
  'công tác y tế trường học',
  'giáo dục kỹ năng sống',
  'phòng, chống bạo lực học đường',
  'thực hiện Chương trình giáo dục phổ thông 2018',
  'lựa chọn sách giáo khoa',
  'tổ chức kỳ thi tốt nghiệp trung học phổ thông',
  'công tác phòng cháy, chữa cháy',
  'cải cách hành chính',
  'sinh hoạt chuyên môn theo nghiên cứu bài học',
  'tập huấn công tác kiểm tra nội bộ trường học',
  'hoạt động trải nghiệm, hướng nghiệp',
  'chế độ, chính sách đối với nhà giáo',
  'xét thăng hạng chức danh nghề nghiệp giáo viên',
  'tuyên truyền kỷ niệm ngày thành lập Đoàn',
];

/** Department codes after the organ in a Công văn notation (1234/SGDĐT-GDTrH). */
export const DEPARTMENT_CODES = ['GDTrH', 'GDTH', 'GDMN', 'TCCB', 'KHTC', 'VP', 'KTKĐ', 'CTTT'];

export const DIRECTIONS = [
  'Giao chuyên môn nghiên cứu, tham mưu triển khai thực hiện.',
  'Đề nghị các bộ phận phối hợp thực hiện đúng thời gian quy định.',
  'Chuyển đồng chí chủ trì tham mưu văn bản triển khai đến các trường.',
  'Nghiên cứu, báo cáo đề xuất trước thời hạn.',
  'Triển khai thực hiện, tổng hợp báo cáo kết quả.',
];

export const RESULTS = [
  'Đã triển khai thực hiện, báo cáo kết quả về cấp trên.',
  'Đã tham mưu văn bản triển khai đến các đơn vị.',
  'Đã tổng hợp số liệu, gửi báo cáo đúng hạn.',
  'Đã thực hiện xong.',
];

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
export const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Hoàng', 'Kim', 'Hữu', 'Thị Thu', 'Đức'];
export const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Khoa',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];

/** The organs that send most documents to an education office, most frequent first. */
const MAJOR_ORGANS: [string, string][] = [
  ['Phòng Giáo dục và Đào tạo huyện An Minh', 'PGDĐT'],
  ['Sở Giáo dục và Đào tạo tỉnh Kiên Giang', 'SGDĐT'],
  ['Ủy ban nhân dân huyện An Minh', 'UBND'],
  ['Ủy ban nhân dân tỉnh Kiên Giang', 'UBND'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT'],
  ['Huyện ủy An Minh', 'HU'],
  ['Phòng Tài chính – Kế hoạch huyện An Minh', 'TCKH'],
  ['Phòng Nội vụ huyện An Minh', 'PNV'],
  ['Công an huyện An Minh', 'CAH'],
  ['Trung tâm Y tế huyện An Minh', 'TTYT'],
  ['Huyện đoàn An Minh', 'HĐ'],
  ['Bảo hiểm xã hội huyện An Minh', 'BHXH'],
  ['Liên đoàn Lao động huyện An Minh', 'LĐLĐ'],
  ['Ban Chỉ huy Quân sự huyện An Minh', 'BCHQS'],
  ['Công đoàn ngành Giáo dục tỉnh Kiên Giang', 'CĐN'],
  ['Sở Nội vụ tỉnh Kiên Giang', 'SNV'],
  ['Sở Tài chính tỉnh Kiên Giang', 'STC'],
  ['Sở Y tế tỉnh Kiên Giang', 'SYT'],
  ['Hội đồng nhân dân huyện An Minh', 'HĐND'],
  ['Văn phòng HĐND và UBND huyện An Minh', 'VP'],
];

const PLACE_FIRST = ['Tân', 'Đông', 'Tây', 'Nam', 'Bắc', 'Vĩnh', 'Thạnh', 'Hòa', 'An', 'Phú', 'Long', 'Bình', 'Mỹ'];
const PLACE_SECOND = ['Hòa', 'Thạnh', 'Lợi', 'Hưng', 'Phú', 'Thuận', 'Minh', 'Khánh', 'Yên', 'Lộc', 'Điền', 'Phước'];
const DISTRICT_KINDS: [string, string][] = [
  ['Ủy ban nhân dân huyện', 'UBND'],
  ['Phòng Giáo dục và Đào tạo huyện', 'PGDĐT'],
  ['Phòng Tài chính – Kế hoạch huyện', 'TCKH'],
  ['Huyện ủy', 'HU'],
  ['Công an huyện', 'CAH'],
  ['Trung tâm Y tế huyện', 'TTYT'],
  ['Bảo hiểm xã hội huyện', 'BHXH'],
];
const COMMUNE_KINDS: [string, string][] = [
  ['Ủy ban nhân dân xã', 'UBND'],
  ['Đảng ủy xã', 'ĐU'],
  ['Trường THCS', 'THCS'],
  ['Trường Tiểu học', 'TH'],
  ['Trường Mầm non', 'MN'],
  ['Trường THPT', 'THPT'],
  ['Trạm Y tế xã', 'TYT'],
  ['Công an xã', 'CAX'],
  ['Hội Khuyến học xã', 'HKH'],
  ['Đoàn Thanh niên xã', 'ĐTN'],
  ['Hội Phụ nữ xã', 'HPN'],
  ['Ban Chỉ huy Quân sự xã', 'BCHQS'],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'MTTQ'],
];

/**
 * `count` issuing organs (name, name key as the catalog computes it, short name for notations),
 * the major ones first; names whose key already exists are skipped, as the catalog would.
 */
export function issuingOrgans(count: number): { name: string; key: string; short: string }[] {
  const places = PLACE_FIRST.flatMap((a) => PLACE_SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`));
  const candidates: [string, string][] = [
    ...MAJOR_ORGANS,
    ...places.slice(0, 40).flatMap((p) => DISTRICT_KINDS.map(([k, s]): [string, string] => [`${k} ${p}`, s])),
    ...places.flatMap((p) => COMMUNE_KINDS.map(([k, s]): [string, string] => [`${k} ${p}`, s])),
  ];
  const seen = new Set<string>();
  const out: { name: string; key: string; short: string }[] = [];
  for (const [name, short] of candidates) {
    const nfc = name.normalize('NFC');
    const key = organNameKey(nfc);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: nfc, key, short: short.normalize('NFC') });
    if (out.length === count) break;
  }
  return out;
}

/** 100 slots of prefix indexes (1-based, for SQL arrays) in proportion to their weights. */
export function prefixSlots(): number[] {
  const slots = SUBJECT_PREFIXES.flatMap((p, i) => Array.from({ length: p.weight }, () => i + 1));
  if (slots.length !== 100) throw new Error(`prefix weights sum to ${slots.length}, not 100`);
  return slots;
}
