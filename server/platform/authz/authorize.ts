import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TPermissionScope } from '../../../contracts/auth';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { escapeLike } from '../db/like';

/** A record as policies see it: the unit it belongs to, by path. */
export interface UnitOwned {
  unitId: string;
  unitPath: string;
}

/** True when the actor holds `permission` with a scope that covers `target` (or any scope without one). */
export function can(actor: Actor | null, permission: string, target?: UnitOwned): boolean {
  if (!actor) return false;
  const scope = actor.permissions.get(permission);
  if (!scope) return false;
  if (!target) return true;
  return scopeCovers(scope, actor, target);
}

export function scopeCovers(scope: TPermissionScope, actor: Actor, target: UnitOwned): boolean {
  if (scope === 'all') return true;
  if (scope === 'subtree') return target.unitPath.startsWith(actor.unitPath);
  return target.unitId === actor.unitId;
}

/**
 * Throws unless the actor may act. `hide` answers 404 instead of 403, for records whose
 * existence the actor may not learn.
 */
export function authorize(actor: Actor | null, permission: string, target?: UnitOwned, hide = false): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, permission, target)) throw new AppError(hide ? 'NOT_FOUND' : 'FORBIDDEN');
  return actor;
}

/** A policy's scope condition for a list, given the repository's column of a row's unit path. */
export type UnitScopeSql = (unitPathColumn: SQL) => SQL;

/**
 * The SQL condition that limits a list to the units the actor's scope for `permission` covers,
 * given the column holding a row's unit path. Lists put it in their WHERE clause.
 */
export function unitScopeSql(actor: Actor, permission: string, unitPathColumn: AnyPgColumn | SQL): SQL {
  const scope = actor.permissions.get(permission);
  if (!scope) return sql`false`;
  if (scope === 'all') return sql`true`;
  if (scope === 'subtree') return sql`${unitPathColumn} LIKE ${`${escapeLike(actor.unitPath)}%`}`;
  return sql`${unitPathColumn} = ${actor.unitPath}`;
}
