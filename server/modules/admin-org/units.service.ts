import type {
  TAdminUnit,
  TAdminUnitDetail,
  TUnitCreate,
  TUnitList,
  TUnitListQuery,
  TUnitMove,
  TUnitUpdate,
} from '../../../contracts/admin-org';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import { uuidv7 } from '../../platform/db/ids';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import { authorizeUnit, canCreateRoot, requireUnitAdmin, unitAbilities, unitListScope } from './admin-org.policy';
import { isSelfOrDescendant, pathDepth, treeOrder } from './unit-tree';
import type { UnitRow, UnitsRepository, UnitValues } from './units.repository';

/** Optional text: trimmed NFC, empty → null. */
function optionalText(value: string | null | undefined): string | null {
  const v = value == null ? '' : normalizeText(value);
  return v === '' ? null : v;
}

/** The editable text fields as they arrive (optional ones may be absent, null or empty). */
type EditableInput = Pick<UnitValues, 'code' | 'name' | 'shortName' | 'kind'> &
  Partial<Record<'address' | 'phone' | 'email' | 'organId', string | null>>;

function present(actor: Actor, row: UnitRow): TAdminUnit {
  const { path, ...rest } = row;
  return { ...rest, depth: pathDepth(path), abilities: unitAbilities(actor, row) };
}

/** Use cases of "Đơn vị trực thuộc" (Điều 3.6b): the unit tree, by scope of admin.units. */
export class UnitsService {
  constructor(private readonly d: { tx: TxRunner; units: UnitsRepository; audit: Audit }) {}

  /** The tree the actor may manage, flat in tree order; `q` keeps matches and their ancestors. */
  async list(ctx: RequestContext, query: TUnitListQuery): Promise<TUnitList> {
    const actor = requireUnitAdmin(ctx.actor);
    const folded = query.q ? foldDiacritics(normalizeText(query.q)).toLowerCase() : '';
    const rows = await this.d.units.list({
      scope: (path) => unitListScope(actor, path),
      folded: folded || undefined,
      includeInactive: query.includeInactive,
    });
    return { items: treeOrder(rows).map((row) => present(actor, row)), canCreateRoot: canCreateRoot(actor) };
  }

