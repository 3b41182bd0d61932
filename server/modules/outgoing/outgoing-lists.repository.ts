import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import { codeKey, SEARCH_COUNT_CAP } from '../../../contracts/incoming';
import {
  formatOutgoingNumber,
  type TOutgoingBox,
  type TOutgoingRow,
  type TOutgoingSearchParsed,
} from '../../../contracts/outgoing';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';

/** The columns of a list row for a page of ids `p` (p.id, p.ord); `viewer` decides the unread mark. */
function rowSelect(viewer: string): SQL {
  return sql`
    SELECT d.id, d.status, dt.name AS document_type, d.code_number, d.code_notation, d.year, d.issued_date,
      d.subject, d.confidentiality_code, cc.name AS conf_name, cc.rank AS conf_rank,
      d.urgency_code, uc.name AS urg_name, uc.rank AS urg_rank, un.name AS unit_name,
      cu.full_name AS drafter, coalesce(d.signer_name, su.full_name) AS signer, d.updated_at,
      CASE WHEN d.status = 'in_review' THEN d.steps -> d.current_step ->> 'label' END AS step_label,
      (SELECT count(*) FROM document_deliveries dl WHERE dl.outgoing_id = d.id) AS recipient_count,
      (SELECT count(*) FROM document_deliveries dl WHERE dl.outgoing_id = d.id
         AND dl.status IN ('registered','assigned','in_progress','done')) AS registered_count,
      (acc.user_id IS NOT NULL AND acc.seen_at IS NULL AND d.status IN ('issued','recalled')) AS unread,
      (SELECT count(*) FROM outgoing_versions v JOIN attachments a ON a.owner_type = 'outgoing-version'
         AND a.owner_id = v.id AND a.removed_at IS NULL
       WHERE v.document_id = d.id AND v.number = coalesce(d.final_version, d.version_count)) AS file_count
    FROM page p
    JOIN outgoing_documents d ON d.id = p.id
    JOIN document_types dt ON dt.id = d.document_type_id
    JOIN units un ON un.id = d.unit_id
    JOIN users cu ON cu.id = d.created_by
    LEFT JOIN users su ON su.id = d.signer_id
    LEFT JOIN catalog_entries cc ON cc.catalog = 'confidentiality' AND cc.code = d.confidentiality_code
    LEFT JOIN catalog_entries uc ON uc.catalog = 'urgency' AND uc.code = d.urgency_code
    LEFT JOIN outgoing_access acc ON acc.document_id = d.id AND acc.user_id = ${viewer}::uuid
    ORDER BY p.ord`;
}

const level = (code: unknown, name: unknown, rank: unknown) =>
  code && name ? { code: code as string, name: name as string, rank: Number(rank) } : null;

function toRow(r: Record<string, unknown>): TOutgoingRow {
  const number = r.code_number === null ? null : Number(r.code_number);
  return {
    id: r.id as string,
    status: r.status as TOutgoingRow['status'],
    documentType: r.document_type as string,
    code: number === null ? null : `${formatOutgoingNumber(number)}/${r.code_notation}`,
    codeNumber: number,
    year: r.year === null ? null : Number(r.year),
    issuedDate: day(r.issued_date),
    subject: r.subject as string,
    confidentiality: level(r.confidentiality_code, r.conf_name, r.conf_rank),
    urgency: level(r.urgency_code, r.urg_name, r.urg_rank),
    unitName: r.unit_name as string,
    drafter: r.drafter as string,
    signer: (r.signer as string | null) ?? null,
    updatedAt: iso(r.updated_at) as string,
    stepLabel: (r.step_label as string | null) ?? null,
    recipientCount: Number(r.recipient_count),
    registeredCount: Number(r.registered_count),
    unread: Boolean(r.unread),
    fileCount: Number(r.file_count),
  };
}

const SORT_SQL: Record<string, SQL> = {
  issuedAt: sql`d.issued_at`,
  issuedDate: sql`d.issued_date`,
  subject: sql`d.subject`,
  updatedAt: sql`d.updated_at`,
};

