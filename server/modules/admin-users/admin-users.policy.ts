import { type SQL, sql } from 'drizzle-orm';
import type { TPermissionScope } from '../../../contracts/auth';
import type { TUserAbilities } from '../../../contracts/admin-users';
import type { Actor } from '../../platform/authz/actor';
import { type UnitOwned, authorize, can, unitScopeSql } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** The permission of Quản lý người dùng. */
export const USERS_PERMISSION = 'admin.users';

const RANK: Record<TPermissionScope, number> = { own: 1, subtree: 2, all: 3 };

/** Rank of a scope (own 1 < subtree 2 < all 3); unknown text counts as own. */
export function scopeRank(scope: string): number {
  return RANK[scope as TPermissionScope] ?? 1;
}

/** A user as the policy sees it: where they belong and how much administration they hold. */
export interface ManagedUser extends UnitOwned {
  id: string;
  status: string;
  lockedOut: boolean;
  /** Widest scope (as a rank, 0 = none) of any admin.* permission the user holds. */
  adminRank: number;
}

/** Throws 403 unless the actor administers users at all; returns the actor and their scope. */
export function requireUserAdmin(actor: Actor | null): { actor: Actor; scope: TPermissionScope } {
  const a = authorize(actor, USERS_PERMISSION);
  return { actor: a, scope: a.permissions.get(USERS_PERMISSION) as TPermissionScope };
}

/** SQL condition limiting users (joined unit aliased `un`) to the actor's admin.users scope. */
export function userListScope(actor: Actor): SQL {
  return unitScopeSql(actor, USERS_PERMISSION, sql`un.path`);
}

/** A user outside the actor's scope is answered 404: the actor may not learn they exist. */
export function authorizeView(actor: Actor, target: ManagedUser): void {
  authorize(actor, USERS_PERMISSION, target, true);
}

/**
 * Changing a user needs the user in scope and, when the user is an administrator themselves,
 * at least as wide an admin.users scope: otherwise a school administrator could reset the
 * password of the organisation-wide administrator and take the account over.
 */
export function authorizeManage(actor: Actor, target: ManagedUser): void {
  authorizeView(actor, target);
  if (target.adminRank > scopeRank(actor.permissions.get(USERS_PERMISSION) ?? 'own')) {
    throw new AppError('FORBIDDEN');
  }
}

/** A unit a user is created in or moved to must be inside the actor's scope (403 otherwise). */
export function authorizeUnit(actor: Actor, unit: UnitOwned): void {
  authorize(actor, USERS_PERMISSION, unit);
}

/** True when the actor may grant or withdraw this membership (scope no wider than their own; admin groups need `all`). */
export function canGrant(actor: Actor, grant: { scope: string }, group: { admin: boolean }): boolean {
  const own = scopeRank(actor.permissions.get(USERS_PERMISSION) ?? 'own');
  if (!can(actor, USERS_PERMISSION)) return false;
  if (group.admin && own < RANK.all) return false;
  return scopeRank(grant.scope) <= own;
}

/** What the actor may do with a user they can see; the web shows actions from it. */
export function userAbilities(actor: Actor, target: ManagedUser): TUserAbilities {
  let manage = true;
  try {
    authorizeManage(actor, target);
  } catch {
    manage = false;
  }
  const self = actor.userId === target.id;
  return {
    edit: manage,
    move: manage,
    groups: manage,
    lock: manage && !self && target.status === 'active',
    unlock: manage && (target.status !== 'active' || target.lockedOut),
    resetPassword: manage && !self,
  };
}
