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
