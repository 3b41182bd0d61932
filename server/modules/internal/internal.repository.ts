import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import {
  formatInternalCode,
  type TInternalRow,
  type TInternalSearchParsed,
  type TInternalStatus,
} from '../../../contracts/internal';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';
import type { InternalCore } from './internal.policy';

/** Owner type of the attachments of internal documents. */
export const INTERNAL_FILES = 'internal';

export interface NewInternal {
  id: string;
  unitId: string;
  unitPath: string;
  documentTypeId: string;
  registerId: string | null;
  year: number;
  number: number | null;
  codeNotation: string | null;
  issuedDate: string;
  subject: string;
  content: string | null;
  signer: string | null;
  createdBy: string;
}

/** The columns of a list row for a page of ids `p(id, ord)`; `viewer` decides the unread mark. */
function rowSelect(viewer: string): SQL {
  return sql`
    SELECT d.id, d.document_type_id, dt.name AS document_type, d.number, d.code_notation, d.year, d.issued_date,
      d.subject, d.signer, d.status, d.created_by, cu.full_name AS creator_name, un.name AS unit_name, d.created_at,
      (mr.user_id IS NOT NULL AND mr.seen_at IS NULL) AS unread,
      (SELECT count(*) FROM attachments a
        WHERE a.owner_type = ${INTERNAL_FILES} AND a.owner_id = d.id AND a.removed_at IS NULL) AS file_count,
      (SELECT count(*) FROM internal_recipients x WHERE x.document_id = d.id) AS recipient_count
    FROM page p
    JOIN internal_documents d ON d.id = p.id
    JOIN document_types dt ON dt.id = d.document_type_id
    JOIN units un ON un.id = d.unit_id
    JOIN users cu ON cu.id = d.created_by
    LEFT JOIN internal_recipients mr ON mr.document_id = d.id AND mr.user_id = ${viewer}::uuid
    ORDER BY p.ord`;
}

function toRow(r: Record<string, unknown>): TInternalRow {
  const number = r.number === null || r.number === undefined ? null : Number(r.number);
  return {
    id: r.id as string,
    documentTypeId: r.document_type_id as string,
    documentType: r.document_type as string,
    code: formatInternalCode(number, (r.code_notation as string | null) ?? null),
    number,
    year: Number(r.year),
    issuedDate: day(r.issued_date) as string,
    subject: r.subject as string,
    signer: (r.signer as string | null) ?? null,
    status: r.status as TInternalStatus,
    creatorId: r.created_by as string,
    creatorName: r.creator_name as string,
    unitName: r.unit_name as string,
    createdAt: iso(r.created_at) as string,
    unread: Boolean(r.unread),
    fileCount: Number(r.file_count),
    recipientCount: Number(r.recipient_count),
  };
}

/** All SQL of internal documents, their recipients and the unit's numbered types. */
export class InternalRepository {
  constructor(private readonly db: Database) {}

  async unit(unitId: string) {
    const rows = await this.db.rows<{ id: string; path: string; name: string; short_name: string }>(sql`
      SELECT id, path, name, short_name FROM units WHERE id = ${unitId}::uuid`);
    return rows[0] ?? null;
  }

  /** A document type with whether the unit numbers it; null when unknown. */
  async documentType(unitId: string, typeId: string) {
    const rows = await this.db.rows<{
      id: string;
      name: string;
      abbreviation: string | null;
      active: boolean;
      numbered: boolean;
    }>(sql`
      SELECT t.id, t.name, t.abbreviation, t.active,
        EXISTS (SELECT 1 FROM internal_numbering n WHERE n.unit_id = ${unitId}::uuid AND n.document_type_id = t.id)
          AS numbered
      FROM document_types t WHERE t.id = ${typeId}::uuid`);
    return rows[0] ?? null;
  }

