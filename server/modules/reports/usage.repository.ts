import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import { type UnitRange, unitCondition } from './summary.repository';

/** A person of the units the report covers. */
export interface UsagePerson {
  id: string;
  full_name: string;
  job_title: string | null;
  unit_id: string;
  unit_name: string;
}

/** One count of one person. */
interface PersonCount {
  user_id: string;
  key: string;
  n: number;
}

/** The units of the report (`un`). */
function unitsOf(r: UnitRange): SQL {
  return r.subtree ? sql`un.path LIKE ${`${escapeLike(r.unitPath)}%`}` : sql`un.id = ${r.unitId}::uuid`;
}

/** The month as an interval of instants: from its first day 00:00 to the next month's, Vietnam time. */
function monthRange(month: string): { start: SQL; end: SQL } {
  const first = `${month}-01`;
  return {
    start: sql`(${first}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    end: sql`((${first}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
  };
}

/**
 * All SQL of "Báo cáo tình hình sử dụng hệ thống" (Điều 12). Each count starts from the people
 * of the units (an id list) and reads an index on (person, time): the audit log for sign-ins,
 * registrations and directions; the documents, handling parts, tasks and announcements for the rest.
 */
export class UsageRepository {
  constructor(private readonly db: Database) {}

  /** Active people of the units, by unit then name. */
  async people(r: UnitRange): Promise<UsagePerson[]> {
    return this.db.rows<UsagePerson>(sql`
      SELECT u.id, u.full_name, jt.name AS job_title, un.id AS unit_id, un.name AS unit_name
      FROM users u JOIN units un ON un.id = u.unit_id LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE ${unitsOf(r)} AND u.status = 'active'
      ORDER BY length(un.path), un.sort_order, un.name, u.sort_key COLLATE "C", u.id`);
  }

  /** Whether the tasks module's tables are installed (its counts are left empty otherwise). */
  async hasTasks(): Promise<boolean> {
    const rows = await this.db.rows<{ ok: boolean }>(
      sql`SELECT to_regclass('tasks') IS NOT NULL AND to_regclass('task_assignments') IS NOT NULL AS ok`,
    );
    return Boolean(rows[0]?.ok);
  }

  /**
   * Counts per person in the month, keyed: signIns, registered, directed, handled, handledOnTime,
   * messages, and (with `tasks`) tasksAssigned, tasksDone.
   */
  async counts(r: UnitRange, month: string, tasks: boolean): Promise<PersonCount[]> {
    const ids = sql`ARRAY(SELECT u.id FROM users u JOIN units un ON un.id = u.unit_id
      WHERE ${unitsOf(r)} AND u.status = 'active')`;
    const { start, end } = monthRange(month);
    const parts: SQL[] = [
      sql`SELECT a.actor_id AS user_id,
            CASE a.action WHEN 'auth.login' THEN 'signIns' WHEN 'incoming.register' THEN 'registered'
                          ELSE 'directed' END AS key, count(*)::int AS n
          FROM audit_log a
          WHERE a.actor_id = ANY(${ids}) AND a.at >= ${start} AND a.at < ${end}
            AND a.action IN ('auth.login','incoming.register','incoming.direct')
          GROUP BY 1, 2`,
      sql`SELECT o.issued_by AS user_id, 'registered' AS key, count(*)::int AS n
          FROM outgoing_documents o
          WHERE ${unitCondition('o', r)} AND o.issued_at >= ${start} AND o.issued_at < ${end}
            AND o.issued_by = ANY(${ids})
            AND o.status IN ('issued','recalled')
          GROUP BY 1`,
      sql`SELECT a.user_id, k.key, count(*)::int AS n
          FROM incoming_assignments a
          CROSS JOIN LATERAL (VALUES ('handled'),
            (CASE WHEN a.due_date IS NULL OR (a.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= a.due_date
                  THEN 'handledOnTime' END)) AS k(key)
          WHERE a.user_id = ANY(${ids}) AND a.role IN ('lead','co') AND a.state = 'done'
            AND a.completed_at >= ${start} AND a.completed_at < ${end} AND k.key IS NOT NULL
          GROUP BY 1, 2`,
      sql`SELECT m.sender_id AS user_id, 'messages' AS key, count(*)::int AS n
          FROM announcements m
          WHERE m.sender_id = ANY(${ids}) AND m.created_at >= ${start} AND m.created_at < ${end}
          GROUP BY 1`,
    ];
    if (tasks)
      parts.push(
        sql`SELECT t.created_by AS user_id, 'tasksAssigned' AS key, count(*)::int AS n
            FROM tasks t
            WHERE t.created_by = ANY(${ids}) AND t.created_at >= ${start} AND t.created_at < ${end}
            GROUP BY 1`,
        sql`SELECT ta.user_id, 'tasksDone' AS key, count(*)::int AS n
            FROM task_assignments ta
            WHERE ta.user_id = ANY(${ids}) AND ta.state = 'done'
              AND ta.completed_at >= ${start} AND ta.completed_at < ${end}
            GROUP BY 1`,
      );
    const rows = await this.db.rows<PersonCount>(sql.join(parts, sql` UNION ALL `));
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
}
