import type { Database } from '../db/database';
import { auditLog } from './audit.schema';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log, inside the caller's transaction when there is one. */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async append(entry: AuditEntry & { actorId: string | null; onBehalfOfId?: string | null; ip: string | null }) {
    await this.db.q.insert(auditLog).values({
      actorId: entry.actorId,
      onBehalfOfId: entry.onBehalfOfId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ip: entry.ip,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }
}

/**
 * Records what an actor did; call it inside the transaction of the change. Under a delegation
 * the real person is the actor and the delegator goes to on_behalf_of_id ("X thay Y").
 */
export class Audit {
  constructor(private readonly repo: AuditRepository) {}

  record(
    ctx: { actor: { userId: string; onBehalfOf?: { userId: string } | null } | null; ip: string | null },
    entry: AuditEntry,
  ): Promise<void> {
    return this.repo.append({
      ...entry,
      actorId: ctx.actor?.userId ?? null,
      onBehalfOfId: ctx.actor?.onBehalfOf?.userId ?? null,
      ip: ctx.ip,
    });
  }
}
