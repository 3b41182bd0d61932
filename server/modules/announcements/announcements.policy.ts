import type { Actor } from '../../platform/authz/actor';
import { authorize } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission to send announcements (Gửi thông báo). */
export const SEND = 'announcements.send';

/** The actor may compose and send announcements, and list what they sent. */
export function authorizeSend(actor: Actor | null): Actor {
  return authorize(actor, SEND);
}

/** A signed-in person: everyone receives announcements, no permission needed. */
export function authorizeReader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Read receipts belong to the sender alone; anyone else learns nothing (404). */
export function authorizeReceipts<T extends { senderId: string }>(actor: Actor, announcement: T | null): T {
  if (!announcement || announcement.senderId !== actor.userId) throw new AppError('NOT_FOUND');
  return announcement;
}

/** Only a recipient marks an announcement read (404 for anyone else). */
export function authorizeRecipient(isRecipient: boolean): void {
  if (!isRecipient) throw new AppError('NOT_FOUND');
}

/** An announcement and its files are for its sender and its recipients (404 for anyone else). */
export function authorizeReading(actor: Actor, announcement: { senderId: string } | null, isRecipient: boolean): void {
  if (!announcement) throw new AppError('NOT_FOUND');
  if (announcement.senderId !== actor.userId && !isRecipient) throw new AppError('NOT_FOUND');
}
