import { useMemo } from 'react';
import { type FunctionDef, findFunction, visibleFunctions } from '../../contracts/functions';
import { useMe } from './auth';
import { FUNCTION_PAGES } from './function-pages';

/** True when a user with these permissions may open this function as a tab (it exists, is ready, has a page). */
export function isOpenable(id: string, permissions: readonly string[]): boolean {
  const fn = findFunction(id);
  if (!fn?.ready || !(id in FUNCTION_PAGES)) return false;
  return fn.permission === null || permissions.includes(fn.permission);
}

/** Functions the signed-in user may see in the menu, in catalogue order. */
export function useVisibleFunctions(): FunctionDef[] {
  const me = useMe();
  return useMemo(() => visibleFunctions(me.permissions), [me.permissions]);
}

/** Predicate "may the signed-in user open this function as a tab". */
export function useIsOpenable(): (id: string) => boolean {
  const me = useMe();
  return useMemo(() => (id: string) => isOpenable(id, me.permissions), [me.permissions]);
}
