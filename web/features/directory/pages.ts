import { lazy } from 'react';

/** Pages of the utilities (Điều 3.3). */
export const pages = {
  directory: lazy(() => import('./directory-page')),
};
