import { bigint, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../modules/users/users.schema';
import { idColumn, tstz } from '../db/columns';

/**
 * Uploaded files: one row per upload (its name and who sent it); the content is stored once
 * on the FileStore under its SHA-256, however many rows share it.
 */
export const files = pgTable(
  'files',
  {
    id: idColumn(),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    /** Type found from the content (pdf, docx, xlsx, doc, xls, jpg, png, tif). */
    ext: text('ext').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('files_sha256_idx').on(t.sha256), index('files_uploader_idx').on(t.uploadedBy, t.createdAt)],
);

/**
 * Files attached to a record of a module (`ownerType`: incoming, incoming-opinion, …). Removing
 * an attachment sets removed_at; nothing is deleted.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    sortOrder: integer('sort_order').notNull().default(0),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    removedAt: tstz('removed_at'),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId), index('attachments_file_idx').on(t.fileId)],
);
