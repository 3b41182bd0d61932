import type { Actor } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';

/**
 * Lịch cá nhân is personal: every signed-in user has one and sees only their own (the real
 * person's, even while working under a delegation — a delegation hands over work, not a diary).
 * Someone else's entry answers 404.
 */
export function calendarOwner(actor: Actor | null): string {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor.userId;
}
