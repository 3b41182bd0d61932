import { lazy } from 'react';

/** Page of "Tạo liên kết văn bản" (Điều 3.1e). */
export const pages = {
  'document-links': lazy(() => import('./links-page')),
};
