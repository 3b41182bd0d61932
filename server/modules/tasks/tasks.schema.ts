import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { units } from '../org/org.schema';
import { users } from '../users/users.schema';

/**
 * Công việc (Việc giao / Việc nhận, Điều 3.2a–b): a task created by a person, kept for
 * themselves or given to people and units. `unitPath` copies the creator's unit path so a
 * leader's scope is one index condition; `parentId` makes it a sub-task.
 * status: open | done (the handlers finished, waiting for the assigner) | closed (evaluated) | cancelled.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: idColumn(),
    parentId: uuid('parent_id'),
    title: text('title').notNull(),
    description: text('description'),
    /** low | normal | high | urgent */
    priority: text('priority').notNull().default('normal'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    /** 0–100: the lead's progress (the co-handlers' average without a lead). */
    progress: integer('progress').notNull().default(0),
    /** Related records as kind + id pairs (incoming documents …), shown as links. */
    related: jsonb('related').$type<{ kind: string; id: string }[]>().notNull().default([]),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    completedAt: tstz('completed_at'),
    closedAt: tstz('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    /** 1–5 stars given when the assigner closes the task. */
    rating: integer('rating'),
    evaluation: text('evaluation'),
    cancelReason: text('cancel_reason'),
    ...timestamps(),
  },
  (t) => [
    index('tasks_created_by_idx').on(t.createdBy, t.status, t.dueDate),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_unit_path_idx').on(sql`${t.unitPath} text_pattern_ops`),
    index('tasks_open_due_idx').on(t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * One person's part in a task: lead (chủ trì, at most one), co-handler (phối hợp) or follower
 * (theo dõi). A unit's part goes to each of its leaders with `viaUnitId`; the first who takes it
 * up holds it, the others are released. `dueDate` overrides the task's due date (an approved
 * proposal); `proposal*` hold the assignee's pending proposal to handle it their way.
 * state: pending (waiting for acceptance) | in_progress | proposed | done | handed_over | withdrawn.
 */
export const taskAssignments = pgTable(
  'task_assignments',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The assignee's unit path when assigned (leaders' scope). */
    unitPath: text('unit_path').notNull(),
    role: text('role').notNull(),
    state: text('state').notNull().default('pending'),
    viaUnitId: uuid('via_unit_id').references(() => units.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    /** The part this one was handed on from (giao lại). */
    parentId: uuid('parent_id'),
    dueDate: date('due_date', { mode: 'string' }),
    progress: integer('progress').notNull().default(0),
    acceptedAt: tstz('accepted_at'),
    completedAt: tstz('completed_at'),
    proposalPlan: text('proposal_plan'),
    proposalDueDate: date('proposal_due_date', { mode: 'string' }),
    proposalAt: tstz('proposal_at'),
    ...timestamps(),
  },
  (t) => [
    index('task_assignments_user_idx').on(t.userId, t.state, t.role),
    index('task_assignments_task_idx').on(t.taskId),
    index('task_assignments_proposed_idx').on(t.assignedBy).where(sql`${t.state} = 'proposed'`),
    index('task_assignments_unit_path_idx').on(sql`${t.unitPath} text_pattern_ops`),
  ],
);

/**
 * The trail of a task: created, assigned, accepted, proposals and decisions, hand-ons, progress
 * reports (with files attached to the event), urges, due-date changes, closing. `data` holds the
 * step's facts (percent, dates before/after, names of the people concerned).
 */
export const taskEvents = pgTable(
  'task_events',
  {
    id: idColumn(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    action: text('action').notNull(),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.at)],
);
