import { sql } from 'drizzle-orm';
import { customType, date, index, pgTable, primaryKey, text, uniqueIndex, uuid, integer } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { documentTypes } from '../catalogs/catalogs.schema';
import { units } from '../org/org.schema';
import { registers } from '../registers/registers.schema';
import { users } from '../users/users.schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Văn bản nội bộ (Điều 3.1c): tờ trình, đề nghị, đề án, thông báo … inside one unit. A type the
 * unit numbers (internal_numbering) takes the next number of its own register for the year.
 */
export const internalDocuments = pgTable(
  'internal_documents',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    registerId: uuid('register_id').references(() => registers.id),
    year: integer('year').notNull(),
    number: integer('number'),
    codeNotation: text('code_notation'),
    issuedDate: date('issued_date', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    subjectSearch: tsvector('subject_search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))`),
    content: text('content'),
    signer: text('signer'),
    /** active | cancelled (never deleted) */
    status: text('status').notNull().default('active'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('internal_register_number_key').on(t.registerId, t.number),
    index('internal_unit_date_idx').on(t.unitId, sql`${t.issuedDate} DESC`),
    index('internal_created_by_idx').on(t.createdBy, sql`${t.issuedDate} DESC`),
    index('internal_subject_search_idx').using('gin', t.subjectSearch),
  ],
);

/** Recipients inside the unit, with the first time they opened it. */
export const internalRecipients = pgTable(
  'internal_recipients',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => internalDocuments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    seenAt: tstz('seen_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.documentId] }),
    index('internal_recipients_document_idx').on(t.documentId),
  ],
);

/** Document types a unit numbers in its internal registers (one sequence per type and year). */
export const internalNumbering = pgTable(
  'internal_numbering',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.documentTypeId] })],
);
