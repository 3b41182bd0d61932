import { bigserial, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../modules/users/users.schema';
import { idColumn, tstz } from '../db/columns';

/** Server-side sessions; the cookie holds a random token whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Every sign-in attempt, by the lower-cased username typed (known or not). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    at: tstz('at').notNull().defaultNow(),
    success: boolean('success').notNull(),
    ip: text('ip'),
  },
  (t) => [index('login_attempts_username_at_idx').on(t.username, t.at)],
);

/**
 * Wrong-password counter per typed username (known or not, so lockout reveals nothing):
 * failures inside the window; at the limit the name is locked until lockedUntil.
 */
export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: tstz('window_started_at').notNull(),
  lockedUntil: tstz('locked_until'),
});
