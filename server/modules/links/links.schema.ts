import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../../platform/db/columns';
import { users } from '../users/users.schema';

/**
 * Liên kết văn bản (Điều 3.1e): a typed relation between two documents of any kind
 * (incoming | outgoing | internal | archived): `from` replies to / implements / replaces /
 * amends / is related to `to`. Removing a link sets removed_at.
 */
export const documentLinks = pgTable(
  'document_links',
  {
    id: idColumn(),
    fromKind: text('from_kind').notNull(),
    fromId: uuid('from_id').notNull(),
    toKind: text('to_kind').notNull(),
    toId: uuid('to_id').notNull(),
    /** replies_to | implements | replaces | amends | related */
    relation: text('relation').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    removedAt: tstz('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
  },
  (t) => [
    index('document_links_from_idx').on(t.fromKind, t.fromId),
    index('document_links_to_idx').on(t.toKind, t.toId),
  ],
);
