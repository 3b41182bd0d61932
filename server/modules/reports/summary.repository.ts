import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';

/** The units a report covers: one unit, or it and every unit under it (by path). */
export interface UnitRange {
  unitId: string;
  unitPath: string;
  subtree: boolean;
}

/** A period of calendar days in Vietnam, `yyyy-mm-dd`, both included. */
export interface Period {
  from: string;
  to: string;
}

/** A count under one heading of one dimension. */
export interface DimensionCount {
  dim: 'type' | 'field' | 'urgency' | 'month';
  label: string;
  ord: number;
  n: number;
}

export interface ResultRow {
  on_time: number;
  late: number;
  in_progress: number;
  overdue: number;
}

/** The condition on a row's unit (`alias.unit_id` / `alias.unit_path`). */
export function unitCondition(alias: string, r: UnitRange): SQL {
  const a = sql.raw(alias);
  return r.subtree ? sql`${a}.unit_path LIKE ${`${escapeLike(r.unitPath)}%`}` : sql`${a}.unit_id = ${r.unitId}::uuid`;
}

const startOf = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const endOf = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const vnDay = (column: SQL) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** Incoming documents received in the period (returned and cancelled ones were not kept). */
function incomingIn(r: UnitRange, p: Period): SQL {
  return sql`${unitCondition('d', r)} AND d.arrival_at >= ${startOf(p.from)} AND d.arrival_at < ${endOf(p.to)}
    AND d.status NOT IN ('cancelled','returned')`;
}

/** The four processing results, counted with FILTER, for rows with a state, due date and finish time. */
function resultCounts(open: SQL, done: SQL, due: SQL, finished: SQL, today: string): SQL {
  return sql`
    count(*) FILTER (WHERE ${done} AND (${due} IS NULL OR ${vnDay(finished)} <= ${due}))::int AS on_time,
    count(*) FILTER (WHERE ${done} AND ${due} IS NOT NULL AND ${vnDay(finished)} > ${due})::int AS late,
    count(*) FILTER (WHERE ${open} AND (${due} IS NULL OR ${due} >= ${today}::date))::int AS in_progress,
    count(*) FILTER (WHERE ${open} AND ${due} < ${today}::date)::int AS overdue`;
}

/** All SQL of "Báo cáo tổng hợp". */
export class SummaryRepository {
  constructor(private readonly db: Database) {}

  /**
   * Documents in (arrival date) and out (issued date) of the units and period, counted by type,
   * field, urgency and month: one scan of each table, grouped four ways.
   */
  async counts(direction: 'incoming' | 'outgoing', r: UnitRange, p: Period): Promise<DimensionCount[]> {
    const table = direction === 'incoming' ? sql`incoming_documents` : sql`outgoing_documents`;
    const where =
      direction === 'incoming'
        ? incomingIn(r, p)
        : sql`${unitCondition('d', r)} AND d.status IN ('issued','recalled')
            AND d.issued_date BETWEEN ${p.from}::date AND ${p.to}::date`;
    const month =
      direction === 'incoming'
        ? sql`to_char(d.arrival_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`
        : sql`to_char(d.issued_date, 'YYYY-MM')`;
    const rows = await this.db.rows<{ dim: DimensionCount['dim']; label: string; ord: number; n: number }>(sql`
      WITH x AS (
        SELECT t.name AS type_name, t.sort_order AS type_ord,
               coalesce(f.name, '') AS field_name, coalesce(f.rank, 1000000) AS field_ord,
               coalesce(ug.name, 'Thường') AS urgency_name, coalesce(ug.rank, 0) AS urgency_ord,
               ${month} AS month
        FROM ${table} d
        JOIN document_types t ON t.id = d.document_type_id
        LEFT JOIN catalog_entries f ON f.catalog = 'field' AND f.id = d.field_id
        LEFT JOIN catalog_entries ug ON ug.catalog = 'urgency' AND ug.code = d.urgency_code
        WHERE ${where}
      )
      SELECT 'type' AS dim, type_name AS label, min(type_ord)::int AS ord, count(*)::int AS n FROM x GROUP BY type_name
      UNION ALL
      SELECT 'field', field_name, min(field_ord)::int, count(*)::int FROM x GROUP BY field_name
      UNION ALL
      SELECT 'urgency', urgency_name, min(urgency_ord)::int, count(*)::int FROM x GROUP BY urgency_name
      UNION ALL
      SELECT 'month', month, 0, count(*)::int FROM x GROUP BY month`);
    return rows.map((x) => ({ ...x, ord: Number(x.ord), n: Number(x.n) }));
  }

  /** Processing results of each handler's parts (lead, co-handle) in documents received in the period. */
  async byHandler(r: UnitRange, p: Period, today: string) {
    return this.db.rows<ResultRow & { user_id: string; full_name: string; unit_name: string }>(sql`
      SELECT a.user_id, u.full_name, un.name AS unit_name,
        ${resultCounts(
          sql`a.state IN ('pending','in_progress','delegated')`,
          sql`a.state = 'done'`,
          sql`a.due_date`,
          sql`a.completed_at`,
          today,
        )}
      FROM incoming_assignments a
      JOIN incoming_documents d ON d.id = a.document_id
      JOIN users u ON u.id = a.user_id
      JOIN units un ON un.id = u.unit_id
      WHERE ${incomingIn(r, p)} AND a.role IN ('lead','co') AND a.state NOT IN ('withdrawn','forwarded')
      GROUP BY a.user_id, u.full_name, un.name, un.path, u.sort_key
      ORDER BY un.path, u.sort_key COLLATE "C", a.user_id`);
  }

  /** Processing results of the documents of each unit covered (every unit listed, even without documents). */
  async byUnit(r: UnitRange, p: Period, today: string) {
    const units = r.subtree
      ? sql`un.path LIKE ${`${escapeLike(r.unitPath)}%`} AND un.active`
      : sql`un.id = ${r.unitId}::uuid`;
    return this.db.rows<ResultRow & { unit_id: string; name: string }>(sql`
      SELECT un.id AS unit_id, un.name,
        ${resultCounts(
          sql`d.status IN ('new','presented','in_progress')`,
          sql`d.status = 'done'`,
          sql`d.due_date`,
          sql`d.completed_at`,
          today,
        )}
      FROM units un
      LEFT JOIN incoming_documents d ON d.unit_id = un.id AND d.arrival_at >= ${startOf(p.from)}
        AND d.arrival_at < ${endOf(p.to)} AND d.status NOT IN ('cancelled','returned')
      WHERE ${units}
      GROUP BY un.id, un.name, un.path, un.sort_order
      ORDER BY length(un.path), un.sort_order, un.name`);
  }
}
