import { lazy } from 'react';

/** Page of "Gửi thông báo" (Điều 3.2f). */
export const pages = {
  announcements: lazy(() => import('./announcements-page')),
};
