import { type SQL, sql } from 'drizzle-orm';
import type {
  TTaskAssignmentState,
  TTaskEventAction,
  TTaskPriority,
  TTaskRole,
  TTaskStatus,
} from '../../../contracts/tasks';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { dateOrNull as day } from '../../platform/db/values';

/** The facts of a task the policy and the flow need. */
export interface TaskCore {
  id: string;
  parentId: string | null;
  title: string;
  priority: TTaskPriority;
  status: TTaskStatus;
  startDate: string | null;
  dueDate: string | null;
  unitId: string;
  unitPath: string;
  createdBy: string;
  related: { kind: string; id: string }[];
}

export interface TaskAssignmentRow {
  id: string;
  taskId: string;
  userId: string;
  fullName: string;
  role: TTaskRole;
  state: TTaskAssignmentState;
  viaUnitId: string | null;
  assignedBy: string;
  parentId: string | null;
  /** The part's own due date (an approved proposal), null to follow the task's. */
  dueDate: string | null;
  progress: number;
  acceptedAt: string | null;
  proposalPlan: string | null;
  proposalDueDate: string | null;
}

export interface NewTask {
  id: string;
  parentId: string | null;
  title: string;
  description: string | null;
  priority: TTaskPriority;
  startDate: string | null;
  dueDate: string | null;
  related: { kind: string; id: string }[];
  unitId: string;
  unitPath: string;
  createdBy: string;
}

export interface NewAssignment {
  taskId: string;
  userId: string;
  unitPath: string;
  role: TTaskRole;
  state: TTaskAssignmentState;
  viaUnitId: string | null;
  assignedBy: string;
  parentId: string | null;
  dueDate: string | null;
  progress: number;
  acceptedAt: Date | null;
}

function toCore(r: Record<string, unknown>): TaskCore {
  return {
    id: r.id as string,
    parentId: (r.parent_id as string | null) ?? null,
    title: r.title as string,
    priority: r.priority as TTaskPriority,
    status: r.status as TTaskStatus,
    startDate: day(r.start_date),
    dueDate: day(r.due_date),
    unitId: r.unit_id as string,
    unitPath: r.unit_path as string,
    createdBy: r.created_by as string,
    related: (r.related as { kind: string; id: string }[]) ?? [],
  };
}

function toAssignment(r: Record<string, unknown>): TaskAssignmentRow {
  return {
    id: r.id as string,
    taskId: r.task_id as string,
    userId: r.user_id as string,
    fullName: r.full_name as string,
    role: r.role as TTaskRole,
    state: r.state as TTaskAssignmentState,
    viaUnitId: (r.via_unit_id as string | null) ?? null,
    assignedBy: r.assigned_by as string,
    parentId: (r.parent_id as string | null) ?? null,
    dueDate: day(r.due_date),
    progress: Number(r.progress),
    acceptedAt: r.accepted_at ? new Date(r.accepted_at as string).toISOString() : null,
    proposalPlan: (r.proposal_plan as string | null) ?? null,
    proposalDueDate: day(r.proposal_due_date),
  };
}

const ASSIGNMENT_COLUMNS = sql`x.id, x.task_id, x.user_id, u.full_name, x.role, x.state, x.via_unit_id, x.assigned_by,
  x.parent_id, x.due_date, x.progress, x.accepted_at, x.proposal_plan, x.proposal_due_date`;

/** All SQL that writes a task or reads one task for the flow. Lists are in tasks-lists.repository.ts. */
export class TasksRepository {
  constructor(private readonly db: Database) {}

