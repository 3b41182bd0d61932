import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { FREQUENT_LIMIT, type TArchivedRow, type TArchivedSearchParsed } from '../../../contracts/archived';
import { formatCode } from '../../../contracts/incoming';
import { foldDiacritics } from '../../../contracts/text';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';
import type { ArchivedCore } from './archived.policy';

/** Owner type of the attachments of archived documents. */
export const ARCHIVED_FILES = 'archived';

export interface ArchivedValues {
  documentTypeId: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  codeKey: string | null;
  issuedDate: string | null;
  issuingOrganName: string | null;
  signer: string | null;
  subject: string;
  fieldId: string | null;
  notes: string | null;
  shareWithSubunits: boolean;
}

/** Column of each editable value. */
export const ARCHIVED_COLUMNS: Record<keyof ArchivedValues, string> = {
  documentTypeId: 'document_type_id',
  codeNumber: 'code_number',
  codeNotation: 'code_notation',
  codeKey: 'code_key',
  issuedDate: 'issued_date',
  issuingOrganName: 'issuing_organ_name',
  signer: 'signer',
  subject: 'subject',
  fieldId: 'field_id',
  notes: 'notes',
  shareWithSubunits: 'share_with_subunits',
};

/** The columns of a list row for a page of ids `p(id, ord)`, as `viewer` of unit `viewerUnit` sees it. */
function rowSelect(viewer: string, viewerUnit: string): SQL {
  return sql`
    SELECT d.id, dt.name AS document_type, d.code_number, d.code_notation, d.issued_date, d.issuing_organ_name,
      d.subject, f.name AS field, un.name AS unit_name, (d.unit_id <> ${viewerUnit}::uuid) AS from_parent,
      d.share_with_subunits, coalesce(u.pinned, false) AS pinned, coalesce(u.open_count, 0) AS open_count,
      (SELECT count(*) FROM attachments a
        WHERE a.owner_type = ${ARCHIVED_FILES} AND a.owner_id = d.id AND a.removed_at IS NULL) AS file_count,
      d.created_at
    FROM page p
    JOIN archived_documents d ON d.id = p.id
    JOIN units un ON un.id = d.unit_id
    LEFT JOIN document_types dt ON dt.id = d.document_type_id
    LEFT JOIN catalog_entries f ON f.id = d.field_id
    LEFT JOIN archived_uses u ON u.document_id = d.id AND u.user_id = ${viewer}::uuid
    ORDER BY p.ord`;
}

function toRow(r: Record<string, unknown>): TArchivedRow {
  const code = formatCode((r.code_number as string | null) ?? null, (r.code_notation as string | null) ?? null);
  return {
    id: r.id as string,
    documentType: (r.document_type as string | null) ?? null,
    code: code || null,
    issuedDate: day(r.issued_date),
    issuingOrganName: (r.issuing_organ_name as string | null) ?? null,
    subject: r.subject as string,
    field: (r.field as string | null) ?? null,
    unitName: r.unit_name as string,
    fromParent: Boolean(r.from_parent),
    shareWithSubunits: Boolean(r.share_with_subunits),
    pinned: Boolean(r.pinned),
    openCount: Number(r.open_count),
    fileCount: Number(r.file_count),
    createdAt: iso(r.created_at) as string,
  };
}

/** All SQL of archived documents and of people's use of them (archived_uses). */
export class ArchivedRepository {
  constructor(private readonly db: Database) {}

