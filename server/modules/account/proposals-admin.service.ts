import type { TAdminProposal, TAdminProposalPage, TAdminProposalQuery } from '../../../contracts/account';
import { foldDiacritics, normalizeText } from '../../../contracts/text';
import type { Actor, RequestContext } from '../../platform/authz/actor';
import { AppError } from '../../platform/errors';
import { proposalApprovedText, proposalRejectedText } from './account.messages';
import { authorizeDecide, canDecide, type ProposalTarget, queueScope, selfIds } from './account.policy';
import { presentQueueItem } from './account.present';
import type { ProposalRow } from './account.repository';
import type { AccountDeps } from './account.service';

function target(row: ProposalRow): ProposalTarget {
  return {
    userId: row.userId,
    unit: { unitId: row.unitId, unitPath: row.unitPath },
    newUnit: row.changes.unitId && row.newUnitPath ? { unitId: row.changes.unitId, unitPath: row.newUnitPath } : null,
  };
}

/**
 * Thay đổi thông tin tài khoản (Điều 3.7f): the administrators' queue of proposals from people
 * in the units their admin.users grant covers; approving applies the changes to the user.
 */
export class ProposalsAdminService {
  constructor(private readonly d: AccountDeps) {}

  async queue(ctx: RequestContext, q: TAdminProposalQuery): Promise<TAdminProposalPage> {
    const { actor, scope } = queueScope(ctx.actor);
    const folded = q.q ? foldDiacritics(normalizeText(q.q)).toLowerCase() : '';
    const { rows, total } = await this.d.account.queue({
      scope,
      excludeUserIds: selfIds(actor),
      status: q.status,
      folded: folded || undefined,
      sort: q.sort,
      dir: q.dir,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return {
      items: rows.map((row) => presentQueueItem(row, canDecide(actor, target(row)))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Applies the proposed changes to the user in the same transaction, audited, and tells the author. */
  async approve(ctx: RequestContext, id: string, note: string | undefined): Promise<TAdminProposal> {
    return this.d.tx.transaction(async () => {
      const { actor, row } = await this.lockPending(ctx, id);
      const c = row.changes;
      // What was valid when proposed may have been deactivated since.
      if (c.unitId && !(await this.d.account.unit(c.unitId))?.active)
        throw new AppError('INVALID_STATE', { details: { field: 'unit' } });
      if (c.jobTitleId && !(await this.d.account.jobTitle(c.jobTitleId))?.active)
        throw new AppError('INVALID_STATE', { details: { field: 'jobTitle' } });
      const now = this.d.clock.now();
      const text = note ? normalizeText(note) : null;
      const before = await this.d.account.userForAudit(row.userId, true);
      await this.d.account.applyChanges(row.userId, c, now);
      const after = await this.d.account.userForAudit(row.userId);
      await this.d.account.decide(id, { status: 'approved', by: actor.userId, note: text, now });
      await this.d.audit.record(ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: row.userId,
        before,
        after: { ...after, viaProposal: id },
      });
      await this.d.audit.record(ctx, {
        action: 'account.proposal.approve',
        entityType: 'profile_change_request',
        entityId: id,
        before: { status: 'pending' },
        after: { status: 'approved', note: text },
      });
      const msg = proposalApprovedText(await this.d.account.locale(row.userId), text);
      await this.d.realtime.publish({ users: [row.userId] }, { type: 'notification', ...msg, link: '/app/account' });
      return this.finish(actor, row);
    });
  }

  /** Refuses the proposal with a note the author reads; the user row stays as it is. */
  async reject(ctx: RequestContext, id: string, note: string): Promise<TAdminProposal> {
    return this.d.tx.transaction(async () => {
      const { actor, row } = await this.lockPending(ctx, id);
      const text = normalizeText(note);
      await this.d.account.decide(id, { status: 'rejected', by: actor.userId, note: text, now: this.d.clock.now() });
      await this.d.audit.record(ctx, {
        action: 'account.proposal.reject',
        entityType: 'profile_change_request',
        entityId: id,
        before: { status: 'pending' },
        after: { status: 'rejected', note: text },
      });
      const msg = proposalRejectedText(await this.d.account.locale(row.userId), text);
      await this.d.realtime.publish({ users: [row.userId] }, { type: 'notification', ...msg, link: '/app/account' });
      return this.finish(actor, row);
    });
  }

  private async lockPending(ctx: RequestContext, id: string): Promise<{ actor: Actor; row: ProposalRow }> {
    const row = await this.d.account.proposal(id, true);
    const actor = authorizeDecide(ctx.actor, row ? target(row) : null);
    if (row!.status !== 'pending') throw new AppError('INVALID_STATE');
    return { actor, row: row! };
  }

  /** Refreshes the badges of every administrator of the author's (former) unit; answers the decided proposal. */
  private async finish(actor: Actor, row: ProposalRow): Promise<TAdminProposal> {
    await this.d.realtime.badgesChanged(await this.d.account.adminsCovering(row.unitId, row.unitPath));
    const decided = await this.d.account.proposal(row.id);
    return presentQueueItem(decided!, canDecide(actor, target(row)));
  }
}
