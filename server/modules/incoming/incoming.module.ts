import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule, Platform } from '../../platform/platform';
import { createExchangeService } from '../exchange/exchange.module';
import { createIssuingOrganService } from '../catalogs/catalogs.module';
import { RegistersRepository } from '../registers/registers.repository';
import { IncomingFilesService } from './incoming-files.service';
import { IncomingFlowService } from './incoming-flow.service';
import { incomingLinkKind } from './incoming-link-kind';
import { IncomingListsRepository } from './incoming-lists.repository';
import { IncomingSearchService } from './incoming-search.service';
import type { IncomingDeps } from './incoming.deps';
import { INCOMING_PERMISSIONS } from './incoming.policy';
import { ensureDailySummary, registerReminderJobs } from './incoming.reminders';
import { IncomingRepository } from './incoming.repository';
import { incomingRoutes } from './incoming.routes';
import { IncomingService } from './incoming.service';

/** The dependencies of the incoming services over the platform. */
export function buildIncomingDeps(platform: Platform): IncomingDeps {
  const lists = new IncomingListsRepository(platform.db);
  const repo = new IncomingRepository(platform.db);
  return {
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
    receipts: createExchangeService(platform),
  };
}

/** The incoming flow (for other modules: a reply issued closes its handler's part). */
export function createIncomingFlow(platform: Platform): IncomingFlowService {
  const deps = buildIncomingDeps(platform);
  return new IncomingFlowService(deps, new IncomingService(deps));
}

/** Module incoming (Quản lý công văn đến, Điều 3.1a and 4.2): routes, badges, reminder jobs. */
export const incomingModule: AppModule = {
  name: 'incoming',
  async register(app, platform) {
    registerPermissions('incoming', INCOMING_PERMISSIONS);
    const deps = buildIncomingDeps(platform);
    const { repo, lists } = deps;
    const incoming = new IncomingService(deps);
    const flow = new IncomingFlowService(deps, incoming);
    const search = new IncomingSearchService(deps);
    const files = new IncomingFilesService({ incoming, search, repo, files: platform.files, clock: platform.clock });
    incomingRoutes(app, { incoming, flow, search, files });
    platform.badges.register('unreadIncoming', (userId) => lists.unseenCount(userId));
    platform.badges.register('opinions', (userId) => lists.openRequestCount(userId));
    platform.documents.register('incoming', incomingLinkKind(platform.db));
    registerReminderJobs(platform.jobRunner, deps);
    await ensureDailySummary(deps);
  },
};
