import {
  type IMPORT_COLUMNS,
  type TImportRowError,
  isValidEmail,
  isValidPhone,
  isValidUsername,
  normalizePhone,
} from '../../../contracts/admin-users';
import { foldDiacritics, normalizeText } from '../../../contracts/text';

type Column = (typeof IMPORT_COLUMNS)[number];

/** One non-empty data row of the sheet: its Excel row number and the text of each column. */
export interface RawImportRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** A row that passed every check, ready to insert. */
export interface ValidImportRow {
  line: number;
  username: string;
  fullName: string;
  unitId: string;
  unitCode: string;
  jobTitleId: string | null;
  email: string | null;
  phone: string | null;
  groupIds: string[];
}

/** What the rows are checked against, loaded once for the whole file. */
export interface ImportContext {
  takenUsernames: ReadonlySet<string>;
  /** By upper-case unit code. */
  units: ReadonlyMap<string, { id: string; code: string; inScope: boolean }>;
  /** By folded (no diacritics, lower-case) name of active job titles. */
  jobTitles: ReadonlyMap<string, string>;
  /** By lower-case group code of active groups. */
  groups: ReadonlyMap<string, { id: string; assignable: boolean }>;
}

const MESSAGES: Record<TImportRowError['code'], (v: string) => string> = {
  required: () => 'Chưa nhập giá trị bắt buộc.',
  usernameFormat: () =>
    'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang; dài 3–50 ký tự.',
  duplicateInFile: (v) => `Tên đăng nhập trùng với dòng ${v} trong tệp.`,
  usernameTaken: (v) => `Tên đăng nhập "${v}" đã có trong hệ thống.`,
  unitUnknown: (v) => `Không có đơn vị mã "${v}".`,
  unitOutOfScope: (v) => `Đơn vị "${v}" nằm ngoài phạm vi quản trị của bạn.`,
  jobTitleUnknown: (v) => `Không có chức danh "${v}" trong danh mục.`,
  groupUnknown: (v) => `Không có nhóm mã "${v}".`,
  groupForbidden: (v) => `Bạn không được gán nhóm "${v}".`,
  emailFormat: () => 'Địa chỉ email không hợp lệ.',
  phoneFormat: () => 'Số điện thoại phải gồm 10 chữ số bắt đầu bằng 0, hoặc +84 và 9 chữ số.',
  tooLong: (v) => `Giá trị quá dài (tối đa ${v} ký tự).`,
};

/** Folds a name for a comparison that ignores case and diacritics. */
export function foldName(value: string): string {
  return foldDiacritics(normalizeText(value)).toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Checks every row of an import file and reports every problem with its Excel line and column,
 * so that the administrator fixes the file once. Nothing is imported unless `errors` is empty.
 */
export function validateImportRows(
  rows: RawImportRow[],
  ctx: ImportContext,
): { errors: TImportRowError[]; valid: ValidImportRow[] } {
  const errors: TImportRowError[] = [];
  const valid: ValidImportRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    let ok = true;
    const fail = (field: Column, code: TImportRowError['code'], value = '') => {
      ok = false;
      errors.push({ line, field, code, message: MESSAGES[code](value), ...(value ? { value } : {}) });
    };
    const text = (c: Column, max: number) => {
      const v = normalizeText(cells[c] ?? '');
      if (v.length > max) fail(c, 'tooLong', String(max));
      return v;
    };

    const username = text('Tên đăng nhập', 50).toLowerCase();
    if (!username) fail('Tên đăng nhập', 'required');
    else if (!isValidUsername(username)) fail('Tên đăng nhập', 'usernameFormat');
    else if (firstLine.has(username)) fail('Tên đăng nhập', 'duplicateInFile', String(firstLine.get(username)));
    else if (ctx.takenUsernames.has(username)) fail('Tên đăng nhập', 'usernameTaken', username);
    if (username && !firstLine.has(username)) firstLine.set(username, line);

    const fullName = text('Họ và tên', 150);
    if (!fullName) fail('Họ và tên', 'required');

    const unitCode = text('Mã đơn vị', 50).toUpperCase();
    const unit = ctx.units.get(unitCode);
    if (!unitCode) fail('Mã đơn vị', 'required');
    else if (!unit) fail('Mã đơn vị', 'unitUnknown', unitCode);
    else if (!unit.inScope) fail('Mã đơn vị', 'unitOutOfScope', unitCode);

    const titleName = text('Chức danh', 150);
    const jobTitleId = titleName ? (ctx.jobTitles.get(foldName(titleName)) ?? null) : null;
    if (titleName && !jobTitleId) fail('Chức danh', 'jobTitleUnknown', titleName);

    const email = text('Email', 200).toLowerCase();
    if (email && !isValidEmail(email)) fail('Email', 'emailFormat');
    const phone = normalizePhone(cells['Điện thoại'] ?? '');
    if (phone && !isValidPhone(phone)) fail('Điện thoại', 'phoneFormat');

    const groupIds: string[] = [];
    for (const code of text('Nhóm', 500)
      .split(/[,;]/)
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean)) {
      const group = ctx.groups.get(code);
      if (!group) fail('Nhóm', 'groupUnknown', code);
      else if (!group.assignable) fail('Nhóm', 'groupForbidden', code);
      else if (!groupIds.includes(group.id)) groupIds.push(group.id);
    }

    if (ok && unit) {
      valid.push({
        line,
        username,
        fullName,
        unitId: unit.id,
        unitCode: unit.code,
        jobTitleId,
        email: email || null,
        phone: phone || null,
        groupIds,
      });
    }
  }
  return { errors, valid };
}
