import { registerPermissions } from '../../platform/authz/permissions';
import type { AppModule } from '../../platform/platform';
import { createExchangeService } from '../exchange/exchange.module';
import { ExchangeRepository } from '../exchange/exchange.repository';
import { createIncomingFlow } from '../incoming/incoming.module';
import { createLinksService } from '../links/links.module';
import { RegistersRepository } from '../registers/registers.repository';
import { OutgoingFlowService } from './outgoing-flow.service';
import { FlowsRepository } from './outgoing-flows.repository';
import { FlowsService } from './outgoing-flows.service';
import { OutgoingIssueService } from './outgoing-issue.service';
import { outgoingLinkKind } from './outgoing-link-kind';
import { OutgoingListsRepository } from './outgoing-lists.repository';
import { OutgoingSearchService } from './outgoing-search.service';
import type { OutgoingDeps } from './outgoing.deps';
import { OUTGOING_PERMISSIONS } from './outgoing.policy';
import { OutgoingRepository } from './outgoing.repository';
import { outgoingRoutes } from './outgoing.routes';
import { OutgoingService } from './outgoing.service';

/** Module outgoing (Quản lý, phát hành công văn đi, Điều 3.1b and 4.3). */
export const outgoingModule: AppModule = {
  name: 'outgoing',
  async register(app, platform) {
    registerPermissions('outgoing', OUTGOING_PERMISSIONS);
    const lists = new OutgoingListsRepository(platform.db);
    const deps: OutgoingDeps = {
      tx: platform.db,
      repo: new OutgoingRepository(platform.db),
      lists,
      registers: new RegistersRepository(platform.db),
      exchange: createExchangeService(platform),
      deliveries: new ExchangeRepository(platform.db),
      files: platform.files,
      audit: platform.audit,
      notifier: platform.notifier,
      realtime: platform.realtime,
      clock: platform.clock,
      settings: platform.settings,
      replies: createIncomingFlow(platform),
      links: createLinksService(platform),
    };
    const outgoing = new OutgoingService(deps);
    const flow = new OutgoingFlowService(deps, outgoing);
    const issue = new OutgoingIssueService(deps, outgoing, flow);
    const search = new OutgoingSearchService(deps, outgoing);
    const flows = new FlowsService({ tx: platform.db, repo: new FlowsRepository(platform.db), audit: platform.audit });
    outgoingRoutes(app, { outgoing, flow, issue, search, flows });
    platform.badges.register('unreadOutgoing', (userId) => lists.unseenCount(userId));
    platform.documents.register('outgoing', outgoingLinkKind(platform.db));
  },
};
