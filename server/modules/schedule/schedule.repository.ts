import { sql } from 'drizzle-orm';
import type { TScheduleEntry, TScheduleSession, TScheduleStatus } from '../../../contracts/schedule';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso, dateOrNull as day } from '../../platform/db/values';

/** A unit as the schedule's policies and titles need it. */
export interface ScheduleUnitRow {
  id: string;
  name: string;
  shortName: string;
  path: string;
  /** Name of the unit above (the managing organ), null at the root. */
  parentName: string | null;
}

/** The week row (absent until the first line is written). */
export interface ScheduleWeekRow {
  status: TScheduleStatus;
  publishedAt: string | null;
  publishedBy: { id: string; fullName: string } | null;
}

/** An entry with the unit and week it belongs to. */
export interface ScheduleEntryRow extends TScheduleEntry {
  unitId: string;
  weekStart: string;
}

/** The editable fields of an entry. */
export interface EntryFields {
  day: string;
  session: TScheduleSession;
  startTime: string | null;
  content: string;
  chair: string | null;
  participants: string | null;
  location: string | null;
  preparingUnit: string | null;
}

const ENTRY_SELECT = sql`
  SELECT id, unit_id AS "unitId", week_start::text AS "weekStart", day::text AS day, session,
         start_time AS "startTime", content, chair, participants, location, preparing_unit AS "preparingUnit",
         updated_at AS "updatedAt"
  FROM schedule_entries`;

function toEntry(r: Record<string, unknown>): ScheduleEntryRow {
  return {
    id: r.id as string,
    unitId: r.unitId as string,
    weekStart: day(r.weekStart) as string,
    day: day(r.day) as string,
    session: r.session as TScheduleSession,
    startTime: (r.startTime as string | null) ?? null,
    content: r.content as string,
    chair: (r.chair as string | null) ?? null,
    participants: (r.participants as string | null) ?? null,
    location: (r.location as string | null) ?? null,
    preparingUnit: (r.preparingUnit as string | null) ?? null,
    updatedAt: iso(r.updatedAt) as string,
  };
}

/** Drops the unit and week: what the API returns for one line. */
export function toApiEntry({ unitId: _u, weekStart: _w, ...entry }: ScheduleEntryRow): TScheduleEntry {
  return entry;
}

/** All SQL of the unit work schedule. */
export class ScheduleRepository {
  constructor(private readonly db: Database) {}

  async unit(id: string): Promise<ScheduleUnitRow | null> {
    const rows = await this.db.rows<ScheduleUnitRow>(sql`
      SELECT u.id, u.name, u.short_name AS "shortName", u.path, p.name AS "parentName"
      FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** The week row, optionally locked for the rest of the transaction (publishing and editing serialise on it). */
  async week(unitId: string, weekStart: string, lock = false): Promise<ScheduleWeekRow | null> {
    const rows = await this.db.rows(sql`
      SELECT w.status, w.published_at AS "publishedAt", w.published_by AS "publishedById", u.full_name AS "publishedByName"
      FROM schedule_weeks w LEFT JOIN users u ON u.id = w.published_by
      WHERE w.unit_id = ${unitId}::uuid AND w.week_start = ${weekStart}::date
      ${lock ? sql`FOR UPDATE OF w` : sql``}`);
    const r = rows[0];
    if (!r) return null;
    return {
      status: r.status as TScheduleStatus,
      publishedAt: iso(r.publishedAt),
      publishedBy: r.publishedById ? { id: r.publishedById as string, fullName: r.publishedByName as string } : null,
    };
  }

  /** Creates the week as a draft if it has no row yet, then locks it; returns it. */
  async ensureWeek(unitId: string, weekStart: string, now: Date): Promise<ScheduleWeekRow> {
    const at = now.toISOString();
    await this.db.rows(sql`
      INSERT INTO schedule_weeks (unit_id, week_start, status, created_at, updated_at)
      VALUES (${unitId}::uuid, ${weekStart}::date, 'draft', ${at}::timestamptz, ${at}::timestamptz)
      ON CONFLICT (unit_id, week_start) DO NOTHING`);
    return (await this.week(unitId, weekStart, true)) as ScheduleWeekRow;
  }

  async setStatus(
    unitId: string,
    weekStart: string,
    status: TScheduleStatus,
    by: string | null,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const published = status === 'published';
    await this.db.rows(sql`
      UPDATE schedule_weeks SET status = ${status},
        published_by = ${published ? by : null}::uuid,
        published_at = ${published ? at : null}::timestamptz,
        updated_at = ${at}::timestamptz
      WHERE unit_id = ${unitId}::uuid AND week_start = ${weekStart}::date`);
  }

  /** Live lines of a week, in reading order (index schedule_entries_week_idx). */
  async entries(unitId: string, weekStart: string): Promise<ScheduleEntryRow[]> {
    const rows = await this.db.rows(sql`${ENTRY_SELECT}
      WHERE unit_id = ${unitId}::uuid AND week_start = ${weekStart}::date AND deleted_at IS NULL
      ORDER BY day, CASE session WHEN 'morning' THEN 0 ELSE 1 END, start_time NULLS LAST, created_at, id`);
    return rows.map(toEntry);
  }

  async countEntries(unitId: string, weekStart: string): Promise<number> {
    const rows = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM schedule_entries
      WHERE unit_id = ${unitId}::uuid AND week_start = ${weekStart}::date AND deleted_at IS NULL`);
    return Number(rows[0]?.n ?? 0);
  }

