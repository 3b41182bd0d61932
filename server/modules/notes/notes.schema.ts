import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { users } from '../users/users.schema';

/** Tích kê điện tử: a user's own sticky notes (Điều 3.2d). Removed notes keep their row. */
export const stickyNotes = pgTable(
  'sticky_notes',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    /** yellow | green | blue | pink | purple | orange */
    color: text('color').notNull().default('yellow'),
    pinned: boolean('pinned').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    remindAt: tstz('remind_at'),
    remindedAt: tstz('reminded_at'),
    deletedAt: tstz('deleted_at'),
    ...timestamps(),
  },
  (t) => [index('sticky_notes_user_idx').on(t.userId, t.pinned, t.sortOrder)],
);
