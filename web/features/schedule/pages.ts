import { lazy } from 'react';

/** Page of "Lịch đơn vị" (lịch công tác tuần, Điều 3.2e, 3.7e). */
export const pages = {
  'unit-schedule': lazy(() => import('./schedule-page')),
};