  async unitPath(unitId: string): Promise<string | null> {
    const rows = await this.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${unitId}::uuid`);
    return rows[0]?.path ?? null;
  }

  /** Catalog checks: an active document type and an active field, when given. */
  async references(typeId: string | null, fieldId: string | null) {
    const rows = await this.db.rows<{ type_ok: boolean; field_ok: boolean }>(sql`
      SELECT
        (${typeId}::uuid IS NULL OR EXISTS (SELECT 1 FROM document_types WHERE id = ${typeId}::uuid AND active))
          AS type_ok,
        (${fieldId}::uuid IS NULL OR EXISTS (SELECT 1 FROM catalog_entries
          WHERE catalog = 'field' AND id = ${fieldId}::uuid AND active)) AS field_ok`);
    return rows[0];
  }

  async insert(doc: ArchivedValues & { id: string; unitId: string; unitPath: string; createdBy: string }) {
    await this.db.rows(sql`
      INSERT INTO archived_documents (id, unit_id, unit_path, document_type_id, code_number, code_notation, code_key,
        issued_date, issuing_organ_name, signer, subject, field_id, notes, share_with_subunits, created_by)
      VALUES (${doc.id}::uuid, ${doc.unitId}::uuid, ${doc.unitPath}, ${doc.documentTypeId}::uuid, ${doc.codeNumber},
        ${doc.codeNotation}, ${doc.codeKey}, ${doc.issuedDate}::date, ${doc.issuingOrganName}, ${doc.signer},
        ${doc.subject}, ${doc.fieldId}::uuid, ${doc.notes}, ${doc.shareWithSubunits}, ${doc.createdBy}::uuid)`);
  }

  /** Updates columns (names chosen by the service from ARCHIVED_COLUMNS, values bound). */
  async update(id: string, set: Record<string, unknown>): Promise<void> {
    const parts = Object.entries(set).map(([col, v]) => sql`${sql.identifier(col)} = ${v}`);
    await this.db.rows(
      sql`UPDATE archived_documents SET ${sql.join([...parts, sql`updated_at = now()`], sql`, `)}
          WHERE id = ${id}::uuid`,
    );
  }

  async remove(id: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE archived_documents SET removed_at = ${at.toISOString()}::timestamptz, updated_at = now()
      WHERE id = ${id}::uuid AND removed_at IS NULL`);
  }

  async core(id: string, lock = false): Promise<ArchivedCore | null> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT id, unit_id, unit_path, share_with_subunits, removed_at FROM archived_documents
      WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      unitId: r.unit_id as string,
      unitPath: r.unit_path as string,
      shareWithSubunits: Boolean(r.share_with_subunits),
      removed: r.removed_at !== null,
    };
  }

  /** The editable values as they are (for the audit's "before" and the edit form). */
  async values(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.unit_id, d.document_type_id, d.code_number, d.code_notation, d.code_key, d.issued_date,
        d.issuing_organ_name, d.signer, d.subject, d.field_id, d.notes, d.share_with_subunits,
        cu.full_name AS created_by
      FROM archived_documents d JOIN users cu ON cu.id = d.created_by WHERE d.id = ${id}::uuid`);
    const r = rows[0];
    if (!r) return null;
    return {
      unitId: r.unit_id as string,
      createdBy: r.created_by as string,
      values: {
        documentTypeId: (r.document_type_id as string | null) ?? null,
        codeNumber: (r.code_number as string | null) ?? null,
        codeNotation: (r.code_notation as string | null) ?? null,
        codeKey: (r.code_key as string | null) ?? null,
        issuedDate: day(r.issued_date),
        issuingOrganName: (r.issuing_organ_name as string | null) ?? null,
        signer: (r.signer as string | null) ?? null,
        subject: r.subject as string,
        fieldId: (r.field_id as string | null) ?? null,
        notes: (r.notes as string | null) ?? null,
        shareWithSubunits: Boolean(r.share_with_subunits),
      } satisfies ArchivedValues,
    };
  }

  async row(id: string, viewer: string, viewerUnit: string): Promise<TArchivedRow | null> {
    const rows = await this.db.rows(sql`
      WITH page AS (SELECT ${id}::uuid AS id, 1 AS ord)
      ${rowSelect(viewer, viewerUnit)}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The search: `visible` is the policy's condition on `d`; filters in the same query; newest first. */
  async search(
    p: TArchivedSearchParsed,
    ctx: { viewer: string; viewerUnit: string; visible: SQL },
  ): Promise<{ items: TArchivedRow[]; total: number }> {
    const conds: SQL[] = [ctx.visible];
    const tsq = p.q ? subjectQuery(p.q) : null;
    if (p.q && !tsq) conds.push(sql`false`);
    if (tsq) conds.push(sql`d.subject_search @@ to_tsquery('simple', ${tsq})`);
    if (p.documentTypeId) conds.push(sql`d.document_type_id = ${p.documentTypeId}::uuid`);
    if (p.fieldId) conds.push(sql`d.field_id = ${p.fieldId}::uuid`);
    if (p.from) conds.push(sql`d.issued_date >= ${p.from}::date`);
    if (p.to) conds.push(sql`d.issued_date <= ${p.to}::date`);
    if (p.code)
      conds.push(
        sql`d.code_key LIKE ${`%${escapeLike(
          p.code
            .toUpperCase()
            .replace(/\s+/g, '')
            .replace(/^0+(?=\d)/, ''),
        )}%`}`,
      );
    if (p.organ)
      conds.push(
        sql`f_unaccent(lower(d.issuing_organ_name)) LIKE ${`%${escapeLike(foldDiacritics(p.organ).toLowerCase())}%`}`,
      );
    const where = sql.join(conds, sql` AND `);
    const offset = (p.page - 1) * p.pageSize;
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM archived_documents d WHERE ${where}
            ORDER BY d.created_at DESC, d.id DESC LIMIT ${p.pageSize} OFFSET ${offset}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(ctx.viewer, ctx.viewerUnit)}`),
      this.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM archived_documents d WHERE ${where}`),
    ]);
    return { items: rows.map(toRow), total: Number(n) };
  }

  /**
   * "Hay dùng" of a person: the documents they pinned (latest opened first), then the ones they
   * opened most that are not pinned. Both only among those `visible` lets them see.
   */
  async frequent(ctx: { viewer: string; viewerUnit: string; visible: SQL }) {
    const pick = (cond: SQL, order: SQL, limit: number) =>
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM archived_uses u JOIN archived_documents d ON d.id = u.document_id
            WHERE u.user_id = ${ctx.viewer}::uuid AND ${cond} AND ${ctx.visible}
            ORDER BY ${order} LIMIT ${limit}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(ctx.viewer, ctx.viewerUnit)}`);
    const [pinned, opened] = await Promise.all([
      pick(sql`u.pinned`, sql`u.last_opened_at DESC NULLS LAST, d.created_at DESC, d.id DESC`, 100),
      pick(
        sql`NOT u.pinned AND u.open_count > 0`,
        sql`u.open_count DESC, u.last_opened_at DESC NULLS LAST, d.id DESC`,
        FREQUENT_LIMIT,
      ),
    ]);
    return { pinned: pinned.map(toRow), mostOpened: opened.map(toRow) };
  }

  /** Counts one more opening of the document by the person. */
  async opened(id: string, userId: string, at: Date): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO archived_uses (user_id, document_id, open_count, last_opened_at)
      VALUES (${userId}::uuid, ${id}::uuid, 1, ${at.toISOString()}::timestamptz)
      ON CONFLICT (user_id, document_id)
      DO UPDATE SET open_count = archived_uses.open_count + 1, last_opened_at = excluded.last_opened_at`);
  }

  async pin(id: string, userId: string, pinned: boolean): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO archived_uses (user_id, document_id, pinned) VALUES (${userId}::uuid, ${id}::uuid, ${pinned})
      ON CONFLICT (user_id, document_id) DO UPDATE SET pinned = excluded.pinned`);
  }

  /** Summaries for the links: documents matching `where` (which carries the visibility), newest first. */
  async summaries(where: SQL, limit: number) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.id, d.subject, d.code_number, d.code_notation, d.issued_date, dt.name AS type_name
      FROM archived_documents d LEFT JOIN document_types dt ON dt.id = d.document_type_id
      WHERE ${where}
      ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit}`);
    return rows.map((r) => ({
      id: r.id as string,
      title: r.subject as string,
      code: formatCode((r.code_number as string | null) ?? null, (r.code_notation as string | null) ?? null) || null,
      date: day(r.issued_date),
      typeName: (r.type_name as string | null) ?? null,
    }));
  }
}
