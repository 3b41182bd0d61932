import type { TAdminUserDetail } from '../../../contracts/admin-users';
import type { Audit } from '../../platform/audit/audit.repository';
import { hashPassword } from '../../platform/auth/password';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import type { RealtimeHub } from '../../platform/realtime/hub';
import { requireUserAdmin } from './admin-users.policy';
import { presentDetail } from './admin-users.present';
import type { AdminUsersRepository, UserRow } from './admin-users.repository';
import type { AdminUsersService } from './admin-users.service';
import { generateOneTimePassword } from './one-time-password';

/** What the account actions need. */
export interface AccountActionsDeps {
  tx: TxRunner;
  repo: AdminUsersRepository;
  users: AdminUsersService;
  sessions: SessionsRepository;
  audit: Audit;
  realtime: RealtimeHub;
  clock: Clock;
}

/** Khóa / Mở khóa / Đặt lại mật khẩu of an account. */
export class AccountActionsService {
  constructor(private readonly d: AccountActionsDeps) {}

  /** Disables the account and ends every session of it at once (the browser is told to sign out). */
  async lock(ctx: RequestContext, id: string, reason?: string): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    return this.d.tx.transaction(async () => {
      const row = await this.d.users.load(actor, id, 'manage');
      if (row.id === actor.userId || row.status !== 'active') throw new AppError('INVALID_STATE');
      const now = this.d.clock.now();
      await this.d.repo.setStatus(id, 'disabled', now);
      const ended = await this.endSessions(id, 'locked');
      await this.d.audit.record(ctx, {
        action: 'user.lock',
        entityType: 'user',
        entityId: id,
        before: { status: row.status },
        after: { status: 'disabled', reason: reason ?? null, endedSessions: ended },
      });
      return this.detail(ctx, id);
    });
  }

  /** Re-enables a disabled account and lifts a temporary lock after wrong passwords. */
  async unlock(ctx: RequestContext, id: string, reason?: string): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    return this.d.tx.transaction(async () => {
      const row = await this.d.users.load(actor, id, 'manage');
      if (row.status === 'active' && row.displayStatus !== 'locked-out') throw new AppError('INVALID_STATE');
      await this.d.repo.setStatus(id, 'active', this.d.clock.now());
      await this.d.repo.clearThrottle(row.username);
      await this.d.audit.record(ctx, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        before: { status: row.displayStatus },
        after: { status: 'active', reason: reason ?? null },
      });
      return this.detail(ctx, id);
    });
  }

  /**
   * Gives the account a new one-time password (answered this once), forces a change at the next
   * sign-in, ends its sessions and lifts a temporary lock. Administrators change their own
   * password with "Đổi mật khẩu" instead.
   */
  async resetPassword(ctx: RequestContext, id: string, reason?: string): Promise<{ oneTimePassword: string }> {
    const { actor } = requireUserAdmin(ctx.actor);
    const oneTimePassword = generateOneTimePassword();
    const hash = await hashPassword(oneTimePassword);
    await this.d.tx.transaction(async () => {
      const row: UserRow = await this.d.users.load(actor, id, 'manage');
      if (row.id === actor.userId) throw new AppError('INVALID_STATE');
      await this.d.repo.setOneTimePassword(id, hash, this.d.clock.now());
      await this.d.repo.clearThrottle(row.username);
      const ended = await this.endSessions(id, 'password-reset');
      await this.d.audit.record(ctx, {
        action: 'user.password.reset',
        entityType: 'user',
        entityId: id,
        after: { mustChangePassword: true, reason: reason ?? null, endedSessions: ended },
      });
    });
    return { oneTimePassword };
  }

  /** Revokes every live session; the NOTIFY is sent on commit, so a rolled-back lock signs no one out. */
  private async endSessions(userId: string, reason: string): Promise<number> {
    const ended = await this.d.sessions.revokeOthers(userId, null, reason, this.d.clock.now());
    await this.d.realtime.publish({ users: [userId] }, { type: 'session.ended' });
    return ended.length;
  }

  private async detail(ctx: RequestContext, id: string): Promise<TAdminUserDetail> {
    const { actor } = requireUserAdmin(ctx.actor);
    const row = (await this.d.repo.findById(id, this.d.clock.now())) as UserRow;
    return presentDetail(actor, row, await this.d.repo.grantsOf(id));
  }
}
