import type { AppModule } from '../../platform/platform';
import { JobTitlesRepository } from './job-titles.repository';
import { jobTitlesRoutes } from './job-titles.routes';
import { JobTitlesService } from './job-titles.service';
import { UnitsRepository } from './units.repository';
import { unitsRoutes } from './units.routes';
import { UnitsService } from './units.service';

/** Module admin-org: "Đơn vị trực thuộc" and "Danh mục chức danh" (Điều 3.6b–c). */
export const adminOrgModule: AppModule = {
  name: 'admin-org',
  register(app, platform) {
    const { db, audit } = platform;
    unitsRoutes(app, { units: new UnitsService({ tx: db, units: new UnitsRepository(db), audit }) });
    jobTitlesRoutes(app, { titles: new JobTitlesService({ tx: db, titles: new JobTitlesRepository(db), audit }) });
  },
};
