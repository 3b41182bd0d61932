import { lazy } from 'react';

/** Pages of "Cài đặt tùy chọn" (Điều 3.6a). */
export const pages = {
  'admin-settings': lazy(() => import('./settings-page')),
};
