import { SessionsRepository } from '../../platform/auth/sessions.repository';
import type { AppModule } from '../../platform/platform';
import { AccountActionsService } from './account-actions.service';
import { AdminUsersRepository } from './admin-users.repository';
import { adminUsersRoutes } from './admin-users.routes';
import { AdminUsersService } from './admin-users.service';
import { usersImportRoutes } from './import.routes';
import { UsersImportService } from './import.service';

/** Module admin-users: Quản lý người dùng (Điều 3.6e) under /api/admin/users. */
export const adminUsersModule: AppModule = {
  name: 'admin-users',
  register(app, platform) {
    const { db, audit, clock, realtime } = platform;
    const repo = new AdminUsersRepository(db);
    const users = new AdminUsersService({ tx: db, repo, audit, clock });
    const actions = new AccountActionsService({
      tx: db,
      repo,
      users,
      sessions: new SessionsRepository(db),
      audit,
      realtime,
      clock,
    });
    adminUsersRoutes(app, { users, actions });
    usersImportRoutes(app, { importer: new UsersImportService({ tx: db, repo, audit, clock }) });
  },
};
