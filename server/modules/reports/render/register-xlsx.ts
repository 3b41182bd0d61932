import ExcelJS from 'exceljs';
import { formatVnDateTime } from '../../incoming/render/vn-dates';
import {
  padNumber,
  periodLine,
  REGISTER_SPECS,
  type RegisterCell,
  type RegisterColumn,
  type RegisterDocument,
} from './register-specs';

/** Row of the column headings; the column numbers (1), (2)… are on the next row, the data after. */
export const REGISTER_XLSX_HEADER_ROW = 7;
export const REGISTER_XLSX_FIRST_DATA_ROW = REGISTER_XLSX_HEADER_ROW + 2;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: 'Times New Roman', size: 12 };

/** A cell value for Excel: real dates (the calendar day at UTC midnight, as exceljs writes it), numbers, text. */
function excelValue(column: RegisterColumn, value: RegisterCell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))));
  return value;
}

/**
 * A printed register as an XLSX workbook with the same columns as the PDF: the organ, the
 * register's name, the period and the numbers above a frozen heading row and its column numbers;
 * dates are Excel dates shown dd/mm/yyyy, numbers are numbers (document numbers shown `05`).
 * Printing from Excel repeats the headings on every A4 landscape page.
 */
export async function renderRegisterXlsx(doc: RegisterDocument): Promise<Buffer> {
  const spec = REGISTER_SPECS[doc.kind];
  const cols = spec.columns;
  const last = cols.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CloudOffice';
  wb.created = new Date(doc.printedAt);
  const ws = wb.addWorksheet(spec.name.replace(/[()]/g, '').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: REGISTER_XLSX_HEADER_ROW + 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${REGISTER_XLSX_HEADER_ROW}:${REGISTER_XLSX_HEADER_ROW + 1}`,
      margins: { left: 0.79, right: 0.59, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = cols.map((c) => ({ width: c.xlsxWidth }));

  const line = (n: number, text: string, font: Partial<ExcelJS.Font>, align: 'left' | 'center' = 'center') => {
    ws.mergeCells(n, 1, n, last);
    const cell = ws.getCell(n, 1);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle' };
  };
  line(1, doc.organName.toLocaleUpperCase('vi'), {}, 'left');
  line(2, doc.unitName.toLocaleUpperCase('vi'), { bold: true }, 'left');
  line(3, `${spec.name.toLocaleUpperCase('vi')}${doc.secret ? ' (MẬT)' : ''}`, { bold: true, size: 16 });
  ws.getRow(3).height = 24;
  line(4, `Năm: ${doc.year}`, { bold: true });
  const numbers = doc.numbers ? ` — Từ số ${padNumber(doc.numbers.first)} đến số ${padNumber(doc.numbers.last)}` : '';
  line(5, `${periodLine(doc.from, doc.to)}${numbers}`, { italic: true });
  line(
    6,
    `In ngày ${formatVnDateTime(doc.printedAt)}`,
    { italic: true, size: 10, color: { argb: 'FF555555' } },
    'left',
  );

  const head = ws.getRow(REGISTER_XLSX_HEADER_ROW);
  head.values = cols.map((c) => c.header);
  head.height = 45;
  const numbersRow = ws.getRow(REGISTER_XLSX_HEADER_ROW + 1);
  numbersRow.values = cols.map((_, i) => `(${i + 1})`);
  for (const [row, font] of [
    [head, { ...FONT, bold: true }],
    [numbersRow, { ...FONT, italic: true, size: 10 }],
  ] as const) {
    row.eachCell((cell) => {
      cell.font = font;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
  }

  // One style object per column, shared by every cell of it (exceljs keeps them by reference).
  const styles = cols.map((c) => ({
    font: FONT,
    border: BORDER,
    alignment: {
      vertical: 'top' as const,
      wrapText: c.kind === 'text',
      horizontal: c.center ? 'center' : 'left',
    } as Partial<ExcelJS.Alignment>,
    numFmt: c.kind === 'date' ? 'dd/mm/yyyy' : c.kind === 'number2' ? '00' : undefined,
  }));
  for (const r of doc.rows) {
    const row = ws.addRow(cols.map((c, i) => excelValue(c, r[i] ?? null)));
    for (let i = 0; i < last; i++) {
      const cell = row.getCell(i + 1);
      const s = styles[i];
      cell.font = s.font;
      cell.border = s.border;
      cell.alignment = s.alignment;
      if (s.numFmt) cell.numFmt = s.numFmt;
    }
  }
  if (doc.rows.length === 0) {
    const n = REGISTER_XLSX_FIRST_DATA_ROW;
    line(n, 'Không có văn bản nào trong khoảng thời gian này.', { italic: true });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
