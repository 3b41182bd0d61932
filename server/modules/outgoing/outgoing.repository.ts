import { sql } from 'drizzle-orm';
import type { TOutgoingAction, TOutgoingStatus } from '../../../contracts/outgoing';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { type DocumentReferences, documentReferencesSql, type ReferenceRow } from '../catalogs/document-references';
import { uuidv7 } from '../../platform/db/ids';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';
import type { FlowApprover, FlowStep } from './outgoing.schema';

/** The facts of an outgoing document the policy and the flow need. */
export interface OutgoingCore {
  id: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  unitShortName: string;
  status: TOutgoingStatus;
  confidential: boolean;
  documentTypeId: string;
  typeName: string;
  typeAbbreviation: string | null;
  subject: string;
  draftingCode: string | null;
  signerId: string | null;
  signerName: string | null;
  signerPosition: string | null;
  steps: FlowStep[];
  currentStep: number;
  round: number;
  versionCount: number;
  codeNumber: number | null;
  codeNotation: string | null;
  year: number | null;
  issuedDate: string | null;
  issuedBy: string | null;
  signedAt: string | null;
  replacesId: string | null;
  replacedById: string | null;
  replyToIncomingId: string | null;
  createdBy: string;
}

export interface ReviewRow {
  id: string;
  userId: string;
  stepIndex: number;
  round: number;
  state: 'pending' | 'approved' | 'returned' | 'skipped';
}

/** Columns of a new draft (and of a replacement). */
export interface NewDraft {
  id: string;
  unitId: string;
  unitPath: string;
  documentTypeId: string;
  subject: string;
  summary: string | null;
  draftingCode: string | null;
  pageCount: number | null;
  copies: number | null;
  confidentialityCode: string | null;
  confidential: boolean;
  urgencyCode: string | null;
  urgencyRank: number;
  fieldId: string | null;
  dueDate: string | null;
  signerPrefix: string | null;
  signerId: string | null;
  recipientsText: string | null;
  fileCopyTo: string | null;
  notes: string | null;
  replacesId: string | null;
  replyToIncomingId: string | null;
  createdBy: string;
}

function toCore(r: Record<string, unknown>): OutgoingCore {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    unitPath: r.unit_path as string,
    unitName: r.unit_name as string,
    unitShortName: r.unit_short_name as string,
    status: r.status as TOutgoingStatus,
    confidential: Boolean(r.confidential),
    documentTypeId: r.document_type_id as string,
    typeName: r.type_name as string,
    typeAbbreviation: (r.type_abbreviation as string | null) ?? null,
    subject: r.subject as string,
    draftingCode: (r.drafting_code as string | null) ?? null,
    signerId: (r.signer_id as string | null) ?? null,
    signerName: (r.signer_name as string | null) ?? null,
    signerPosition: (r.signer_position as string | null) ?? null,
    steps: (r.steps as FlowStep[]) ?? [],
    currentStep: Number(r.current_step),
    round: Number(r.round),
    versionCount: Number(r.version_count),
    codeNumber: r.code_number === null ? null : Number(r.code_number),
    codeNotation: (r.code_notation as string | null) ?? null,
    year: r.year === null ? null : Number(r.year),
    issuedDate: day(r.issued_date),
    issuedBy: (r.issued_by as string | null) ?? null,
    signedAt: iso(r.signed_at),
    replacesId: (r.replaces_id as string | null) ?? null,
    replacedById: (r.replaced_by_id as string | null) ?? null,
    replyToIncomingId: (r.reply_to_incoming_id as string | null) ?? null,
    createdBy: r.created_by as string,
  };
}

/** SQL of outgoing documents that writes or reads one document; lists are in outgoing-lists.repository.ts. */
export class OutgoingRepository {
  constructor(private readonly db: Database) {}

