import type { Actor } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import type { DeliveryCore } from './exchange.repository';

/** The recipient unit's clerks (incoming.register) handle what other units send it. */
export const CLERK_PERMISSION = 'incoming.register';

/** A clerk of their unit (403 otherwise). */
export function authorizeClerk(actor: Actor | null): Actor {
  return authorize(actor, CLERK_PERMISSION);
}

/** True when the delivery was sent to the actor's own unit (the only deliveries its clerk may see or act on). */
export function isDeliveryToMyUnit(actor: Actor, dl: DeliveryCore | null): dl is DeliveryCore {
  return dl !== null && dl.kind === 'unit' && dl.recipientUnitId === actor.unitId && dl.sentAt !== null;
}
