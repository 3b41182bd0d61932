import { lazy } from 'react';

/** Pages of the access administration (Điều 3.6): groups & permissions, audit log. */
export const pages = {
  'admin-groups': lazy(() => import('./groups-page')),
  'admin-audit': lazy(() => import('./audit-page')),
};