  /** One live line, or null. */
  async entry(id: string): Promise<ScheduleEntryRow | null> {
    const rows = await this.db.rows(sql`${ENTRY_SELECT} WHERE id = ${id}::uuid AND deleted_at IS NULL`);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async insert(unitId: string, weekStart: string, f: EntryFields, createdBy: string, now: Date): Promise<string> {
    const id = uuidv7(now.getTime());
    const at = now.toISOString();
    await this.db.rows(sql`
      INSERT INTO schedule_entries (id, unit_id, week_start, day, session, start_time, content, chair, participants,
        location, preparing_unit, created_by, created_at, updated_at)
      VALUES (${id}::uuid, ${unitId}::uuid, ${weekStart}::date, ${f.day}::date, ${f.session}, ${f.startTime},
        ${f.content}, ${f.chair}, ${f.participants}, ${f.location}, ${f.preparingUnit}, ${createdBy}::uuid,
        ${at}::timestamptz, ${at}::timestamptz)`);
    return id;
  }

  async update(id: string, f: EntryFields, now: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE schedule_entries SET day = ${f.day}::date, session = ${f.session}, start_time = ${f.startTime},
        content = ${f.content}, chair = ${f.chair}, participants = ${f.participants}, location = ${f.location},
        preparing_unit = ${f.preparingUnit}, updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  async softDelete(id: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.rows(sql`
      UPDATE schedule_entries SET deleted_at = ${at}::timestamptz, updated_at = ${at}::timestamptz WHERE id = ${id}::uuid`);
  }

  /**
   * Copies the live lines of the week before into `weekStart`, each seven days later. A line the
   * week already has (same day, session, time and content) is not copied twice. Returns the new ids.
   */
  async copyFromPrevious(unitId: string, weekStart: string, createdBy: string, now: Date): Promise<string[]> {
    const at = now.toISOString();
    const source = await this.db.rows(sql`${ENTRY_SELECT} s
      WHERE s.unit_id = ${unitId}::uuid AND s.week_start = (${weekStart}::date - 7) AND s.deleted_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM schedule_entries t
          WHERE t.unit_id = s.unit_id AND t.week_start = ${weekStart}::date AND t.deleted_at IS NULL
            AND t.day = s.day + 7 AND t.session = s.session
            AND t.start_time IS NOT DISTINCT FROM s.start_time AND t.content = s.content)
      ORDER BY s.day, s.session, s.start_time NULLS LAST, s.created_at, s.id`);
    const ids: string[] = [];
    for (const [i, r] of source.entries()) {
      const id = uuidv7(now.getTime() + i);
      ids.push(id);
      await this.db.rows(sql`
        INSERT INTO schedule_entries (id, unit_id, week_start, day, session, start_time, content, chair, participants,
          location, preparing_unit, created_by, created_at, updated_at)
        SELECT ${id}::uuid, unit_id, ${weekStart}::date, day + 7, session, start_time, content, chair, participants,
          location, preparing_unit, ${createdBy}::uuid, ${at}::timestamptz, ${at}::timestamptz
        FROM schedule_entries WHERE id = ${r.id as string}::uuid`);
    }
    return ids;
  }

  /**
   * Every active unit with whether its week `weekStart` is published, the actor's own unit first,
   * then the tree order (path) and the units' sort order.
   */
  async units(
    ownUnitId: string,
    weekStart: string,
  ): Promise<(Omit<ScheduleUnitRow, 'parentName'> & { published: boolean })[]> {
    return this.db.rows(sql`
      SELECT u.id, u.name, u.short_name AS "shortName", u.path,
             (w.status IS NOT NULL AND w.status = 'published') AS published
      FROM units u
      LEFT JOIN schedule_weeks w ON w.unit_id = u.id AND w.week_start = ${weekStart}::date
      WHERE u.active
      ORDER BY (u.id = ${ownUnitId}::uuid) DESC, length(u.path) - length(replace(u.path, '/', '')), u.sort_order, u.name`);
  }
}
