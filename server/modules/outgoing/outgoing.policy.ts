import { type SQL, sql } from 'drizzle-orm';
import type { TPermissionScope } from '../../../contracts/auth';
import type { TOutgoingAbilities } from '../../../contracts/outgoing';
import { type Actor, principalOf } from '../../platform/authz/actor';
import { can, scopeCovers, unitScopeSql } from '../../platform/authz/authorize';
import { escapeLike } from '../../platform/db/like';
import { AppError } from '../../platform/errors';
import type { OutgoingCore, ReviewRow } from './outgoing.repository';

/** Permissions of the outgoing-documents functions; admin.flows designs approval paths. */
export const OUTGOING_PERMISSIONS = ['outgoing.draft', 'outgoing.issue', 'outgoing.view', 'admin.flows'];

/** Designing approval paths (Thiết kế luồng công việc). */
export const FLOWS_PERMISSION = 'admin.flows';

/** Units (their alias `un`) whose approval paths the actor may design, as SQL. */
export function flowScopeSql(actor: Actor): SQL {
  return unitScopeSql(actor, FLOWS_PERMISSION, sql`un.path`);
}

/** A subtree scope held at the root unit covers every unit. */
function effective(actor: Actor, scope: TPermissionScope | undefined): TPermissionScope | null {
  if (!scope) return null;
  if (scope === 'subtree' && actor.unitPath.split('/').filter(Boolean).length === 1) return 'all';
  return scope;
}

function scopeSql(actor: Actor, permission: string): SQL {
  const s = effective(actor, actor.permissions.get(permission));
  if (!s) return sql`false`;
  if (s === 'all') return sql`true`;
  if (s === 'subtree') return sql`d.unit_path LIKE ${`${escapeLike(actor.unitPath)}%`}`;
  return sql`d.unit_id = ${actor.unitId}::uuid`;
}

/**
 * Which documents `d` the actor may see, as SQL for every list, search and count:
 * - their own drafts, and documents they review or reviewed (their part of the approval path);
 * - issued documents given to them for information;
 * - documents signed and waiting to be issued, for the clerks (outgoing.issue) of the unit;
 * - issued documents of the units their outgoing.view scope covers — unless confidential:
 *   a confidential document is seen only by its drafter, its reviewers and signer, the clerk
 *   who issued it, and the people given it.
 */
export function visibleSql(actor: Actor): SQL {
  const me = principalOf(actor);
  return sql`(d.created_by = ${me}::uuid
    OR d.id = ANY(ARRAY(SELECT r.document_id FROM outgoing_reviews r WHERE r.user_id = ${me}::uuid))
    OR (d.status IN ('issued','recalled')
        AND d.id = ANY(ARRAY(SELECT a.document_id FROM outgoing_access a WHERE a.user_id = ${me}::uuid)))
    OR (d.status = 'signed' AND ${scopeSql(actor, 'outgoing.issue')})
    OR (d.status IN ('issued','recalled') AND (
          (NOT d.confidential AND (${scopeSql(actor, 'outgoing.view')} OR ${scopeSql(actor, 'outgoing.issue')}))
          OR d.issued_by = ${me}::uuid)))`;
}

/** Documents `d` of the units whose outgoing documents the actor issues (outgoing.issue), as SQL. */
export function clerkScopeSql(actor: Actor): SQL {
  return scopeSql(actor, 'outgoing.issue');
}

/** Facts about the actor's part in one document. */
export interface OutgoingPart {
  reviews: ReviewRow[];
  hasAccess: boolean;
}

/** The same rule as visibleSql for one loaded document. */
export function canSee(actor: Actor, doc: OutgoingCore, part: OutgoingPart & { reviewedEver: boolean }): boolean {
  const me = principalOf(actor);
  if (doc.createdBy === me || part.reviewedEver) return true;
  const issued = doc.status === 'issued' || doc.status === 'recalled';
  if (issued && part.hasAccess) return true;
  if (doc.status === 'signed' && can(actor, 'outgoing.issue', doc)) return true;
  if (!issued) return false;
  if (doc.issuedBy === me) return true;
  if (doc.confidential) return false;
  return ['outgoing.view', 'outgoing.issue'].some((p) => {
    const s = effective(actor, actor.permissions.get(p));
    return s !== null && scopeCovers(s, actor, doc);
  });
}

/** The actor's pending review at the document's current step, if any. */
export function myPendingReview(actor: Actor, doc: OutgoingCore, part: OutgoingPart): ReviewRow | undefined {
  if (doc.status !== 'in_review') return undefined;
  const me = principalOf(actor);
  return part.reviews.find(
    (r) => r.userId === me && r.state === 'pending' && r.stepIndex === doc.currentStep && r.round === doc.round,
  );
}

/** What the actor may do with the document now; the web shows its buttons from this. */
export function abilities(
  actor: Actor,
  doc: OutgoingCore,
  part: OutgoingPart,
  hasFlow: boolean,
  hasUnsent = false,
): TOutgoingAbilities {
  const me = principalOf(actor);
  const drafter = doc.createdBy === me && can(actor, 'outgoing.draft');
  const editing = doc.status === 'draft' || doc.status === 'returned';
  const clerk = can(actor, 'outgoing.issue', doc);
  const reviewing = Boolean(myPendingReview(actor, doc, part));
  const issued = doc.status === 'issued';
  return {
    update: (drafter && editing) || (clerk && doc.status === 'signed'),
    addVersion: (drafter && editing) || reviewing || (clerk && doc.status === 'signed'),
    submit: drafter && editing,
    approve: reviewing,
    return: reviewing,
    cancel: (drafter && (editing || doc.status === 'in_review')) || (clerk && doc.status === 'signed'),
    issue: clerk && (doc.status === 'signed' || (editing && doc.createdBy === me)),
    send: clerk && issued && hasUnsent,
    recall: clerk && issued,
    // A content error is fixed by a replacement, also after the original was recalled.
    replace: clerk && (issued || doc.status === 'recalled') && !doc.replacedById && can(actor, 'outgoing.draft'),
    submitNeedsSigner: drafter && editing && !hasFlow,
  };
}

export type OutgoingStep = keyof Omit<TOutgoingAbilities, 'submitNeedsSigner'>;

/** Throws unless the actor may take this step now: 409 to someone on the document, 403 otherwise. */
export function authorizeStep(
  actor: Actor,
  doc: OutgoingCore,
  part: OutgoingPart,
  hasFlow: boolean,
  step: OutgoingStep,
  hasUnsent = false,
): void {
  if (abilities(actor, doc, part, hasFlow, hasUnsent)[step]) return;
  const involved =
    doc.createdBy === principalOf(actor) ||
    part.reviews.some((r) => r.userId === principalOf(actor)) ||
    can(actor, 'outgoing.issue', doc);
  throw new AppError(involved ? 'INVALID_STATE' : 'FORBIDDEN');
}
