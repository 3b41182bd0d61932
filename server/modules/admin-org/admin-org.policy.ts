import type { SQL } from 'drizzle-orm';
import type { TUnitAbilities } from '../../../contracts/admin-org';
import type { Actor } from '../../platform/authz/actor';
import { authorize, can, unitScopeSql } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission of "Đơn vị trực thuộc". */
export const UNITS_PERMISSION = 'admin.units';
/** Permission of "Danh mục chức danh". */
export const JOB_TITLES_PERMISSION = 'admin.jobTitles';

/** A unit as the policy sees it. */
export interface UnitRef {
  id: string;
  path: string;
  active: boolean;
}

/** Any scope of admin.units opens the function; otherwise 403. */
export function requireUnitAdmin(actor: Actor | null): Actor {
  return authorize(actor, UNITS_PERMISSION);
}

/** The WHERE condition limiting unit lists to the actor's scope; `pathColumn` holds a unit's path. */
export function unitListScope(actor: Actor, pathColumn: SQL): SQL {
  return unitScopeSql(actor, UNITS_PERMISSION, pathColumn);
}

/** True when the unit lies inside the actor's admin.units scope. */
export function unitInScope(actor: Actor, unit: UnitRef): boolean {
  return can(actor, UNITS_PERMISSION, { unitId: unit.id, unitPath: unit.path });
}

/** Only an administrator of the whole organisation may create a root or move a unit to the top. */
export function canCreateRoot(actor: Actor): boolean {
  return actor.permissions.get(UNITS_PERMISSION) === 'all';
}

/**
 * What the actor may do with a unit. Scope `own`: edit the own unit only. Scope `subtree`: edit
 * the whole subtree, add children anywhere in it, move or (de)activate units below the own unit
 * but never the own unit, which is the root of their scope. Scope `all`: everything.
 */
export function unitAbilities(actor: Actor, unit: UnitRef): TUnitAbilities {
  const scope = actor.permissions.get(UNITS_PERMISSION);
  const inScope = unitInScope(actor, unit);
  if (!scope || !inScope) return { edit: false, createChild: false, move: false, changeStatus: false };
  if (scope === 'all') return { edit: true, createChild: true, move: true, changeStatus: true };
  if (scope === 'own') return { edit: true, createChild: false, move: false, changeStatus: false };
  const belowRoot = unit.id !== actor.unitId;
  return { edit: true, createChild: true, move: belowRoot, changeStatus: belowRoot };
}

/**
 * Loads-then-checks a single unit: outside the scope (or missing) answers 404 so a sibling unit's
 * administrator does not learn it exists; inside the scope without the ability answers 403.
 */
export function authorizeUnit<T extends UnitRef>(
  actor: Actor,
  unit: T | null,
  ability?: keyof TUnitAbilities,
  field?: string,
): T {
  if (!unit || !unitInScope(actor, unit)) throw new AppError('NOT_FOUND', field ? { field } : {});
  if (ability && !unitAbilities(actor, unit)[ability]) throw new AppError('FORBIDDEN');
  return unit;
}

/** Reading the job titles needs admin.jobTitles with any scope. */
export function requireJobTitlesReader(actor: Actor | null): Actor {
  return authorize(actor, JOB_TITLES_PERMISSION);
}

/** Job titles are organisation-wide: writing needs admin.jobTitles with scope `all`. */
export function canManageJobTitles(actor: Actor): boolean {
  return actor.permissions.get(JOB_TITLES_PERMISSION) === 'all';
}

/** Throws 403 unless the actor may change the job titles. */
export function requireJobTitlesWriter(actor: Actor | null): Actor {
  const a = authorize(actor, JOB_TITLES_PERMISSION);
  if (!canManageJobTitles(a)) throw new AppError('FORBIDDEN');
  return a;
}
