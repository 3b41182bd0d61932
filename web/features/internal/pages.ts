import { lazy } from 'react';

/** Pages of "Văn bản nội bộ" (Điều 3.1c). */
export const pages = {
  'internal-register': lazy(() => import('./register-page')),
  'internal-view': lazy(() => import('./view-page')),
  'internal-search': lazy(() => import('./search-page')),
};
