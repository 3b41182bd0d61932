import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * Pages of the functions that are built, by function id (contracts/functions.ts). A function
 * opens as a tab only when it is `ready` in the catalogue AND has a page here; later modules
 * add their entries below.
 */
export const FUNCTION_PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  'change-password': lazy(() => import('../features/personal/change-password-page')),
  favourites: lazy(() => import('../features/personal/favourites-page')),
  directory: lazy(() => import('../features/directory/directory-page')),
};
