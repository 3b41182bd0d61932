import type { TPermissionScope } from '../../../contracts/auth';
import { AppError } from '../errors';

/** The signed-in user as every policy sees it. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  /** Materialised path of the actor's unit (`/root/…/unit/`). */
  unitPath: string;
  sessionId: string;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
  /** Permission code → widest scope held through any group. */
  permissions: ReadonlyMap<string, TPermissionScope>;
  /**
   * Set while the user works under a delegation (ủy quyền, header X-On-Behalf-Of): `unitId`,
   * `unitPath` and `permissions` above are then the delegator's, `userId` stays the real person.
   */
  onBehalfOf?: { userId: string; fullName: string; unitId: string; unitPath: string } | null;
}

/** Who did a thing and from where: passed to every use case that writes. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

const RANK: Record<TPermissionScope, number> = { own: 1, subtree: 2, all: 3 };

/** Folds permission rows into the widest scope per code. */
export function foldPermissions(rows: { p: string; s: string }[]): Map<string, TPermissionScope> {
  const out = new Map<string, TPermissionScope>();
  for (const { p, s } of rows) {
    const scope = (s in RANK ? s : 'own') as TPermissionScope;
    const prev = out.get(p);
    if (!prev || RANK[scope] > RANK[prev]) out.set(p, scope);
  }
  return out;
}

/**
 * The person whose documents, tasks and counters these are: the delegator while the user works
 * under a delegation (ủy quyền), otherwise the user.
 */
export function principalOf(actor: Actor): string {
  return actor.onBehalfOf?.userId ?? actor.userId;
}

/** The signed-in actor of a request (401 without one); what they see is limited by the policies. */
export function signedIn(ctx: Pick<RequestContext, 'actor'>): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
