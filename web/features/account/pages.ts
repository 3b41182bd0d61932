import { lazy } from 'react';

/** Page of "Thông tin tài khoản" (Điều 3.5a), with the approval queue of Điều 3.7f for administrators. */
export const pages = {
  account: lazy(() => import('./account-page')),
};
