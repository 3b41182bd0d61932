import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { users } from '../users/users.schema';

/**
 * Lịch cá nhân (Điều 3.2c): a person's own events, appointments (lịch hẹn) and diary entries
 * (nhật ký), seen by nobody else. A recurring entry keeps its rule (`rrule`, RRULE-like:
 * FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY, UNTIL or COUNT) and the occurrences are expanded
 * on the server for the range asked; `seriesEnd` is when the last occurrence ends, so a range
 * query is one index condition. All-day entries start at 00:00 Vietnam time and end at 00:00 of
 * the day after their last day. `remindMinutes`: remind this long before each occurrence.
 */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** event | appointment | diary */
    kind: text('kind').notNull().default('event'),
    title: text('title').notNull(),
    notes: text('notes'),
    location: text('location'),
    /** The person or organisation of an appointment. */
    withWhom: text('with_whom'),
    allDay: boolean('all_day').notNull().default(false),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    rrule: text('rrule'),
    /** Occurrences removed from a series, by their start date (yyyy-mm-dd, Vietnam time). */
    exdates: jsonb('exdates').$type<string[]>().notNull().default([]),
    seriesEnd: tstz('series_end').notNull(),
    remindMinutes: integer('remind_minutes'),
    deletedAt: tstz('deleted_at'),
    ...timestamps(),
  },
  (t) => [
    index('calendar_entries_user_range_idx').on(t.userId, t.seriesEnd, t.startsAt).where(sql`${t.deletedAt} IS NULL`),
  ],
);
