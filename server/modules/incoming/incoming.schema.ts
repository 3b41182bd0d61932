import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { documentTypes, issuingOrgans } from '../catalogs/catalogs.schema';
import { units } from '../org/org.schema';
import { registers } from '../registers/registers.schema';
import { users } from '../users/users.schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Incoming documents (văn bản đến). `unitPath` copies the unit's path so scopes are one index
 * condition; `pinRank` is the urgency rank while the document is open (0 once it is closed), so
 * "urgent first" lists walk one index. `subjectSearch` holds the subject without diacritics.
 */
export const incomingDocuments = pgTable(
  'incoming_documents',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    registerId: uuid('register_id')
      .notNull()
      .references(() => registers.id),
    year: integer('year').notNull(),
    arrivalNumber: integer('arrival_number').notNull(),
    arrivalAt: tstz('arrival_at').notNull(),
    issuingOrganId: uuid('issuing_organ_id').references(() => issuingOrgans.id),
    issuingOrganName: text('issuing_organ_name').notNull(),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    codeNumber: text('code_number'),
    codeNotation: text('code_notation'),
    /** `602/QĐ-PGDĐT` upper case without spaces, for duplicates and code search. */
    codeKey: text('code_key'),
    issuedDate: date('issued_date', { mode: 'string' }),
    signer: text('signer'),
    subject: text('subject').notNull(),
    subjectSearch: tsvector('subject_search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))`),
    pageCount: integer('page_count'),
    confidentialityCode: text('confidentiality_code'),
    /** Mật and above: visible only to the people named on it (incoming_access). */
    confidential: boolean('confidential').notNull().default(false),
    urgencyCode: text('urgency_code'),
    urgencyRank: integer('urgency_rank').notNull().default(0),
    pinRank: integer('pin_rank').notNull().default(0),
    fieldId: uuid('field_id'),
    dueDate: date('due_date', { mode: 'string' }),
    notes: text('notes'),
    status: text('status').notNull().default('new'),
    direction: text('direction'),
    directedBy: uuid('directed_by').references(() => users.id),
    directedAt: tstz('directed_at'),
    leadUserId: uuid('lead_user_id').references(() => users.id),
    result: text('result'),
    replyCode: text('reply_code'),
    completedAt: tstz('completed_at'),
    cancelReason: text('cancel_reason'),
    /** The delivery of another unit's outgoing document this was registered from (exchange). */
    deliveryId: uuid('delivery_id'),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('incoming_register_number_key').on(t.registerId, t.arrivalNumber),
    index('incoming_priority_idx').on(sql`${t.pinRank} DESC`, sql`${t.arrivalAt} DESC`, t.id),
    index('incoming_unit_arrival_idx').on(t.unitId, sql`${t.arrivalAt} DESC`),
    index('incoming_unit_status_idx').on(t.unitId, t.status),
    index('incoming_arrival_idx').on(sql`${t.arrivalAt} DESC`),
    index('incoming_code_idx').on(t.codeKey),
    index('incoming_organ_idx').on(t.issuingOrganId),
    index('incoming_created_by_idx').on(t.createdBy, sql`${t.arrivalAt} DESC`),
    index('incoming_unit_path_idx').on(sql`${t.unitPath} text_pattern_ops`),
    index('incoming_subject_search_idx').using('gin', t.subjectSearch),
    index('incoming_open_due_idx').on(t.dueDate).where(sql`${t.status} = 'in_progress'`),
  ],
);

/**
 * Who has been given a document (presented, forwarded, assigned, asked for an opinion), with the
 * first time they opened it. Confidential documents and documents sent across units are visible
 * through this table; the "Văn bản đến chưa xem" badge counts rows without seen_at.
 */
export const incomingAccess = pgTable(
  'incoming_access',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    seenAt: tstz('seen_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.documentId] }),
    index('incoming_access_document_idx').on(t.documentId),
    index('incoming_access_unseen_idx').on(t.userId).where(sql`${t.seenAt} IS NULL`),
  ],
);

/** Each person's part in a document: director (asked to direct), lead, co-handler, for information. */
export const incomingAssignments = pgTable(
  'incoming_assignments',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    state: text('state').notNull().default('pending'),
    dueDate: date('due_date', { mode: 'string' }),
    progress: integer('progress').notNull().default(0),
    result: text('result'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    /** The assignment this one was passed on from (a unit head's re-assignment). */
    parentId: uuid('parent_id'),
    completedAt: tstz('completed_at'),
    ...timestamps(),
  },
  (t) => [
    index('incoming_assignments_user_idx').on(t.userId, t.state, t.role),
    index('incoming_assignments_document_idx').on(t.documentId),
    index('incoming_assignments_open_due_idx')
      .on(t.dueDate)
      .where(sql`${t.state} IN ('pending','in_progress') AND ${t.role} IN ('lead','co')`),
  ],
);

/** The trail (who did what, when, on whose behalf). `targets`: [{name, role, dueDate}]. */
export const incomingSteps = pgTable(
  'incoming_steps',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    action: text('action').notNull(),
    comment: text('comment'),
    targets: jsonb('targets')
      .$type<{ name: string; role: string | null; dueDate: string | null }[]>()
      .notNull()
      .default([]),
  },
  (t) => [index('incoming_steps_document_idx').on(t.documentId, t.at)],
);

/** Opinions (ý kiến) on a document, possibly answering a request; files through attachments. */
export const incomingOpinions = pgTable(
  'incoming_opinions',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    body: text('body').notNull(),
    requestId: uuid('request_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('incoming_opinions_document_idx').on(t.documentId, t.createdAt)],
);

/** Phiếu xin ý kiến: a question to a person; the "Ý kiến" badge counts the unanswered ones. */
export const incomingOpinionRequests = pgTable(
  'incoming_opinion_requests',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    answeredAt: tstz('answered_at'),
  },
  (t) => [
    index('incoming_opinion_requests_document_idx').on(t.documentId),
    index('incoming_opinion_requests_open_idx').on(t.userId).where(sql`${t.answeredAt} IS NULL`),
  ],
);
