import type { AppModule } from '../../platform/platform';

/** Module catalogs: routes, badge providers and jobs are registered here. */
export const catalogsModule: AppModule = {
  name: 'catalogs',
  register() {},
};
