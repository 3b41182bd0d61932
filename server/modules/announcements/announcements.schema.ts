import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns';
import { outboxMessages } from '../../platform/notify/notify.schema';
import { units } from '../org/org.schema';
import { users } from '../users/users.schema';

/** Gửi thông báo (Điều 3.2f): a quick announcement with text and files to many people at once. */
export const announcements = pgTable(
  'announcements',
  {
    id: idColumn(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Also sent as SMS to each recipient's registered phone. */
    sms: boolean('sms').notNull().default(false),
    recipientCount: integer('recipient_count').notNull().default(0),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('announcements_sender_idx').on(t.senderId, t.createdAt)],
);

/** Who received an announcement and when they read it (the sender's read receipts; "Tin nhắn mới" counts unread). */
export const announcementRecipients = pgTable(
  'announcement_recipients',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: tstz('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.announcementId] }),
    index('announcement_recipients_announcement_idx').on(t.announcementId),
    index('announcement_recipients_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
  ],
);

/** Every attempt to hand an SMS to the provider, with its result (failures are retried). */
export const smsAttempts = pgTable(
  'sms_attempts',
  {
    id: idColumn(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => outboxMessages.id),
    at: tstz('at').notNull(),
    /** outbox | http */
    provider: text('provider').notNull(),
    ok: boolean('ok').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (t) => [index('sms_attempts_outbox_idx').on(t.outboxId, t.at)],
);
