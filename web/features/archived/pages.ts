import { lazy } from 'react';

/** Pages of "Văn bản lưu" (Điều 3.1d, 4.1). */
export const pages = {
  'archived-register': lazy(() => import('./register-page')),
  'archived-search': lazy(() => import('./search-page')),
};
