import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../modules/users/users.schema';
import { idColumn, tstz } from '../db/columns';

/** In-app notifications: pushed in real time and kept, so nothing is lost while offline. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** What it is about, e.g. incoming.assigned, incoming.dueSoon, incoming.overdue. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** Reminders carry a key so that a user gets each one once, whatever retries or instances do. */
    dedupeKey: text('dedupe_key'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    readAt: tstz('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} IS NOT NULL`),
  ],
);

/**
 * Messages for other channels (SMS, email) chosen in the user's settings. The outbox is read by
 * the sender (the SMS gateway of the settings, or other software when the provider is `outbox`).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: idColumn(),
    channel: text('channel').notNull(),
    userId: uuid('user_id').references(() => users.id),
    address: text('address').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.channel, t.createdAt).where(sql`${t.status} = 'pending'`)],
);
