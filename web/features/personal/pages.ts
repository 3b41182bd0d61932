import { lazy } from 'react';

/** Pages of the personal functions (Điều 3.5). */
export const pages = {
  'change-password': lazy(() => import('./change-password-page')),
  favourites: lazy(() => import('./favourites-page')),
};
