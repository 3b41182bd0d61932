import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { units } from '../org/org.schema';
import { users } from '../users/users.schema';

/**
 * Lịch đơn vị (lịch công tác tuần, Điều 3.2e): a unit's week, drafted by the clerk and published
 * by the leader. Other units see a week only once it is published.
 */
export const scheduleWeeks = pgTable(
  'schedule_weeks',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Monday of the week. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: tstz('published_at'),
    /** Shown under the title of the printed week ("Lịch có thể thay đổi…"). */
    note: text('note'),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.weekStart] })],
);

/** One line of the week: day, morning/afternoon, time, content, chair, participants, place, preparing unit. */
export const scheduleEntries = pgTable(
  'schedule_entries',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** morning | afternoon */
    session: text('session').notNull(),
    /** HH:MM, optional. */
    startTime: text('start_time'),
    content: text('content').notNull(),
    chair: text('chair'),
    participants: text('participants'),
    location: text('location'),
    preparingUnit: text('preparing_unit'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    deletedAt: tstz('deleted_at'),
    ...timestamps(),
  },
  (t) => [
    index('schedule_entries_week_idx')
      .on(t.unitId, t.weekStart, t.day, t.session, t.startTime)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);
