import type {
  TGroupCreate,
  TGroupDetail,
  TGroupListQuery,
  TGroupPage,
  TGroupUpdate,
  TPermissionInfo,
} from '../../../contracts/admin-access';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import { allPermissions, isKnownPermission } from '../../platform/authz/permissions';
import type { Clock } from '../../platform/clock';
import { uuidv7 } from '../../platform/db/ids';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import {
  assertMayEditGroupWith,
  assertNotBuiltin,
  authorizeGroups,
  groupAbilities,
  memberScopeSql,
} from './admin-access.policy';
import type { GroupRow, GroupsRepository } from './groups.repository';

/** What a group service needs. */
export interface GroupsDeps {
  tx: TxRunner;
  groups: GroupsRepository;
  audit: Audit;
  clock: Clock;
}

/** The state of a group recorded in the audit log before and after a change. */
function snapshot(g: Pick<GroupRow, 'name' | 'description' | 'active' | 'permissions'>) {
  return { name: g.name, description: g.description, active: g.active, permissions: [...g.permissions] };
}

/** Trims, NFC-normalises and de-duplicates permission codes; unknown codes fail on their field. */
export function checkPermissionCodes(codes: readonly string[], fieldPrefix: string): string[] {
  codes.forEach((code, i) => {
    if (!isKnownPermission(code)) throw new AppError('VALIDATION_FAILED', { field: `${fieldPrefix}${i}`, status: 400 });
  });
  return [...new Set(codes.map(normalizeText))].sort();
}

/**
 * Refuses a change that would leave nobody able to administer groups system-wide
 * (the last way back in); runs inside the change's transaction so nothing is half-written.
 */
export async function assertSystemAdministratorRemains(groups: GroupsRepository): Promise<void> {
  if (!(await groups.hasSystemAdministrator())) {
    throw new AppError('INVALID_STATE', { details: { reason: 'lastAdministrator' } });
  }
}

/** Tạo nhóm & phân quyền: groups, their permissions, copy and (de)activation. */
export class GroupsService {
  constructor(private readonly d: GroupsDeps) {}

  /** The permission catalogue every module registers, for the permission tree. */
  permissions(ctx: RequestContext): TPermissionInfo[] {
    authorizeGroups(ctx.actor);
    return allPermissions();
  }

