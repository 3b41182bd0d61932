import {
  delegationStatus,
  type TDelegation,
  type TDelegationCreate,
  type TDelegations,
  vietnamDate,
} from '../../../contracts/account';
import { normalizeText } from '../../../contracts/text';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { RealtimeHub } from '../../platform/realtime/hub';
import { delegationGrantedText, delegationRevokedText } from './account.messages';
import { requireSignedIn } from './account.policy';
import type { DelegationRow, DelegationsRepository } from './delegations.repository';

/** How many delegations of each side the list shows. */
const LIST_LIMIT = 100;

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/**
 * Ủy quyền: a user lets another person of their unit (or a unit below it) work with their
 * processing rights for a date range. The platform honours it per request (X-On-Behalf-Of).
 * Always made by and for the real person, also while they themselves act for someone else,
 * so rights never chain from one delegation into another.
 */
export class DelegationsService {
  constructor(
    private readonly d: {
      tx: TxRunner;
      delegations: DelegationsRepository;
      audit: Audit;
      realtime: Pick<RealtimeHub, 'publish'>;
      clock: Clock;
    },
  ) {}

  private present(row: DelegationRow, viewerId: string, today: string): TDelegation {
    const status = delegationStatus(row, today);
    return {
      id: row.id,
      from: { id: row.fromUserId, fullName: row.fromName, unitName: row.fromUnitName },
      to: { id: row.toUserId, fullName: row.toName, unitName: row.toUnitName },
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      note: row.note,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      status,
      abilities: { revoke: row.fromUserId === viewerId && (status === 'active' || status === 'upcoming') },
    };
  }

  async list(ctx: RequestContext): Promise<TDelegations> {
    const actor = requireSignedIn(ctx.actor);
    const today = vietnamDate(this.d.clock.now());
    const [given, received] = await Promise.all([
      this.d.delegations.list('from', actor.userId, LIST_LIMIT),
      this.d.delegations.list('to', actor.userId, LIST_LIMIT),
    ]);
    return {
      given: given.map((r) => this.present(r, actor.userId, today)),
      received: received.map((r) => this.present(r, actor.userId, today)),
    };
  }

  async create(ctx: RequestContext, input: TDelegationCreate): Promise<TDelegation> {
    const actor = requireSignedIn(ctx.actor);
    const today = vietnamDate(this.d.clock.now());
    if (input.toUserId === actor.userId) throw invalid('body.toUserId');
    if (input.startsOn < today) throw invalid('body.startsOn');
    if (input.endsOn < input.startsOn) throw invalid('body.endsOn');
    return this.d.tx.transaction(async () => {
      await this.d.delegations.lockUser(actor.userId);
      // The real person's unit: under a delegation the actor carries the delegator's.
      const me = await this.d.delegations.person(actor.userId);
      const delegate = await this.d.delegations.person(input.toUserId);
      if (!me) throw notFound();
      if (delegate?.status !== 'active' || !delegate.unitPath.startsWith(me.unitPath)) throw invalid('body.toUserId');
      if (await this.d.delegations.overlaps(actor.userId, input.toUserId, input.startsOn, input.endsOn))
        throw new AppError('DUPLICATE', { field: 'body.startsOn' });
      const note = input.note ? normalizeText(input.note) || null : null;
      const now = this.d.clock.now();
      const id = await this.d.delegations.insert({ ...input, fromUserId: actor.userId, note, now });
      await this.d.audit.record(ctx, {
        action: 'delegation.create',
        entityType: 'delegation',
        entityId: id,
        after: {
          fromUserId: actor.userId,
          toUserId: input.toUserId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          note,
        },
      });
      const msg = delegationGrantedText(
        await this.d.delegations.locale(input.toUserId),
        me.fullName,
        input.startsOn,
        input.endsOn,
      );
      await this.d.realtime.publish(
        { users: [input.toUserId] },
        { type: 'notification', ...msg, link: '/app/account' },
      );
      return this.present((await this.d.delegations.find(id))!, actor.userId, today);
    });
  }

  /** The delegator ends a current or future delegation; the delegate's next request is refused. */
  async revoke(ctx: RequestContext, id: string): Promise<TDelegation> {
    const actor = requireSignedIn(ctx.actor);
    return this.d.tx.transaction(async () => {
      const row = await this.d.delegations.find(id, true);
      if (!row || row.fromUserId !== actor.userId) throw notFound();
      const now = this.d.clock.now();
      const today = vietnamDate(now);
      const status = delegationStatus(row, today);
      if (status === 'revoked' || status === 'expired') throw new AppError('INVALID_STATE');
      await this.d.delegations.revoke(id, now);
      await this.d.audit.record(ctx, {
        action: 'delegation.revoke',
        entityType: 'delegation',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt: now.toISOString() },
      });
      const msg = delegationRevokedText(await this.d.delegations.locale(row.toUserId), row.fromName);
      await this.d.realtime.publish({ users: [row.toUserId] }, { type: 'notification', ...msg });
      return this.present((await this.d.delegations.find(id))!, actor.userId, today);
    });
  }
}
