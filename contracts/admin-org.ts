import { z } from 'zod';

/**
 * Contracts of "Đơn vị trực thuộc" (admin-units) and "Danh mục chức danh" (admin-job-titles),
 * Điều 3.6b–c: the organisation tree and the job titles, managed from the browser.
 */

/** Short name used in code notations (PGDĐT, THCSAM): upper case, no spaces; letters incl. Đ, digits, '-'. */
export const SHORT_NAME_PATTERN = /^[A-ZĐ0-9-]+$/;
/** Unit code: letters, digits, '.', '_' and '-', no spaces. */
export const UNIT_CODE_PATTERN = /^[\p{L}\p{N}._-]+$/u;
/** Phone: optional '+', then digits with spaces, dots, dashes or brackets. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{6,18}[0-9]$/;
/** Email, checked the same way by server and web. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** edXML OrganId (QCVN 102:2016), e.g. 000.00.31.H33. */
export const ORGAN_ID_PATTERN = /^[A-Za-z0-9._-]+$/;

/** Limits of the unit fields, shared with the form. */
export const UNIT_LIMITS = { code: 30, name: 255, shortName: 20, address: 500, phone: 20, email: 200, organId: 30 };

/** Kinds of unit in an education office's tree. */
export const UNIT_KINDS = ['department', 'kindergarten', 'primary', 'secondary', 'learning-centre', 'other'] as const;
export const ZUnitKind = z.enum(UNIT_KINDS);

const optional = (max: number, pattern?: RegExp) => {
  const base = z.string().trim().max(max);
  const checked = pattern ? base.regex(pattern).or(z.literal('')) : base;
  return checked.nullable().optional();
};

/** Fields an administrator edits on a unit; empty optional fields clear them. */
const unitFields = {
  code: z.string().trim().min(1).max(UNIT_LIMITS.code).regex(UNIT_CODE_PATTERN),
  name: z.string().trim().min(1).max(UNIT_LIMITS.name),
  shortName: z.string().trim().min(1).max(UNIT_LIMITS.shortName).regex(SHORT_NAME_PATTERN),
  kind: ZUnitKind,
  address: optional(UNIT_LIMITS.address),
  phone: optional(UNIT_LIMITS.phone, PHONE_PATTERN),
  email: optional(UNIT_LIMITS.email, EMAIL_PATTERN),
  organId: optional(UNIT_LIMITS.organId, ORGAN_ID_PATTERN),
  sortOrder: z.number().int().min(0).max(100_000),
};

/** POST /api/admin/units: parentId null creates a root (scope `all` only). */
export const ZUnitCreate = z
  .object({
    parentId: z.string().uuid().nullable(),
    ...unitFields,
    kind: unitFields.kind.default('other'),
    sortOrder: unitFields.sortOrder.optional(),
  })
  .strict();
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

/** PATCH /api/admin/units/:id: any subset of the fields. */
export const ZUnitUpdate = z.object(unitFields).partial().strict();
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

/** POST /api/admin/units/:id/move: null makes the unit a root (scope `all` only). */
export const ZUnitMove = z.object({ parentId: z.string().uuid().nullable() }).strict();
export type TUnitMove = z.infer<typeof ZUnitMove>;

export const ZUnitListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TUnitListQuery = z.infer<typeof ZUnitListQuery>;

export const ZIdParams = z.object({ id: z.string().uuid() });

/** What the actor may do with a unit; the web shows buttons from these. */
export const ZUnitAbilities = z.object({
  edit: z.boolean(),
  createChild: z.boolean(),
  move: z.boolean(),
  changeStatus: z.boolean(),
});
export type TUnitAbilities = z.infer<typeof ZUnitAbilities>;

/** One unit as the administration screens see it. */
export const ZAdminUnit = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  /** 0 for a root of the whole organisation. */
  depth: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organId: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Active users of this unit (not of its children). */
  userCount: z.number().int(),
  /** Active child units. */
  childCount: z.number().int(),
  /** Matches the search text (false for ancestors kept to show the path). */
  match: z.boolean(),
  abilities: ZUnitAbilities,
});
export type TAdminUnit = z.infer<typeof ZAdminUnit>;

/** The tree the actor may manage, flat, parents before children (siblings by order then name). */
export const ZUnitList = z.object({
  items: z.array(ZAdminUnit),
  canCreateRoot: z.boolean(),
});
export type TUnitList = z.infer<typeof ZUnitList>;

/** One unit with the name of its parent. */
export const ZAdminUnitDetail = ZAdminUnit.extend({ parentName: z.string().nullable() });
export type TAdminUnitDetail = z.infer<typeof ZAdminUnitDetail>;

// ── Job titles ────────────────────────────────────────────────────────────────

export const JOB_TITLE_NAME_MAX = 120;

export const ZJobTitleListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TJobTitleListQuery = z.infer<typeof ZJobTitleListQuery>;

export const ZJobTitle = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** Leaders first: lower rank comes first in lists and signatures. */
  rank: z.number().int(),
  active: z.boolean(),
  /** Active users who hold this title. */
  userCount: z.number().int(),
});
export type TJobTitle = z.infer<typeof ZJobTitle>;

export const ZJobTitleList = z.object({
  items: z.array(ZJobTitle),
  /** Writing needs admin.jobTitles with scope `all`. */
  canManage: z.boolean(),
});
export type TJobTitleList = z.infer<typeof ZJobTitleList>;

export const ZJobTitleCreate = z
  .object({
    name: z.string().trim().min(1).max(JOB_TITLE_NAME_MAX),
    rank: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type TJobTitleCreate = z.infer<typeof ZJobTitleCreate>;

export const ZJobTitleUpdate = ZJobTitleCreate.partial().strict();
export type TJobTitleUpdate = z.infer<typeof ZJobTitleUpdate>;

/** New order: the listed titles get ranks 10, 20, 30…; unlisted ones follow in their current order. */
export const ZJobTitleReorder = z.object({ ids: z.array(z.string().uuid()).min(1).max(1000) }).strict();
export type TJobTitleReorder = z.infer<typeof ZJobTitleReorder>;
