import { findFunction } from '../../../contracts/functions';
import type { Actor } from '../../platform/authz/actor';

/**
 * Whether the actor may open a function of the catalogue (contracts/functions.ts): the
 * function exists, its permission is held (or it needs none) and, when asked, it is built.
 * Favourites and the landing function may only name such functions.
 */
export function mayOpenFunction(actor: Actor, id: string, opts: { mustBeReady: boolean }): boolean {
  const fn = findFunction(id);
  if (!fn || (opts.mustBeReady && !fn.ready)) return false;
  return fn.permission === null || actor.permissions.has(fn.permission);
}
