import type { Actor } from '../../platform/authz/actor';
import { authorize, can } from '../../platform/authz/authorize';
import { AppError } from '../../platform/errors';

/** Permission of "Tạo liên kết văn bản" (contracts/functions.ts `document-links`). */
export const LINK = 'documents.link';

/** A signed-in person; seeing the links of a document only needs seeing the document. */
export function authorizeReader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** The actor may add and remove links (403 otherwise). */
export function authorizeLinker(actor: Actor | null): Actor {
  return authorize(actor, LINK);
}

/** Whether the actor may remove a link between two documents they see (the tree shows the button from it). */
export function canRemoveLink(actor: Actor): boolean {
  return can(actor, LINK);
}
