import type { AppModule } from '../../platform/platform';
import { archivedLinkKind } from './archived-link-kind';
import { ArchivedRepository } from './archived.repository';
import { archivedRoutes } from './archived.routes';
import { ArchivedService } from './archived.service';

/** Module archived (Văn bản lưu, Điều 3.1d and 4.1): routes and its document kind for links. */
export const archivedModule: AppModule = {
  name: 'archived',
  register(app, platform) {
    const repo = new ArchivedRepository(platform.db);
    const archived = new ArchivedService({
      tx: platform.db,
      repo,
      files: platform.files,
      audit: platform.audit,
      clock: platform.clock,
    });
    archivedRoutes(app, { archived });
    platform.documents.register('archived', archivedLinkKind(repo));
  },
};
