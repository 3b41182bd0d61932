import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule } from '../../platform/platform';
import { RegistersRepository } from '../registers/registers.repository';
import { internalLinkKind } from './internal-link-kind';
import { InternalNumberingService } from './internal-numbering.service';
import { INTERNAL_PERMISSIONS } from './internal.policy';
import { InternalRepository } from './internal.repository';
import { internalRoutes } from './internal.routes';
import { type InternalDeps, InternalService } from './internal.service';

/** Module internal (Văn bản nội bộ, Điều 3.1c): routes, numbering settings, its document kind for links. */
export const internalModule: AppModule = {
  name: 'internal',
  register(app, platform) {
    registerPermissions('internal', INTERNAL_PERMISSIONS);
    const repo = new InternalRepository(platform.db);
    const deps: InternalDeps = {
      tx: platform.db,
      repo,
      registers: new RegistersRepository(platform.db),
      files: platform.files,
      audit: platform.audit,
      notifier: platform.notifier,
      clock: platform.clock,
    };
    internalRoutes(app, { internal: new InternalService(deps), numbering: new InternalNumberingService(deps) });
    platform.documents.register('internal', internalLinkKind(repo));
  },
};
