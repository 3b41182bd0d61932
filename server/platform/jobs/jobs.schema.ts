import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, tstz } from '../db/columns';

/** Durable jobs: claimed with FOR UPDATE SKIP LOCKED, retried with back-off. */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    runAt: tstz('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedAt: tstz('locked_at'),
    lastError: text('last_error'),
    /** At most one pending job per key (e.g. one reminder per document and handler). */
    uniqueKey: text('unique_key'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`status = 'queued'`),
    uniqueIndex('jobs_unique_pending_key').on(t.uniqueKey).where(sql`status in ('queued','running')`),
  ],
);
