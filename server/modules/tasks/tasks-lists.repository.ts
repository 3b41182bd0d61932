import { type SQL, sql } from 'drizzle-orm';
import {
  DUE_SOON_DAYS,
  type TAssignedQuery,
  type TTaskLateness,
  type TTaskReceivedBox,
  type TTaskRow,
  type TTaskStage,
} from '../../../contracts/tasks';
import { foldDiacritics } from '../../../contracts/text';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { dateOrNull as day, isoOrNull as iso } from '../../platform/db/values';

/**
 * The stage of task `t`: an open task is waiting while nobody working on it (lead, co-handler)
 * has taken it up yet — every such part still waits for acceptance or for a proposal's decision.
 */
function stageSql(): SQL {
  return sql`(CASE WHEN t.status <> 'open' THEN t.status
    WHEN NOT EXISTS (SELECT 1 FROM task_assignments w WHERE w.task_id = t.id AND w.role IN ('lead','co')
                     AND w.state IN ('in_progress','done')) THEN 'waiting'
    ELSE 'in_progress' END)`;
}

/** Lateness of task `t` on `today` (see TASK_LATENESS). */
function latenessSql(today: string): SQL {
  return sql`(CASE WHEN t.due_date IS NULL OR t.status = 'cancelled' THEN 'onTime'
    WHEN t.status = 'open' AND t.due_date < ${today}::date THEN 'overdue'
    WHEN t.status <> 'open' AND t.completed_at IS NOT NULL
         AND (t.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > t.due_date THEN 'overdue'
    WHEN t.status = 'open' AND t.due_date <= ${today}::date + ${DUE_SOON_DAYS}::int THEN 'dueSoon'
    ELSE 'onTime' END)`;
}

const PRIORITY_RANK = sql`CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`;
const LIVE_PART = sql`x.state NOT IN ('handed_over','withdrawn')`;

/**
 * The columns of a list row, for a page of task ids `p` (p.id, p.ord) joined back to the tasks.
 * `viewer` is the person whose part, due date and proposals to decide the row shows.
 */
function rowSelect(viewer: string, today: string): SQL {
  return sql`
    SELECT t.id, t.parent_id, t.title, t.priority, t.status, t.start_date, t.due_date, t.progress, t.created_at,
      t.completed_at, t.closed_at, t.rating, cu.full_name AS created_by,
      ${stageSql()} AS stage, ${latenessSql(today)} AS lateness,
      (SELECT u.full_name FROM task_assignments x JOIN users u ON u.id = x.user_id
        WHERE x.task_id = t.id AND x.role = 'lead' AND ${LIVE_PART} ORDER BY x.created_at, x.id LIMIT 1) AS lead,
      ARRAY(SELECT u.full_name FROM task_assignments x JOIN users u ON u.id = x.user_id
        WHERE x.task_id = t.id AND x.role IN ('lead','co') AND ${LIVE_PART}
        ORDER BY CASE x.role WHEN 'lead' THEN 0 ELSE 1 END, x.created_at, x.id) AS assignees,
      my.role AS my_role, my.state AS my_state, my.due AS my_due,
      (SELECT count(*) FROM task_assignments x WHERE x.task_id = t.id AND x.state = 'proposed' AND t.status = 'open'
        AND (x.assigned_by = ${viewer}::uuid OR t.created_by = ${viewer}::uuid)) AS proposals,
      (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id AND s.status <> 'cancelled') AS subtask_count,
      (SELECT count(*) FROM attachments a
        WHERE a.owner_type = 'task' AND a.owner_id = t.id AND a.removed_at IS NULL) AS file_count
    FROM page p
    JOIN tasks t ON t.id = p.id
    JOIN users cu ON cu.id = t.created_by
    LEFT JOIN LATERAL (
      SELECT x.role, x.state, coalesce(x.due_date, t.due_date) AS due FROM task_assignments x
      WHERE x.task_id = t.id AND x.user_id = ${viewer}::uuid
      ORDER BY (x.state IN ('pending','in_progress','proposed')) DESC, (x.state <> 'withdrawn') DESC,
               CASE x.role WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END, x.created_at DESC
      LIMIT 1) my ON true
    ORDER BY p.ord`;
}

function toRow(r: Record<string, unknown>): TTaskRow {
  return {
    id: r.id as string,
    parentId: (r.parent_id as string | null) ?? null,
    title: r.title as string,
    priority: r.priority as TTaskRow['priority'],
    status: r.status as TTaskRow['status'],
    stage: r.stage as TTaskStage,
    lateness: r.lateness as TTaskLateness,
    startDate: day(r.start_date),
    dueDate: day(r.due_date),
    progress: Number(r.progress),
    createdBy: r.created_by as string,
    createdAt: iso(r.created_at) as string,
    completedAt: iso(r.completed_at),
    closedAt: iso(r.closed_at),
    rating: r.rating === null || r.rating === undefined ? null : Number(r.rating),
    lead: (r.lead as string | null) ?? null,
    assignees: (r.assignees as string[] | null) ?? [],
    myRole: (r.my_role as TTaskRow['myRole']) ?? null,
    myState: (r.my_state as TTaskRow['myState']) ?? null,
    myDueDate: day(r.my_due),
    proposals: Number(r.proposals),
    subtaskCount: Number(r.subtask_count),
    fileCount: Number(r.file_count),
  };
}

