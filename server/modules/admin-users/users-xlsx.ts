import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../../contracts/admin-users';
import { AppError } from '../../platform/errors';
import { type RawImportRow, foldName } from './import-rules';

type Column = (typeof IMPORT_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['Tên đăng nhập', 'Họ và tên', 'Mã đơn vị'];

const HELP: Record<Column, string> = {
  'Tên đăng nhập':
    'Chữ thường không dấu, chữ số, dấu chấm (.), gạch dưới (_), gạch ngang (-); 3–50 ký tự; không trùng.',
  'Họ và tên': 'Họ và tên đầy đủ, có dấu.',
  'Mã đơn vị': 'Mã đơn vị công tác (xem danh sách bên dưới).',
  'Chức danh': 'Không bắt buộc. Tên chức danh trong danh mục (không phân biệt hoa thường, dấu).',
  Email: 'Không bắt buộc. Địa chỉ email.',
  'Điện thoại': 'Không bắt buộc. Số di động nhận tin nhắn SMS: 10 chữ số bắt đầu bằng 0, hoặc +84…',
  Nhóm: 'Không bắt buộc. Mã nhóm quyền, cách nhau bằng dấu phẩy, ví dụ: chuyen-vien, van-thu. Quyền áp dụng trong đơn vị của người dùng.',
};

/** The lists the guide sheet shows: what this administrator may use. */
export interface TemplateData {
  units: { code: string; name: string }[];
  jobTitles: string[];
  groups: { code: string; name: string }[];
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

/**
 * The import template: sheet "Người dùng" with the header row and one example row, and sheet
 * "Hướng dẫn" explaining each column and listing the unit, job title and group codes allowed.
 */
export async function buildImportTemplate(data: TemplateData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CloudOffice';
  const ws = wb.addWorksheet('Người dùng', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((header) => ({
    header,
    width: header === 'Họ và tên' || header === 'Email' ? 28 : header === 'Nhóm' ? 26 : 18,
  }));
  const header = ws.getRow(1);
  bold(header);
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE8F7' } };
  // Text format keeps the leading 0 of phone numbers typed into the sheet.
  ws.getColumn(6).numFmt = '@';
  ws.addRow([
    'nguyenvana',
    'Nguyễn Văn A',
    data.units[0]?.code ?? 'PGDDT',
    data.jobTitles.find((t) => foldName(t) === 'giao vien') ?? data.jobTitles[0] ?? '',
    'nguyenvana@example.vn',
    '0912345678',
    data.groups.find((g) => g.code === 'chuyen-vien')?.code ?? data.groups[0]?.code ?? '',
  ]);

  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 22 }, { width: 14 }, { width: 90 }];
  bold(guide.addRow(['Hướng dẫn nhập người dùng từ Excel']));
  guide.addRow(['Mỗi dòng của trang "Người dùng" là một tài khoản. Xóa dòng ví dụ trước khi nhập.']);
  guide.addRow(['Nếu có dòng lỗi, hệ thống báo lỗi theo số dòng và không nhập dòng nào.']);
  guide.addRow(['Mỗi tài khoản nhận một mật khẩu dùng một lần; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.']);
  guide.addRow([]);
  bold(guide.addRow(['Cột', 'Bắt buộc', 'Cách nhập']));
  for (const c of IMPORT_COLUMNS) guide.addRow([c, REQUIRED.includes(c) ? 'Có' : 'Không', HELP[c]]);
  guide.addRow([]);
  bold(guide.addRow(['Mã đơn vị', 'Tên đơn vị']));
  for (const u of data.units) guide.addRow([u.code, u.name]);
  guide.addRow([]);
  bold(guide.addRow(['Chức danh']));
  for (const t of data.jobTitles) guide.addRow([t]);
  guide.addRow([]);
  bold(guide.addRow(['Mã nhóm', 'Tên nhóm']));
  for (const g of data.groups) guide.addRow([g.code, g.name]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function badFile(details: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', { field: 'file', details });
}

function cellText(cell: ExcelJS.Cell, column: Column): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // Excel turns 0912345678 typed into a number cell into 912345678: put the leading 0 back.
  if (column === 'Điện thoại' && typeof v === 'number') {
    const digits = String(Math.trunc(v));
    return digits.length === 9 ? `0${digits}` : digits;
  }
  if (typeof v === 'object' && 'error' in v) return '';
  return cell.text ?? '';
}

/**
 * Reads the data rows of the first sheet, columns found by their header (any order, case and
 * diacritics ignored). A file that is not an xlsx, lacks a required column, has no data rows
 * or too many answers 400 with field `file`.
 */
export async function readImportRows(content: Buffer): Promise<RawImportRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badFile({ reason: 'notXlsx' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badFile({ reason: 'notXlsx' });
  const byFolded = new Map(IMPORT_COLUMNS.map((c) => [foldName(c), c]));
  const columns = new Map<number, Column>();
  ws.getRow(1).eachCell((cell, col) => {
    const column = byFolded.get(foldName(cell.text ?? ''));
    if (column) columns.set(col, column);
  });
  const found = new Set(columns.values());
  const missing = REQUIRED.filter((c) => !found.has(c));
  if (missing.length > 0) throw badFile({ reason: 'missingColumns', missingColumns: missing });

  const rows: RawImportRow[] = [];
  for (let line = 2; line <= ws.rowCount; line++) {
    const row = ws.getRow(line);
    const cells: RawImportRow['cells'] = {};
    for (const [col, column] of columns) {
      const text = cellText(row.getCell(col), column).trim();
      if (text) cells[column] = text;
    }
    if (Object.keys(cells).length === 0) continue;
    rows.push({ line, cells });
    if (rows.length > IMPORT_MAX_ROWS) throw badFile({ reason: 'tooManyRows', maxRows: IMPORT_MAX_ROWS });
  }
  if (rows.length === 0) throw badFile({ reason: 'noRows' });
  return rows;
}
