import { type SQL, sql } from 'drizzle-orm';
import type { TAssignmentRole, TAssignmentState, TIncomingStatus, TTrailAction } from '../../../contracts/incoming';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { type DocumentReferences, documentReferencesSql, type ReferenceRow } from '../catalogs/document-references';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';

/** The facts of a document the policy and the flow need. */
export interface IncomingCore {
  id: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  year: number;
  arrivalNumber: number;
  arrivalAt: string;
  status: TIncomingStatus;
  confidential: boolean;
  urgencyRank: number;
  subject: string;
  code: string;
  issuingOrganName: string;
  dueDate: string | null;
  createdBy: string;
  leadUserId: string | null;
}

export interface AssignmentRow {
  id: string;
  documentId: string;
  userId: string;
  role: TAssignmentRole;
  state: TAssignmentState;
  dueDate: string | null;
  parentId: string | null;
}

export interface NewDocument {
  id: string;
  unitId: string;
  unitPath: string;
  registerId: string;
  year: number;
  arrivalNumber: number;
  arrivalAt: Date;
  issuingOrganId: string | null;
  issuingOrganName: string;
  documentTypeId: string;
  codeNumber: string | null;
  codeNotation: string | null;
  codeKey: string | null;
  issuedDate: string | null;
  signer: string | null;
  subject: string;
  pageCount: number | null;
  confidentialityCode: string | null;
  confidential: boolean;
  urgencyCode: string | null;
  urgencyRank: number;
  fieldId: string | null;
  dueDate: string | null;
  notes: string | null;
  createdBy: string;
}

export interface TrailTarget {
  name: string;
  role: string | null;
  dueDate: string | null;
}

function toCore(r: Record<string, unknown>): IncomingCore {
  return {
    id: r.id as string,
    unitId: r.unit_id as string,
    unitPath: r.unit_path as string,
    unitName: r.unit_name as string,
    year: Number(r.year),
    arrivalNumber: Number(r.arrival_number),
    arrivalAt: iso(r.arrival_at) as string,
    status: r.status as TIncomingStatus,
    confidential: Boolean(r.confidential),
    urgencyRank: Number(r.urgency_rank),
    subject: r.subject as string,
    code: [r.code_number, r.code_notation].filter(Boolean).join('/'),
    issuingOrganName: r.issuing_organ_name as string,
    dueDate: day(r.due_date),
    createdBy: r.created_by as string,
    leadUserId: (r.lead_user_id as string | null) ?? null,
  };
}

function toAssignment(r: Record<string, unknown>): AssignmentRow {
  return {
    id: r.id as string,
    documentId: r.document_id as string,
    userId: r.user_id as string,
    role: r.role as TAssignmentRole,
    state: r.state as TAssignmentState,
    dueDate: day(r.due_date),
    parentId: (r.parent_id as string | null) ?? null,
  };
}

/** All SQL of incoming documents that writes or reads one document. Lists are in incoming-lists.repository.ts. */
export class IncomingRepository {
  constructor(private readonly db: Database) {}

