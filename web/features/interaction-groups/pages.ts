import { lazy } from 'react';

/** Page of "Nhóm tương tác" (Điều 3.x e). */
export const pages = {
  'interaction-groups': lazy(() => import('./interaction-groups-page')),
};
