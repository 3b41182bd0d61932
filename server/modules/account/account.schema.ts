import { index, jsonb, pgTable, text, uuid, date } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns';
import { users } from '../users/users.schema';

/**
 * A user's proposal to change their job title, unit, address or phone (Điều 3.5a), approved
 * or rejected by an administrator (Điều 3.7f).
 */
export const profileChangeRequests = pgTable(
  'profile_change_requests',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The proposed values: { jobTitleId?, unitId?, address?, phone? }. */
    changes: jsonb('changes').$type<Record<string, string | null>>().notNull(),
    reason: text('reason'),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('profile_change_requests_status_idx').on(t.status, t.createdAt),
    index('profile_change_requests_user_idx').on(t.userId),
  ],
);

/** Ủy quyền: a user delegates their processing rights to another user for a date range. */
export const delegations = pgTable(
  'delegations',
  {
    id: idColumn(),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    note: text('note'),
    revokedAt: tstz('revoked_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('delegations_to_idx').on(t.toUserId, t.startsOn), index('delegations_from_idx').on(t.fromUserId)],
);
