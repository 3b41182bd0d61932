import { type SQL, sql } from 'drizzle-orm';
import type { TTaskAbilities } from '../../../contracts/tasks';
import { type Actor, principalOf } from '../../platform/authz/actor';
import { authorize, can } from '../../platform/authz/authorize';
import { escapeLike } from '../../platform/db/like';
import { AppError } from '../../platform/errors';
import type { TaskAssignmentRow, TaskCore } from './tasks.repository';

/** Everything personal about tasks: receive, accept, propose, hand on, report, keep one's own tasks. */
export const USE = 'tasks.use';
/** Give tasks to other people and units, urge them, follow them on the board. */
export const ASSIGN = 'tasks.assign';
export const TASK_PERMISSIONS = [USE, ASSIGN];

/** States in which a part is still being worked on. */
export const OPEN_PARTS = ['pending', 'in_progress', 'proposed'] as const;

/** A signed-in user holding tasks.use (403 otherwise). */
export function authorizeUse(actor: Actor | null): Actor {
  return authorize(actor, USE);
}

/** The unit-path condition of the actor's tasks.assign scope on a column; null when they hold none. */
function leaderScope(actor: Actor, column: SQL): SQL | null {
  const scope = actor.permissions.get(ASSIGN);
  if (!scope) return null;
  // A subtree scope at the root unit covers everything.
  if (scope === 'all' || (scope === 'subtree' && actor.unitPath.split('/').filter(Boolean).length === 1))
    return sql`true`;
  if (scope === 'subtree') return sql`${column} LIKE ${`${escapeLike(actor.unitPath)}%`}`;
  return sql`${column} = ${actor.unitPath}`;
}

/**
 * Which tasks `t` the actor may see, as SQL for every list and for one task: those they created,
 * those they have (or had) a part in, sub-tasks of their own tasks, and — for leaders — tasks
 * created in or given to people of the units their tasks.assign scope covers. Each alternative
 * is index-backed (created_by, id = ANY(own part ids), unit paths).
 */
export function visibleSql(actor: Actor): SQL {
  const me = principalOf(actor);
  const mine = sql`t.created_by = ${me}::uuid
    OR t.id = ANY(ARRAY(SELECT va.task_id FROM task_assignments va WHERE va.user_id = ${me}::uuid))
    OR t.parent_id = ANY(ARRAY(SELECT vp.id FROM tasks vp WHERE vp.created_by = ${me}::uuid))`;
  const own = leaderScope(actor, sql`t.unit_path`);
  if (!own) return sql`(${mine})`;
  const given = leaderScope(actor, sql`sa.unit_path`) as SQL;
  return sql`(${mine} OR ${own}
    OR t.id = ANY(ARRAY(SELECT sa.task_id FROM task_assignments sa WHERE ${given})))`;
}

/** The principal's parts of a task that are open, working (lead/co) ones first by state. */
function myParts(actor: Actor, parts: TaskAssignmentRow[]) {
  const me = principalOf(actor);
  const working = parts.filter((a) => a.userId === me && (a.role === 'lead' || a.role === 'co'));
  const pending = working.find((a) => a.state === 'pending');
  const active = working.find((a) => a.state === 'in_progress');
  // Only a part someone else gave may be proposed back to them.
  const proposable = [pending, active].find((a) => a && a.assignedBy !== me);
  return { pending, active, proposable };
}

/** The principal's part a step acts on: a pending one for accept, an accepted one for report … */
export function partFor(
  actor: Actor,
  parts: TaskAssignmentRow[],
  step: 'accept' | 'propose' | 'handOn' | 'report',
): TaskAssignmentRow | undefined {
  const p = myParts(actor, parts);
  if (step === 'accept') return p.pending;
  if (step === 'report') return p.active;
  if (step === 'propose') return p.proposable;
  return p.pending ?? p.active;
}

/** True when the actor may approve or refuse this proposal: the one who gave the part, or the task's creator. */
export function mayDecide(actor: Actor, task: TaskCore, part: TaskAssignmentRow): boolean {
  const me = principalOf(actor);
  return task.status === 'open' && part.state === 'proposed' && (part.assignedBy === me || task.createdBy === me);
}

/** What the actor may do with a task now; the web shows its buttons from this. */
export function abilities(actor: Actor, task: TaskCore, parts: TaskAssignmentRow[]): TTaskAbilities {
  const me = principalOf(actor);
  const uses = can(actor, USE);
  const open = task.status === 'open' && uses;
  const creator = task.createdBy === me;
  const mine = myParts(actor, parts);
  const leaderOver = can(actor, ASSIGN, task);
  const gave = parts.some((a) => a.assignedBy === me && a.userId !== me);
  const othersWorking = parts.some(
    (a) =>
      a.userId !== me && (a.role === 'lead' || a.role === 'co') && (OPEN_PARTS as readonly string[]).includes(a.state),
  );
  return {
    update: open && creator,
    assign: open && creator && can(actor, ASSIGN),
    accept: open && Boolean(mine.pending),
    propose: open && Boolean(mine.proposable),
    handOn: open && Boolean(mine.pending ?? mine.active),
    report: open && Boolean(mine.active),
    urge: open && othersWorking && (creator || gave || leaderOver),
    changeDue: open && creator,
    subtask: open && (creator || Boolean(mine.active)),
    close: uses && creator && (task.status === 'open' || task.status === 'done'),
    cancel: open && creator,
  };
}

export type TaskStep = keyof TTaskAbilities;

/**
 * Throws unless the actor may take this step now: 409 to someone involved in the task (not
 * possible in its current state), 403 to anyone else who may see it.
 */
export function authorizeStep(actor: Actor, task: TaskCore, parts: TaskAssignmentRow[], step: TaskStep): void {
  if (abilities(actor, task, parts)[step]) return;
  const me = principalOf(actor);
  const involved = task.createdBy === me || parts.some((a) => a.userId === me || a.assignedBy === me);
  throw new AppError(involved ? 'INVALID_STATE' : 'FORBIDDEN');
}
