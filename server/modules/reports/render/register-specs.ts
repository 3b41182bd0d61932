import { formatVnDate } from '../../../../contracts/calendar';
import type { TRegisterKind } from '../../../../contracts/reports';

/**
 * How a cell of a column is written: text; a calendar date `yyyy-mm-dd` (dd/mm/yyyy on paper, a
 * real date in Excel); a number; a document number shown zero-padded below 10 (`05`, ND30).
 */
export type ColumnKind = 'text' | 'date' | 'number' | 'number2';

export interface RegisterColumn {
  header: string;
  kind: ColumnKind;
  /** Width on the A4 landscape page in points, or '*' for the column that takes the rest. */
  pdfWidth: number | '*';
  /** Width in Excel characters. */
  xlsxWidth: number;
  center?: boolean;
}

/** A register's name (without the year) and its columns, in the order of ND30 Phụ lục IV. */
export interface RegisterSpec {
  name: string;
  columns: readonly RegisterColumn[];
}

const col = (
  header: string,
  pdfWidth: number | '*',
  xlsxWidth: number,
  kind: ColumnKind = 'text',
  center = kind !== 'text',
): RegisterColumn => ({ header, kind, pdfWidth, xlsxWidth, center });

/** Width of a date column: "31/12/2026" in Tinos 10 pt with the cell padding. */
const DATE = 50;
const SIGN = 44;

/**
 * The six registers. Column headings are ND30's words (Phụ lục IV; the handover books of the
 * older TT 07/2012 form); the short register and the follow-up register name their columns as
 * the records office calls them.
 */
export const REGISTER_SPECS: Record<TRegisterKind, RegisterSpec> = {
  'incoming-register': {
    name: 'Sổ đăng ký văn bản đến',
    columns: [
      col('Ngày đến', DATE, 12, 'date'),
      col('Số đến', 30, 8, 'number2'),
      col('Tác giả', 86, 28),
      col('Số, ký hiệu văn bản', 72, 18),
      col('Ngày tháng văn bản', DATE, 12, 'date'),
      col('Tên loại và trích yếu nội dung văn bản', '*', 50),
      col('Đơn vị hoặc người nhận', 84, 26),
      col('Ngày chuyển', DATE, 12, 'date'),
      col('Ký nhận', SIGN, 12),
      col('Ghi chú', 56, 18),
    ],
  },
  'incoming-handover': {
    name: 'Sổ chuyển giao văn bản đến',
    columns: [
      col('Ngày chuyển', 70, 14, 'date'),
      col('Số đến', 50, 10, 'number2'),
      col('Đơn vị hoặc người nhận', '*', 60),
      col('Ký nhận', 120, 20),
      col('Ghi chú', 170, 34),
    ],
  },
  'outgoing-register': {
    name: 'Sổ đăng ký văn bản đi',
    columns: [
      col('Số, ký hiệu văn bản', 80, 18),
      col('Ngày tháng văn bản', DATE, 12, 'date'),
      col('Tên loại và trích yếu nội dung', '*', 46),
      col('Người ký', 64, 20),
      col('Nơi nhận văn bản', 88, 28),
      col('Đơn vị, người nhận bản lưu', 66, 18),
      col('Số lượng bản', 36, 8, 'number'),
      col('Ngày chuyển', DATE, 12, 'date'),
      col('Ký nhận', SIGN, 12),
      col('Ghi chú', 54, 18),
    ],
  },
  'outgoing-handover': {
    name: 'Sổ chuyển giao văn bản đi',
    columns: [
      col('Ngày chuyển', 70, 14, 'date'),
      col('Số, ký hiệu văn bản', 110, 22),
      col('Nơi nhận văn bản', '*', 56),
      col('Ký nhận', 120, 20),
      col('Ghi chú', 150, 30),
    ],
  },
  'incoming-short': {
    name: 'Sổ công văn đến (rút gọn)',
    columns: [
      col('Số đến', 40, 8, 'number2'),
      col('Ngày đến', DATE, 12, 'date'),
      col('Cơ quan ban hành', 150, 34),
      col('Số, ký hiệu', 90, 20),
      col('Trích yếu nội dung', '*', 60),
      col('Người xử lý', 120, 26),
    ],
  },
  'incoming-tracking': {
    name: 'Sổ theo dõi giải quyết văn bản đến',
    columns: [
      col('Số đến', 36, 8, 'number2'),
      col('Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành văn bản đến', '*', 50),
      col('Đơn vị hoặc người nhận', 130, 30),
      col('Thời hạn giải quyết', 60, 12, 'date'),
      col('Tiến độ giải quyết', 110, 26),
      col('Số, ký hiệu văn bản trả lời', 80, 18),
      col('Ghi chú', 70, 18),
    ],
  },
};

/** A cell as the register's query gives it: text, a number, a `yyyy-mm-dd` date, or empty. */
export type RegisterCell = string | number | null;

/** Everything a printed register shows; plain data, so it can go to a worker thread. */
export interface RegisterDocument {
  kind: TRegisterKind;
  /** The managing organ above the unit (ND30 header, first line); empty at the top of the tree. */
  organName: string;
  unitName: string;
  secret: boolean;
  year: number;
  from: string;
  to: string;
  /** First and last number in the rows, for registers numbered by arrival or issue; null otherwise. */
  numbers: { first: number; last: number } | null;
  /** ISO instant the register was printed. */
  printedAt: string;
  rows: RegisterCell[][];
}

/** "Sổ đăng ký văn bản đến năm 2026 (mật)". */
export function registerTitle(kind: TRegisterKind, year: number, secret: boolean): string {
  return `${REGISTER_SPECS[kind].name} năm ${year}${secret ? ' (mật)' : ''}`;
}

/** "05" below 10, as ND30 writes document numbers. */
export function padNumber(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

/** "25/11/2026" from "2026-11-25" (empty for no date). */
export function paperDate(value: RegisterCell): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value === null ? '' : String(value);
  return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
}

/** A cell as printed on paper. */
export function paperText(column: RegisterColumn, value: RegisterCell): string {
  if (value === null || value === '') return '';
  if (column.kind === 'date') return paperDate(value);
  if (column.kind === 'number2' && typeof value === 'number') return padNumber(value);
  return String(value);
}

/** File name of a register: "so-dang-ky-van-ban-den-2026-03-01-2026-03-31.pdf" (ASCII, no spaces). */
export function registerFileName(kind: TRegisterKind, secret: boolean, from: string, to: string, ext: string): string {
  return `so-${kind}${secret ? '-mat' : ''}-${from}-${to}.${ext}`;
}

/** "Từ ngày 01/03/2026 đến ngày 31/03/2026". */
export function periodLine(from: string, to: string): string {
  return `Từ ngày ${formatVnDate(from)} đến ngày ${formatVnDate(to)}`;
}
