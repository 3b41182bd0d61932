import ExcelJS from 'exceljs';
import type { TIncomingRow } from '../../../../contracts/incoming';
import { statusWord, typeAndSubject } from './labels';
import { formatVnDateTime, vnExcelDate } from './vn-dates';

/** What the export says about itself above the table. */
export interface IncomingXlsxMeta {
  /** e.g. "Danh sách văn bản đến". */
  title: string;
  unitName: string;
  /** The search conditions in words ("Từ ngày 01/03/2026 đến ngày 31/03/2026; Trạng thái: Quá hạn"); may be empty. */
  filters: string;
  generatedAt: Date;
}

type Cell = string | number | Date | null;

interface Column {
  header: string;
  width: number;
  value: (row: TIncomingRow) => Cell;
  numFmt?: string;
  wrap?: boolean;
  center?: boolean;
  font?: (row: TIncomingRow) => Partial<ExcelJS.Font> | undefined;
}

/** Urgent documents stand out in red, as the "ĐẾN" stamp marks them. */
const urgentFont = (r: TIncomingRow) => (r.urgency ? { bold: true, color: { argb: 'FFC00000' } } : undefined);

const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * Columns in the order of the Sổ đăng ký văn bản đến (ND30 Phụ lục IV) where the search result has
 * them, then what the follow-up register adds (due date, progress, who leads).
 */
export const INCOMING_XLSX_COLUMNS: readonly Column[] = [
  { header: 'Ngày đến', width: 12, value: (r) => vnExcelDate(r.arrivalAt), numFmt: DATE_FORMAT, center: true },
  // A number (sorts and filters as one) shown zero-padded below 10 as ND30 writes it.
  { header: 'Số đến', width: 10, value: (r) => r.arrivalNumber, numFmt: '00', center: true },
  { header: 'Tác giả', width: 30, value: (r) => r.issuingOrgan, wrap: true },
  { header: 'Số, ký hiệu', width: 18, value: (r) => r.code, wrap: true },
  { header: 'Ngày văn bản', width: 12, value: (r) => vnExcelDate(r.issuedDate), numFmt: DATE_FORMAT, center: true },
  { header: 'Tên loại và trích yếu', width: 60, value: (r) => typeAndSubject(r.documentType, r.subject), wrap: true },
  { header: 'Độ khẩn', width: 12, value: (r) => r.urgency?.name ?? null, center: true, font: urgentFont },
  { header: 'Độ mật', width: 10, value: (r) => r.confidentiality?.name ?? null, center: true },
  { header: 'Hạn xử lý', width: 12, value: (r) => vnExcelDate(r.dueDate), numFmt: DATE_FORMAT, center: true },
  { header: 'Trạng thái', width: 15, value: statusWord, center: true },
  { header: 'Người chủ trì', width: 24, value: (r) => r.lead, wrap: true },
  { header: 'Đơn vị', width: 28, value: (r) => r.unitName, wrap: true },
];

/** Row of the column headings (rows above: unit, title, filters, when and how many). */
export const INCOMING_XLSX_HEADER_ROW = 5;

const THIN = { style: 'thin' as const, color: { argb: 'FF9AA5B1' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * A search result of incoming documents as an XLSX workbook (one sheet "Văn bản đến"): the unit,
 * the title, the filters in words and the time of export above a table with a frozen heading row
 * and an autofilter. Dates are real Excel dates (dd/mm/yyyy) of the Vietnam calendar day.
 */
export async function renderIncomingXlsx(rows: TIncomingRow[], meta: IncomingXlsxMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CloudOffice';
  wb.created = meta.generatedAt;
  const ws = wb.addWorksheet('Văn bản đến', {
    views: [{ state: 'frozen', ySplit: INCOMING_XLSX_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = INCOMING_XLSX_COLUMNS;
  ws.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;

  const line = (n: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'left') => {
    ws.mergeCells(n, 1, n, last);
    const cell = ws.getCell(n, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  line(1, meta.unitName.toLocaleUpperCase('vi'), { bold: true });
  line(2, meta.title.toLocaleUpperCase('vi'), { bold: true, size: 14 }, 'center');
  ws.getRow(2).height = 22;
  line(3, meta.filters ? `Điều kiện: ${meta.filters}` : '', { italic: true });
  line(4, `Xuất lúc ${formatVnDateTime(meta.generatedAt)} — ${rows.length.toLocaleString('vi-VN')} văn bản`, {
    italic: true,
    color: { argb: 'FF555555' },
  });

  const head = ws.getRow(INCOMING_XLSX_HEADER_ROW);
  head.values = cols.map((c) => c.header);
  head.font = { bold: true };
  head.height = 30;
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE8F7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  for (const r of rows) {
    const row = ws.addRow(cols.map((c) => c.value(r)));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { vertical: 'top', wrapText: c.wrap ?? false, horizontal: c.center ? 'center' : 'left' };
      cell.border = BORDER;
      const font = c.font?.(r);
      if (font) cell.font = font;
    });
  }

  ws.autoFilter = {
    from: { row: INCOMING_XLSX_HEADER_ROW, column: 1 },
    to: { row: INCOMING_XLSX_HEADER_ROW + Math.max(rows.length, 1), column: last },
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
