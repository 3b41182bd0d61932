import type { AppModule } from '../../platform/platform';

/** Module admin-org: routes, badge providers and jobs are registered here. */
export const adminOrgModule: AppModule = {
  name: 'admin-org',
  register() {},
};
