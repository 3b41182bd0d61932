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
import { documentTypes } from '../catalogs/catalogs.schema';
import { units } from '../org/org.schema';
import { registers } from '../registers/registers.schema';
import { users } from '../users/users.schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One approver of a step of an approval flow: a person, anyone with a job title, or a group's members. */
export interface FlowApprover {
  kind: 'user' | 'jobTitle' | 'group';
  refId: string;
}
/** A step: its approvers act in parallel; `all` = every one must approve (co-signing), `any` = one is enough. */
export interface FlowStep {
  label: string;
  approvers: FlowApprover[];
  mode: 'all' | 'any';
}

/**
 * Thiết kế luồng công việc: the approval path of outgoing drafts of a unit, for one document type
 * or (documentTypeId null) for every type without its own. The last step is the signer.
 */
export const approvalFlows = pgTable(
  'approval_flows',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    documentTypeId: uuid('document_type_id').references(() => documentTypes.id),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<FlowStep[]>().notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('approval_flows_unit_idx').on(t.unitId, t.documentTypeId)],
);

/**
 * Outgoing documents (văn bản đi), from the first draft to the issued, registered document.
 * Status: draft → in_review → (returned → in_review …) → signed → issued; recalled or cancelled.
 * `codeNumber` and the register come when the clerk issues it; `finalVersion` freezes its files.
 */
export const outgoingDocuments = pgTable(
  'outgoing_documents',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    subject: text('subject').notNull(),
    subjectSearch: tsvector('subject_search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, f_unaccent(lower(subject)))`),
    summary: text('summary'),
    /** The drafting department's code in the notation (`16/PGDĐT-TCCB`), optional. */
    draftingCode: text('drafting_code'),
    language: text('language').notNull().default('vi'),
    pageCount: integer('page_count'),
    copies: integer('copies'),
    confidentialityCode: text('confidentiality_code'),
    confidential: boolean('confidential').notNull().default(false),
    urgencyCode: text('urgency_code'),
    urgencyRank: integer('urgency_rank').notNull().default(0),
    fieldId: uuid('field_id'),
    /** Due date asked of the recipients (edXML DueDate). */
    dueDate: date('due_date', { mode: 'string' }),
    /** Signing authority prefix: TM., Q., KT., TL., TUQ. */
    signerPrefix: text('signer_prefix'),
    signerId: uuid('signer_id').references(() => users.id),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    /** "Nơi nhận" as printed at the foot of the document (free text for the register). */
    recipientsText: text('recipients_text'),
    /** Where the file copy is kept (Đơn vị, người nhận bản lưu). */
    fileCopyTo: text('file_copy_to'),
    notes: text('notes'),
    status: text('status').notNull().default('draft'),
    flowId: uuid('flow_id').references(() => approvalFlows.id),
    /** The approval steps of this round, copied from the flow (or the chosen signer) on submit. */
    steps: jsonb('steps').$type<FlowStep[]>().notNull().default([]),
    currentStep: integer('current_step').notNull().default(0),
    round: integer('round').notNull().default(0),
    versionCount: integer('version_count').notNull().default(0),
    finalVersion: integer('final_version'),
    registerId: uuid('register_id').references(() => registers.id),
    year: integer('year'),
    codeNumber: integer('code_number'),
    codeNotation: text('code_notation'),
    /** `15/QĐ-PGDĐT` as written, upper case without spaces; for search and links. */
    codeKey: text('code_key'),
    issuedDate: date('issued_date', { mode: 'string' }),
    issuedAt: tstz('issued_at'),
    issuedBy: uuid('issued_by').references(() => users.id),
    signedAt: tstz('signed_at'),
    recalledAt: tstz('recalled_at'),
    recallReason: text('recall_reason'),
    /** This document replaces that one (issued as its replacement). */
    replacesId: uuid('replaces_id'),
    replacedById: uuid('replaced_by_id'),
    /** Drafted as the reply to this incoming document; issuing it closes the drafter's part. */
    replyToIncomingId: uuid('reply_to_incoming_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('outgoing_register_number_key').on(t.registerId, t.codeNumber),
    index('outgoing_unit_status_idx').on(t.unitId, t.status),
    index('outgoing_unit_issued_idx').on(t.unitId, sql`${t.issuedAt} DESC`),
    index('outgoing_created_by_idx').on(t.createdBy, sql`${t.updatedAt} DESC`),
    index('outgoing_unit_path_idx').on(sql`${t.unitPath} text_pattern_ops`),
    index('outgoing_code_idx').on(t.codeKey),
    index('outgoing_subject_search_idx').using('gin', t.subjectSearch),
  ],
);

/** Versions of a draft (files attached to the version, owner type `outgoing-version`). */
export const outgoingVersions = pgTable(
  'outgoing_versions',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    number: integer('number').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outgoing_versions_number_key').on(t.documentId, t.number)],
);

/**
 * One reviewer's part in a round of approval: the reviewers of the current step have `pending`
 * rows (their "Chờ duyệt" box); approve, return, or edit (a new version) closes or keeps them.
 */
export const outgoingReviews = pgTable(
  'outgoing_reviews',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    round: integer('round').notNull(),
    stepIndex: integer('step_index').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** pending | approved | returned | skipped */
    state: text('state').notNull().default('pending'),
    comment: text('comment'),
    actedAt: tstz('acted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('outgoing_reviews_user_idx').on(t.userId, t.state),
    index('outgoing_reviews_document_idx').on(t.documentId, t.round, t.stepIndex),
  ],
);

/** The trail of a document: drafted, submitted, approved, returned, new version, signed, issued, sent, recalled. */
export const outgoingSteps = pgTable(
  'outgoing_steps',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    action: text('action').notNull(),
    comment: text('comment'),
    version: integer('version'),
  },
  (t) => [index('outgoing_steps_document_idx').on(t.documentId, t.at)],
);

/**
 * People inside the unit given an issued document for information (its "Văn bản đi chưa xem"
 * badge counts rows without seen_at); confidential documents are visible only through this table,
 * the drafter, reviewers and the clerk.
 */
export const outgoingAccess = pgTable(
  'outgoing_access',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    seenAt: tstz('seen_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.documentId] }),
    index('outgoing_access_document_idx').on(t.documentId),
    index('outgoing_access_unseen_idx').on(t.userId).where(sql`${t.seenAt} IS NULL`),
  ],
);
