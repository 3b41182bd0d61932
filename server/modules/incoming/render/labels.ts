import type { TIncomingStatus } from '../../../../contracts/incoming';

/**
 * Vietnamese words printed in the files the records office keeps (slips, exports). These files are
 * records in Vietnamese whatever the reader's interface language, like the registers of ND30.
 */
export const INCOMING_STATUS_WORDS: Record<TIncomingStatus, string> = {
  new: 'Chờ phân loại',
  presented: 'Chờ chỉ đạo',
  in_progress: 'Đang xử lý',
  done: 'Hoàn thành',
  returned: 'Đã trả lại',
  cancelled: 'Đã hủy',
};

/** Word for a document that is still open past its due date. */
export const OVERDUE_WORD = 'Quá hạn';

const CLOSED: readonly TIncomingStatus[] = ['done', 'returned', 'cancelled'];

/** The status as the register reads it: an open document past its due date is "Quá hạn". */
export function statusWord(row: { status: TIncomingStatus; overdue: boolean }): string {
  return row.overdue && !CLOSED.includes(row.status) ? OVERDUE_WORD : INCOMING_STATUS_WORDS[row.status];
}

/**
 * "Tên loại và trích yếu": the type name then the subject ("Kế hoạch tổ chức Hội khỏe Phù Đổng"),
 * without repeating the type when the subject already starts with it.
 */
export function typeAndSubject(documentType: string, subject: string): string {
  const type = documentType.trim();
  if (!type) return subject;
  if (subject.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi'))) return subject;
  return `${type} ${subject}`;
}

/** Search filters as the export's "Điều kiện" line names them. */
const FILTER_WORDS: Record<string, string> = {
  q: 'Trích yếu',
  from: 'Từ ngày',
  to: 'Đến ngày',
  year: 'Năm',
  arrivalNumber: 'Số đến',
  code: 'Số, ký hiệu',
  issuingOrganId: 'Cơ quan ban hành',
  documentTypeId: 'Loại văn bản',
  fieldId: 'Lĩnh vực',
  urgencyCode: 'Độ khẩn',
  confidentialityCode: 'Độ mật',
  status: 'Trạng thái',
  handlerId: 'Người xử lý',
  unitId: 'Đơn vị',
};

const STATUS_FILTER_WORDS: Record<string, string> = {
  ...INCOMING_STATUS_WORDS,
  waiting: 'Chờ chỉ đạo',
  overdue: OVERDUE_WORD,
};

/**
 * The filters of a search in words ("Trạng thái: Quá hạn; Trích yếu: ke hoach"). Ids stay as they
 * are (the export says a filter was applied); dates are written dd/mm/yyyy.
 */
export function filterWords(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([k, v]) => v !== undefined && v !== null && v !== '' && k in FILTER_WORDS)
    .map(([k, v]) => {
      let value = String(v);
      if (k === 'status') value = STATUS_FILTER_WORDS[value] ?? value;
      if ((k === 'from' || k === 'to') && /^\d{4}-\d{2}-\d{2}$/.test(value))
        value = value.split('-').reverse().join('/');
      return `${FILTER_WORDS[k]}: ${value}`;
    })
    .join('; ');
}