  /** Groups page: search by name or code (accent-insensitive), status filter, sort, offset paging. */
  async list(ctx: RequestContext, q: TGroupListQuery): Promise<TGroupPage> {
    const { actor } = authorizeGroups(ctx.actor);
    const folded = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : undefined;
    const { items, total } = await this.d.groups.list({
      folded: folded || undefined,
      status: q.status,
      sort: q.sort,
      dir: q.dir,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      memberScope: (unitPath) => memberScopeSql(actor, unitPath),
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    const group = await this.d.groups.find(id);
    if (!group) throw notFound();
    return this.present(actor, group);
  }

  async create(ctx: RequestContext, input: TGroupCreate): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    const codes = checkPermissionCodes(input.permissions, 'body.permissions.');
    assertMayEditGroupWith(actor, codes);
    const name = normalizeText(input.name);
    const description = input.description ? normalizeText(input.description) || null : null;
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      await this.assertNameFree(name);
      await this.d.groups.insert({ id, name, description, now: this.d.clock.now() });
      await this.d.groups.setPermissions(id, codes);
      await this.d.audit.record(ctx, {
        action: 'group.create',
        entityType: 'group',
        entityId: id,
        after: snapshot({ name, description, active: true, permissions: codes }),
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: TGroupUpdate): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const group = await this.load(id);
      assertNotBuiltin(group);
      assertMayEditGroupWith(actor, group.permissions);
      const name = input.name !== undefined ? normalizeText(input.name) : group.name;
      const description =
        input.description !== undefined
          ? input.description
            ? normalizeText(input.description) || null
            : null
          : group.description;
      if (name.toLowerCase() !== group.name.toLowerCase()) await this.assertNameFree(name, id);
      await this.d.groups.update(id, { name, description, active: group.active }, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'group.update',
        entityType: 'group',
        entityId: id,
        before: { name: group.name, description: group.description },
        after: { name, description },
      });
    });
    return this.get(ctx, id);
  }

  /** Replaces the permissions of a group; built-in groups are read-only (copy them instead). */
  async setPermissions(ctx: RequestContext, id: string, input: readonly string[]): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const group = await this.load(id);
      assertNotBuiltin(group);
      const codes = checkPermissionCodes(input, 'body.');
      assertMayEditGroupWith(actor, [...group.permissions, ...codes]);
      await this.d.groups.setPermissions(id, codes);
      await this.d.groups.update(id, group, this.d.clock.now());
      await assertSystemAdministratorRemains(this.d.groups);
      await this.d.audit.record(ctx, {
        action: 'group.permissions.set',
        entityType: 'group',
        entityId: id,
        before: { permissions: group.permissions },
        after: {
          permissions: codes,
          added: codes.filter((c) => !group.permissions.includes(c)),
          removed: group.permissions.filter((c) => !codes.includes(c)),
        },
      });
    });
    return this.get(ctx, id);
  }

  /** A new, editable group with the same description and permissions as the source (built-in or not). */
  async copy(ctx: RequestContext, sourceId: string, input: { name: string }): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      const source = await this.load(sourceId);
      assertMayEditGroupWith(actor, source.permissions);
      const name = normalizeText(input.name);
      await this.assertNameFree(name);
      await this.d.groups.insert({ id, name, description: source.description, now: this.d.clock.now() });
      await this.d.groups.setPermissions(id, source.permissions);
      await this.d.audit.record(ctx, {
        action: 'group.copy',
        entityType: 'group',
        entityId: id,
        after: {
          ...snapshot({ ...source, name, active: true }),
          copiedFrom: { id: source.id, code: source.code, name: source.name },
        },
      });
    });
    return this.get(ctx, id);
  }

  /** Ngừng sử dụng / sử dụng lại: the group's permissions stop (or start) applying at the next request. */
  async setActive(ctx: RequestContext, id: string, active: boolean): Promise<TGroupDetail> {
    const { actor } = authorizeGroups(ctx.actor);
    await this.d.tx.transaction(async () => {
      const group = await this.load(id);
      if (!active) assertNotBuiltin(group);
      assertMayEditGroupWith(actor, group.permissions);
      if (group.active === active) throw new AppError('INVALID_STATE', { details: { reason: 'unchanged' } });
      await this.d.groups.update(id, { ...group, active }, this.d.clock.now());
      if (!active) await assertSystemAdministratorRemains(this.d.groups);
      await this.d.audit.record(ctx, {
        action: active ? 'group.activate' : 'group.deactivate',
        entityType: 'group',
        entityId: id,
        before: { active: group.active },
        after: { active },
      });
    });
    return this.get(ctx, id);
  }

  private async load(id: string): Promise<GroupRow> {
    const group = await this.d.groups.find(id, true);
    if (!group) throw notFound();
    return group;
  }

  private async assertNameFree(name: string, exceptId?: string): Promise<void> {
    await this.d.groups.lockNames();
    if (await this.d.groups.nameTaken(name, exceptId)) throw new AppError('DUPLICATE', { field: 'body.name' });
  }

  private async present(actor: Actor, group: GroupRow): Promise<TGroupDetail> {
    const memberCount = await this.d.groups.countMembers(group.id, (unitPath) => memberScopeSql(actor, unitPath));
    return {
      id: group.id,
      code: group.code,
      name: group.name,
      description: group.description,
      builtin: group.builtin,
      active: group.active,
      permissionCount: group.permissions.length,
      memberCount,
      permissions: group.permissions,
      abilities: groupAbilities(actor, group),
    };
  }
}
