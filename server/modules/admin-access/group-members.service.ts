import type {
  TGroupMembersPage,
  TMemberAdd,
  TMembersQuery,
  TUserPick,
  TUserPickQuery,
} from '../../../contracts/admin-access';
import type { TPermissionScope } from '../../../contracts/auth';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import { AppError, notFound } from '../../platform/errors';
import {
  assertMayGrant,
  assertMayManageUser,
  authorizeGroups,
  grantableScopes,
  memberScopeSql,
} from './admin-access.policy';
import type { GroupRow, MemberCandidateRow } from './groups.repository';
import { type GroupsDeps, assertSystemAdministratorRemains } from './groups.service';

/** Members of a group: who holds its permissions, and over which scope (own unit, subtree, all). */
export class GroupMembersService {
  constructor(private readonly d: GroupsDeps) {}

  /** Members within the administrator's units, keyset-paged in Vietnamese name order. */
  async list(ctx: RequestContext, groupId: string, q: TMembersQuery): Promise<TGroupMembersPage> {
    const { actor } = authorizeGroups(ctx.actor);
    const group = await this.d.groups.find(groupId);
    if (!group) throw notFound();
    const scopes = grantableScopes(actor, group.permissions);
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.d.groups.members({
      groupId,
      memberScope: (unitPath) => memberScopeSql(actor, unitPath),
      folded: fold(q.q),
      after,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ sortKey: _s, ...rest }) => ({ ...rest, manageable: scopes.includes(rest.scope) })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.sortKey, last.userId) : null,
    };
  }

  /** People the administrator may add: active, within their units, not yet members. */
  async candidates(ctx: RequestContext, groupId: string, q: TUserPickQuery): Promise<TUserPick[]> {
    const { actor } = authorizeGroups(ctx.actor);
    if (!(await this.d.groups.find(groupId))) throw notFound();
    return this.d.groups.candidates({
      groupId,
      memberScope: (unitPath) => memberScopeSql(actor, unitPath),
      folded: fold(q.q),
      limit: q.limit,
    });
  }

  async add(ctx: RequestContext, groupId: string, input: TMemberAdd): Promise<{ ok: true }> {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const group = await this.load(groupId);
      const user = await this.d.groups.user(input.userId);
      if (!user) throw new AppError('VALIDATION_FAILED', { field: 'body.userId', status: 400 });
      assertMayManageUser(actor, user);
      if (user.status !== 'active') throw new AppError('INVALID_STATE', { field: 'body.userId' });
      assertMayGrant(actor, input.scope, group.permissions);
      if (!(await this.d.groups.addMember(groupId, user.id, input.scope))) {
        throw new AppError('DUPLICATE', { field: 'body.userId' });
      }
      await this.d.audit.record(ctx, {
        action: 'group.member.add',
        entityType: 'group',
        entityId: groupId,
        after: { ...who(user), scope: input.scope, group: group.name },
      });
    });
    return { ok: true };
  }

  async setScope(ctx: RequestContext, groupId: string, userId: string, scope: TPermissionScope) {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const { group, user, current } = await this.loadMembership(actor, groupId, userId);
      assertMayGrant(actor, scope, group.permissions);
      await this.d.groups.setMemberScope(groupId, userId, scope);
      await assertSystemAdministratorRemains(this.d.groups);
      await this.d.audit.record(ctx, {
        action: 'group.member.update',
        entityType: 'group',
        entityId: groupId,
        before: { ...who(user), scope: current },
        after: { ...who(user), scope },
      });
    });
    return { ok: true as const };
  }

  /** Ends a membership (allowed: it is a link, not a document); the audit entry keeps it. */
  async remove(ctx: RequestContext, groupId: string, userId: string) {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const { group, user, current } = await this.loadMembership(actor, groupId, userId);
      await this.d.groups.removeMember(groupId, userId);
      await assertSystemAdministratorRemains(this.d.groups);
      await this.d.audit.record(ctx, {
        action: 'group.member.remove',
        entityType: 'group',
        entityId: groupId,
        before: { ...who(user), scope: current, group: group.name },
      });
    });
    return { ok: true as const };
  }

  private async load(groupId: string): Promise<GroupRow> {
    const group = await this.d.groups.find(groupId, true);
    if (!group) throw notFound();
    return group;
  }

  /**
   * Loads a membership for a change. The member must be in the administrator's units, and the
   * current scope one they could grant: nobody narrows or takes away what they could not give.
   */
  private async loadMembership(actor: Actor, groupId: string, userId: string) {
    const group = await this.load(groupId);
    const user = await this.d.groups.user(userId);
    const current = user ? await this.d.groups.membership(groupId, userId) : null;
    if (!user || !current) throw notFound();
    assertMayManageUser(actor, user);
    if (!grantableScopes(actor, group.permissions).includes(current)) throw new AppError('FORBIDDEN');
    return { group, user, current };
  }
}

function who(user: MemberCandidateRow) {
  return { userId: user.id, username: user.username, fullName: user.fullName };
}

function fold(q: string | undefined): string | undefined {
  return q ? foldDiacritics(normalizeText(q)).toLowerCase() || undefined : undefined;
}

function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string): { sortKey: string; id: string } {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortKey === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { sortKey, id };
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', { field: 'querystring.cursor' });
}
