import { type ComponentType, lazy } from 'react';

const registers = (name: keyof typeof import('./registers/register-pages')) =>
  lazy(() => import('./registers/register-pages').then((m) => ({ default: m[name] as ComponentType })));

/** Pages of "Thống kê, báo cáo" (Điều 3.1f, Điều 12): the six registers, the summary and the usage report. */
export const pages = {
  'report-incoming-register': registers('IncomingRegisterPage'),
  'report-incoming-handover': registers('IncomingHandoverPage'),
  'report-outgoing-register': registers('OutgoingRegisterPage'),
  'report-outgoing-handover': registers('OutgoingHandoverPage'),
  'report-incoming-short': registers('IncomingShortPage'),
  'report-incoming-tracking': registers('IncomingTrackingPage'),
  'report-summary': lazy(() => import('./summary/summary-page')),
  'report-usage': lazy(() => import('./usage/usage-page')),
};
