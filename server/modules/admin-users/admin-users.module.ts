import type { AppModule } from '../../platform/platform';

/** Module admin-users: routes, badge providers and jobs are registered here. */
export const adminUsersModule: AppModule = {
  name: 'admin-users',
  register() {},
};
