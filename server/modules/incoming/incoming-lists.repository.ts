import { subjectQuery } from '../../platform/db/text-search';
import { type SQL, sql } from 'drizzle-orm';
import {
  codeKey,
  type TIncomingBox,
  type TIncomingRow,
  type TIncomingSearchParsed,
  SEARCH_COUNT_CAP,
} from '../../../contracts/incoming';
import { foldDiacritics } from '../../../contracts/text';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';

/**
 * The columns of a list row, for a page of document ids `p` (p.id, p.ord) joined back to the
 * documents. `viewer` is the person whose role, due date and unread mark the row shows.
 */
function rowSelect(viewer: string, today: string): SQL {
  return sql`
    SELECT d.id, d.arrival_number, d.year, d.arrival_at, d.issuing_organ_name, d.code_number, d.code_notation,
      d.issued_date, dt.name AS document_type, d.subject,
      d.confidentiality_code, cc.name AS conf_name, cc.rank AS conf_rank,
      d.urgency_code, uc.name AS urg_name, uc.rank AS urg_rank,
      d.status, d.due_date, (d.status = 'in_progress' AND d.due_date < ${today}::date) AS overdue,
      un.name AS unit_name, lu.full_name AS lead,
      my.role AS my_role, my.due_date AS my_due,
      (acc.user_id IS NOT NULL AND acc.seen_at IS NULL) AS unread,
      (SELECT count(*) FROM attachments a
        WHERE a.owner_type = 'incoming' AND a.owner_id = d.id AND a.removed_at IS NULL) AS file_count
    FROM page p
    JOIN incoming_documents d ON d.id = p.id
    JOIN document_types dt ON dt.id = d.document_type_id
    JOIN units un ON un.id = d.unit_id
    LEFT JOIN catalog_entries cc ON cc.catalog = 'confidentiality' AND cc.code = d.confidentiality_code
    LEFT JOIN catalog_entries uc ON uc.catalog = 'urgency' AND uc.code = d.urgency_code
    LEFT JOIN users lu ON lu.id = d.lead_user_id
    LEFT JOIN incoming_access acc ON acc.document_id = d.id AND acc.user_id = ${viewer}::uuid
    LEFT JOIN LATERAL (
      SELECT x.role, x.due_date FROM incoming_assignments x
      WHERE x.document_id = d.id AND x.user_id = ${viewer}::uuid
      ORDER BY (x.state IN ('pending','in_progress','delegated')) DESC,
               CASE x.role WHEN 'director' THEN 0 WHEN 'lead' THEN 1 WHEN 'co' THEN 2 ELSE 3 END
      LIMIT 1) my ON true
    ORDER BY p.ord`;
}

function toRow(r: Record<string, unknown>): TIncomingRow {
  return {
    id: r.id as string,
    arrivalNumber: Number(r.arrival_number),
    year: Number(r.year),
    arrivalAt: iso(r.arrival_at) as string,
    issuingOrgan: r.issuing_organ_name as string,
    code: [r.code_number, r.code_notation].filter(Boolean).join('/'),
    issuedDate: day(r.issued_date),
    documentType: r.document_type as string,
    subject: r.subject as string,
    confidentiality:
      r.confidentiality_code && r.conf_name
        ? { code: r.confidentiality_code as string, name: r.conf_name as string, rank: Number(r.conf_rank) }
        : null,
    urgency:
      r.urgency_code && r.urg_name
        ? { code: r.urgency_code as string, name: r.urg_name as string, rank: Number(r.urg_rank) }
        : null,
    status: r.status as TIncomingRow['status'],
    dueDate: day(r.due_date),
    overdue: Boolean(r.overdue),
    unitName: r.unit_name as string,
    lead: (r.lead as string | null) ?? null,
    myRole: (r.my_role as TIncomingRow['myRole']) ?? null,
    myDueDate: day(r.my_due),
    unread: Boolean(r.unread),
    fileCount: Number(r.file_count),
  };
}

const SORT_SQL: Record<string, SQL> = {
  arrivalAt: sql`d.arrival_at`,
  issuedDate: sql`d.issued_date`,
  dueDate: sql`d.due_date`,
  issuingOrgan: sql`d.issuing_organ_name`,
  subject: sql`d.subject`,
};

