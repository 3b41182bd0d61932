import type { Platform } from '../../platform/platform';
import type { AppModule } from '../../platform/platform';
import { catalogsAdminRoutes } from './catalogs-admin.routes';
import { CatalogsRepository } from './catalogs.repository';
import { catalogsRoutes } from './catalogs.routes';
import { CatalogsService } from './catalogs.service';
import { IssuingOrgansRepository } from './issuing-organs.repository';
import { IssuingOrgansService } from './issuing-organs.service';

export type { FoundOrgan } from './issuing-organs.service';

/**
 * The issuing-organ service for other modules. The incoming-documents module builds it in its
 * own register() and calls `findOrCreateIssuingOrgan(ctx, name)` from its entry form.
 */
export function createIssuingOrganService(platform: Platform): IssuingOrgansService {
  return new IssuingOrgansService({
    tx: platform.db,
    organs: new IssuingOrgansRepository(platform.db),
    audit: platform.audit,
  });
}

/** Module catalogs: "Danh mục chuẩn văn bản" (Điều 3.6f) and the catalog reads of document forms. */
export const catalogsModule: AppModule = {
  name: 'catalogs',
  register(app, platform) {
    const catalogs = new CatalogsService({
      tx: platform.db,
      catalogs: new CatalogsRepository(platform.db),
      audit: platform.audit,
    });
    const organs = createIssuingOrganService(platform);
    catalogsRoutes(app, { catalogs, organs });
    catalogsAdminRoutes(app, { catalogs, organs });
  },
};
