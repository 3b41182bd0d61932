import type { TAssignment, TIncomingDetail, TIncomingRow, TPersonRef } from '../../../../contracts/incoming';

/** Test data for the renderers: a realistic document with Vietnamese text using every kind of diacritic. */

const UNIT = 'Phòng Giáo dục và Đào tạo huyện An Minh';
const THCS = 'Trường THCS Đông Hưng A';

function person(n: number, fullName: string, jobTitle: string | null, unitName = UNIT): TPersonRef {
  return { id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`, fullName, jobTitle, unitName };
}

function assignment(n: number, fields: Partial<TAssignment> & Pick<TAssignment, 'person' | 'role'>): TAssignment {
  return {
    id: `10000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    state: 'pending',
    dueDate: null,
    overdue: false,
    progress: 0,
    result: null,
    assignedBy: 'Trần Thị Ngọc Hường',
    parentId: null,
    createdAt: '2026-03-05T02:10:00.000Z',
    completedAt: null,
    seenAt: null,
    ...fields,
  };
}

const DIRECTOR = assignment(1, {
  person: person(1, 'Trần Thị Ngọc Hường', 'Trưởng phòng'),
  role: 'director',
  state: 'done',
  assignedBy: 'Lý Thị Hồng Nhung',
});
const LEAD = assignment(2, {
  person: person(2, 'Nguyễn Hoàng Yến', 'Chuyên viên'),
  role: 'lead',
  state: 'in_progress',
  dueDate: '2026-03-20',
  result: 'Đã dự thảo kế hoạch cấp huyện, trình lãnh đạo phòng ký ban hành.',
  completedAt: '2026-03-12T09:30:00.000Z',
});
const CO = assignment(3, {
  person: person(3, 'Phạm Quốc Dũng', 'Hiệu trưởng', THCS),
  role: 'co',
  state: 'delegated',
  dueDate: '2026-03-18',
});
const INFO = assignment(4, { person: person(4, 'Võ Thị Mỹ Lệ', 'Phó Trưởng phòng'), role: 'info' });
const REASSIGNED = assignment(5, {
  person: person(5, 'Đặng Thị Thủy Tiên', 'Giáo viên', THCS),
  role: 'lead',
  dueDate: '2026-03-15',
  assignedBy: 'Phạm Quốc Dũng',
  parentId: CO.id,
  createdAt: '2026-03-06T01:15:00.000Z',
});

/** Thượng khẩn, directed to a lead, a co-handler who re-assigned it, one for information; one opinion. */
export const SLIP_DOC: TIncomingDetail = {
  id: '20000000-0000-4000-8000-000000000001',
  arrivalNumber: 7,
  year: 2026,
  // 00:45 on 5 March in Vietnam, still 4 March in UTC.
  arrivalAt: '2026-03-04T17:45:00.000Z',
  issuingOrgan: 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang',
  code: '125/KH-SGDĐT',
  issuedDate: '2026-02-27',
  documentType: 'Kế hoạch',
  subject:
    'Tổ chức Hội khỏe Phù Đổng cấp huyện năm học 2025-2026; tuyển chọn vận động viên tham dự vòng tỉnh, bảo đảm an toàn, tiết kiệm, hiệu quả',
  confidentiality: null,
  urgency: { code: 'thuong-khan', name: 'Thượng khẩn', rank: 2 },
  status: 'in_progress',
  dueDate: '2026-03-20',
  overdue: false,
  unitName: UNIT,
  lead: 'Nguyễn Hoàng Yến',
  myRole: null,
  myDueDate: null,
  unread: false,
  fileCount: 1,
  unitId: '30000000-0000-4000-8000-000000000001',
  registerName: 'Sổ văn bản đến 2026',
  issuingOrganId: '40000000-0000-4000-8000-000000000001',
  documentTypeId: '50000000-0000-4000-8000-000000000001',
  codeNumber: '125',
  codeNotation: 'KH-SGDĐT',
  signer: 'Huỳnh Thị Ánh Nguyệt',
  pageCount: 4,
  field: null,
  notes: null,
  direction:
    'Giao chuyên viên phụ trách thể dục thể thao chủ trì, phối hợp các trường THCS xây dựng kế hoạch cấp huyện; báo cáo kết quả tuyển chọn trước ngày 20/3/2026. Lưu ý bảo đảm đúng tiến độ, kinh phí tiết kiệm.',
  directedBy: 'Trần Thị Ngọc Hường',
  directedAt: '2026-03-05T02:10:00.000Z',
  registeredBy: 'Lý Thị Hồng Nhung',
  completedAt: null,
  result: null,
  replyCode: null,
  cancelReason: null,
  returnReason: null,
  files: [],
  assignments: [DIRECTOR, LEAD, CO, INFO, REASSIGNED],
  trail: [],
  opinions: [
    {
      id: '60000000-0000-4000-8000-000000000001',
      author: 'Nguyễn Hoàng Yến',
      onBehalfOf: null,
      body: 'Đề nghị lùi thời gian tổ chức sang tuần thứ tư của tháng 3 để các trường kịp tuyển chọn; dự trù kinh phí khoảng 25 triệu đồng, xin ý kiến lãnh đạo phòng.',
      createdAt: '2026-03-06T03:00:00.000Z',
      files: [],
      question: null,
    },
  ],
  opinionAsks: [],
  abilities: {
    update: false,
    present: false,
    forward: false,
    return: false,
    cancel: false,
    direct: false,
    forwardLeader: false,
    reassign: false,
    opinion: false,
    askOpinion: false,
    progress: false,
    complete: false,
    answerRequestId: null,
  },
};

/** Just registered: nothing directed, nothing proposed (every section blank). */
export const BLANK_DOC: TIncomingDetail = {
  ...SLIP_DOC,
  id: '20000000-0000-4000-8000-000000000002',
  arrivalNumber: 12,
  status: 'new',
  urgency: null,
  lead: null,
  dueDate: null,
  direction: null,
  directedBy: null,
  directedAt: null,
  assignments: [],
  opinions: [],
};

/** Rows of a search result: one of each status, one open past its due date. */
export const XLSX_ROWS: TIncomingRow[] = [
  { ...SLIP_DOC },
  { ...BLANK_DOC, issuedDate: null, confidentiality: { code: 'mat', name: 'Mật', rank: 1 } },
  { ...SLIP_DOC, id: '20000000-0000-4000-8000-000000000003', arrivalNumber: 15, overdue: true, dueDate: '2026-03-01' },
  { ...SLIP_DOC, id: '20000000-0000-4000-8000-000000000004', arrivalNumber: 16, status: 'done', overdue: false },
  { ...SLIP_DOC, id: '20000000-0000-4000-8000-000000000005', arrivalNumber: 17, status: 'presented' },
  { ...SLIP_DOC, id: '20000000-0000-4000-8000-000000000006', arrivalNumber: 18, status: 'returned' },
  { ...SLIP_DOC, id: '20000000-0000-4000-8000-000000000007', arrivalNumber: 19, status: 'cancelled', lead: null },
];