/** List queries of incoming documents: search, work boxes, detail parts, counts. */
export class IncomingListsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The search: `visible` is the policy's SQL condition on `d`; filters and the sort are applied
   * in the same query; the count stops at SEARCH_COUNT_CAP + 1.
   */
  async search(
    p: TIncomingSearchParsed,
    ctx: { viewer: string; visible: SQL; today: string },
    limit?: number,
  ): Promise<{ items: TIncomingRow[]; total: number; capped: boolean }> {
    const conds: SQL[] = [ctx.visible];
    const tsq = p.q ? subjectQuery(p.q) : null;
    if (p.q && !tsq) conds.push(sql`false`);
    if (tsq) conds.push(sql`d.subject_search @@ to_tsquery('simple', ${tsq})`);
    if (p.from) conds.push(sql`d.arrival_at >= (${p.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (p.to) conds.push(sql`d.arrival_at < ((${p.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (p.year) conds.push(sql`d.year = ${p.year}`);
    if (p.arrivalNumber) conds.push(sql`d.arrival_number = ${p.arrivalNumber}`);
    if (p.code) {
      const key = p.code.includes('/') ? codeKey(p.code.split('/')[0], p.code.split('/').slice(1).join('/')) : null;
      if (key) conds.push(sql`d.code_key = ${key}`);
      else conds.push(sql`d.code_key LIKE ${`%${escapeLike(p.code.toUpperCase().replace(/\s+/g, ''))}%`}`);
    }
    if (p.issuingOrganId) conds.push(sql`d.issuing_organ_id = ${p.issuingOrganId}::uuid`);
    if (p.documentTypeId) conds.push(sql`d.document_type_id = ${p.documentTypeId}::uuid`);
    if (p.fieldId) conds.push(sql`d.field_id = ${p.fieldId}::uuid`);
    if (p.urgencyCode) {
      conds.push(
        p.urgencyCode === 'thuong'
          ? sql`(d.urgency_code IS NULL OR d.urgency_code = 'thuong')`
          : sql`d.urgency_code = ${p.urgencyCode}`,
      );
    }
    if (p.confidentialityCode) {
      conds.push(
        p.confidentialityCode === 'thuong'
          ? sql`(d.confidentiality_code IS NULL OR d.confidentiality_code = 'thuong')`
          : sql`d.confidentiality_code = ${p.confidentialityCode}`,
      );
    }
    if (p.unitId) conds.push(sql`d.unit_id = ${p.unitId}::uuid`);
    if (p.handlerId) {
      conds.push(sql`EXISTS (SELECT 1 FROM incoming_assignments h WHERE h.document_id = d.id
        AND h.user_id = ${p.handlerId}::uuid AND h.role IN ('lead','co') AND h.state <> 'withdrawn')`);
    }
    switch (p.status) {
      case 'waiting':
        conds.push(sql`d.status = 'presented'`);
        break;
      case 'in_progress':
        conds.push(sql`d.status = 'in_progress' AND (d.due_date IS NULL OR d.due_date >= ${ctx.today}::date)`);
        break;
      case 'overdue':
        conds.push(sql`d.status = 'in_progress' AND d.due_date < ${ctx.today}::date`);
        break;
      case undefined:
        break;
      default:
        conds.push(sql`d.status = ${p.status}`);
    }
    const where = sql.join(conds, sql` AND `);
    const dir = p.dir === 'asc' ? sql`ASC` : sql`DESC`;
    const order =
      p.sort === 'priority'
        ? sql`d.pin_rank DESC, d.arrival_at DESC, d.id DESC`
        : p.sort === 'arrivalNumber'
          ? sql`d.year ${dir}, d.arrival_number ${dir}, d.id ${dir}`
          : sql`${SORT_SQL[p.sort]} ${dir} NULLS LAST, d.id ${dir}`;
    const size = limit ?? p.pageSize;
    const offset = limit ? 0 : (p.page - 1) * p.pageSize;
    // The page and the (capped) count are independent: on a server they run on two connections at once.
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows(sql`
        WITH page AS (
          SELECT p.id, p.ord FROM unnest(ARRAY(
            SELECT d.id FROM incoming_documents d WHERE ${where} ORDER BY ${order} LIMIT ${size} OFFSET ${offset}
          )) WITH ORDINALITY AS p(id, ord)
        )
        ${rowSelect(ctx.viewer, ctx.today)}`),
      limit
        ? Promise.resolve([{ n: 0 }])
        : this.db.rows<{ n: number }>(sql`
            SELECT count(*)::int AS n FROM (
              SELECT 1 FROM incoming_documents d WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) s`),
    ]);
    return {
      items: rows.map(toRow),
      total: Math.min(Number(n), SEARCH_COUNT_CAP),
      capped: Number(n) > SEARCH_COUNT_CAP,
    };
  }

  /** The condition on `d` of a work box for a person (`classify` also needs the clerk's unit scope). */
  private boxWhere(box: TIncomingBox, viewer: string, classifyScope: SQL): { where: SQL; order: SQL } {
    const mine = (cond: SQL) =>
      sql`EXISTS (SELECT 1 FROM incoming_assignments x WHERE x.document_id = d.id AND x.user_id = ${viewer}::uuid AND ${cond})`;
    const urgentFirst = sql`d.pin_rank DESC, d.arrival_at DESC, d.id DESC`;
    switch (box) {
      case 'classify':
        return { where: sql`d.status = 'new' AND ${classifyScope}`, order: urgentFirst };
      case 'direct':
        return {
          where: sql`d.status IN ('new','presented','in_progress') AND ${mine(sql`x.role = 'director' AND x.state = 'pending'`)}`,
          order: urgentFirst,
        };
      case 'handle':
        return {
          where: sql`d.status = 'in_progress' AND ${mine(sql`x.role IN ('lead','co') AND x.state IN ('pending','in_progress','delegated')`)}`,
          order: sql`d.pin_rank DESC, d.due_date ASC NULLS LAST, d.arrival_at DESC, d.id DESC`,
        };
      case 'info':
        return {
          where: sql`d.status NOT IN ('cancelled','returned') AND ${mine(sql`x.role = 'info' AND x.state = 'pending'`)}`,
          order: urgentFirst,
        };
      case 'opinions':
        return {
          where: sql`d.status NOT IN ('cancelled','returned') AND EXISTS (SELECT 1 FROM incoming_opinion_requests r
            WHERE r.document_id = d.id AND r.user_id = ${viewer}::uuid AND r.answered_at IS NULL)`,
          order: urgentFirst,
        };
      case 'unread':
        return {
          where: sql`d.status NOT IN ('cancelled','returned') AND EXISTS (SELECT 1 FROM incoming_access u
            WHERE u.document_id = d.id AND u.user_id = ${viewer}::uuid AND u.seen_at IS NULL)`,
          order: urgentFirst,
        };
      case 'handled':
        return {
          where: mine(sql`x.state IN ('done','forwarded')`),
          order: sql`d.arrival_at DESC, d.id DESC`,
        };
    }
  }

  async box(
    box: TIncomingBox,
    ctx: { viewer: string; classifyScope: SQL; today: string; page: number; pageSize: number },
  ): Promise<{ items: TIncomingRow[]; total: number }> {
    const { where, order } = this.boxWhere(box, ctx.viewer, ctx.classifyScope);
    const rows = await this.db.rows(sql`
      WITH page AS (
        SELECT p.id, p.ord FROM unnest(ARRAY(
          SELECT d.id FROM incoming_documents d WHERE ${where} ORDER BY ${order}
          LIMIT ${ctx.pageSize} OFFSET ${(ctx.page - 1) * ctx.pageSize}
        )) WITH ORDINALITY AS p(id, ord)
      )
      ${rowSelect(ctx.viewer, ctx.today)}`);
    const [{ n }] = await this.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM incoming_documents d WHERE ${where}`,
    );
    return { items: rows.map(toRow), total: Number(n) };
  }

  async boxCount(box: TIncomingBox, viewer: string, classifyScope: SQL): Promise<number> {
    const { where } = this.boxWhere(box, viewer, classifyScope);
    const [{ n }] = await this.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM incoming_documents d WHERE ${where}`,
    );
    return Number(n);
  }

  /** One row for a document (the list shape), for the detail page. */
  async row(id: string, viewer: string, today: string): Promise<TIncomingRow | null> {
    const rows = await this.db.rows(sql`
      WITH page AS (SELECT ${id}::uuid AS id, 1 AS ord)
      ${rowSelect(viewer, today)}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** The detail-only columns of a document. */
  async detailExtra(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT d.unit_id, r.name AS register_name, d.issuing_organ_id, d.document_type_id, d.code_number,
        d.code_notation, d.signer, d.page_count, d.field_id, f.name AS field_name, d.notes, d.direction,
        db.full_name AS directed_by, d.directed_at, cb.full_name AS registered_by, d.completed_at, d.result,
        d.reply_code, d.cancel_reason, d.return_reason
      FROM incoming_documents d
      JOIN registers r ON r.id = d.register_id
      JOIN users cb ON cb.id = d.created_by
      LEFT JOIN users db ON db.id = d.directed_by
      LEFT JOIN catalog_entries f ON f.id = d.field_id
      WHERE d.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  async assignmentsDetail(id: string, today: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT x.id, x.role, x.state, x.due_date, x.progress, x.result, x.parent_id, x.created_at, x.completed_at,
        (x.state IN ('pending','in_progress','delegated') AND x.role IN ('lead','co') AND x.due_date < ${today}::date) AS overdue,
        u.id AS user_id, u.full_name, jt.name AS job_title, un.name AS unit_name, ab.full_name AS assigned_by,
        acc.seen_at
      FROM incoming_assignments x
      JOIN users u ON u.id = x.user_id
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      LEFT JOIN users ab ON ab.id = x.assigned_by
      LEFT JOIN incoming_access acc ON acc.document_id = x.document_id AND acc.user_id = x.user_id
      WHERE x.document_id = ${id}::uuid
      ORDER BY x.created_at, CASE x.role WHEN 'director' THEN 0 WHEN 'lead' THEN 1 WHEN 'co' THEN 2 ELSE 3 END, x.id`);
  }

  async trail(id: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT s.id, s.at, s.action, a.full_name AS actor, b.full_name AS on_behalf_of, s.comment, s.targets
      FROM incoming_steps s JOIN users a ON a.id = s.actor_id LEFT JOIN users b ON b.id = s.on_behalf_of_id
      WHERE s.document_id = ${id}::uuid ORDER BY s.at, s.id`);
  }

  async opinions(id: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT o.id, a.full_name AS author, b.full_name AS on_behalf_of, o.body, o.created_at, r.question
      FROM incoming_opinions o JOIN users a ON a.id = o.author_id LEFT JOIN users b ON b.id = o.on_behalf_of_id
      LEFT JOIN incoming_opinion_requests r ON r.id = o.request_id
      WHERE o.document_id = ${id}::uuid ORDER BY o.created_at, o.id`);
  }

  async opinionAsks(id: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT r.id, ab.full_name AS asked_by, r.question, r.created_at, r.answered_at,
        u.id AS user_id, u.full_name, jt.name AS job_title, un.name AS unit_name
      FROM incoming_opinion_requests r
      JOIN users ab ON ab.id = r.asked_by
      JOIN users u ON u.id = r.user_id
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE r.document_id = ${id}::uuid ORDER BY r.created_at, r.id`);
  }

  /** People to pick: active, optionally leaders only, name search without diacritics, own unit first. */
  async peopleOptions(o: { q?: string; leadersOnly: boolean; unitId?: string; myUnitId: string; limit: number }) {
    const conds: SQL[] = [sql`u.status = 'active'`, sql`un.active`];
    if (o.q)
      conds.push(sql`f_unaccent(lower(u.full_name)) LIKE ${`%${escapeLike(foldDiacritics(o.q).toLowerCase())}%`}`);
    if (o.unitId) conds.push(sql`u.unit_id = ${o.unitId}::uuid`);
    const leader = sql`EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
      JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id AND g.active AND gp.permission = 'incoming.direct')`;
    if (o.leadersOnly) conds.push(leader);
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT u.id, u.full_name, jt.name AS job_title, un.name AS unit_name, u.unit_id, ${leader} AS leader
      FROM users u JOIN units un ON un.id = u.unit_id LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY (u.unit_id = ${o.myUnitId}::uuid) DESC, un.sort_order, jt.rank NULLS LAST, u.sort_key COLLATE "C", u.id
      LIMIT ${o.limit}`);
  }

  /** "Văn bản đến chưa xem": documents given to the person that they have not opened. */
  async unseenCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM incoming_access a JOIN incoming_documents d ON d.id = a.document_id
      WHERE a.user_id = ${userId}::uuid AND a.seen_at IS NULL AND d.status NOT IN ('cancelled','returned')`);
    return Number(n);
  }

  /** "Ý kiến": open opinion requests to the person. */
  async openRequestCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM incoming_opinion_requests r JOIN incoming_documents d ON d.id = r.document_id
      WHERE r.user_id = ${userId}::uuid AND r.answered_at IS NULL AND d.status NOT IN ('cancelled','returned')`);
    return Number(n);
  }

  /** Units with documents past their due date, and how many, for the leaders' daily summary. */
  async overdueByUnit(today: string) {
    return this.db.rows<{ unit_id: string; n: number }>(sql`
      SELECT unit_id, count(*)::int AS n FROM incoming_documents
      WHERE status = 'in_progress' AND due_date < ${today}::date GROUP BY unit_id`);
  }
}
