import type { Actor } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';

/**
 * Tích kê điện tử has no permission: every signed-in user keeps their own notes. The owner is
 * the real person, also while working under a delegation (notes are private, not the delegator's).
 */
export function noteOwner(actor: Actor | null): string {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor.userId;
}
