import { type TFlow, type TFlowInput, ZFlowInput } from '../../../contracts/outgoing';
import type { RequestContext } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { FLOWS_PERMISSION as PERMISSION, flowScopeSql } from './outgoing.policy';
import type { FlowsRepository } from './outgoing-flows.repository';
import type { Audit } from '../../platform/audit/audit.repository';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import type { FlowStep } from './outgoing.schema';

/**
 * Thiết kế luồng công việc (Điều 3.1b): administrators holding admin.flows design, per unit and
 * document type, the ordered approval steps of outgoing drafts; a step's approvers are people,
 * job titles or groups of the unit, approving one for all or all together (co-signing).
 */
export class FlowsService {
  constructor(
    private readonly d: {
      tx: { transaction<T>(fn: () => Promise<T>): Promise<T> };
      repo: FlowsRepository;
      audit: Audit;
    },
  ) {}

  private async toFlow(rows: Record<string, unknown>[]): Promise<TFlow[]> {
    const ids = { user: [] as string[], jobTitle: [] as string[], group: [] as string[] };
    for (const r of rows) for (const s of r.steps as FlowStep[]) for (const a of s.approvers) ids[a.kind].push(a.refId);
    const names = await this.d.repo.approverNames(ids);
    return rows.map((r) => ({
      id: r.id as string,
      unitId: r.unit_id as string,
      unitName: r.unit_name as string,
      documentTypeId: (r.document_type_id as string | null) ?? null,
      documentTypeName: (r.type_name as string | null) ?? null,
      name: r.name as string,
      active: Boolean(r.active),
      steps: (r.steps as FlowStep[]).map((s) => ({
        label: s.label,
        mode: s.mode,
        approvers: s.approvers.map((a) => ({ ...a, name: names.get(`${a.kind}:${a.refId}`) ?? '—' })),
      })),
      updatedAt: iso(r.updated_at) as string,
    }));
  }

  async list(ctx: RequestContext, unitId?: string): Promise<TFlow[]> {
    const actor = authorize(ctx.actor, PERMISSION);
    return this.toFlow(await this.d.repo.list(flowScopeSql(actor), unitId));
  }

  /** Checks the unit (in the actor's scope), the type and every approver. */
  private async check(ctx: RequestContext, input: ReturnType<typeof ZFlowInput.parse>) {
    const unit = await this.d.repo.unit(input.unitId);
    if (!unit) throw new AppError('VALIDATION_FAILED', { field: 'body.unitId' });
    authorize(ctx.actor, PERMISSION, { unitId: unit.id, unitPath: unit.path });
    if (input.documentTypeId && !(await this.d.repo.typeExists(input.documentTypeId)))
      throw new AppError('VALIDATION_FAILED', { field: 'body.documentTypeId' });
    const ids = { user: [] as string[], jobTitle: [] as string[], group: [] as string[] };
    for (const s of input.steps) for (const a of s.approvers) ids[a.kind].push(a.refId);
    const names = await this.d.repo.approverNames(ids);
    for (const [i, s] of input.steps.entries())
      for (const [j, a] of s.approvers.entries())
        if (!names.has(`${a.kind}:${a.refId}`))
          throw new AppError('VALIDATION_FAILED', { field: `body.steps.${i}.approvers.${j}.refId` });
  }

  async create(ctx: RequestContext, body: TFlowInput): Promise<TFlow> {
    const input = ZFlowInput.parse(body);
    const id = uuidv7();
    await this.d.tx.transaction(async () => {
      await this.check(ctx, input);
      await this.d.repo.insert({ id, ...input, steps: input.steps });
      await this.d.repo.deactivateOthers(id, input.unitId, input.documentTypeId);
      await this.d.audit.record(ctx, {
        action: 'outgoing.flow.create',
        entityType: 'approval_flow',
        entityId: id,
        after: input,
      });
    });
    return this.one(id);
  }

  async update(ctx: RequestContext, id: string, body: TFlowInput): Promise<TFlow> {
    const input = ZFlowInput.parse(body);
    await this.d.tx.transaction(async () => {
      const before = await this.d.repo.byId(id);
      if (!before) throw new AppError('NOT_FOUND');
      authorize(
        ctx.actor,
        PERMISSION,
        { unitId: before.unit_id as string, unitPath: before.unit_path as string },
        true,
      );
      await this.check(ctx, input);
      await this.d.repo.update(id, { ...input, steps: input.steps });
      await this.d.repo.deactivateOthers(id, input.unitId, input.documentTypeId);
      await this.d.audit.record(ctx, {
        action: 'outgoing.flow.update',
        entityType: 'approval_flow',
        entityId: id,
        before: { name: before.name, steps: before.steps, documentTypeId: before.document_type_id },
        after: input,
      });
    });
    return this.one(id);
  }

  async deactivate(ctx: RequestContext, id: string): Promise<TFlow> {
    await this.d.tx.transaction(async () => {
      const before = await this.d.repo.byId(id);
      if (!before) throw new AppError('NOT_FOUND');
      authorize(
        ctx.actor,
        PERMISSION,
        { unitId: before.unit_id as string, unitPath: before.unit_path as string },
        true,
      );
      await this.d.repo.setActive(id, false);
      await this.d.audit.record(ctx, {
        action: 'outgoing.flow.deactivate',
        entityType: 'approval_flow',
        entityId: id,
        before: { active: before.active },
        after: { active: false },
      });
    });
    return this.one(id);
  }

  private async one(id: string): Promise<TFlow> {
    const [flow] = await this.toFlow(await this.d.repo.one(id));
    if (!flow) throw new AppError('NOT_FOUND');
    return flow;
  }
}
