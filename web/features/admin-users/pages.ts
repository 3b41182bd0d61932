import { lazy } from 'react';

/** Pages of Quản lý người dùng (Điều 3.6e). */
export const pages = {
  'admin-users': lazy(() => import('./users-page')),
};
