import { lazy } from 'react';

/** Pages of "Quản lý công văn đến" (Điều 3.1a, 4.2). */
export const pages = {
  'incoming-register': lazy(() => import('./register/register-page')),
  'incoming-classify': lazy(() => import('./classify/classify-page')),
  'incoming-approve': lazy(() => import('./work/approve-page')),
  'incoming-view': lazy(() => import('./work/view-page')),
  'incoming-search': lazy(() => import('./search/search-page')),
};
