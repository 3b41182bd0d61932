import { lazy } from 'react';

/** Pages of "Quản lý, phát hành công văn đi" (Điều 3.1b, 4.3) and the approval flow designer. */
export const pages = {
  'outgoing-register': lazy(() => import('./draft/draft-page')),
  'outgoing-send': lazy(() => import('./boxes/send-page')),
  'outgoing-receipts': lazy(() => import('./boxes/receipts-page')),
  'outgoing-view': lazy(() => import('./boxes/view-page')),
  'outgoing-search': lazy(() => import('./search/search-page')),
  'admin-flows': lazy(() => import('./flows/flows-page')),
};
