import type { AppModule, Platform } from '../../platform/platform';
import { LinksRepository } from './links.repository';
import { linksRoutes } from './links.routes';
import { LinksService } from './links.service';

/**
 * The links service on a platform, for modules that link documents inside their own
 * transaction (`linkInTransaction`: the outgoing module links a reply to its incoming document).
 */
export function createLinksService(platform: Platform): LinksService {
  return new LinksService({
    tx: platform.db,
    repo: new LinksRepository(platform.db),
    documents: platform.documents,
    audit: platform.audit,
    clock: platform.clock,
  });
}

/** Module links (Tạo liên kết văn bản, Điều 3.1e): routes over every registered document kind. */
export const linksModule: AppModule = {
  name: 'links',
  register(app, platform) {
    linksRoutes(app, { links: createLinksService(platform) });
  },
};
