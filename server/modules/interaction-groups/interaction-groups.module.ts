import type { AppModule } from '../../platform/platform';
import { InteractionGroupsRepository } from './interaction-groups.repository';
import { interactionGroupRoutes } from './interaction-groups.routes';
import { InteractionGroupsService } from './interaction-groups.service';

/** Module interaction-groups (Nhóm tương tác): a person's groups of people or units to address at once. */
export const interactionGroupsModule: AppModule = {
  name: 'interaction-groups',
  async register(app, platform) {
    interactionGroupRoutes(
      app,
      new InteractionGroupsService({
        tx: platform.db,
        repo: new InteractionGroupsRepository(platform.db),
        audit: platform.audit,
      }),
    );
  },
};
