import type { AppModule } from '../platform/platform';
import { accountModule } from './account/account.module';
import { adminAccessModule } from './admin-access/admin-access.module';
import { adminOrgModule } from './admin-org/admin-org.module';
import { adminSystemModule } from './admin-system/admin-system.module';
import { adminUsersModule } from './admin-users/admin-users.module';
import { announcementsModule } from './announcements/announcements.module';
import { archivedModule } from './archived/archived.module';
import { calendarModule } from './calendar/calendar.module';
import { catalogsModule } from './catalogs/catalogs.module';
import { exchangeModule } from './exchange/exchange.module';
import { incomingModule } from './incoming/incoming.module';
import { outgoingModule } from './outgoing/outgoing.module';
import { internalModule } from './internal/internal.module';
import { linksModule } from './links/links.module';
import { interactionGroupsModule } from './interaction-groups/interaction-groups.module';
import { notesModule } from './notes/notes.module';
import { reportsModule } from './reports/reports.module';
import { notificationsModule } from './notifications/notifications.module';
import { scheduleModule } from './schedule/schedule.module';
import { tasksModule } from './tasks/tasks.module';

/** Every business module, in registration order. */
export const MODULES: AppModule[] = [
  adminOrgModule,
  adminUsersModule,
  adminAccessModule,
  adminSystemModule,
  catalogsModule,
  accountModule,
  notesModule,
  interactionGroupsModule,
  notificationsModule,
  incomingModule,
  outgoingModule,
  exchangeModule,
  scheduleModule,
  announcementsModule,
  tasksModule,
  calendarModule,
  internalModule,
  archivedModule,
  linksModule,
  reportsModule,
];
