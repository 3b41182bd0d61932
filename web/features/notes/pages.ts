import { lazy } from 'react';

/** Page of "Tích kê điện tử" (Điều 3.2d). */
export const pages = {
  'sticky-notes': lazy(() => import('./notes-page')),
};
