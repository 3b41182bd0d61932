import { lazy } from 'react';

/** Pages of "Danh mục chuẩn văn bản" (Điều 3.6f). */
export const pages = {
  'admin-catalogs': lazy(() => import('./catalogs-page')),
};
