import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns';

/** Append-only audit trail; a trigger (migration) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    onBehalfOfId: uuid('on_behalf_of_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);
