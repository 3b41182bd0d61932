import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor';
import { authorize, can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permissions of "Văn bản lưu" (contracts/functions.ts archived-register, archived-search). */
export const VIEW = 'archived.view';
export const MANAGE = 'archived.manage';

/** The facts of an archived document the policy needs. */
export interface ArchivedCore {
  id: string;
  unitId: string;
  unitPath: string;
  shareWithSubunits: boolean;
  removed: boolean;
}

/** Paths of the units above the actor's (`/a/b/c/` → `/a/`, `/a/b/`). */
export function ancestorPaths(unitPath: string): string[] {
  const parts = unitPath.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * Which archived documents `d` the actor may see, as SQL for every list and search: those of
 * their own unit, and those of the units above it that were shared with sub-units; never a
 * removed one. Needs archived.view (or archived.manage). Both alternatives use an index
 * (unit_id, unit_path).
 */
export function visibleSql(actor: Actor): SQL {
  if (!can(actor, VIEW) && !can(actor, MANAGE)) return sql`false`;
  const above = ancestorPaths(actor.unitPath);
  const shared = above.length
    ? sql`(d.share_with_subunits AND d.unit_path IN (${sql.join(
        above.map((p) => sql`${p}`),
        sql`, `,
      )}))`
    : sql`false`;
  return sql`(d.removed_at IS NULL AND (d.unit_id = ${actor.unitId}::uuid OR ${shared}))`;
}

/** The same rule as visibleSql for one document already loaded. */
export function canSee(actor: Actor, doc: ArchivedCore): boolean {
  if (doc.removed || (!can(actor, VIEW) && !can(actor, MANAGE))) return false;
  if (doc.unitId === actor.unitId) return true;
  return doc.shareWithSubunits && ancestorPaths(actor.unitPath).includes(doc.unitPath);
}

/** Edit and remove: the keepers of the document's unit (archived.manage over it). */
export function abilities(actor: Actor, doc: ArchivedCore): { edit: boolean; remove: boolean } {
  const keeper = can(actor, MANAGE, doc);
  return { edit: keeper, remove: keeper };
}

/** Throws unless the actor keeps this document (403: they can see it but not change it). */
export function authorizeKeeper(actor: Actor, doc: ArchivedCore): void {
  if (!can(actor, MANAGE, doc)) throw new AppError('FORBIDDEN');
}

/** Entering archived documents (Nhập văn bản lưu). */
export function authorizeEntry(actor: Actor | null): Actor {
  return authorize(actor, MANAGE);
}