/** What a box needs to know about the viewer. */
export interface BoxViewer {
  viewer: string;
  unitId: string;
  /** The policy's visibility condition on `d`. */
  visible: SQL;
  /** The clerk's unit scope condition on `d` (outgoing.issue), or false. */
  clerkScope: SQL;
  /** Sent, not registered after this moment (tracking box). */
  trackingBefore: string;
}

/** List queries of outgoing documents: work boxes, search, counts, the detail's row. */
export class OutgoingListsRepository {
  constructor(private readonly db: Database) {}

  private boxWhere(box: TOutgoingBox, v: BoxViewer): { where: SQL; order: SQL } {
    const newest = sql`d.updated_at DESC, d.id DESC`;
    const issuedOrder = sql`d.issued_at DESC NULLS LAST, d.id DESC`;
    switch (box) {
      case 'drafts':
        return {
          where: sql`d.created_by = ${v.viewer}::uuid AND d.status IN ('draft','returned','in_review','signed')`,
          order: newest,
        };
      case 'review':
        return {
          where: sql`d.status = 'in_review' AND d.id = ANY(ARRAY(SELECT r.document_id FROM outgoing_reviews r
            WHERE r.user_id = ${v.viewer}::uuid AND r.state = 'pending'))`,
          order: sql`d.urgency_rank DESC, d.updated_at ASC, d.id`,
        };
      case 'toIssue':
        return {
          where: sql`d.status = 'signed' AND ${v.clerkScope}`,
          order: sql`d.urgency_rank DESC, d.signed_at ASC NULLS LAST, d.id`,
        };
      case 'issued':
        return {
          where: sql`d.unit_id = ${v.unitId}::uuid AND d.status IN ('issued','recalled') AND ${v.visible}`,
          order: issuedOrder,
        };
      case 'info':
        return {
          where: sql`d.status IN ('issued','recalled') AND d.id = ANY(ARRAY(SELECT a.document_id
            FROM outgoing_access a WHERE a.user_id = ${v.viewer}::uuid))`,
          order: sql`(SELECT a.seen_at IS NULL FROM outgoing_access a WHERE a.document_id = d.id
            AND a.user_id = ${v.viewer}::uuid) DESC, d.issued_at DESC, d.id DESC`,
        };
      case 'tracking':
        return {
          where: sql`d.unit_id = ${v.unitId}::uuid AND d.status = 'issued' AND ${v.visible}
            AND EXISTS (SELECT 1 FROM document_deliveries dl WHERE dl.outgoing_id = d.id AND dl.kind = 'unit'
              AND dl.status = 'arrived' AND dl.sent_at <= ${v.trackingBefore}::timestamptz)`,
          order: issuedOrder,
        };
    }
  }

