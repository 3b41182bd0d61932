import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule } from '../../platform/platform';
import { createIssuingOrganService } from '../catalogs/catalogs.module';
import { RegistersRepository } from '../registers/registers.repository';
import { IncomingFilesService } from './incoming-files.service';
import { IncomingFlowService } from './incoming-flow.service';
import { IncomingListsRepository } from './incoming-lists.repository';
import { IncomingSearchService } from './incoming-search.service';
import type { IncomingDeps } from './incoming.deps';
import { INCOMING_PERMISSIONS } from './incoming.policy';
import { ensureDailySummary, registerReminderJobs } from './incoming.reminders';
import { IncomingRepository } from './incoming.repository';
import { incomingRoutes } from './incoming.routes';
import { IncomingService } from './incoming.service';

/** Module incoming (Quản lý công văn đến, Điều 3.1a and 4.2): routes, badges, reminder jobs. */
export const incomingModule: AppModule = {
  name: 'incoming',
  async register(app, platform) {
    registerPermissions('incoming', INCOMING_PERMISSIONS);
    const lists = new IncomingListsRepository(platform.db);
    const repo = new IncomingRepository(platform.db);
    const deps: IncomingDeps = {
      tx: platform.db,
      repo,
      lists,
      registers: new RegistersRepository(platform.db),
      organs: createIssuingOrganService(platform),
      files: platform.files,
      audit: platform.audit,
      notifier: platform.notifier,
      realtime: platform.realtime,
      jobs: platform.jobs,
      clock: platform.clock,
      settings: platform.settings,
    };
    const incoming = new IncomingService(deps);
    const flow = new IncomingFlowService(deps, incoming);
    const search = new IncomingSearchService(deps);
    const files = new IncomingFilesService({ incoming, search, repo, files: platform.files, clock: platform.clock });
    incomingRoutes(app, { incoming, flow, search, files });
    platform.badges.register('unreadIncoming', (userId) => lists.unseenCount(userId));
    platform.badges.register('opinions', (userId) => lists.openRequestCount(userId));
    registerReminderJobs(platform.jobRunner, deps);
    await ensureDailySummary(deps);
  },
};
