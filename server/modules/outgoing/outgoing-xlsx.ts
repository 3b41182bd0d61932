import ExcelJS from 'exceljs';
import type { TOutgoingRow } from '../../../contracts/outgoing';
import { typeAndSubject } from '../incoming/render/labels';
import { formatVnDateTime, vnExcelDate } from '../incoming/render/vn-dates';

const STATUS_WORDS: Record<TOutgoingRow['status'], string> = {
  draft: 'Dự thảo',
  in_review: 'Đang trình duyệt',
  returned: 'Bị trả lại',
  signed: 'Đã ký, chờ phát hành',
  issued: 'Đã phát hành',
  recalled: 'Đã thu hồi',
  cancelled: 'Đã hủy',
};

const COLUMNS: {
  header: string;
  width: number;
  value: (r: TOutgoingRow) => string | number | Date | null;
  date?: boolean;
}[] = [
  { header: 'Số, ký hiệu văn bản', width: 20, value: (r) => r.code },
  { header: 'Ngày tháng văn bản', width: 14, value: (r) => vnExcelDate(r.issuedDate), date: true },
  { header: 'Tên loại và trích yếu nội dung', width: 60, value: (r) => typeAndSubject(r.documentType, r.subject) },
  { header: 'Người ký', width: 24, value: (r) => r.signer },
  {
    header: 'Nơi nhận (đã vào sổ / tổng)',
    width: 16,
    value: (r) => (r.recipientCount ? `${r.registeredCount}/${r.recipientCount}` : null),
  },
  { header: 'Độ khẩn', width: 12, value: (r) => r.urgency?.name ?? null },
  { header: 'Độ mật', width: 10, value: (r) => r.confidentiality?.name ?? null },
  { header: 'Trạng thái', width: 20, value: (r) => STATUS_WORDS[r.status] },
  { header: 'Người soạn', width: 24, value: (r) => r.drafter },
  { header: 'Đơn vị', width: 28, value: (r) => r.unitName },
];

/** A search result of outgoing documents as XLSX, columns in the order of the Sổ đăng ký văn bản đi. */
export async function renderOutgoingXlsx(rows: TOutgoingRow[], meta: { unitName: string; generatedAt: Date }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CloudOffice';
  wb.created = meta.generatedAt;
  const ws = wb.addWorksheet('Văn bản đi', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = meta.unitName.toLocaleUpperCase('vi');
  ws.getCell(1, 1).font = { bold: true };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = 'DANH SÁCH VĂN BẢN ĐI';
  ws.getCell(2, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, COLUMNS.length);
  ws.getCell(3, 1).value =
    `Xuất lúc ${formatVnDateTime(meta.generatedAt)} — ${rows.length.toLocaleString('vi-VN')} văn bản`;
  ws.getCell(3, 1).font = { italic: true };
  const head = ws.getRow(4);
  head.values = COLUMNS.map((c) => c.header);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of rows) {
    const row = ws.addRow(COLUMNS.map((c) => c.value(r)));
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.date) cell.numFmt = 'dd/mm/yyyy';
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + Math.max(rows.length, 1), column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
