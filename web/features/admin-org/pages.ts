import { lazy } from 'react';

/** Pages of "Đơn vị trực thuộc" and "Danh mục chức danh" (Điều 3.6b–c). */
export const pages = {
  'admin-units': lazy(() => import('./units-page')),
  'admin-job-titles': lazy(() => import('./job-titles-page')),
};
