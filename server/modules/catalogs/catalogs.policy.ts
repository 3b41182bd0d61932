import type { Actor } from '../../platform/authz/actor';
import { authorize, can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission of "Danh mục chuẩn văn bản". */
export const CATALOGS_PERMISSION = 'admin.catalogs';

/** Reading the catalogs for use (document forms): any signed-in user. */
export function authorizeCatalogUse(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** The admin lists and inactive entries: admin.catalogs with any scope. */
export function authorizeCatalogAdminRead(actor: Actor | null): Actor {
  return authorize(actor, CATALOGS_PERMISSION);
}

/**
 * The catalogs are shared by the whole organisation (one list of document types for every
 * unit's numbering), so changing them needs admin.catalogs with scope `all`; a school's
 * administrator may look but not change.
 */
export function canManageCatalogs(actor: Actor | null): boolean {
  return can(actor, CATALOGS_PERMISSION) && actor?.permissions.get(CATALOGS_PERMISSION) === 'all';
}

/** Throws 403 unless the actor may change the catalogs. */
export function authorizeCatalogManage(actor: Actor | null): Actor {
  const a = authorize(actor, CATALOGS_PERMISSION);
  if (!canManageCatalogs(a)) throw new AppError('FORBIDDEN');
  return a;
}
