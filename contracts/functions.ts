/**
 * The function catalogue of Điều 3: every function of the left menu, its group and the
 * permission that shows it. Labels are i18n keys `functions.<id>` / `groups.<group>`.
 * `ready` is false for functions whose module is not built yet: the menu shows them
 * disabled, never as an empty page.
 */
export const FUNCTION_GROUPS = ['documents', 'work', 'utilities', 'library', 'personal', 'admin'] as const;
export type TFunctionGroup = (typeof FUNCTION_GROUPS)[number];

export interface FunctionDef {
  id: string;
  group: TFunctionGroup;
  /** Permission code needed to see it; null = every signed-in user. */
  permission: string | null;
  ready: boolean;
  /** Shown on the phone menu (Điều 4). */
  mobile?: boolean;
}

export const FUNCTIONS: readonly FunctionDef[] = [
  // 1. Quản lý văn bản
  { id: 'incoming-register', group: 'documents', permission: 'incoming.register', ready: true },
  { id: 'incoming-classify', group: 'documents', permission: 'incoming.forward', ready: true },
  { id: 'incoming-approve', group: 'documents', permission: 'incoming.direct', ready: true, mobile: true },
  { id: 'incoming-view', group: 'documents', permission: 'incoming.view', ready: true, mobile: true },
  { id: 'incoming-search', group: 'documents', permission: 'incoming.view', ready: true, mobile: true },
  { id: 'outgoing-register', group: 'documents', permission: 'outgoing.draft', ready: true },
  { id: 'outgoing-send', group: 'documents', permission: 'outgoing.issue', ready: true },
  { id: 'outgoing-receipts', group: 'documents', permission: 'outgoing.issue', ready: true },
  { id: 'outgoing-view', group: 'documents', permission: 'outgoing.view', ready: true, mobile: true },
  { id: 'outgoing-search', group: 'documents', permission: 'outgoing.view', ready: true, mobile: true },
  { id: 'internal-register', group: 'documents', permission: 'internal.create', ready: true },
  { id: 'internal-view', group: 'documents', permission: 'internal.view', ready: true },
  { id: 'internal-search', group: 'documents', permission: 'internal.view', ready: true },
  { id: 'archived-register', group: 'documents', permission: 'archived.manage', ready: true },
  { id: 'archived-search', group: 'documents', permission: 'archived.view', ready: true, mobile: true },
  { id: 'document-links', group: 'documents', permission: 'documents.link', ready: true },
  { id: 'report-incoming-register', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-incoming-handover', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-outgoing-register', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-outgoing-handover', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-summary', group: 'documents', permission: 'reports.summary', ready: true },
  { id: 'report-incoming-short', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-incoming-tracking', group: 'documents', permission: 'reports.registers', ready: true },
  { id: 'report-usage', group: 'documents', permission: 'reports.summary', ready: true },
  // 2. Quản lý công việc
  { id: 'tasks-received', group: 'work', permission: 'tasks.use', ready: true, mobile: true },
  { id: 'tasks-assigned', group: 'work', permission: 'tasks.assign', ready: true, mobile: true },
  { id: 'calendar-personal', group: 'work', permission: null, ready: true, mobile: true },
  { id: 'sticky-notes', group: 'work', permission: null, ready: true },
  { id: 'unit-schedule', group: 'work', permission: null, ready: true, mobile: true },
  { id: 'announcements', group: 'work', permission: 'announcements.send', ready: true },
  // 3. Chức năng liên quan (tiện ích)
  { id: 'directory', group: 'utilities', permission: null, ready: true },
  { id: 'contacts', group: 'utilities', permission: null, ready: false },
  { id: 'chat', group: 'utilities', permission: null, ready: false },
  { id: 'elections', group: 'utilities', permission: 'votes.manage', ready: false },
  { id: 'polls', group: 'utilities', permission: null, ready: false },
  { id: 'attendance', group: 'utilities', permission: 'attendance.manage', ready: false },
  // 4. Quản lý tài liệu
  { id: 'library-topics', group: 'library', permission: 'library.use', ready: false },
  { id: 'library-attributes', group: 'library', permission: 'library.use', ready: false },
  { id: 'library-sharing', group: 'library', permission: 'library.use', ready: false },
  { id: 'library-documents', group: 'library', permission: 'library.use', ready: false },
  { id: 'library-search', group: 'library', permission: 'library.use', ready: false },
  { id: 'library-dossiers', group: 'library', permission: 'library.use', ready: false },
  // 5. Quản lý cá nhân
  { id: 'account', group: 'personal', permission: null, ready: true },
  { id: 'change-password', group: 'personal', permission: null, ready: true, mobile: true },
  { id: 'virtual-folders', group: 'personal', permission: null, ready: false, mobile: true },
  { id: 'appearance', group: 'personal', permission: null, ready: false },
  { id: 'interaction-groups', group: 'personal', permission: null, ready: true },
  { id: 'favourites', group: 'personal', permission: null, ready: true },
  // 6. Quản trị
  { id: 'admin-settings', group: 'admin', permission: null, ready: true },
  { id: 'admin-units', group: 'admin', permission: 'admin.units', ready: true },
  { id: 'admin-job-titles', group: 'admin', permission: 'admin.jobTitles', ready: true },
  { id: 'admin-groups', group: 'admin', permission: 'admin.groups', ready: true },
  { id: 'admin-users', group: 'admin', permission: 'admin.users', ready: true },
  { id: 'admin-catalogs', group: 'admin', permission: 'admin.catalogs', ready: true },
  { id: 'admin-audit', group: 'admin', permission: 'admin.audit', ready: true },
  { id: 'admin-flows', group: 'admin', permission: 'admin.flows', ready: true },
];

/** Functions a user with these permission codes may see, in catalogue order. */
export function visibleFunctions(permissions: readonly string[]): FunctionDef[] {
  const held = new Set(permissions);
  return FUNCTIONS.filter((f) => f.permission === null || held.has(f.permission));
}

export function findFunction(id: string): FunctionDef | undefined {
  return FUNCTIONS.find((f) => f.id === id);
}
