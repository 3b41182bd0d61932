import { z } from 'zod';
import { ZPermissionScope } from './auth';

/**
 * Quản lý người dùng (Điều 3.6e): contracts shared by the server module `admin-users` and the
 * web feature of the same name.
 */

/** Username: lower-case letters, digits, `.`, `_`, `-`; 3–50 characters. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;

/** True for a username the system accepts (after trimming and lower-casing). */
export function isValidUsername(value: string): boolean {
  return USERNAME_PATTERN.test(value);
}

/** Strips the separators people type in phone numbers (spaces, dots, dashes, brackets). */
export function normalizePhone(value: string): string {
  return value.normalize('NFC').replace(/[\s.\-()]/g, '');
}

/** A Vietnamese mobile number for SMS: 10 digits starting with 0, or +84 and 9 digits. */
export function isValidPhone(value: string): boolean {
  return /^(0\d{9}|\+84\d{9})$/.test(normalizePhone(value));
}

/** A plain e-mail address check (one @, a dot in the domain, no spaces). */
export function isValidEmail(value: string): boolean {
  return value.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Status as administrators see it: `locked-out` = temporarily locked after wrong passwords. */
export const USER_STATUSES = ['active', 'disabled', 'locked-out'] as const;
export const ZUserStatus = z.enum(USER_STATUSES);
export type TUserStatus = z.infer<typeof ZUserStatus>;

export const USER_SORTS = ['name', 'username', 'unit', 'status'] as const;

/** GET /api/admin/users: search, filters, sort and offset paging. */
export const ZAdminUserQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.string().uuid().optional(),
  groupId: z.string().uuid().optional(),
  status: ZUserStatus.optional(),
  sort: z.enum(USER_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(20),
});
export type TAdminUserQuery = z.infer<typeof ZAdminUserQuery>;

/** What the actor may do with this user; the web shows actions from it. */
export const ZUserAbilities = z.object({
  edit: z.boolean(),
  move: z.boolean(),
  groups: z.boolean(),
  lock: z.boolean(),
  unlock: z.boolean(),
  resetPassword: z.boolean(),
});
export type TUserAbilities = z.infer<typeof ZUserAbilities>;

export const ZAdminUserItem = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  unit: z.object({ id: z.string().uuid(), code: z.string(), name: z.string() }),
  jobTitle: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  status: ZUserStatus,
  /** End of a temporary lock after wrong passwords (ISO), when status is `locked-out`. */
  lockedUntil: z.string().nullable(),
  groupNames: z.array(z.string()),
  abilities: ZUserAbilities,
});
export type TAdminUserItem = z.infer<typeof ZAdminUserItem>;

export const ZAdminUserPage = z.object({
  items: z.array(ZAdminUserItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAdminUserPage = z.infer<typeof ZAdminUserPage>;

/** One group membership with the scope its permissions apply to. */
export const ZGroupGrant = z.object({ groupId: z.string().uuid(), scope: ZPermissionScope });
export type TGroupGrant = z.infer<typeof ZGroupGrant>;

export const ZAdminUserDetail = ZAdminUserItem.extend({
  address: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  groups: z.array(ZGroupGrant.extend({ code: z.string().nullable(), name: z.string() })),
});
export type TAdminUserDetail = z.infer<typeof ZAdminUserDetail>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Contact fields: empty strings clear them; formats checked with the shared rules above. */
const contactFields = {
  email: optionalText(200).refine((v) => !v || isValidEmail(v), { message: 'email' }),
  phone: optionalText(20).refine((v) => !v || isValidPhone(v), { message: 'phone' }),
  address: optionalText(300),
  jobTitleId: z.string().uuid().nullable().optional(),
};

/** POST /api/admin/users. */
export const ZCreateUser = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => isValidUsername(v), { message: 'username' }),
    fullName: z.string().trim().min(1).max(150),
    unitId: z.string().uuid(),
    ...contactFields,
    groups: z.array(ZGroupGrant).max(50).default([]),
  })
  .strict();
export type TCreateUser = z.infer<typeof ZCreateUser>;

/** PATCH /api/admin/users/:id: only the fields sent change. */
export const ZUpdateUser = z
  .object({ fullName: z.string().trim().min(1).max(150).optional(), ...contactFields })
  .strict();
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/** POST /api/admin/users/:id/move. */
export const ZMoveUser = z.object({ unitId: z.string().uuid() }).strict();

/** PUT /api/admin/users/:id/groups: the complete new list of memberships. */
export const ZSetGroups = z.object({ groups: z.array(ZGroupGrant).max(50) }).strict();
export type TSetGroups = z.infer<typeof ZSetGroups>;

/** Body of lock / unlock / reset-password (may be absent): an optional reason kept in the audit log. */
export const ZActionBody = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .nullish();

export const ZUserIdParams = z.object({ id: z.string().uuid() });

/** A freshly created user (or reset password): the one-time password is shown this once. */
export const ZCreatedUser = z.object({ user: ZAdminUserDetail, oneTimePassword: z.string() });
export const ZPasswordReset = z.object({ oneTimePassword: z.string() });

/** GET /api/admin/users/options: what the forms and filters may offer this administrator. */
export const ZAdminUserOptions = z.object({
  /** Widest scope the actor may grant (their own admin.users scope). */
  maxScope: ZPermissionScope,
  units: z.array(
    z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), parentId: z.string().uuid().nullable() }),
  ),
  jobTitles: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  groups: z.array(
    z.object({
      id: z.string().uuid(),
      code: z.string().nullable(),
      name: z.string(),
      /** The group carries admin.* permissions. */
      admin: z.boolean(),
      /** The actor may grant or withdraw it. */
      assignable: z.boolean(),
    }),
  ),
});
export type TAdminUserOptions = z.infer<typeof ZAdminUserOptions>;

/** Largest accepted import file (bytes, before base64). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Most rows one import file may hold. */
export const IMPORT_MAX_ROWS = 2000;

/** POST /api/admin/users/import: the XLSX file as base64 (multipart is not installed). */
export const ZImportUsers = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4),
  })
  .strict();
export type TImportUsers = z.infer<typeof ZImportUsers>;

/** Why a row of an import file was refused; `code` lets the web translate `message`. */
export const IMPORT_ERROR_CODES = [
  'required',
  'usernameFormat',
  'duplicateInFile',
  'usernameTaken',
  'unitUnknown',
  'unitOutOfScope',
  'jobTitleUnknown',
  'groupUnknown',
  'groupForbidden',
  'emailFormat',
  'phoneFormat',
  'tooLong',
] as const;
export const ZImportRowError = z.object({
  /** Excel row number. */
  line: z.number().int(),
  /** Column header, e.g. "Tên đăng nhập". */
  field: z.string(),
  code: z.enum(IMPORT_ERROR_CODES),
  /** Vietnamese explanation. */
  message: z.string(),
  /** The offending value (or the earlier line of a duplicate), for the web's translation. */
  value: z.string().optional(),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZImportResult = z.object({
  created: z.array(
    z.object({ username: z.string(), fullName: z.string(), unitCode: z.string(), oneTimePassword: z.string() }),
  ),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** Column headers of the import template, in order. */
export const IMPORT_COLUMNS = [
  'Tên đăng nhập',
  'Họ và tên',
  'Mã đơn vị',
  'Chức danh',
  'Email',
  'Điện thoại',
  'Nhóm',
] as const;
