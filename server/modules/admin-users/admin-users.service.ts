import type {
  TAdminUserDetail,
  TAdminUserOptions,
  TAdminUserPage,
  TAdminUserQuery,
  TCreateUser,
  TGroupGrant,
  TUpdateUser,
} from '../../../contracts/admin-users';
import { foldDiacritics, normalizeText, personSortKey } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import { hashPassword } from '../../platform/auth/password';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors';
import {
  authorizeManage,
  authorizeUnit,
  authorizeView,
  canGrant,
  requireUserAdmin,
  userListScope,
} from './admin-users.policy';
import { cleanContacts, isUniqueViolation, managed, presentDetail, presentItem, snapshot } from './admin-users.present';
import type { AdminUsersRepository, UserRow } from './admin-users.repository';
import { checkGrantChange } from './grants';
import { generateOneTimePassword } from './one-time-password';

/** What the user services need. */
export interface AdminUsersDeps {
  tx: TxRunner;
  repo: AdminUsersRepository;
  audit: Audit;
  clock: Clock;
}

/** Quản lý người dùng (Điều 3.6e): list, view, create, edit, move between units, group memberships. */
export class AdminUsersService {
  constructor(private readonly d: AdminUsersDeps) {}

  async list(ctx: RequestContext, q: TAdminUserQuery): Promise<TAdminUserPage> {
    const { actor } = requireUserAdmin(ctx.actor);
    let unitPathPrefix: string | undefined;
    if (q.unitId) {
      const unit = await this.d.repo.unitById(q.unitId);
      if (!unit) throw new AppError('VALIDATION_FAILED', { field: 'querystring.unitId' });
      unitPathPrefix = unit.path;
    }
    const folded = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : '';
    const { rows, total } = await this.d.repo.page({
      scope: userListScope(actor),
      now: this.d.clock.now(),
      folded: folded || undefined,
      unitPathPrefix,
      groupId: q.groupId,
      status: q.status,
      sort: q.sort,
      dir: q.dir,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: rows.map((r) => presentItem(actor, r)), total, page: q.page, pageSize: q.pageSize };
  }

  /** Units, job titles and groups the forms may offer this administrator. */
  async options(ctx: RequestContext): Promise<TAdminUserOptions> {
    const { actor, scope } = requireUserAdmin(ctx.actor);
    const [units, jobTitles, groups] = await Promise.all([
      this.d.repo.activeUnits(userListScope(actor)),
      this.d.repo.activeJobTitles(),
      this.d.repo.groups(),
    ]);
    return {
      maxScope: scope,
      units: units.map(({ id, code, name, parentId }) => ({ id, code, name, parentId })),
      jobTitles,
      groups: groups
        .filter((g) => g.active)
        .map((g) => ({
          id: g.id,
          code: g.code,
          name: g.name,
          admin: g.admin,
          assignable: canGrant(actor, { scope: 'own' }, g),
        })),
    };
  }

  async get(ctx: RequestContext, id: string): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    const row = await this.load(actor, id, 'view');
    return presentDetail(actor, row, await this.d.repo.grantsOf(id));
  }