/** A page of rows for the ids a WHERE/ORDER selects from `tasks t`, and the total. */
async function pageOf(
  db: Database,
  where: SQL,
  order: SQL,
  ctx: { viewer: string; today: string; page: number; pageSize: number },
): Promise<{ items: TTaskRow[]; total: number }> {
  const [rows, [{ n }]] = await Promise.all([
    db.rows(sql`
      WITH page AS (
        SELECT p.id, p.ord FROM unnest(ARRAY(
          SELECT t.id FROM tasks t WHERE ${where} ORDER BY ${order}
          LIMIT ${ctx.pageSize} OFFSET ${(ctx.page - 1) * ctx.pageSize}
        )) WITH ORDINALITY AS p(id, ord)
      )
      ${rowSelect(ctx.viewer, ctx.today)}`),
    db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks t WHERE ${where}`),
  ]);
  return { items: rows.map(toRow), total: Number(n) };
}

/** List queries of tasks: received boxes, assigned tasks and board, detail parts, counts. */
export class TasksListsRepository {
  constructor(private readonly db: Database) {}

  /** The condition on `t` of a received box for a person. */
  private boxWhere(box: TTaskReceivedBox, viewer: string): SQL {
    const mine = (cond: SQL) =>
      sql`EXISTS (SELECT 1 FROM task_assignments x WHERE x.task_id = t.id AND x.user_id = ${viewer}::uuid AND ${cond})`;
    switch (box) {
      case 'waiting':
        return sql`t.status = 'open' AND ${mine(sql`x.role IN ('lead','co') AND x.state = 'pending'`)}`;
      case 'in_progress':
        return sql`t.status = 'open' AND ${mine(sql`x.role IN ('lead','co') AND x.state IN ('in_progress','proposed')`)}`;
      case 'follow':
        return sql`t.status = 'open' AND ${mine(sql`x.role = 'follow' AND x.state = 'in_progress'`)}`;
      case 'done':
        return sql`${mine(sql`x.state <> 'withdrawn'`)}
          AND NOT (t.status = 'open' AND ${mine(sql`x.state IN ('pending','in_progress','proposed')`)})`;
    }
  }

  /** A received box: urgent and soon-due first while open; the newest finished first. */
  async received(box: TTaskReceivedBox, ctx: { viewer: string; today: string; page: number; pageSize: number }) {
    const order =
      box === 'done'
        ? sql`coalesce(t.closed_at, t.completed_at, t.updated_at) DESC, t.id DESC`
        : sql`${PRIORITY_RANK} DESC, t.due_date ASC NULLS LAST, t.created_at DESC, t.id DESC`;
    return pageOf(this.db, this.boxWhere(box, ctx.viewer), order, ctx);
  }

  async receivedCount(box: TTaskReceivedBox, viewer: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tasks t WHERE ${this.boxWhere(box, viewer)}`,
    );
    return Number(n);
  }

  /** Tasks the person created, filtered by stage, lateness, text and waiting proposals; open first. */
  async assigned(q: TAssignedQuery & { page: number; pageSize: number }, ctx: { viewer: string; today: string }) {
    const conds: SQL[] = [sql`t.created_by = ${ctx.viewer}::uuid`];
    if (q.stage) conds.push(sql`${stageSql()} = ${q.stage}`);
    if (q.lateness) conds.push(sql`${latenessSql(ctx.today)} = ${q.lateness}`);
    if (q.q) {
      const words = foldDiacritics(q.q.normalize('NFC')).toLowerCase();
      conds.push(sql`f_unaccent(lower(t.title)) LIKE ${`%${escapeLike(words)}%`}`);
    }
    if (q.proposals === '1')
      conds.push(
        sql`t.status = 'open' AND EXISTS (SELECT 1 FROM task_assignments x WHERE x.task_id = t.id AND x.state = 'proposed')`,
      );
    const order = sql`(t.status = 'open') DESC, (t.status = 'done') DESC, t.due_date ASC NULLS LAST,
      t.created_at DESC, t.id DESC`;
    return pageOf(this.db, sql.join(conds, sql` AND `), order, { ...ctx, page: q.page, pageSize: q.pageSize });
  }

  /** Counts of the person's created tasks by stage and lateness (of the open ones), and proposals to decide. */
  async board(viewer: string, today: string) {
    const rows = await this.db.rows<{ stage: TTaskStage; lateness: TTaskLateness; n: number }>(sql`
      SELECT stage, lateness, count(*)::int AS n FROM (
        SELECT ${stageSql()} AS stage, ${latenessSql(today)} AS lateness FROM tasks t WHERE t.created_by = ${viewer}::uuid
      ) s GROUP BY stage, lateness`);
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM task_assignments x JOIN tasks t ON t.id = x.task_id
      WHERE x.state = 'proposed' AND t.status = 'open' AND (x.assigned_by = ${viewer}::uuid OR t.created_by = ${viewer}::uuid)`);
    return { rows, proposals: Number(n) };
  }

  /** One row (the list shape), for the detail. */
  async row(id: string, viewer: string, today: string): Promise<TTaskRow | null> {
    const rows = await this.db.rows(sql`
      WITH page AS (SELECT ${id}::uuid AS id, 1 AS ord)
      ${rowSelect(viewer, today)}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Sub-tasks of a task that the viewer may see (`visible`: the policy's condition on `t`). */
  async subtasks(id: string, visible: SQL, viewer: string, today: string): Promise<TTaskRow[]> {
    const rows = await this.db.rows(sql`
      WITH page AS (
        SELECT p.id, p.ord FROM unnest(ARRAY(
          SELECT t.id FROM tasks t WHERE t.parent_id = ${id}::uuid AND ${visible} ORDER BY t.created_at, t.id LIMIT 200
        )) WITH ORDINALITY AS p(id, ord)
      )
      ${rowSelect(viewer, today)}`);
    return rows.map(toRow);
  }

  /** The detail-only columns of a task. */
  async detailExtra(id: string) {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT t.description, t.evaluation, t.cancel_reason, t.related, un.name AS unit_name, cb.full_name AS closed_by,
        cu.id AS creator_id, cu.full_name AS creator_name, cjt.name AS creator_title, cun.name AS creator_unit,
        pt.id AS parent_id, pt.title AS parent_title
      FROM tasks t
      JOIN units un ON un.id = t.unit_id
      JOIN users cu ON cu.id = t.created_by
      JOIN units cun ON cun.id = cu.unit_id
      LEFT JOIN job_titles cjt ON cjt.id = cu.job_title_id
      LEFT JOIN users cb ON cb.id = t.closed_by
      LEFT JOIN tasks pt ON pt.id = t.parent_id
      WHERE t.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  async assignmentsDetail(id: string, today: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT x.id, x.role, x.state, coalesce(x.due_date, t.due_date) AS due_date, x.progress, x.accepted_at,
        x.completed_at, x.proposal_plan, x.proposal_due_date, x.proposal_at, x.assigned_by AS assigned_by_id,
        (x.state IN ('pending','in_progress','proposed') AND x.role IN ('lead','co') AND t.status = 'open'
          AND coalesce(x.due_date, t.due_date) < ${today}::date) AS overdue,
        u.id AS user_id, u.full_name, jt.name AS job_title, un.name AS unit_name, ab.full_name AS assigned_by,
        vu.name AS via_unit
      FROM task_assignments x
      JOIN tasks t ON t.id = x.task_id
      JOIN users u ON u.id = x.user_id
      JOIN units un ON un.id = u.unit_id
      JOIN users ab ON ab.id = x.assigned_by
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      LEFT JOIN units vu ON vu.id = x.via_unit_id
      WHERE x.task_id = ${id}::uuid
      ORDER BY CASE x.role WHEN 'lead' THEN 0 WHEN 'co' THEN 1 ELSE 2 END, x.created_at, x.id`);
  }

  async events(id: string) {
    return this.db.rows<Record<string, unknown>>(sql`
      SELECT e.id, e.at, e.action, a.full_name AS actor, b.full_name AS on_behalf_of, e.comment, e.data
      FROM task_events e JOIN users a ON a.id = e.actor_id LEFT JOIN users b ON b.id = e.on_behalf_of_id
      WHERE e.task_id = ${id}::uuid ORDER BY e.at, e.id`);
  }

  /** Labels of incoming documents for the related links (visible ones only, per `visible` on `d`). */
  async incomingLabels(ids: string[], visible: SQL) {
    if (ids.length === 0) return [];
    return this.db.rows<{ id: string; arrival_number: number; year: number; subject: string }>(sql`
      SELECT d.id, d.arrival_number, d.year, d.subject FROM incoming_documents d
      WHERE d.id = ANY(${uuidArray(ids)}) AND ${visible}`);
  }

  /**
   * "Xem công việc" (Điều 3.7k): the person's parts waiting for their acceptance, plus proposals
   * waiting for their decision, on open tasks.
   */
  async waitingCount(userId: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT (
        (SELECT count(*) FROM task_assignments x JOIN tasks t ON t.id = x.task_id
          WHERE x.user_id = ${userId}::uuid AND x.state = 'pending' AND x.role IN ('lead','co') AND t.status = 'open')
        + (SELECT count(*) FROM task_assignments x JOIN tasks t ON t.id = x.task_id
          WHERE x.state = 'proposed' AND t.status = 'open'
            AND (x.assigned_by = ${userId}::uuid OR t.created_by = ${userId}::uuid))
      )::int AS n`);
    return Number(n);
  }
}