  async insert(t: NewTask): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO tasks (id, parent_id, title, description, priority, start_date, due_date, related, unit_id,
        unit_path, created_by)
      VALUES (${t.id}::uuid, ${t.parentId}::uuid, ${t.title}, ${t.description}, ${t.priority}, ${t.startDate}::date,
        ${t.dueDate}::date, ${JSON.stringify(t.related)}::jsonb, ${t.unitId}::uuid, ${t.unitPath},
        ${t.createdBy}::uuid)`);
  }

  /** One task's core facts; `lock` takes the row lock for a flow step. */
  async core(id: string, lock = false): Promise<TaskCore | null> {
    const rows = await this.db.rows(sql`
      SELECT id, parent_id, title, priority, status, start_date, due_date, unit_id, unit_path, created_by, related
      FROM tasks WHERE id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows[0] ? toCore(rows[0]) : null;
  }

  /** True when the task is among those `visible` (the policy's condition on `t`) lets the viewer see. */
  async isVisible(id: string, visible: SQL): Promise<boolean> {
    const rows = await this.db.rows(sql`SELECT 1 FROM tasks t WHERE t.id = ${id}::uuid AND ${visible}`);
    return rows.length > 0;
  }

  /** Updates columns of a task (keys are column names chosen by the service, values bound). */
  async update(id: string, set: Record<string, unknown>): Promise<void> {
    const parts = Object.entries(set).map(([col, v]) =>
      v instanceof Date
        ? sql`${sql.identifier(col)} = ${v.toISOString()}::timestamptz`
        : sql`${sql.identifier(col)} = ${v}`,
    );
    await this.db.rows(
      sql`UPDATE tasks SET ${sql.join([...parts, sql`updated_at = now()`], sql`, `)} WHERE id = ${id}::uuid`,
    );
  }

  /** The editable fields as the update contract names them (the audit's "before"). */
  async editable(id: string): Promise<Record<string, unknown>> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      SELECT title, description, priority, to_char(start_date, 'YYYY-MM-DD') AS "startDate", related
      FROM tasks WHERE id = ${id}::uuid`);
    return rows[0] ?? {};
  }

  async addAssignment(a: NewAssignment): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO task_assignments (id, task_id, user_id, unit_path, role, state, via_unit_id, assigned_by, parent_id,
        due_date, progress, accepted_at)
      VALUES (${id}::uuid, ${a.taskId}::uuid, ${a.userId}::uuid, ${a.unitPath}, ${a.role}, ${a.state},
        ${a.viaUnitId}::uuid, ${a.assignedBy}::uuid, ${a.parentId}::uuid, ${a.dueDate}::date, ${a.progress},
        ${a.acceptedAt ? a.acceptedAt.toISOString() : null}::timestamptz)`);
    return id;
  }

  async assignments(taskId: string, lock = false): Promise<TaskAssignmentRow[]> {
    const rows = await this.db.rows(sql`
      SELECT ${ASSIGNMENT_COLUMNS} FROM task_assignments x JOIN users u ON u.id = x.user_id
      WHERE x.task_id = ${taskId}::uuid ORDER BY x.created_at, x.id ${lock ? sql`FOR UPDATE OF x` : sql``}`);
    return rows.map(toAssignment);
  }

  async assignment(id: string): Promise<TaskAssignmentRow | null> {
    const rows = await this.db.rows(sql`
      SELECT ${ASSIGNMENT_COLUMNS} FROM task_assignments x JOIN users u ON u.id = x.user_id WHERE x.id = ${id}::uuid`);
    return rows[0] ? toAssignment(rows[0]) : null;
  }

  async setAssignment(
    id: string,
    set: {
      state?: TTaskAssignmentState;
      progress?: number;
      dueDate?: string | null;
      acceptedAt?: Date;
      completedAt?: Date | null;
      proposal?: { plan: string; dueDate: string | null; at: Date } | null;
    },
  ): Promise<void> {
    const parts: SQL[] = [sql`updated_at = now()`];
    if (set.state !== undefined) parts.push(sql`state = ${set.state}`);
    if (set.progress !== undefined) parts.push(sql`progress = ${set.progress}`);
    if (set.dueDate !== undefined) parts.push(sql`due_date = ${set.dueDate}::date`);
    if (set.acceptedAt !== undefined) parts.push(sql`accepted_at = ${set.acceptedAt.toISOString()}::timestamptz`);
    if (set.completedAt !== undefined)
      parts.push(sql`completed_at = ${set.completedAt ? set.completedAt.toISOString() : null}::timestamptz`);
    if (set.proposal !== undefined) {
      const p = set.proposal;
      parts.push(sql`proposal_plan = ${p?.plan ?? null}`);
      parts.push(sql`proposal_due_date = ${p?.dueDate ?? null}::date`);
      parts.push(sql`proposal_at = ${p ? p.at.toISOString() : null}::timestamptz`);
    }
    await this.db.rows(sql`UPDATE task_assignments SET ${sql.join(parts, sql`, `)} WHERE id = ${id}::uuid`);
  }

  /** Every open working part of a task follows the task's due date again (the assigner changed it). */
  async clearPartDueDates(taskId: string): Promise<void> {
    await this.db.rows(sql`
      UPDATE task_assignments SET due_date = NULL, updated_at = now()
      WHERE task_id = ${taskId}::uuid AND due_date IS NOT NULL AND state IN ('pending','in_progress','proposed')`);
  }

  /**
   * The other leaders of a unit still waiting on the same part are released once one of them
   * takes it up; returns who was released.
   */
  async releaseUnitSiblings(part: TaskAssignmentRow): Promise<string[]> {
    if (!part.viaUnitId) return [];
    const rows = await this.db.rows<{ user_id: string }>(sql`
      UPDATE task_assignments SET state = 'withdrawn', updated_at = now()
      WHERE task_id = ${part.taskId}::uuid AND via_unit_id = ${part.viaUnitId}::uuid AND role = ${part.role}
        AND state = 'pending' AND id <> ${part.id}::uuid
      RETURNING user_id`);
    return rows.map((r) => r.user_id);
  }

  async addEvent(e: {
    taskId: string;
    at: Date;
    actorId: string;
    onBehalfOfId: string | null;
    action: TTaskEventAction;
    comment?: string | null;
    data?: Record<string, unknown>;
  }): Promise<string> {
    const id = uuidv7();
    await this.db.rows(sql`
      INSERT INTO task_events (id, task_id, at, actor_id, on_behalf_of_id, action, comment, data)
      VALUES (${id}::uuid, ${e.taskId}::uuid, ${e.at.toISOString()}::timestamptz, ${e.actorId}::uuid,
              ${e.onBehalfOfId}::uuid, ${e.action}, ${e.comment ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb)`);
    return id;
  }

  /** Ids of a task's progress reports (their files hang on them). */
  async reportIds(taskId: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT id FROM task_events WHERE task_id = ${taskId}::uuid AND action = 'report'`);
    return rows.map((r) => r.id);
  }

  /** Active users among these ids, with their unit. */
  async people(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db.rows<{ id: string; full_name: string; unit_id: string; unit_path: string }>(sql`
      SELECT u.id, u.full_name, u.unit_id, un.path AS unit_path
      FROM users u JOIN units un ON un.id = u.unit_id
      WHERE u.id = ANY(${uuidArray(ids)}) AND u.status = 'active'`);
  }

  /** Active units among these ids. */
  async units(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db.rows<{ id: string; name: string }>(sql`
      SELECT id, name FROM units WHERE id = ANY(${uuidArray(ids)}) AND active`);
  }

  /** A unit's leaders: its active people who may assign tasks (tasks.assign through an active group). */
  async unitLeaders(unitIds: readonly string[]) {
    if (unitIds.length === 0) return [];
    return this.db.rows<{ id: string; full_name: string; unit_id: string; unit_path: string }>(sql`
      SELECT u.id, u.full_name, u.unit_id, un.path AS unit_path
      FROM users u JOIN units un ON un.id = u.unit_id
      WHERE u.unit_id = ANY(${uuidArray(unitIds)}) AND u.status = 'active' AND un.active
        AND EXISTS (SELECT 1 FROM user_groups ug JOIN group_permissions gp ON gp.group_id = ug.group_id
                    JOIN groups g ON g.id = ug.group_id
                    WHERE ug.user_id = u.id AND g.active AND gp.permission = 'tasks.assign')
      ORDER BY u.sort_key COLLATE "C", u.id`);
  }

  async unitPath(unitId: string): Promise<string> {
    const rows = await this.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${unitId}::uuid`);
    if (!rows[0]) throw new Error(`unit ${unitId} not found`);
    return rows[0].path;
  }

  /** Incoming documents among these ids that `visible` (the incoming policy's condition on `d`) lets the viewer see. */
  async visibleIncoming(ids: readonly string[], visible: SQL): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT d.id FROM incoming_documents d WHERE d.id = ANY(${uuidArray(ids)}) AND ${visible}`);
    return rows.map((r) => r.id);
  }
}