  /** Creates an account with a one-time password, returned this once; the user must change it. */
  async create(ctx: RequestContext, input: TCreateUser): Promise<{ user: TAdminUserDetail; oneTimePassword: string }> {
    const { actor } = requireUserAdmin(ctx.actor);
    const unit = await this.d.repo.unitById(input.unitId);
    if (!unit?.active) throw new AppError('VALIDATION_FAILED', { field: 'unitId' });
    authorizeUnit(actor, { unitId: unit.id, unitPath: unit.path });
    await this.checkJobTitle(input.jobTitleId);
    checkGrantChange(actor, [], input.groups, await this.d.repo.groups());
    if ((await this.d.repo.takenUsernames([input.username])).length > 0) {
      throw new AppError('DUPLICATE', { field: 'username' });
    }
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const fullName = normalizeText(input.fullName);
    const id = uuidv7();
    const now = this.d.clock.now();
    try {
      return await this.d.tx.transaction(async () => {
        await this.d.repo.insertUser(
          {
            id,
            username: input.username,
            fullName,
            sortKey: personSortKey(fullName),
            unitId: unit.id,
            jobTitleId: input.jobTitleId ?? null,
            ...cleanContacts(input),
            passwordHash,
          },
          now,
        );
        await this.d.repo.replaceGrants(id, input.groups);
        const row = (await this.d.repo.findById(id, now)) as UserRow;
        await this.d.audit.record(ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          after: { ...snapshot(row), groups: input.groups },
        });
        return { user: presentDetail(actor, row, await this.d.repo.grantsOf(id)), oneTimePassword };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('DUPLICATE', { field: 'username' });
      throw err;
    }
  }

  /** Edits name and contact details; the Vietnamese sort key follows the name. */
  async update(ctx: RequestContext, id: string, input: TUpdateUser): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    if (input.jobTitleId) await this.checkJobTitle(input.jobTitleId);
    return this.d.tx.transaction(async () => {
      const before = await this.load(actor, id, 'manage');
      const fullName = input.fullName !== undefined ? normalizeText(input.fullName) : before.fullName;
      const contacts = cleanContacts({
        email: input.email !== undefined ? input.email : before.email,
        phone: input.phone !== undefined ? input.phone : before.phone,
        address: input.address !== undefined ? input.address : before.address,
      });
      const jobTitleId = input.jobTitleId !== undefined ? input.jobTitleId : before.jobTitleId;
      const now = this.d.clock.now();
      await this.d.repo.updateProfile(id, { fullName, sortKey: personSortKey(fullName), ...contacts, jobTitleId }, now);
      const after = (await this.d.repo.findById(id, now)) as UserRow;
      await this.d.audit.record(ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return presentDetail(actor, after, await this.d.repo.grantsOf(id));
    });
  }

  /** Chuyển đơn vị: both the current and the new unit must be inside the actor's scope. */
  async move(ctx: RequestContext, id: string, unitId: string): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    const unit = await this.d.repo.unitById(unitId);
    if (!unit?.active) throw new AppError('VALIDATION_FAILED', { field: 'unitId' });
    return this.d.tx.transaction(async () => {
      const before = await this.load(actor, id, 'manage');
      authorizeUnit(actor, { unitId: unit.id, unitPath: unit.path });
      if (before.unitId === unit.id) throw new AppError('INVALID_STATE', { field: 'unitId' });
      const now = this.d.clock.now();
      await this.d.repo.setUnit(id, unit.id, now);
      const after = (await this.d.repo.findById(id, now)) as UserRow;
      await this.d.audit.record(ctx, {
        action: 'user.move',
        entityType: 'user',
        entityId: id,
        before: { unitId: before.unitId, unitCode: before.unitCode },
        after: { unitId: after.unitId, unitCode: after.unitCode },
      });
      return presentDetail(actor, after, await this.d.repo.grantsOf(id));
    });
  }

  /** Phân nhóm: replaces the memberships; see checkGrantChange for what the actor may grant. */
  async setGroups(ctx: RequestContext, id: string, groups: TGroupGrant[]): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    return this.d.tx.transaction(async () => {
      const row = await this.load(actor, id, 'manage');
      const before = await this.d.repo.grantsOf(id);
      checkGrantChange(actor, before, groups, await this.d.repo.groups());
      await this.d.repo.replaceGrants(id, groups);
      await this.d.audit.record(ctx, {
        action: 'user.groups',
        entityType: 'user',
        entityId: id,
        before: before.map(({ groupId, scope }) => ({ groupId, scope })),
        after: groups,
      });
      const after = (await this.d.repo.findById(id, this.d.clock.now())) as UserRow;
      return presentDetail(actor, after ?? row, await this.d.repo.grantsOf(id));
    });
  }

  /** Loads a user the actor may see (404 otherwise) and, for `manage`, may change (403). */
  async load(actor: Actor, id: string, need: 'view' | 'manage'): Promise<UserRow> {
    const row = await this.d.repo.findById(id, this.d.clock.now());
    if (!row) throw notFound();
    if (need === 'view') authorizeView(actor, managed(row));
    else authorizeManage(actor, managed(row));
    return row;
  }

  private async checkJobTitle(jobTitleId: string | null | undefined): Promise<void> {
    if (jobTitleId && !(await this.d.repo.jobTitleActive(jobTitleId))) {
      throw new AppError('VALIDATION_FAILED', { field: 'jobTitleId' });
    }
  }
}
