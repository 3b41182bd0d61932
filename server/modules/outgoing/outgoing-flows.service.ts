import { sql } from 'drizzle-orm';
import { type TFlow, type TFlowInput, ZFlowInput } from '../../../contracts/outgoing';
import type { RequestContext } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import type { Audit } from '../../platform/audit/audit.repository';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import type { FlowStep } from './outgoing.schema';

const PERMISSION = 'admin.flows';

/** SQL of approval flows. */
export class FlowsRepository {
  constructor(private readonly db: Database) {}

  async list(unitIds: readonly string[] | null) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT f.*, un.name AS unit_name, un.path AS unit_path, dt.name AS type_name
      FROM approval_flows f JOIN units un ON un.id = f.unit_id
      LEFT JOIN document_types dt ON dt.id = f.document_type_id
      ${unitIds ? sql`WHERE f.unit_id = ANY(${uuidArray(unitIds)})` : sql``}
      ORDER BY un.sort_order, un.name, f.active DESC, dt.sort_order NULLS FIRST, f.name`);
  }

  async byId(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT f.*, un.path AS unit_path FROM approval_flows f JOIN units un ON un.id = f.unit_id
      WHERE f.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  async unit(id: string) {
    const rows = await this.db.rows<{ id: string; path: string }>(sql`
      SELECT id, path FROM units WHERE id = ${id}::uuid AND active`);
    return rows[0] ?? null;
  }

  async typeExists(id: string): Promise<boolean> {
    const rows = await this.db.rows(sql`SELECT 1 FROM document_types WHERE id = ${id}::uuid AND active`);
    return rows.length > 0;
  }

  /** Names of approvers by kind; missing ids are absent from the map. */
  async approverNames(ids: { user: string[]; jobTitle: string[]; group: string[] }) {
    const rows = await this.db.rows<{ kind: string; id: string; name: string }>(sql`
      SELECT 'user' AS kind, id, full_name AS name FROM users WHERE id = ANY(${uuidArray(ids.user)}) AND status = 'active'
      UNION ALL SELECT 'jobTitle', id, name FROM job_titles WHERE id = ANY(${uuidArray(ids.jobTitle)}) AND active
      UNION ALL SELECT 'group', id, name FROM groups WHERE id = ANY(${uuidArray(ids.group)}) AND active`);
    return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.name]));
  }

  async insert(f: { id: string; unitId: string; documentTypeId: string | null; name: string; steps: FlowStep[] }) {
    await this.db.rows(sql`
      INSERT INTO approval_flows (id, unit_id, document_type_id, name, steps)
      VALUES (${f.id}::uuid, ${f.unitId}::uuid, ${f.documentTypeId}::uuid, ${f.name}, ${JSON.stringify(f.steps)}::jsonb)`);
  }

  async update(id: string, f: { unitId: string; documentTypeId: string | null; name: string; steps: FlowStep[] }) {
    await this.db.rows(sql`
      UPDATE approval_flows SET unit_id = ${f.unitId}::uuid, document_type_id = ${f.documentTypeId}::uuid,
        name = ${f.name}, steps = ${JSON.stringify(f.steps)}::jsonb, active = true, updated_at = now()
      WHERE id = ${id}::uuid`);
  }

  /** Deactivates the other active flows of the same unit and type (one applies at a time). */
  async deactivateOthers(id: string, unitId: string, documentTypeId: string | null) {
    await this.db.rows(sql`
      UPDATE approval_flows SET active = false, updated_at = now()
      WHERE id <> ${id}::uuid AND unit_id = ${unitId}::uuid AND active
        AND document_type_id IS NOT DISTINCT FROM ${documentTypeId}::uuid`);
  }

  async setActive(id: string, active: boolean) {
    await this.db.rows(sql`UPDATE approval_flows SET active = ${active}, updated_at = now() WHERE id = ${id}::uuid`);
  }
}

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
    const rows = await this.d.repo.list(unitId ? [unitId] : null);
    const scope = actor.permissions.get(PERMISSION);
    const visible = rows.filter(
      (r) =>
        scope === 'all' ||
        (scope === 'subtree' ? (r.unit_path as string).startsWith(actor.unitPath) : r.unit_id === actor.unitId),
    );
    return this.toFlow(visible);
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
    const rows = (await this.d.repo.list(null)).filter((r) => r.id === id);
    const [flow] = await this.toFlow(rows);
    if (!flow) throw new AppError('NOT_FOUND');
    return flow;
  }
}
