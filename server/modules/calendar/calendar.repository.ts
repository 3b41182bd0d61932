import { sql } from 'drizzle-orm';
import type { TCalendarKind } from '../../../contracts/personal-calendar';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { isoOrNull as iso } from '../../platform/db/values';

/** A personal calendar entry as the service works with it. */
export interface EntryRow {
  id: string;
  userId: string;
  kind: TCalendarKind;
  title: string;
  notes: string | null;
  location: string | null;
  withWhom: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  rrule: string | null;
  exdates: string[];
  seriesEnd: Date;
  remindMinutes: number | null;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The fields a create or an update writes. */
export type EntryFields = Pick<
  EntryRow,
  | 'kind'
  | 'title'
  | 'notes'
  | 'location'
  | 'withWhom'
  | 'allDay'
  | 'startsAt'
  | 'endsAt'
  | 'rrule'
  | 'exdates'
  | 'seriesEnd'
  | 'remindMinutes'
>;

const COLUMNS = sql`id, user_id, kind, title, notes, location, with_whom, all_day, starts_at, ends_at, rrule, exdates,
  series_end, remind_minutes, deleted_at, created_at, updated_at`;

function toEntry(r: Record<string, unknown>): EntryRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    kind: r.kind as TCalendarKind,
    title: r.title as string,
    notes: (r.notes as string | null) ?? null,
    location: (r.location as string | null) ?? null,
    withWhom: (r.with_whom as string | null) ?? null,
    allDay: Boolean(r.all_day),
    startsAt: new Date(r.starts_at as string),
    endsAt: new Date(r.ends_at as string),
    rrule: (r.rrule as string | null) ?? null,
    exdates: (r.exdates as string[] | null) ?? [],
    seriesEnd: new Date(r.series_end as string),
    remindMinutes: r.remind_minutes === null || r.remind_minutes === undefined ? null : Number(r.remind_minutes),
    deleted: r.deleted_at !== null && r.deleted_at !== undefined,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
  };
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** All SQL of the personal calendar: the user's own entries, and their due dates from tasks and documents. */
export class CalendarRepository {
  constructor(private readonly db: Database) {}

  async insert(userId: string, f: EntryFields): Promise<EntryRow> {
    const rows = await this.db.rows(sql`
      INSERT INTO calendar_entries (id, user_id, kind, title, notes, location, with_whom, all_day, starts_at, ends_at,
        rrule, exdates, series_end, remind_minutes)
      VALUES (${uuidv7()}::uuid, ${userId}::uuid, ${f.kind}, ${f.title}, ${f.notes}, ${f.location}, ${f.withWhom},
        ${f.allDay}, ${ts(f.startsAt)}, ${ts(f.endsAt)}, ${f.rrule}, ${JSON.stringify(f.exdates)}::jsonb,
        ${ts(f.seriesEnd)}, ${f.remindMinutes})
      RETURNING ${COLUMNS}`);
    return toEntry(rows[0]);
  }

  async update(id: string, f: EntryFields): Promise<EntryRow> {
    const rows = await this.db.rows(sql`
      UPDATE calendar_entries SET kind = ${f.kind}, title = ${f.title}, notes = ${f.notes}, location = ${f.location},
        with_whom = ${f.withWhom}, all_day = ${f.allDay}, starts_at = ${ts(f.startsAt)}, ends_at = ${ts(f.endsAt)},
        rrule = ${f.rrule}, exdates = ${JSON.stringify(f.exdates)}::jsonb, series_end = ${ts(f.seriesEnd)},
        remind_minutes = ${f.remindMinutes}, updated_at = now()
      WHERE id = ${id}::uuid RETURNING ${COLUMNS}`);
    return toEntry(rows[0]);
  }

  /** An entry by id, whoever owns it (the reminder job); deleted ones too. */
  async byId(id: string): Promise<EntryRow | null> {
    const rows = await this.db.rows(sql`SELECT ${COLUMNS} FROM calendar_entries WHERE id = ${id}::uuid`);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** The user's own live entry, locked for a change; null for anyone else's. */
  async own(userId: string, id: string, lock = false): Promise<EntryRow | null> {
    const rows = await this.db.rows(sql`
      SELECT ${COLUMNS} FROM calendar_entries
      WHERE id = ${id}::uuid AND user_id = ${userId}::uuid AND deleted_at IS NULL ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async softDelete(id: string, at: Date): Promise<void> {
    await this.db.rows(
      sql`UPDATE calendar_entries SET deleted_at = ${ts(at)}, updated_at = now() WHERE id = ${id}::uuid`,
    );
  }

  /** The user's live entries with an occurrence that may fall in [from, to). */
  async inRange(userId: string, from: Date, to: Date): Promise<EntryRow[]> {
    const rows = await this.db.rows(sql`
      SELECT ${COLUMNS} FROM calendar_entries
      WHERE user_id = ${userId}::uuid AND deleted_at IS NULL AND series_end > ${ts(from)} AND starts_at < ${ts(to)}
      ORDER BY starts_at, id LIMIT 2000`);
    return rows.map(toEntry);
  }

  /** Due dates in [from, to] of the tasks the user works on (lead, co-handler) that are still open. */
  async taskDueDates(userId: string, from: string, to: string) {
    return this.db.rows<{ id: string; title: string; due: string }>(sql`
      SELECT DISTINCT t.id, t.title, to_char(coalesce(x.due_date, t.due_date), 'YYYY-MM-DD') AS due
      FROM task_assignments x JOIN tasks t ON t.id = x.task_id
      WHERE x.user_id = ${userId}::uuid AND x.role IN ('lead','co') AND x.state IN ('pending','in_progress','proposed')
        AND t.status = 'open' AND coalesce(x.due_date, t.due_date) BETWEEN ${from}::date AND ${to}::date
      ORDER BY due, t.id LIMIT 500`);
  }

  /** Due dates in [from, to] of the incoming documents the user handles (lead, co-handler) that are still open. */
  async incomingDueDates(userId: string, from: string, to: string) {
    return this.db.rows<{ id: string; subject: string; arrival_number: number; year: number; due: string }>(sql`
      SELECT DISTINCT d.id, d.subject, d.arrival_number, d.year, to_char(x.due_date, 'YYYY-MM-DD') AS due
      FROM incoming_assignments x JOIN incoming_documents d ON d.id = x.document_id
      WHERE x.user_id = ${userId}::uuid AND x.role IN ('lead','co') AND x.state IN ('pending','in_progress','delegated')
        AND d.status = 'in_progress' AND x.due_date BETWEEN ${from}::date AND ${to}::date
      ORDER BY due, d.id LIMIT 500`);
  }
}
