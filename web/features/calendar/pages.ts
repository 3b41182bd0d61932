import { lazy } from 'react';

/** Page of "Lịch cá nhân" (Điều 3.2c, 4.4). */
export const pages = {
  'calendar-personal': lazy(() => import('./calendar-page')),
};
