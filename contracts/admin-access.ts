import { z } from 'zod';
import { ZPermissionScope } from './auth';

/**
 * Contracts of "Tạo nhóm & phân quyền" (admin-groups) and the audit log viewer (admin-audit).
 * Shared by the server routes and the web.
 */

/** One code of the permission catalogue and the module that registered it. */
export const ZPermissionInfo = z.object({ code: z.string(), module: z.string() });
export type TPermissionInfo = z.infer<typeof ZPermissionInfo>;
export const ZPermissionCatalogue = z.array(ZPermissionInfo);

/** Modules in the order the permission tree shows them; unknown modules follow, by name. */
export const PERMISSION_MODULES = [
  'incoming',
  'outgoing',
  'internal',
  'archived',
  'documents',
  'reports',
  'tasks',
  'announcements',
  'votes',
  'attendance',
  'library',
  'admin',
] as const;

/** Scope order, narrowest first: own unit, unit and its subtree, the whole system. */
export const SCOPE_RANK: Record<z.infer<typeof ZPermissionScope>, number> = { own: 1, subtree: 2, all: 3 };

const ZName = z.string().trim().min(1).max(150);
const ZDescription = z.string().trim().max(500).nullable();
const ZPermissionCode = z.string().trim().min(1).max(100);

export const GROUP_SORTS = ['name', 'code', 'permissionCount', 'memberCount'] as const;

/** GET /api/admin/groups: search, status filter, sort and page. */
export const ZGroupListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['all', 'active', 'inactive']).default('all'),
  sort: z.enum(GROUP_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TGroupListQuery = z.infer<typeof ZGroupListQuery>;

/** A group as the list shows it. `memberCount` counts members within the admin's scope. */
export const ZGroupSummary = z.object({
  id: z.string().uuid(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  active: z.boolean(),
  permissionCount: z.number().int(),
  memberCount: z.number().int(),
});
export type TGroupSummary = z.infer<typeof ZGroupSummary>;

export const ZGroupPage = z.object({
  items: z.array(ZGroupSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TGroupPage = z.infer<typeof ZGroupPage>;

/** What the signed-in administrator may do with a group; the web shows buttons from it. */
export const ZGroupAbilities = z.object({
  update: z.boolean(),
  editPermissions: z.boolean(),
  copy: z.boolean(),
  deactivate: z.boolean(),
  activate: z.boolean(),
  manageMembers: z.boolean(),
  /** May put admin.* permissions into groups (system-wide administrators only). */
  adminPermissions: z.boolean(),
  /** Scopes this administrator may grant to members of this group. */
  grantableScopes: z.array(ZPermissionScope),
});
export type TGroupAbilities = z.infer<typeof ZGroupAbilities>;

export const ZGroupDetail = ZGroupSummary.extend({
  permissions: z.array(z.string()),
  abilities: ZGroupAbilities,
});
export type TGroupDetail = z.infer<typeof ZGroupDetail>;

/** POST /api/admin/groups. */
export const ZGroupCreate = z
  .object({
    name: ZName,
    description: ZDescription.optional(),
    permissions: z.array(ZPermissionCode).max(500).default([]),
  })
  .strict();
export type TGroupCreate = z.infer<typeof ZGroupCreate>;

/** PATCH /api/admin/groups/:id. */
export const ZGroupUpdate = z
  .object({ name: ZName.optional(), description: ZDescription.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: 'empty' });
export type TGroupUpdate = z.infer<typeof ZGroupUpdate>;

/** PUT /api/admin/groups/:id/permissions: the complete list of codes. */
export const ZGroupPermissionsSet = z.array(ZPermissionCode).max(500);

/** POST /api/admin/groups/:id/copy. */
export const ZGroupCopy = z.object({ name: ZName }).strict();

export const ZGroupIdParams = z.object({ id: z.string().uuid() });
export const ZGroupMemberParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

/** POST /api/admin/groups/:id/members. */
export const ZMemberAdd = z.object({ userId: z.string().uuid(), scope: ZPermissionScope }).strict();
export type TMemberAdd = z.infer<typeof ZMemberAdd>;

/** PATCH /api/admin/groups/:id/members/:userId. */
export const ZMemberUpdate = z.object({ scope: ZPermissionScope }).strict();

/** GET /api/admin/groups/:id/members: keyset pages in Vietnamese name order. */
export const ZMembersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type TMembersQuery = z.infer<typeof ZMembersQuery>;

export const ZGroupMember = z.object({
  userId: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  jobTitle: z.string().nullable(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  status: z.string(),
  scope: ZPermissionScope,
  /** The administrator may change this membership's scope or end it. */
  manageable: z.boolean(),
});
export type TGroupMember = z.infer<typeof ZGroupMember>;

export const ZGroupMembersPage = z.object({ items: z.array(ZGroupMember), nextCursor: z.string().nullable() });
export type TGroupMembersPage = z.infer<typeof ZGroupMembersPage>;

/** GET /api/admin/groups/:id/candidates and /api/admin/audit/actors: people to pick. */
export const ZUserPickQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TUserPickQuery = z.infer<typeof ZUserPickQuery>;

export const ZUserPick = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  unitName: z.string(),
});
export type TUserPick = z.infer<typeof ZUserPick>;
export const ZUserPicks = z.array(ZUserPick);

// ---- Audit log viewer ----

/** Filters of the audit log (list and export). Dates are calendar days in Vietnam time. */
export const ZAuditFilters = z.object({
  actorId: z.string().uuid().optional(),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

/** GET /api/admin/audit: filters plus keyset paging on the entry id, newest first. */
export const ZAuditQuery = ZAuditFilters.extend({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  onBehalfOfId: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;

/** Values for the filter Selects. */
export const ZAuditFacets = z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) });
export type TAuditFacets = z.infer<typeof ZAuditFacets>;

/** Most rows one XLSX export holds; a note row says when the filter matched more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
