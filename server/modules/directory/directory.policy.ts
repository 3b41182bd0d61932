import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';

/**
 * Danh bạ điện thoại (Điều 3.3a) is "of the individuals in the organisation", built from the
 * user list: every signed-in user sees the active people of the whole organisation tree, so a
 * school can reach the Phòng and the Phòng every school. Disabled accounts are not listed.
 */
export function directoryScope(actor: Actor | null): SQL {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return sql`u.status = 'active'`;
}
