import type { AppModule } from '../../platform/platform';

/** Module admin-system: routes, badge providers and jobs are registered here. */
export const adminSystemModule: AppModule = {
  name: 'admin-system',
  register() {},
};