  /** Those of `ids` who are active people of the unit. */
  async membersOf(unitId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM users WHERE id = ANY(${uuidArray(ids)}) AND unit_id = ${unitId}::uuid AND status = 'active'`);
    return rows.map((r) => r.id);
  }

  async insert(doc: NewInternal): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO internal_documents (id, unit_id, unit_path, document_type_id, register_id, year, number,
        code_notation, issued_date, subject, content, signer, status, created_by)
      VALUES (${doc.id}::uuid, ${doc.unitId}::uuid, ${doc.unitPath}, ${doc.documentTypeId}::uuid,
        ${doc.registerId}::uuid, ${doc.year}, ${doc.number}, ${doc.codeNotation}, ${doc.issuedDate}::date,
        ${doc.subject}, ${doc.content}, ${doc.signer}, 'active', ${doc.createdBy}::uuid)`);
  }

  async addRecipients(documentId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.rows(sql`
      INSERT INTO internal_recipients (document_id, user_id)
      SELECT ${documentId}::uuid, u FROM unnest(${uuidArray(userIds)}) AS u
      ON CONFLICT DO NOTHING`);
  }

  /** One document's facts for the policy; `lock` holds its row for a change. */
  async core(id: string, lock = false): Promise<InternalCore | null> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT id, unit_id, unit_path, status, created_by FROM internal_documents
      WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      unitId: r.unit_id as string,
      unitPath: r.unit_path as string,
      status: r.status as InternalCore['status'],
      createdBy: r.created_by as string,
    };
  }

  async isRecipient(documentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM internal_recipients WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid`);
    return rows.length > 0;
  }

  /** Records the first time a recipient opens it; true when this was the first time. */
  async markSeen(documentId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db.rows(sql`
      UPDATE internal_recipients SET seen_at = ${at.toISOString()}::timestamptz
      WHERE document_id = ${documentId}::uuid AND user_id = ${userId}::uuid AND seen_at IS NULL
      RETURNING 1`);
    return rows.length > 0;
  }

  async cancel(id: string, reason: string): Promise<void> {
    await this.db.rows(sql`
      UPDATE internal_documents SET status = 'cancelled', cancel_reason = ${reason}, updated_at = now()
      WHERE id = ${id}::uuid`);
  }

  /** The list row of one document as `viewer` sees it. */
  async row(id: string, viewer: string): Promise<TInternalRow | null> {
    const rows = await this.db.rows(sql`
      WITH page AS (SELECT ${id}::uuid AS id, 1 AS ord)
      ${rowSelect(viewer)}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async detailExtra(id: string) {
    const rows = await this.db.rows<{
      unit_id: string;
      code_notation: string | null;
      content: string | null;
      cancel_reason: string | null;
    }>(sql`SELECT unit_id, code_notation, content, cancel_reason FROM internal_documents WHERE id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** Recipients in the unit's usual order (job title rank, then given name). */
  async recipients(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT u.id, u.full_name, jt.name AS job_title, r.seen_at
      FROM internal_recipients r JOIN users u ON u.id = r.user_id LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE r.document_id = ${id}::uuid
      ORDER BY jt.rank NULLS LAST, u.sort_key COLLATE "C", u.id`);
    return rows.map((r) => ({
      id: r.id as string,
      fullName: r.full_name as string,
      jobTitle: (r.job_title as string | null) ?? null,
      seenAt: iso(r.seen_at),
    }));
  }

  /**
   * A list: `received` (sent to the viewer), `created` (by the viewer) or `all` (what `visible`
   * lets them see), with the search filters, newest first, and the count of matches.
   */
  async list(
    p: TInternalSearchParsed,
    ctx: { viewer: string; visible: SQL },
  ): Promise<{ items: TInternalRow[]; total: number }> {
    const conds: SQL[] = [];
    if (p.box === 'received')
      conds.push(sql`d.id = ANY(ARRAY(SELECT br.document_id FROM internal_recipients br
        WHERE br.user_id = ${ctx.viewer}::uuid))`);
    else if (p.box === 'created') conds.push(sql`d.created_by = ${ctx.viewer}::uuid`);
    else conds.push(ctx.visible);
    const tsq = p.q ? subjectQuery(p.q) : null;
    if (p.q && !tsq) conds.push(sql`false`);
    if (tsq) conds.push(sql`d.subject_search @@ to_tsquery('simple', ${tsq})`);
    if (p.documentTypeId) conds.push(sql`d.document_type_id = ${p.documentTypeId}::uuid`);
    if (p.from) conds.push(sql`d.issued_date >= ${p.from}::date`);
    if (p.to) conds.push(sql`d.issued_date <= ${p.to}::date`);
    if (p.number) conds.push(sql`d.number = ${p.number}`);
    if (p.year) conds.push(sql`d.year = ${p.year}`);
    if (p.creatorId) conds.push(sql`d.created_by = ${p.creatorId}::uuid`);
    if (p.status) conds.push(sql`d.status = ${p.status}`);
    const where = sql.join(conds, sql` AND `);
    const offset = (p.page - 1) * p.pageSize;
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM internal_documents d WHERE ${where}
            ORDER BY d.issued_date DESC, d.created_at DESC, d.id DESC LIMIT ${p.pageSize} OFFSET ${offset}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(ctx.viewer)}`),
      this.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM internal_documents d WHERE ${where}`),
    ]);
    return { items: rows.map(toRow), total: Number(n) };
  }

  /** The unit's numbered types with the last number given in `year` (0 before the first). */
  async numbered(unitId: string, year: number) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT t.id, t.name, t.abbreviation, coalesce(r.last_number, 0) AS last_number
      FROM internal_numbering n
      JOIN document_types t ON t.id = n.document_type_id
      LEFT JOIN registers r ON r.unit_id = n.unit_id AND r.kind = 'internal' AND r.year = ${year}
        AND NOT r.secret AND r.document_type_id = n.document_type_id
      WHERE n.unit_id = ${unitId}::uuid
      ORDER BY t.sort_order, t.name`);
    return rows.map((r) => ({
      documentTypeId: r.id as string,
      name: r.name as string,
      abbreviation: (r.abbreviation as string | null) ?? null,
      lastNumber: Number(r.last_number),
    }));
  }

  /** Numbers this type from now on; false when it already was. */
  async addNumbering(unitId: string, typeId: string, by: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      INSERT INTO internal_numbering (unit_id, document_type_id, created_by)
      VALUES (${unitId}::uuid, ${typeId}::uuid, ${by}::uuid)
      ON CONFLICT DO NOTHING RETURNING 1`);
    return rows.length > 0;
  }

  /**
   * Stops numbering this type (the configuration row goes; the register with its numbers and
   * every numbered document stay). False when it was not numbered.
   */
  async removeNumbering(unitId: string, typeId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      DELETE FROM internal_numbering WHERE unit_id = ${unitId}::uuid AND document_type_id = ${typeId}::uuid
      RETURNING 1`);
    return rows.length > 0;
  }

  /** Summaries for the links: documents matching `where` (which carries the visibility), newest first. */
  async summaries(where: SQL, limit: number) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.id, d.subject, d.number, d.code_notation, d.issued_date, dt.name AS type_name
      FROM internal_documents d JOIN document_types dt ON dt.id = d.document_type_id
      WHERE ${where}
      ORDER BY d.issued_date DESC, d.created_at DESC, d.id DESC LIMIT ${limit}`);
    return rows.map((r) => ({
      id: r.id as string,
      title: r.subject as string,
      code: formatInternalCode(r.number === null ? null : Number(r.number), (r.code_notation as string | null) ?? null),
      date: day(r.issued_date),
      typeName: r.type_name as string,
    }));
  }
}
