import { type SQL, sql } from 'drizzle-orm';
import type { TPermissionScope } from '../../../contracts/auth';
import type { TIncomingAbilities } from '../../../contracts/incoming';
import { type Actor, principalOf } from '../../platform/authz/actor';
import { can, scopeCovers } from '../../platform/authz/authorize';
import { escapeLike } from '../../platform/db/like';
import { AppError } from '../../platform/errors';
import type { AssignmentRow, IncomingCore } from './incoming.repository';

/** Permissions of the incoming-documents functions (contracts/functions.ts). */
export const INCOMING_PERMISSIONS = ['incoming.register', 'incoming.forward', 'incoming.direct', 'incoming.view'];

const RANK: Record<TPermissionScope, number> = { own: 1, subtree: 2, all: 3 };
const OPEN_STATES = ['pending', 'in_progress', 'delegated'];
const CLOSED_DOC = ['done', 'cancelled', 'returned'];

/** The widest scope the actor holds over incoming documents through any of their permissions. */
function unitScope(actor: Actor, permissions = INCOMING_PERMISSIONS): TPermissionScope | null {
  let best: TPermissionScope | null = null;
  for (const p of permissions) {
    const s = actor.permissions.get(p);
    if (s && (!best || RANK[s] > RANK[best])) best = s;
  }
  return best;
}

/** A subtree scope held at the root unit (path `/id/`) covers every unit: no condition needed. */
function effectiveScope(actor: Actor, scope: TPermissionScope | null): TPermissionScope | null {
  if (scope === 'subtree' && actor.unitPath.split('/').filter(Boolean).length === 1) return 'all';
  return scope;
}

function scopeSql(actor: Actor, scope: TPermissionScope | null): SQL {
  const s = effectiveScope(actor, scope);
  if (!s) return sql`false`;
  if (s === 'all') return sql`true`;
  if (s === 'subtree') return sql`d.unit_path LIKE ${`${escapeLike(actor.unitPath)}%`}`;
  return sql`d.unit_id = ${actor.unitId}::uuid`;
}

/**
 * Which documents `d` the actor may see, as SQL for every list, search and count: those they
 * registered or were given (incoming_access), and — unless confidential — those of the units
 * their role covers. A confidential document is seen only by its clerk and the people named on it.
 * Written as three index-backed alternatives (unit or path, created_by, id = ANY(given ids)) so
 * PostgreSQL can combine them with a text search in one bitmap scan.
 */
export function visibleSql(actor: Actor): SQL {
  const me = principalOf(actor);
  return sql`((NOT d.confidential AND ${scopeSql(actor, unitScope(actor))})
    OR d.created_by = ${me}::uuid
    OR d.id = ANY(ARRAY(SELECT va.document_id FROM incoming_access va WHERE va.user_id = ${me}::uuid)))`;
}

/** Documents `d` the actor classifies (incoming.forward over their unit). */
export function classifyScopeSql(actor: Actor): SQL {
  const scope = unitScope(actor, ['incoming.forward']);
  const me = principalOf(actor);
  // A confidential document waits only in its own clerk's list.
  return sql`(${scopeSql(actor, scope)} AND (NOT d.confidential OR d.created_by = ${me}::uuid))`;
}

/** The same rule as visibleSql for one document already loaded. */
export function canSee(actor: Actor, doc: IncomingCore, hasAccess: boolean): boolean {
  if (doc.createdBy === principalOf(actor) || hasAccess) return true;
  if (doc.confidential) return false;
  const scope = unitScope(actor);
  return scope !== null && scopeCovers(scope, actor, doc);
}

/** Facts about the actor's own part in a document. */
export interface MyPart {
  /** The principal's assignments on the document. */
  assignments: AssignmentRow[];
  openRequestId: string | null;
  hasAccess: boolean;
}

export function openDirector(mine: MyPart): AssignmentRow | undefined {
  return mine.assignments.find((a) => a.role === 'director' && a.state === 'pending');
}

/** The principal's open handling part (lead before co), if any. */
export function openHandling(mine: MyPart): AssignmentRow | undefined {
  const open = mine.assignments.filter((a) => (a.role === 'lead' || a.role === 'co') && OPEN_STATES.includes(a.state));
  return open.find((a) => a.role === 'lead') ?? open[0];
}

/** What the actor may do with a document now; the web shows its buttons from this. */
export function abilities(actor: Actor, doc: IncomingCore, mine: MyPart): TIncomingAbilities {
  const open = !CLOSED_DOC.includes(doc.status);
  const clerk = can(actor, 'incoming.register', doc) && (!doc.confidential || doc.createdBy === principalOf(actor));
  const classifier = can(actor, 'incoming.forward', doc) && (!doc.confidential || doc.createdBy === principalOf(actor));
  const director = openDirector(mine);
  const handling = openHandling(mine);
  const leaderOverUnit = can(actor, 'incoming.direct', doc) && (!doc.confidential || mine.hasAccess);
  const participant =
    mine.hasAccess || doc.createdBy === principalOf(actor) || mine.assignments.some((a) => a.state !== 'withdrawn');
  return {
    update: open && clerk,
    present: open && doc.status !== 'in_progress' && classifier,
    forward: open && doc.status !== 'in_progress' && classifier,
    return: (doc.status === 'new' || doc.status === 'presented') && classifier,
    cancel: open && clerk,
    direct: open && (Boolean(director) || (leaderOverUnit && doc.status !== 'in_progress')),
    forwardLeader: open && Boolean(director),
    reassign: open && Boolean(handling) && handling?.state !== 'delegated' && can(actor, 'incoming.direct'),
    opinion: doc.status !== 'cancelled' && doc.status !== 'returned' && participant,
    askOpinion: open && (Boolean(director) || Boolean(handling) || leaderOverUnit),
    progress: doc.status === 'in_progress' && Boolean(handling) && handling?.state !== 'delegated',
    complete: doc.status === 'in_progress' && Boolean(handling),
    answerRequestId: doc.status === 'cancelled' || doc.status === 'returned' ? null : mine.openRequestId,
  };
}

/** Steps the web may ask for; `answer` is answering an opinion request (an opinion). */
export type IncomingStep = keyof Omit<TIncomingAbilities, 'answerRequestId'> | 'answer';

/**
 * Throws unless the actor may take this step now. The clerk's corrections (update, cancel) answer
 * 404 to someone who is not a clerk of the unit; other steps answer 409 to a person on the
 * document (not possible in its current state) and 403 to anyone else.
 */
export function authorizeStep(actor: Actor, doc: IncomingCore, mine: MyPart, step: IncomingStep): void {
  const may = abilities(actor, doc, mine);
  if (step === 'answer' ? may.opinion : may[step]) return;
  if (step === 'update' || step === 'cancel') {
    if (!can(actor, 'incoming.register', doc)) throw new AppError('NOT_FOUND');
    throw new AppError('INVALID_STATE');
  }
  throw new AppError(mine.hasAccess || doc.createdBy === principalOf(actor) ? 'INVALID_STATE' : 'FORBIDDEN');
}
