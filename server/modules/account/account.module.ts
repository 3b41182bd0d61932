import type { AppModule } from '../../platform/platform';
import { AccountRepository } from './account.repository';
import { accountRoutes } from './account.routes';
import { AccountService } from './account.service';
import { DelegationsRepository } from './delegations.repository';
import { DelegationsService } from './delegations.service';
import { proposalsAdminRoutes } from './proposals-admin.routes';
import { ProposalsAdminService } from './proposals-admin.service';

/**
 * Module account: Thông tin tài khoản (Điều 3.5a) with proposals of changes, their approval
 * queue (Điều 3.7f, badge `accountRequests`) and delegations (ủy quyền).
 */
export const accountModule: AppModule = {
  name: 'account',
  register(app, platform) {
    const { db, audit, realtime, clock } = platform;
    const repo = new AccountRepository(db);
    const deps = { tx: db, account: repo, audit, realtime, clock };
    const delegations = new DelegationsService({
      tx: db,
      delegations: new DelegationsRepository(db),
      audit,
      realtime,
      clock,
    });
    accountRoutes(app, { account: new AccountService(deps), delegations });
    proposalsAdminRoutes(app, { proposals: new ProposalsAdminService(deps) });
    platform.badges.register('accountRequests', (userId) => repo.pendingCountFor(userId));
  },
};