  async get(ctx: RequestContext, id: string): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    const row = authorizeUnit(actor, await this.d.units.findById(id));
    return { ...present(actor, row), parentName: row.parentName };
  }

  /** Adds a unit under `parentId` (or a root, scope `all` only). */
  async create(ctx: RequestContext, input: TUnitCreate): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      await this.d.units.lockTree();
      let path = `/${id}/`;
      if (input.parentId === null) {
        if (!canCreateRoot(actor)) throw new AppError('FORBIDDEN');
      } else {
        const parent = authorizeUnit(
          actor,
          await this.d.units.findById(input.parentId),
          'createChild',
          'body.parentId',
        );
        if (!parent.active)
          throw new AppError('INVALID_STATE', { field: 'body.parentId', details: { reason: 'parentInactive' } });
        path = `${parent.path}${id}/`;
      }
      const values: UnitValues = {
        ...this.values(input),
        sortOrder: input.sortOrder ?? (await this.d.units.nextSortOrder(input.parentId)),
      };
      if (await this.d.units.codeTaken(values.code)) throw new AppError('DUPLICATE', { field: 'body.code' });
      await this.d.units.insert({ ...values, id, parentId: input.parentId, path });
      await this.d.audit.record(ctx, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: id,
        before: null,
        after: await this.d.units.snapshot(id),
      });
    });
    return this.get(ctx, id);
  }

  /** Renames and edits the fields of a unit in scope. */
  async update(ctx: RequestContext, id: string, patch: TUnitUpdate): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.units.lockTree();
      authorizeUnit(actor, await this.d.units.findById(id), 'edit');
      const before = await this.d.units.snapshot(id);
      if (!before) throw new AppError('NOT_FOUND');
      const next: UnitValues = { ...before, ...this.values({ ...before, ...patch }) };
      if (patch.sortOrder !== undefined) next.sortOrder = patch.sortOrder;
      if (next.code.toLowerCase() !== before.code.toLowerCase() && (await this.d.units.codeTaken(next.code, id)))
        throw new AppError('DUPLICATE', { field: 'body.code' });
      const changed = (Object.keys(next) as (keyof UnitValues)[]).some((k) => next[k] !== before[k]);
      if (!changed) return;
      await this.d.units.update(id, next);
      await this.d.audit.record(ctx, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before,
        after: await this.d.units.snapshot(id),
      });
    });
    return this.get(ctx, id);
  }

  /**
   * Moves a unit (with its subtree) under another parent in scope, rewriting every path of the
   * subtree in the same transaction, so subtree scopes follow the move at once.
   */
  async move(ctx: RequestContext, id: string, input: TUnitMove): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.units.lockTree();
      const unit = authorizeUnit(actor, await this.d.units.findById(id), 'move');
      let newPath = `/${id}/`;
      if (input.parentId === null) {
        if (!canCreateRoot(actor)) throw new AppError('FORBIDDEN');
      } else {
        const target = authorizeUnit(actor, await this.d.units.findById(input.parentId), undefined, 'body.parentId');
        if (isSelfOrDescendant(target.path, unit.path))
          throw new AppError('INVALID_STATE', { field: 'body.parentId', details: { reason: 'ownDescendant' } });
        if (unit.active && !target.active)
          throw new AppError('INVALID_STATE', { field: 'body.parentId', details: { reason: 'parentInactive' } });
        newPath = `${target.path}${id}/`;
      }
      if (input.parentId === unit.parentId) return;
      const moved = await this.d.units.moveSubtree(id, input.parentId, unit.path, newPath);
      await this.d.audit.record(ctx, {
        action: 'unit.move',
        entityType: 'unit',
        entityId: id,
        before: { parentId: unit.parentId, path: unit.path },
        after: { parentId: input.parentId, path: newPath, descendantsMoved: moved - 1 },
      });
    });
    return this.get(ctx, id);
  }

  /** Stops a unit; refused while it still has active users or active child units. */
  async deactivate(ctx: RequestContext, id: string, reason?: string): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.units.lockTree();
      const unit = authorizeUnit(actor, await this.d.units.findById(id), 'changeStatus');
      if (!unit.active) throw new AppError('INVALID_STATE', { details: { reason: 'alreadyInactive' } });
      if (unit.userCount > 0 || unit.childCount > 0)
        throw new AppError('IN_USE', { details: { activeUsers: unit.userCount, activeChildren: unit.childCount } });
      await this.d.units.setActive(id, false);
      await this.d.audit.record(ctx, {
        action: 'unit.deactivate',
        entityType: 'unit',
        entityId: id,
        before: { active: true },
        after: { active: false, reason: optionalText(reason) },
      });
    });
    return this.get(ctx, id);
  }

  /** Brings a unit back; its parent must be active. */
  async activate(ctx: RequestContext, id: string): Promise<TAdminUnitDetail> {
    const actor = requireUnitAdmin(ctx.actor);
    await this.d.tx.transaction(async () => {
      await this.d.units.lockTree();
      const unit = authorizeUnit(actor, await this.d.units.findById(id), 'changeStatus');
      if (unit.active) throw new AppError('INVALID_STATE', { details: { reason: 'alreadyActive' } });
      const parent = unit.parentId ? await this.d.units.findById(unit.parentId) : null;
      if (parent && !parent.active) throw new AppError('INVALID_STATE', { details: { reason: 'parentInactive' } });
      await this.d.units.setActive(id, true);
      await this.d.audit.record(ctx, {
        action: 'unit.activate',
        entityType: 'unit',
        entityId: id,
        before: { active: false },
        after: { active: true },
      });
    });
    return this.get(ctx, id);
  }

  /** NFC-normalised stored values of the editable fields. */
  private values(input: EditableInput): Omit<UnitValues, 'sortOrder'> {
    return {
      code: normalizeText(input.code),
      name: normalizeText(input.name).replace(/\s+/g, ' '),
      shortName: normalizeText(input.shortName),
      kind: input.kind,
      address: optionalText(input.address),
      phone: optionalText(input.phone),
      email: optionalText(input.email)?.toLowerCase() ?? null,
      organId: optionalText(input.organId),
    };
  }
}
