import {
  compactPhone,
  type TAccountProfile,
  type TContactUpdate,
  type TProposal,
  type TProposalCreate,
} from '../../../contracts/account';
import type { TPermissionScope } from '../../../contracts/auth';
import { normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { RealtimeHub } from '../../platform/realtime/hub';
import { requireSignedIn } from './account.policy';
import { presentOwnProposal } from './account.present';
import type { AccountRepository, ProfileRow, ProposalChanges } from './account.repository';

/** How many of their own proposals a user sees in the history. */
const HISTORY_LIMIT = 50;

/** Dependencies of the account use cases. */
export interface AccountDeps {
  tx: TxRunner;
  account: AccountRepository;
  audit: Audit;
  realtime: Pick<RealtimeHub, 'publish' | 'badgesChanged'>;
  clock: Clock;
}

const invalid = (field: string, reason?: string) =>
  new AppError('VALIDATION_FAILED', { field, details: reason ? { reason } : undefined });

/**
 * Thông tin tài khoản (Điều 3.5a): the signed-in person's own profile, the e-mail they edit
 * directly, and proposals for what an administrator must approve (unit, job title, address,
 * phone). Always about the real person, also while they work under a delegation.
 */
export class AccountService {
  constructor(private readonly d: AccountDeps) {}

  async profile(ctx: RequestContext): Promise<TAccountProfile> {
    const actor = requireSignedIn(ctx.actor);
    const row = await this.d.account.profile(actor.userId);
    if (!row) throw notFound();
    const [groups, proposals] = await Promise.all([
      this.d.account.groups(actor.userId),
      this.d.account.proposalsOf(actor.userId, HISTORY_LIMIT),
    ]);
    return {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      unit: { id: row.unitId, name: row.unitName },
      jobTitle: row.jobTitleId ? { id: row.jobTitleId, name: row.jobTitleName ?? '' } : null,
      email: row.email,
      phone: row.phone,
      address: row.address,
      groups: groups.map((g) => ({ name: g.name, scope: g.scope as TPermissionScope })),
      proposals: proposals.map(presentOwnProposal),
    };
  }

  /** Changes the own e-mail (the one contact detail without approval). */
  async updateContact(ctx: RequestContext, input: TContactUpdate): Promise<TAccountProfile> {
    const actor = requireSignedIn(ctx.actor);
    const email = input.email ? normalizeText(input.email).toLowerCase() : null;
    await this.d.tx.transaction(async () => {
      const before = await this.d.account.userForAudit(actor.userId, true);
      if (!before) throw notFound();
      await this.d.account.updateEmail(actor.userId, email, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'account.contact.update',
        entityType: 'user',
        entityId: actor.userId,
        before: { email: before.email },
        after: { email },
      });
    });
    return this.profile(ctx);
  }

  /** Active job titles to choose from in a proposal. */
  async jobTitleOptions(ctx: RequestContext) {
    requireSignedIn(ctx.actor);
    return this.d.account.jobTitleOptions();
  }

  /** Files a proposal; at most one may be pending per person. Administrators are told at once. */
  async propose(ctx: RequestContext, input: TProposalCreate): Promise<TProposal> {
    const actor = requireSignedIn(ctx.actor);
    return this.d.tx.transaction(async () => {
      // Locking the author's row serialises two proposals sent at the same moment.
      const me = await this.d.account.userForAudit(actor.userId, true);
      const profile = await this.d.account.profile(actor.userId);
      if (!me || !profile) throw notFound();
      const changes = await this.validChanges(input, profile);
      if (await this.d.account.hasPending(actor.userId)) throw new AppError('INVALID_STATE');
      const reason = normalizeText(input.reason);
      const id = await this.d.account.insertProposal({
        userId: actor.userId,
        changes,
        reason,
        now: this.d.clock.now(),
      });
      await this.d.audit.record(ctx, {
        action: 'account.proposal.create',
        entityType: 'profile_change_request',
        entityId: id,
        after: { userId: actor.userId, changes, reason, status: 'pending' },
      });
      await this.d.realtime.badgesChanged(await this.d.account.adminsCovering(profile.unitId, profile.unitPath));
      const row = await this.d.account.proposal(id);
      return presentOwnProposal(row!);
    });
  }

  /** The author takes back a pending proposal. */
  async withdraw(ctx: RequestContext, id: string): Promise<TProposal> {
    const actor = requireSignedIn(ctx.actor);
    return this.d.tx.transaction(async () => {
      const row = await this.d.account.proposal(id, true);
      if (!row || row.userId !== actor.userId) throw notFound();
      if (row.status !== 'pending') throw new AppError('INVALID_STATE');
      await this.d.account.decide(id, { status: 'withdrawn', by: actor.userId, note: null, now: this.d.clock.now() });
      await this.d.audit.record(ctx, {
        action: 'account.proposal.withdraw',
        entityType: 'profile_change_request',
        entityId: id,
        before: { status: 'pending' },
        after: { status: 'withdrawn' },
      });
      await this.d.realtime.badgesChanged(await this.d.account.adminsCovering(row.unitId, row.unitPath));
      return presentOwnProposal((await this.d.account.proposal(id))!);
    });
  }

  /** Checks every proposed value and keeps it in stored form; at least one must differ from now. */
  private async validChanges(input: TProposalCreate, now: ProfileRow): Promise<ProposalChanges> {
    const changes: ProposalChanges = {};
    if (input.unitId !== undefined) {
      const unit = await this.d.account.unit(input.unitId);
      if (!unit?.active) throw invalid('body.unitId');
      if (unit.id === now.unitId) throw invalid('body.unitId', 'UNCHANGED');
      changes.unitId = unit.id;
    }
    if (input.jobTitleId !== undefined) {
      const title = await this.d.account.jobTitle(input.jobTitleId);
      if (!title?.active) throw invalid('body.jobTitleId');
      if (title.id === now.jobTitleId) throw invalid('body.jobTitleId', 'UNCHANGED');
      changes.jobTitleId = title.id;
    }
    if (input.address !== undefined) {
      const address = normalizeText(input.address).replace(/\s+/g, ' ');
      if (address === now.address) throw invalid('body.address', 'UNCHANGED');
      changes.address = address;
    }
    if (input.phone !== undefined) {
      const phone = compactPhone(input.phone);
      if (now.phone && phone === compactPhone(now.phone)) throw invalid('body.phone', 'UNCHANGED');
      changes.phone = phone;
    }
    if (Object.keys(changes).length === 0) throw invalid('body', 'NO_CHANGE');
    return changes;
  }
}
