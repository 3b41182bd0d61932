import { type SQL, sql } from 'drizzle-orm';
import { SCOPE_RANK, type TGroupAbilities } from '../../../contracts/admin-access';
import type { TPermissionScope } from '../../../contracts/auth';
import type { Actor } from '../../platform/authz/actor';
import { type UnitOwned, authorize, unitScopeSql } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission of "Tạo nhóm & phân quyền". */
export const GROUPS_PERMISSION = 'admin.groups';
/** Permission of the audit log viewer. */
export const AUDIT_PERMISSION = 'admin.audit';

const SCOPES: TPermissionScope[] = ['own', 'subtree', 'all'];

/** A group as the policy needs it. */
export interface GroupFacts {
  builtin: boolean;
  active: boolean;
  permissions: readonly string[];
}

/** True for codes that administer the system (admin.*): only a system-wide administrator handles them. */
export function isAdminPermission(code: string): boolean {
  return code.startsWith('admin.');
}

/** The actor may use "Tạo nhóm & phân quyền" at all; returns their scope for it. */
export function authorizeGroups(actor: Actor | null): { actor: Actor; scope: TPermissionScope } {
  const a = authorize(actor, GROUPS_PERMISSION);
  return { actor: a, scope: a.permissions.get(GROUPS_PERMISSION) as TPermissionScope };
}

/**
 * Groups that carry admin.* permissions (before or after the change) may be created, edited,
 * copied or switched on and off only by an administrator whose scope is the whole system:
 * otherwise a school administrator could hand out system-wide administration.
 */
export function mayEditGroupWith(actor: Actor, codes: readonly string[]): boolean {
  return !codes.some(isAdminPermission) || actor.permissions.get(GROUPS_PERMISSION) === 'all';
}

/** Throws FORBIDDEN unless mayEditGroupWith(). */
export function assertMayEditGroupWith(actor: Actor, codes: readonly string[]): void {
  if (!mayEditGroupWith(actor, codes)) throw new AppError('FORBIDDEN');
}

/** Built-in groups are read-only: the administrator copies them instead. */
export function assertNotBuiltin(group: GroupFacts): void {
  if (group.builtin) throw new AppError('INVALID_STATE', { details: { reason: 'builtin' } });
}

/** The member's unit must be within the actor's admin.groups scope. */
export function assertMayManageUser(actor: Actor, user: UnitOwned): void {
  authorize(actor, GROUPS_PERMISSION, user);
}

/**
 * Scopes the actor may grant to members of a group: never wider than their own admin.groups
 * scope, and for each admin.* code in the group never wider than the actor's own scope for
 * that code (nobody hands out administration they do not hold).
 */
export function grantableScopes(actor: Actor, groupPermissions: readonly string[]): TPermissionScope[] {
  const own = actor.permissions.get(GROUPS_PERMISSION);
  if (!own) return [];
  let max = SCOPE_RANK[own];
  for (const code of groupPermissions) {
    if (!isAdminPermission(code)) continue;
    const held = actor.permissions.get(code);
    max = Math.min(max, held ? SCOPE_RANK[held] : 0);
  }
  return SCOPES.filter((s) => SCOPE_RANK[s] <= max);
}

/** Throws FORBIDDEN (on body.scope) when the scope is wider than the actor may grant. */
export function assertMayGrant(actor: Actor, scope: TPermissionScope, groupPermissions: readonly string[]): void {
  if (!grantableScopes(actor, groupPermissions).includes(scope)) {
    throw new AppError('FORBIDDEN', { field: 'body.scope' });
  }
}

/** What the actor may do with this group (the web shows buttons from it). */
export function groupAbilities(actor: Actor, group: GroupFacts): TGroupAbilities {
  const editable = mayEditGroupWith(actor, group.permissions);
  const scopes = grantableScopes(actor, group.permissions);
  return {
    update: editable && !group.builtin,
    editPermissions: editable && !group.builtin,
    copy: editable,
    deactivate: editable && !group.builtin && group.active,
    activate: editable && !group.active,
    manageMembers: scopes.length > 0,
    adminPermissions: mayEditGroupWith(actor, ['admin.']),
    grantableScopes: scopes,
  };
}

/** SQL condition on a user's unit path: the users this actor may add to or remove from groups. */
export function memberScopeSql(actor: Actor, unitPathColumn: SQL): SQL {
  return unitScopeSql(actor, GROUPS_PERMISSION, unitPathColumn);
}

/** The actor may read the audit log; returns them. */
export function authorizeAudit(actor: Actor | null): Actor {
  return authorize(actor, AUDIT_PERMISSION);
}

/**
 * Audit entries the actor may see, as SQL on the acting user's unit path: scope `all` sees
 * everything (also entries without a signed-in actor, e.g. account locks); subtree/own only
 * entries whose actor belongs to a unit in scope.
 */
export function auditScopeSql(actor: Actor, actorUnitPathColumn: SQL): SQL {
  if (actor.permissions.get(AUDIT_PERMISSION) === 'all') return sql`true`;
  return unitScopeSql(actor, AUDIT_PERMISSION, actorUnitPathColumn);
}
