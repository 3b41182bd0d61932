import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor';
import { authorize, can, type UnitOwned, unitScopeSql } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** The permission behind the approval queue (Điều 3.7f, part of "Quản lý người dùng"). */
export const DECIDE_PERMISSION = 'admin.users';

/** Every signed-in user manages their own account (function `account` has no permission). */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/**
 * People whose proposals the actor must not decide: themselves and, under a delegation, the
 * delegator — nobody approves their own change.
 */
export function selfIds(actor: Actor): string[] {
  return actor.onBehalfOf ? [actor.userId, actor.onBehalfOf.userId] : [actor.userId];
}

/** The queue's SQL scope: authors in units the actor's admin.users grant covers; 403 for others. */
export function queueScope(actor: Actor | null): { actor: Actor; scope: SQL } {
  const a = authorize(actor, DECIDE_PERMISSION);
  return { actor: a, scope: unitScopeSql(a, DECIDE_PERMISSION, sql.raw('un.path')) };
}

/** A proposal as the policy sees it: its author, the author's unit and the unit it moves them to. */
export interface ProposalTarget {
  userId: string;
  unit: UnitOwned;
  newUnit: UnitOwned | null;
}

/** True when the actor may approve or reject: both units in scope, not their own proposal. */
export function canDecide(actor: Actor, p: ProposalTarget): boolean {
  if (selfIds(actor).includes(p.userId)) return false;
  if (!can(actor, DECIDE_PERMISSION, p.unit)) return false;
  return !p.newUnit || can(actor, DECIDE_PERMISSION, p.newUnit);
}

/**
 * Throws unless the actor may decide: 403 without admin.users, 404 for an author outside the
 * actor's scope (they must not learn of it), 403 for their own proposal or a move into a unit
 * they do not manage.
 */
export function authorizeDecide(actor: Actor | null, p: ProposalTarget | null): Actor {
  const a = authorize(actor, DECIDE_PERMISSION);
  if (!p) throw new AppError('NOT_FOUND');
  authorize(a, DECIDE_PERMISSION, p.unit, true);
  if (!canDecide(a, p)) throw new AppError('FORBIDDEN');
  return a;
}