  async box(box: TOutgoingBox, v: BoxViewer, page: number, pageSize: number) {
    const { where, order } = this.boxWhere(box, v);
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM outgoing_documents d WHERE ${where} ORDER BY ${order}
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(v.viewer)}`),
      this.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM outgoing_documents d WHERE ${where}`),
    ]);
    return { items: rows.map(toRow), total: Number(n) };
  }

  async boxCount(box: TOutgoingBox, v: BoxViewer): Promise<number> {
    const { where } = this.boxWhere(box, v);
    const [{ n }] = await this.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outgoing_documents d WHERE ${where}`,
    );
    return Number(n);
  }

  /** One document's row as `viewer` sees it. */
  async row(id: string, viewer: string): Promise<TOutgoingRow | null> {
    const rows = await this.db.rows(sql`
      WITH page AS (SELECT ${id}::uuid AS id, 1 AS ord)
      ${rowSelect(viewer)}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Tìm văn bản đi: the policy's condition, the filters and the sort in one query; count capped. */
  async search(p: TOutgoingSearchParsed, ctx: { viewer: string; visible: SQL }, limit?: number) {
    const conds: SQL[] = [ctx.visible];
    const tsq = p.q ? subjectQuery(p.q) : null;
    if (p.q && !tsq) conds.push(sql`false`);
    if (tsq) conds.push(sql`d.subject_search @@ to_tsquery('simple', ${tsq})`);
    if (p.from) conds.push(sql`d.issued_date >= ${p.from}::date`);
    if (p.to) conds.push(sql`d.issued_date <= ${p.to}::date`);
    if (p.year) conds.push(sql`d.year = ${p.year}`);
    if (p.codeNumber) conds.push(sql`d.code_number = ${p.codeNumber}`);
    if (p.code) {
      const [n, ...rest] = p.code.split('/');
      const key = rest.length ? codeKey(n, rest.join('/')) : null;
      if (key) conds.push(sql`d.code_key = ${key}`);
      else conds.push(sql`d.code_key LIKE ${`%${escapeLike(p.code.toUpperCase().replace(/\s+/g, ''))}%`}`);
    }
    if (p.documentTypeId) conds.push(sql`d.document_type_id = ${p.documentTypeId}::uuid`);
    if (p.fieldId) conds.push(sql`d.field_id = ${p.fieldId}::uuid`);
    if (p.urgencyCode)
      conds.push(
        p.urgencyCode === 'thuong'
          ? sql`(d.urgency_code IS NULL OR d.urgency_code = 'thuong')`
          : sql`d.urgency_code = ${p.urgencyCode}`,
      );
    if (p.confidentialityCode)
      conds.push(
        p.confidentialityCode === 'thuong'
          ? sql`(d.confidentiality_code IS NULL OR d.confidentiality_code = 'thuong')`
          : sql`d.confidentiality_code = ${p.confidentialityCode}`,
      );
    if (p.status) conds.push(sql`d.status = ${p.status}`);
    if (p.signerId) conds.push(sql`d.signer_id = ${p.signerId}::uuid`);
    if (p.unitId) conds.push(sql`d.unit_id = ${p.unitId}::uuid`);
    const where = sql.join(conds, sql` AND `);
    const dir = p.dir === 'asc' ? sql`ASC` : sql`DESC`;
    const order =
      p.sort === 'codeNumber'
        ? sql`d.year ${dir} NULLS LAST, d.code_number ${dir} NULLS LAST, d.id ${dir}`
        : sql`${SORT_SQL[p.sort]} ${dir} NULLS LAST, d.id ${dir}`;
    const size = limit ?? p.pageSize;
    const offset = limit ? 0 : (p.page - 1) * p.pageSize;
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM outgoing_documents d WHERE ${where} ORDER BY ${order} LIMIT ${size} OFFSET ${offset}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(ctx.viewer)}`),
      limit
        ? Promise.resolve([{ n: 0 }])
        : this.db.rows<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM (
              SELECT 1 FROM outgoing_documents d WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) s`),
    ]);
    return {
      items: rows.map(toRow),
      total: Math.min(Number(n), SEARCH_COUNT_CAP),
      capped: Number(n) > SEARCH_COUNT_CAP,
    };
  }

  /** "Văn bản đi chưa xem": issued documents given to the user for information, not opened yet. */
  async unseenCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM outgoing_access a JOIN outgoing_documents d ON d.id = a.document_id
      WHERE a.user_id = ${userId}::uuid AND a.seen_at IS NULL AND d.status IN ('issued','recalled')`);
    return Number(n);
  }

  /** The columns of the detail that the row does not have. */
  async detailExtra(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.*, f.name AS field_name, r.name AS register_name, ib.full_name AS issued_by_name
      FROM outgoing_documents d
      LEFT JOIN catalog_entries f ON f.catalog = 'field' AND f.id = d.field_id
      LEFT JOIN registers r ON r.id = d.register_id
      LEFT JOIN users ib ON ib.id = d.issued_by
      WHERE d.id = ${id}::uuid`);
    return rows[0] ?? null;
  }
}
