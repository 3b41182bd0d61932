import { lazy } from 'react';

/** Pages of "Quản lý công việc": Việc nhận, đề xuất and Việc giao, triển khai (Điều 3.2a–b, 4.4). */
export const pages = {
  'tasks-received': lazy(() => import('./received-page')),
  'tasks-assigned': lazy(() => import('./assigned-page')),
};
