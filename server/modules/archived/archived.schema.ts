import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { documentTypes } from '../catalogs/catalogs.schema';
import { units } from '../org/org.schema';
import { users } from '../users/users.schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Văn bản lưu (Điều 3.1d, 4.1): documents that are neither incoming nor outgoing but support the
 * unit's work (laws, circulars, forms …), with metadata and files. Removed ones keep their row.
 */
export const archivedDocuments = pgTable(
  'archived_documents',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    documentTypeId: uuid('document_type_id').references(() => documentTypes.id),
    codeNumber: text('code_number'),
    codeNotation: text('code_notation'),
    codeKey: text('code_key'),
    issuedDate: date('issued_date', { mode: 'string' }),
    issuingOrganName: text('issuing_organ_name'),
    signer: text('signer'),
    subject: text('subject').notNull(),
    subjectSearch: tsvector('subject_search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))`),
    fieldId: uuid('field_id'),
    notes: text('notes'),
    /** Shared with the units below (a district's circulars for its schools). */
    shareWithSubunits: boolean('share_with_subunits').notNull().default(false),
    removedAt: tstz('removed_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('archived_unit_idx').on(t.unitId, sql`${t.createdAt} DESC`),
    index('archived_unit_path_idx').on(sql`${t.unitPath} text_pattern_ops`),
    index('archived_code_idx').on(t.codeKey),
    index('archived_subject_search_idx').using('gin', t.subjectSearch),
  ],
);

/** A person's use of archived documents: pinned ones and how often they opened each ("hay dùng"). */
export const archivedUses = pgTable(
  'archived_uses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => archivedDocuments.id),
    pinned: boolean('pinned').notNull().default(false),
    openCount: integer('open_count').notNull().default(0),
    lastOpenedAt: tstz('last_opened_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.documentId] })],
);
