import type { AppModule } from '../../platform/platform';

/** Module account: routes, badge providers and jobs are registered here. */
export const accountModule: AppModule = {
  name: 'account',
  register() {},
};
