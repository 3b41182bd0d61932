import { type SQL, sql } from 'drizzle-orm';
import { type Actor, principalOf } from '../../platform/authz/actor';
import { authorize, can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permissions of the internal-documents functions; `internal.numbering` is this module's own. */
export const INTERNAL_PERMISSIONS = ['internal.create', 'internal.view', 'internal.numbering'];
export const CREATE = 'internal.create';
/** Choosing which document types the unit numbers (the clerk). */
export const NUMBERING = 'internal.numbering';
/**
 * Who counts as a leader of a unit: the people who direct its incoming documents
 * (incoming.direct, the same rule as the incoming people picker). They see every internal
 * document of their own unit.
 */
export const LEADER = 'incoming.direct';

/** The facts of a document the policy needs. */
export interface InternalCore {
  id: string;
  unitId: string;
  unitPath: string;
  status: 'active' | 'cancelled';
  createdBy: string;
}

function isLeaderOf(actor: Actor, unitId: string): boolean {
  return actor.unitId === unitId && actor.permissions.has(LEADER);
}

/**
 * Which internal documents `d` the actor may see, as SQL for every list, search and count:
 * those they wrote, those sent to them, and — for a leader — every document of their own unit.
 * Other people of the unit, and every other unit, see nothing.
 */
export function visibleSql(actor: Actor): SQL {
  const me = principalOf(actor);
  const leader = actor.permissions.has(LEADER) ? sql`d.unit_id = ${actor.unitId}::uuid` : sql`false`;
  return sql`(${leader}
    OR d.created_by = ${me}::uuid
    OR d.id = ANY(ARRAY(SELECT vr.document_id FROM internal_recipients vr WHERE vr.user_id = ${me}::uuid)))`;
}

/** The same rule as visibleSql for one document already loaded. */
export function canSee(actor: Actor, doc: InternalCore, isRecipient: boolean): boolean {
  return doc.createdBy === principalOf(actor) || isRecipient || isLeaderOf(actor, doc.unitId);
}

/**
 * What the actor may do with a document: its author, or the unit's clerk who keeps the
 * numbering, cancels it (with a reason; it keeps its number).
 */
export function abilities(actor: Actor, doc: InternalCore): { cancel: boolean } {
  const mine = doc.createdBy === principalOf(actor);
  return { cancel: doc.status === 'active' && (mine || can(actor, NUMBERING, doc)) };
}

/** Throws unless the actor may cancel (404 for anyone who may not see it, 409 once cancelled). */
export function authorizeCancel(actor: Actor, doc: InternalCore): void {
  if (abilities(actor, doc).cancel) return;
  if (doc.status !== 'active' && (doc.createdBy === principalOf(actor) || can(actor, NUMBERING, doc)))
    throw new AppError('INVALID_STATE');
  throw new AppError('FORBIDDEN');
}

export function authorizeCreate(actor: Actor | null): Actor {
  return authorize(actor, CREATE);
}

export function authorizeNumbering(actor: Actor | null): Actor {
  return authorize(actor, NUMBERING);
}