  async core(id: string, lock = false): Promise<OutgoingCore | null> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.*, un.name AS unit_name, un.short_name AS unit_short_name,
        dt.name AS type_name, dt.abbreviation AS type_abbreviation
      FROM outgoing_documents d
      JOIN units un ON un.id = d.unit_id
      JOIN document_types dt ON dt.id = d.document_type_id
      WHERE d.id = ${id}::uuid
      ${lock ? sql`FOR UPDATE OF d` : sql``}`);
    return rows[0] ? toCore(rows[0]) : null;
  }

  async insert(doc: NewDraft): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO outgoing_documents (id, unit_id, unit_path, document_type_id, subject, summary, drafting_code,
        page_count, copies, confidentiality_code, confidential, urgency_code, urgency_rank, field_id, due_date,
        signer_prefix, signer_id, recipients_text, file_copy_to, notes, replaces_id, reply_to_incoming_id,
        status, created_by)
      VALUES (${doc.id}::uuid, ${doc.unitId}::uuid, ${doc.unitPath}, ${doc.documentTypeId}::uuid, ${doc.subject},
        ${doc.summary}, ${doc.draftingCode}, ${doc.pageCount}, ${doc.copies}, ${doc.confidentialityCode},
        ${doc.confidential}, ${doc.urgencyCode}, ${doc.urgencyRank}, ${doc.fieldId}::uuid, ${doc.dueDate}::date,
        ${doc.signerPrefix}, ${doc.signerId}::uuid, ${doc.recipientsText}, ${doc.fileCopyTo}, ${doc.notes},
        ${doc.replacesId}::uuid, ${doc.replyToIncomingId}::uuid, 'draft', ${doc.createdBy}::uuid)`);
  }

  /** Sets columns (snake_case names from a fixed list in the services). */
  async update(id: string, values: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(values);
    if (entries.length === 0) return;
    const sets = entries.map(([col, v]) => {
      if (col === 'steps') return sql`steps = ${JSON.stringify(v)}::jsonb`;
      if (v instanceof Date) return sql`${sql.raw(col)} = ${v.toISOString()}::timestamptz`;
      if (['issued_date', 'due_date'].includes(col)) return sql`${sql.raw(col)} = ${v as string | null}::date`;
      if (
        ['signer_id', 'field_id', 'register_id', 'issued_by', 'flow_id', 'replaced_by_id', 'document_type_id'].includes(
          col,
        )
      )
        return sql`${sql.raw(col)} = ${v as string | null}::uuid`;
      return sql`${sql.raw(col)} = ${v as string | number | boolean | null}`;
    });
    await this.db.rows(sql`
      UPDATE outgoing_documents SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE id = ${id}::uuid`);
  }

  /** The editable metadata as the update contract names it (audit "before"). */
  async editable(id: string): Promise<Record<string, unknown>> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT document_type_id AS "documentTypeId", subject, summary, drafting_code AS "draftingCode",
        page_count AS "pageCount", copies, confidentiality_code AS "confidentialityCode",
        urgency_code AS "urgencyCode", field_id AS "fieldId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
        signer_prefix AS "signerPrefix", signer_id AS "signerId", recipients_text AS "recipientsText",
        file_copy_to AS "fileCopyTo", notes
      FROM outgoing_documents WHERE id = ${id}::uuid`);
    return rows[0] ?? {};
  }

  /** Adds the next version; returns its number (the document row is locked by the caller). */
  async addVersion(
    documentId: string,
    note: string | null,
    createdBy: string,
  ): Promise<{ id: string; number: number }> {
    const id = uuidv7();
    const rows = await this.db.rows<{ n: number }>(sql`
      UPDATE outgoing_documents SET version_count = version_count + 1, updated_at = now()
      WHERE id = ${documentId}::uuid RETURNING version_count AS n`);
    const number = Number(rows[0].n);
    await this.db.rows(sql`
      INSERT INTO outgoing_versions (id, document_id, number, note, created_by)
      VALUES (${id}::uuid, ${documentId}::uuid, ${number}, ${note}, ${createdBy}::uuid)`);
    return { id, number };
  }

  async versions(documentId: string) {
    return this.db.rows<{ id: string; number: number; note: string | null; created_by: string; created_at: string }>(
      sql`
      SELECT v.id, v.number, v.note, u.full_name AS created_by, v.created_at
      FROM outgoing_versions v JOIN users u ON u.id = v.created_by
      WHERE v.document_id = ${documentId}::uuid ORDER BY v.number`,
    );
  }

  async addStep(s: {
    documentId: string;
    at: Date;
    actorId: string;
    onBehalfOfId: string | null;
    action: TOutgoingAction;
    comment: string | null;
    version?: number | null;
  }): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO outgoing_steps (id, document_id, at, actor_id, on_behalf_of_id, action, comment, version)
      VALUES (${uuidv7()}::uuid, ${s.documentId}::uuid, ${s.at.toISOString()}::timestamptz, ${s.actorId}::uuid,
        ${s.onBehalfOfId}::uuid, ${s.action}, ${s.comment}, ${s.version ?? null})`);
  }

  async trail(documentId: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT s.id, s.at, s.action, a.full_name AS actor, b.full_name AS on_behalf_of, s.comment, s.version
      FROM outgoing_steps s JOIN users a ON a.id = s.actor_id LEFT JOIN users b ON b.id = s.on_behalf_of_id
      WHERE s.document_id = ${documentId}::uuid ORDER BY s.at, s.id`);
    return rows.map((r) => ({
      id: r.id as string,
      at: iso(r.at) as string,
      action: r.action as TOutgoingAction,
      actor: r.actor as string,
      onBehalfOf: (r.on_behalf_of as string | null) ?? null,
      comment: (r.comment as string | null) ?? null,
      version: r.version === null ? null : Number(r.version),
    }));
  }

  // ── Reviews ────────────────────────────────────────────────────────────────

  async reviews(documentId: string, round: number, lock = false): Promise<ReviewRow[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT id, user_id, step_index, round, state FROM outgoing_reviews
      WHERE document_id = ${documentId}::uuid AND round = ${round}
      ORDER BY step_index, created_at ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      stepIndex: Number(r.step_index),
      round: Number(r.round),
      state: r.state as ReviewRow['state'],
    }));
  }

  /** Reviews of a round with the reviewers' names, for the detail. */
  async reviewsDetail(documentId: string, round: number) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT r.step_index, r.state, r.comment, r.acted_at, u.id AS user_id, u.full_name,
        jt.name AS job_title, un.name AS unit_name
      FROM outgoing_reviews r JOIN users u ON u.id = r.user_id JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE r.document_id = ${documentId}::uuid AND r.round = ${round}
      ORDER BY r.step_index, r.created_at`);
  }

  async addReviews(documentId: string, round: number, stepIndex: number, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.rows(sql`
      INSERT INTO outgoing_reviews (id, document_id, round, step_index, user_id, state)
      SELECT gen_random_uuid(), ${documentId}::uuid, ${round}, ${stepIndex}, u, 'pending'
      FROM unnest(${uuidArray(userIds)}) AS u`);
  }

  async setReview(id: string, state: ReviewRow['state'], comment: string | null, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE outgoing_reviews SET state = ${state}, comment = ${comment}, acted_at = ${at.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  /** Closes the other pending reviews of a document (one approver was enough, or it was returned). */
  async skipPending(documentId: string, at: Date): Promise<string[]> {
    const rows = await this.db.rows<{ user_id: string }>(sql`
      UPDATE outgoing_reviews SET state = 'skipped', acted_at = ${at.toISOString()}::timestamptz
      WHERE document_id = ${documentId}::uuid AND state = 'pending' RETURNING user_id`);
    return rows.map((r) => r.user_id);
  }

  // ── Flows and people ───────────────────────────────────────────────────────

  /** The active flow for a unit and type: the type's own, else the unit's default (type null). */
  async flowFor(unitId: string, documentTypeId: string) {
    const rows = await this.db.rows<{ id: string; steps: FlowStep[] }>(sql`
      SELECT id, steps FROM approval_flows
      WHERE unit_id = ${unitId}::uuid AND active
        AND (document_type_id = ${documentTypeId}::uuid OR document_type_id IS NULL)
      ORDER BY document_type_id NULLS LAST, updated_at DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  /** Types with an active flow in the unit (null: the default flow). */
  async flowTypeIds(unitId: string): Promise<(string | null)[]> {
    const rows = await this.db.rows<{ document_type_id: string | null }>(sql`
      SELECT DISTINCT document_type_id FROM approval_flows WHERE unit_id = ${unitId}::uuid AND active`);
    return rows.map((r) => r.document_type_id);
  }

  /**
   * The people who act for approvers of a step: a person (if active), the active users of the
   * unit with a job title, or the active members of a group in the unit.
   */
  async resolveApprovers(unitId: string, approvers: readonly FlowApprover[]): Promise<string[]> {
    const ids = (kind: FlowApprover['kind']) => approvers.filter((a) => a.kind === kind).map((a) => a.refId);
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT DISTINCT u.id FROM users u
      WHERE u.status = 'active' AND (
        u.id = ANY(${uuidArray(ids('user'))})
        OR (u.unit_id = ${unitId}::uuid AND u.job_title_id = ANY(${uuidArray(ids('jobTitle'))}))
        OR (u.unit_id = ${unitId}::uuid AND EXISTS (
              SELECT 1 FROM user_groups ug JOIN groups g ON g.id = ug.group_id
              WHERE ug.user_id = u.id AND g.active AND ug.group_id = ANY(${uuidArray(ids('group'))}))))`);
    return rows.map((r) => r.id);
  }

  /** An active person with their unit, job title and whether they are in `unitId`. */
  async person(id: string) {
    const rows = await this.db.rows<{ id: string; full_name: string; unit_id: string; job_title: string | null }>(sql`
      SELECT u.id, u.full_name, u.unit_id, jt.name AS job_title
      FROM users u LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE u.id = ${id}::uuid AND u.status = 'active'`);
    return rows[0] ?? null;
  }

  /** Active users among these ids who belong to the unit. */
  async membersOf(unitId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM users WHERE id = ANY(${uuidArray(ids)}) AND unit_id = ${unitId}::uuid AND status = 'active'`);
    return rows.map((r) => r.id);
  }

  /** Active holders of a permission in a unit (its clerks). */
  async holdersIn(unitId: string, permission: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT u.id FROM users u
      WHERE u.unit_id = ${unitId}::uuid AND u.status = 'active'
        AND EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
                    JOIN groups g ON g.id = ug.group_id
                    WHERE ug.user_id = u.id AND g.active AND gp.permission = ${permission})`);
    return rows.map((r) => r.id);
  }

  async unit(unitId: string) {
    const rows = await this.db.rows<{ id: string; path: string; name: string; short_name: string }>(sql`
      SELECT id, path, name, short_name FROM units WHERE id = ${unitId}::uuid`);
    return rows[0] ?? null;
  }

  /** Reference checks of a draft: type, levels, field. */
  async references(input: DocumentReferences): Promise<ReferenceRow> {
    const rows = await this.db.rows<ReferenceRow>(documentReferencesSql(input));
    return rows[0];
  }

  /** The drafting code and signer this person used on their last draft. */
  async lastUsed(userId: string) {
    const rows = await this.db.rows<{ drafting_code: string | null; signer_id: string | null }>(sql`
      SELECT drafting_code, signer_id FROM outgoing_documents WHERE created_by = ${userId}::uuid
      ORDER BY created_at DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  // ── Access (for information) ───────────────────────────────────────────────

  /** Replaces the people given the document for information (before it is issued). */
  async setInfoUsers(documentId: string, userIds: readonly string[]): Promise<void> {
    await this.db.rows(sql`
      DELETE FROM outgoing_access WHERE document_id = ${documentId}::uuid
        AND NOT (user_id = ANY(${uuidArray(userIds)}))`);
    if (userIds.length === 0) return;
    await this.db.rows(sql`
      INSERT INTO outgoing_access (document_id, user_id)
      SELECT ${documentId}::uuid, u FROM unnest(${uuidArray(userIds)}) AS u
      ON CONFLICT DO NOTHING`);
  }

  async infoUserIds(documentId: string): Promise<string[]> {
    const rows = await this.db.rows<{ user_id: string }>(sql`
      SELECT user_id FROM outgoing_access WHERE document_id = ${documentId}::uuid`);
    return rows.map((r) => r.user_id);
  }

  async infoUsers(documentId: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT u.id AS user_id, u.full_name, jt.name AS job_title, un.name AS unit_name, a.seen_at
      FROM outgoing_access a JOIN users u ON u.id = a.user_id JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE a.document_id = ${documentId}::uuid ORDER BY u.sort_key`);
  }

  /** Records the first view of an info recipient; true when this was it. */
  async markSeen(documentId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db.rows<{ user_id: string }>(sql`
      UPDATE outgoing_access SET seen_at = ${at.toISOString()}::timestamptz
      WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid AND seen_at IS NULL
      RETURNING user_id`);
    return rows.length > 0;
  }

  async isReviewer(documentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.rows<{ x: number }>(sql`
      SELECT 1 AS x FROM outgoing_reviews WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid LIMIT 1`);
    return rows.length > 0;
  }

  async hasAccess(documentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.rows<{ x: number }>(sql`
      SELECT 1 AS x FROM outgoing_access WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid`);
    return rows.length > 0;
  }

  /** Code and subject of documents (for the replaces / replaced-by / reply-to references). */
  async refs(outgoingIds: readonly string[], incomingIds: readonly string[]) {
    const out = outgoingIds.length
      ? await this.db.rows<{
          id: string;
          code_number: number | null;
          code_notation: string | null;
          subject: string;
        }>(sql`
          SELECT id, code_number, code_notation, subject FROM outgoing_documents WHERE id = ANY(${uuidArray(outgoingIds)})`)
      : [];
    const inc = incomingIds.length
      ? await this.db.rows<{
          id: string;
          code_number: string | null;
          code_notation: string | null;
          subject: string;
        }>(sql`
          SELECT id, code_number, code_notation, subject FROM incoming_documents WHERE id = ANY(${uuidArray(incomingIds)})`)
      : [];
    return { out, inc };
  }

  /** True when some recipient has not been sent the document yet. */
  async hasUnsent(documentId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM document_deliveries WHERE outgoing_id = ${documentId}::uuid AND sent_at IS NULL LIMIT 1`);
    return rows.length > 0;
  }
}
