import type { TGroupGrant } from '../../../contracts/admin-users';
import type { Actor } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import { canGrant } from './admin-users.policy';
import type { GroupRef } from './admin-users.repository';

/**
 * Checks a change of group memberships from `before` to `after`. Every membership that changes
 * (added, withdrawn or with another scope) must be one the actor may grant; memberships left as
 * they were stay even when wider than the actor's own rights (another administrator gave them).
 * Unknown or repeated groups are bad input (400); adding an inactive group too.
 */
export function checkGrantChange(
  actor: Actor,
  before: { groupId: string; scope: string }[],
  after: TGroupGrant[],
  groups: GroupRef[],
): void {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const old = new Map(before.map((g) => [g.groupId, g.scope]));
  const seen = new Set<string>();
  after.forEach((grant, i) => {
    const field = `groups.${i}.groupId`;
    const group = byId.get(grant.groupId);
    if (!group || seen.has(grant.groupId)) throw new AppError('VALIDATION_FAILED', { field });
    seen.add(grant.groupId);
    const previous = old.get(grant.groupId);
    if (previous === grant.scope) return;
    if (!group.active) throw new AppError('VALIDATION_FAILED', { field });
    if (!canGrant(actor, grant, group)) throw new AppError('FORBIDDEN', { field });
    if (previous !== undefined && !canGrant(actor, { scope: previous }, group)) {
      throw new AppError('FORBIDDEN', { field });
    }
  });
  for (const [groupId, scope] of old) {
    if (seen.has(groupId)) continue;
    const group = byId.get(groupId);
    if (group && !canGrant(actor, { scope }, group)) throw new AppError('FORBIDDEN', { field: 'groups' });
  }
}