  async insert(doc: NewDocument): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO incoming_documents (id, unit_id, unit_path, register_id, year, arrival_number, arrival_at,
        issuing_organ_id, issuing_organ_name, document_type_id, code_number, code_notation, code_key, issued_date,
        signer, subject, page_count, confidentiality_code, confidential, urgency_code, urgency_rank, pin_rank,
        field_id, due_date, notes, status, created_by)
      VALUES (${doc.id}::uuid, ${doc.unitId}::uuid, ${doc.unitPath}, ${doc.registerId}::uuid, ${doc.year},
        ${doc.arrivalNumber}, ${doc.arrivalAt.toISOString()}::timestamptz, ${doc.issuingOrganId}::uuid,
        ${doc.issuingOrganName}, ${doc.documentTypeId}::uuid, ${doc.codeNumber}, ${doc.codeNotation}, ${doc.codeKey},
        ${doc.issuedDate}::date, ${doc.signer}, ${doc.subject}, ${doc.pageCount}, ${doc.confidentialityCode},
        ${doc.confidential}, ${doc.urgencyCode}, ${doc.urgencyRank}, ${doc.urgencyRank}, ${doc.fieldId}::uuid,
        ${doc.dueDate}::date, ${doc.notes}, 'new', ${doc.createdBy}::uuid)`);
  }

  /** One document's core facts; `lock` takes the row lock for a flow step. */
  async core(id: string, lock = false): Promise<IncomingCore | null> {
    const rows = await this.db.rows(sql`
      SELECT d.id, d.unit_id, d.unit_path, un.name AS unit_name, d.year, d.arrival_number, d.arrival_at, d.status,
             d.confidential, d.urgency_rank, d.subject, d.code_number, d.code_notation, d.issuing_organ_name,
             d.due_date, d.created_by, d.lead_user_id
      FROM incoming_documents d JOIN units un ON un.id = d.unit_id
      WHERE d.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF d` : sql``}`);
    return rows[0] ? toCore(rows[0]) : null;
  }

  /** Updates columns of a document (keys are column names chosen by the service, values bound). */
  async update(id: string, set: Record<string, unknown>): Promise<void> {
    const parts = Object.entries(set).map(([col, v]) => sql`${sql.identifier(col)} = ${v}`);
    await this.db.rows(
      sql`UPDATE incoming_documents SET ${sql.join([...parts, sql`updated_at = now()`], sql`, `)} WHERE id = ${id}::uuid`,
    );
  }

  /** Gives people access (idempotent); returns those who did not have it yet. */
  async grantAccess(documentId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.rows<{ user_id: string }>(sql`
      INSERT INTO incoming_access (document_id, user_id)
      SELECT ${documentId}::uuid, u FROM unnest(${uuidArray([...new Set(userIds)])}) AS u
      ON CONFLICT DO NOTHING RETURNING user_id`);
    return rows.map((r) => r.user_id);
  }

  async hasAccess(documentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM incoming_access WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid`);
    return rows.length > 0;
  }

  /** Records the first time a person opens the document; true when this was the first time. */
  async markSeen(documentId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db.rows(sql`
      UPDATE incoming_access SET seen_at = ${at.toISOString()}::timestamptz
      WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid AND seen_at IS NULL
      RETURNING 1`);
    return rows.length > 0;
  }

  async addAssignment(a: {
    documentId: string;
    userId: string;
    role: TAssignmentRole;
    dueDate: string | null;
    assignedBy: string;
    parentId?: string | null;
  }): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO incoming_assignments (id, document_id, user_id, role, due_date, assigned_by, parent_id)
      VALUES (${id}::uuid, ${a.documentId}::uuid, ${a.userId}::uuid, ${a.role}, ${a.dueDate}::date,
              ${a.assignedBy}::uuid, ${a.parentId ?? null}::uuid)`);
    return id;
  }

  async assignments(documentId: string, lock = false): Promise<AssignmentRow[]> {
    const rows = await this.db.rows(sql`
      SELECT id, document_id, user_id, role, state, due_date, parent_id FROM incoming_assignments
      WHERE document_id = ${documentId}::uuid ORDER BY created_at, id ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows.map(toAssignment);
  }

  async assignment(id: string): Promise<AssignmentRow | null> {
    const rows = await this.db.rows(sql`
      SELECT id, document_id, user_id, role, state, due_date, parent_id FROM incoming_assignments WHERE id = ${id}::uuid`);
    return rows[0] ? toAssignment(rows[0]) : null;
  }

  async setAssignment(
    id: string,
    set: { state?: TAssignmentState; progress?: number; result?: string | null; completedAt?: Date | null },
  ): Promise<void> {
    const parts: SQL[] = [sql`updated_at = now()`];
    if (set.state !== undefined) parts.push(sql`state = ${set.state}`);
    if (set.progress !== undefined) parts.push(sql`progress = ${set.progress}`);
    if (set.result !== undefined) parts.push(sql`result = ${set.result}`);
    if (set.completedAt !== undefined)
      parts.push(sql`completed_at = ${set.completedAt ? set.completedAt.toISOString() : null}::timestamptz`);
    await this.db.rows(sql`UPDATE incoming_assignments SET ${sql.join(parts, sql`, `)} WHERE id = ${id}::uuid`);
  }

  /** Withdraws every open part (document returned or cancelled); returns the people concerned. */
  async withdrawOpen(documentId: string): Promise<string[]> {
    const rows = await this.db.rows<{ user_id: string }>(sql`
      UPDATE incoming_assignments SET state = 'withdrawn', updated_at = now()
      WHERE document_id = ${documentId}::uuid AND state IN ('pending','in_progress','delegated')
      RETURNING user_id`);
    return [...new Set(rows.map((r) => r.user_id))];
  }

  async addStep(s: {
    documentId: string;
    at: Date;
    actorId: string;
    onBehalfOfId: string | null;
    action: TTrailAction;
    comment?: string | null;
    targets?: TrailTarget[];
  }): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO incoming_steps (id, document_id, at, actor_id, on_behalf_of_id, action, comment, targets)
      VALUES (${uuidv7()}::uuid, ${s.documentId}::uuid, ${s.at.toISOString()}::timestamptz, ${s.actorId}::uuid,
              ${s.onBehalfOfId}::uuid, ${s.action}, ${s.comment ?? null}, ${JSON.stringify(s.targets ?? [])}::jsonb)`);
  }

  async addOpinion(o: {
    id: string;
    documentId: string;
    authorId: string;
    onBehalfOfId: string | null;
    body: string;
    requestId: string | null;
    at: Date;
  }): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO incoming_opinions (id, document_id, author_id, on_behalf_of_id, body, request_id, created_at)
      VALUES (${o.id}::uuid, ${o.documentId}::uuid, ${o.authorId}::uuid, ${o.onBehalfOfId}::uuid, ${o.body},
              ${o.requestId}::uuid, ${o.at.toISOString()}::timestamptz)`);
  }

  /** One request per person, in one statement. */
  async addOpinionRequests(documentId: string, askedBy: string, userIds: string[], question: string, at: Date) {
    await this.db.rows(sql`
      INSERT INTO incoming_opinion_requests (id, document_id, asked_by, user_id, question, created_at)
      SELECT gen_random_uuid(), ${documentId}::uuid, ${askedBy}::uuid, u, ${question}, ${at.toISOString()}::timestamptz
      FROM unnest(${uuidArray(userIds)}) AS u`);
  }

  /** The open request to a person on a document (the newest), or null. */
  async openRequest(documentId: string, userId: string, requestId?: string | null): Promise<string | null> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM incoming_opinion_requests
      WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid AND answered_at IS NULL
        ${requestId ? sql`AND id = ${requestId}::uuid` : sql``}
      ORDER BY created_at DESC LIMIT 1`);
    return rows[0]?.id ?? null;
  }

  async answerRequest(id: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE incoming_opinion_requests SET answered_at = ${at.toISOString()}::timestamptz WHERE id = ${id}::uuid`);
  }

  /** Documents of the same code and issuing organ already registered (not cancelled), newest first. */
  async duplicates(codeKey: string, organ: { id: string | null; nameKey: string | null }, excludeId?: string) {
    return this.db.rows<{
      id: string;
      arrival_number: number;
      year: number;
      arrival_at: string;
      subject: string;
      unit_name: string;
    }>(sql`
      SELECT d.id, d.arrival_number, d.year, d.arrival_at, d.subject, un.name AS unit_name
      FROM incoming_documents d JOIN units un ON un.id = d.unit_id
      LEFT JOIN issuing_organs o ON o.id = d.issuing_organ_id
      WHERE d.code_key = ${codeKey} AND d.status <> 'cancelled'
        AND (${organ.id}::uuid IS NOT NULL AND d.issuing_organ_id = ${organ.id}::uuid
             OR ${organ.nameKey}::text IS NOT NULL AND o.name_key = ${organ.nameKey})
        ${excludeId ? sql`AND d.id <> ${excludeId}::uuid` : sql``}
      ORDER BY d.arrival_at DESC LIMIT 5`);
  }

  /** The issuing organ and type this person used on their last registration. */
  async lastUsed(userId: string) {
    const rows = await this.db.rows<{
      issuing_organ_id: string | null;
      issuing_organ_name: string;
      document_type_id: string;
    }>(sql`
      SELECT issuing_organ_id, issuing_organ_name, document_type_id FROM incoming_documents
      WHERE created_by = ${userId}::uuid ORDER BY created_at DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  /** Reference data checks for a registration: type, levels, field; null for an unknown id/code. */
  async references(input: DocumentReferences): Promise<ReferenceRow> {
    const rows = await this.db.rows<ReferenceRow>(documentReferencesSql(input));
    return rows[0];
  }

  /** Active users among these ids with their unit path and whether they hold a permission (any scope). */
  async people(ids: readonly string[], permission: string) {
    if (ids.length === 0) return [];
    return this.db.rows<{ id: string; full_name: string; unit_id: string; unit_path: string; holds: boolean }>(sql`
      SELECT u.id, u.full_name, u.unit_id, un.path AS unit_path,
        EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
                JOIN groups g ON g.id = ug.group_id
                WHERE ug.user_id = u.id AND g.active AND gp.permission = ${permission}) AS holds
      FROM users u JOIN units un ON un.id = u.unit_id
      WHERE u.id = ANY(${uuidArray(ids)}) AND u.status = 'active'`);
  }

  /** Active holders of a permission in these units (a unit's leaders or clerks). */
  async holdersIn(unitIds: readonly string[], permission: string) {
    if (unitIds.length === 0) return [];
    return this.db.rows<{ id: string; full_name: string; unit_id: string; unit_name: string }>(sql`
      SELECT u.id, u.full_name, u.unit_id, un.name AS unit_name
      FROM users u JOIN units un ON un.id = u.unit_id
      WHERE u.unit_id = ANY(${uuidArray(unitIds)}) AND u.status = 'active' AND un.active
        AND EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
                    JOIN groups g ON g.id = ug.group_id
                    WHERE ug.user_id = u.id AND g.active AND gp.permission = ${permission})`);
  }

  async unitNames(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db.rows<{ id: string; name: string }>(sql`
      SELECT id, name FROM units WHERE id = ANY(${uuidArray(ids)}) AND active`);
  }

  async organ(id: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.rows<{ id: string; name: string }>(sql`
      SELECT id, name FROM issuing_organs WHERE id = ${id}::uuid AND active`);
    return rows[0] ?? null;
  }

  async unitPath(unitId: string): Promise<string> {
    const rows = await this.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${unitId}::uuid`);
    if (!rows[0]) throw new Error(`unit ${unitId} not found`);
    return rows[0].path;
  }

  /** The editable metadata, as the update contract names it (for merging and the audit's "before"). */
  async editable(id: string): Promise<Record<string, unknown>> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT issuing_organ_id AS "issuingOrganId", issuing_organ_name AS "issuingOrganName",
        document_type_id AS "documentTypeId", code_number AS "codeNumber", code_notation AS "codeNotation",
        to_char(issued_date, 'YYYY-MM-DD') AS "issuedDate", signer, subject, page_count AS "pageCount",
        confidentiality_code AS "confidentialityCode", urgency_code AS "urgencyCode", field_id AS "fieldId",
        to_char(due_date, 'YYYY-MM-DD') AS "dueDate", notes
      FROM incoming_documents WHERE id = ${id}::uuid`);
    return rows[0] ?? {};
  }

  /** A "for information" part is done once the person has read the document. */
  async closeInfoParts(documentId: string, userId: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE incoming_assignments SET state = 'done', completed_at = ${at.toISOString()}::timestamptz, updated_at = now()
      WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid AND role = 'info' AND state = 'pending'`);
  }

  async opinionIds(documentId: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM incoming_opinions WHERE document_id = ${documentId}::uuid`);
    return rows.map((r) => r.id);
  }

  /** Name of the unit above (the organ line of forms), or null at the root. */
  async parentUnitName(unitId: string): Promise<string | null> {
    const rows = await this.db.rows<{ name: string }>(sql`
      SELECT p.name FROM units u JOIN units p ON p.id = u.parent_id WHERE u.id = ${unitId}::uuid`);
    return rows[0]?.name ?? null;
  }
}
