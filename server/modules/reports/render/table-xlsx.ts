import ExcelJS from 'exceljs';
import { formatVnDateTime } from '../../incoming/render/vn-dates';
import type { TableReport } from './table-report';

const THIN = { style: 'thin' as const, color: { argb: 'FF9AA5B1' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Row of the headings on every sheet (above: unit, title, period and section title). */
export const TABLE_XLSX_HEADER_ROW = 5;

/**
 * A report of titled tables as a workbook: one sheet per table, each with the unit, the report's
 * title and period, the table's title, a frozen heading row, numbers as numbers and a bold total.
 */
export async function renderTableXlsx(report: TableReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CloudOffice';
  wb.created = new Date(report.printedAt);
  for (const s of report.sections) {
    const ws = wb.addWorksheet(s.sheet.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: TABLE_XLSX_HEADER_ROW }],
      pageSetup: { paperSize: 9, orientation: report.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const last = s.columns.length;
    ws.columns = s.columns.map((c) => ({ width: c.width === '*' ? 40 : Math.max(10, Math.round(c.width / 6)) }));
    const line = (n: number, text: string, font: Partial<ExcelJS.Font>) => {
      ws.mergeCells(n, 1, n, Math.max(last, 1));
      const cell = ws.getCell(n, 1);
      cell.value = text;
      cell.font = font;
      cell.alignment = { vertical: 'middle' };
    };
    line(1, report.unitName.toLocaleUpperCase('vi'), { bold: true });
    line(2, report.title.toLocaleUpperCase('vi'), { bold: true, size: 14 });
    line(3, `${report.subtitle} — lập lúc ${formatVnDateTime(report.printedAt)}`, { italic: true });
    line(4, s.title, { bold: true });
    const head = ws.getRow(TABLE_XLSX_HEADER_ROW);
    head.values = s.columns.map((c) => c.header);
    head.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE8F7' } };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    head.height = 32;
    const add = (values: (string | number | null)[], bold: boolean) => {
      const row = ws.addRow(values);
      s.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.border = BORDER;
        cell.alignment = { vertical: 'top', wrapText: !c.numeric, horizontal: c.numeric ? 'right' : 'left' };
        if (c.numeric) cell.numFmt = '#,##0';
        if (bold) cell.font = { bold: true };
      });
    };
    for (const r of s.rows) add(r, false);
    if (s.total) add(s.total, true);
    if (s.note) {
      const n = ws.rowCount + 2;
      line(n, s.note, { italic: true, size: 9 });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
