import type { AppModule } from '../../platform/platform';

/** Module admin-access: routes, badge providers and jobs are registered here. */
export const adminAccessModule: AppModule = {
  name: 'admin-access',
  register() {},
};
