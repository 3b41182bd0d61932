import { type TPasswordPolicy, passwordProblems } from '../../../contracts/auth';
import type { Audit } from '../../platform/audit/audit.repository';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/auth/password';
import { newSessionToken } from '../../platform/auth/session-token';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import type { RealtimeHub } from '../../platform/realtime/hub';
import type { SettingsService } from '../../platform/settings/settings.service';
import type { AuthRepository } from './auth.repository';

export interface AuthDeps {
  tx: TxRunner;
  auth: AuthRepository;
  sessions: SessionsRepository;
  settings: SettingsService;
  audit: Audit;
  realtime: RealtimeHub;
  clock: Clock;
}

/** Sign-in, sign-out and password change. */
export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  /**
   * Checks a username and password and opens a session. Wrong passwords count per typed name
   * (known or not) so that neither the message nor the lockout tells whether the name exists.
   */
  async login(
    input: { username: string; password: string },
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; userId: string; expiresAt: Date }> {
    const { d } = this;
    const username = input.username.normalize('NFC').trim().toLowerCase();
    const now = d.clock.now();
    const s = await d.settings.all();

    const throttle = await d.auth.throttleForUpdate(username);
    if (throttle?.lockedUntil && throttle.lockedUntil > now) {
      await d.auth.logAttempt(username, false, meta.ip, now);
      throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: throttle.lockedUntil.toISOString() } });
    }

    const creds = await d.auth.findCredentials(username);
    let ok = false;
    if (creds) ok = await verifyPassword(creds.passwordHash, input.password);
    else await verifyAgainstDummy(input.password);

    if (!creds || !ok) {
      const lockedUntil = await d.tx.transaction(async () => {
        const t = await d.auth.throttleForUpdate(username);
        const windowStart = new Date(now.getTime() - s['auth.lockout.windowMinutes'] * 60_000);
        const fresh = !t || t.windowStartedAt < windowStart || (t.lockedUntil !== null && t.lockedUntil <= now);
        const failures = fresh ? 1 : t.failures + 1;
        const started = fresh ? now : t.windowStartedAt;
        const lock =
          failures >= s['auth.lockout.maxAttempts']
            ? new Date(now.getTime() + s['auth.lockout.durationMinutes'] * 60_000)
            : null;
        await d.auth.saveThrottle(username, failures, started, lock);
        await d.auth.logAttempt(username, false, meta.ip, now);
        if (lock && creds) {
          await d.audit.record(
            { actor: null, ip: meta.ip },
            {
              action: 'auth.locked',
              entityType: 'user',
              entityId: creds.id,
              after: { lockedUntil: lock.toISOString() },
            },
          );
        }
        return lock;
      });
      if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', { details: { lockedUntil: lockedUntil.toISOString() } });
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (creds.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

    const { token, hash } = newSessionToken();
    const expiresAt = new Date(now.getTime() + s['auth.session.absoluteHours'] * 3_600_000);
    await d.tx.transaction(async () => {
      await d.auth.clearThrottle(username);
      const sessionId = await d.sessions.create({
        tokenHash: hash,
        userId: creds.id,
        expiresAt,
        now,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      await d.auth.logAttempt(username, true, meta.ip, now);
      await d.audit.record(
        { actor: { userId: creds.id }, ip: meta.ip },
        { action: 'auth.login', entityType: 'session', entityId: sessionId },
      );
    });
    return { token, userId: creds.id, expiresAt };
  }

  /** Ends the current session on the server. */
  async logout(ctx: RequestContext): Promise<void> {
    const actor = ctx.actor;
    if (!actor) return;
    await this.d.tx.transaction(async () => {
      await this.d.sessions.revoke(actor.sessionId, 'logout', this.d.clock.now());
      await this.d.audit.record(ctx, { action: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
    });
  }

  async passwordPolicy(): Promise<TPasswordPolicy> {
    const s = await this.d.settings.all();
    return {
      minLength: s['auth.password.minLength'],
      requireUpper: s['auth.password.requireUpper'],
      requireLower: s['auth.password.requireLower'],
      requireDigit: s['auth.password.requireDigit'],
      requireSymbol: s['auth.password.requireSymbol'],
    };
  }

  /** Đổi mật khẩu: checks the current password and the rules, then ends every other session. */
  async changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const { d } = this;
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const creds = await d.auth.findCredentialsById(actor.userId);
    if (!creds || !(await verifyPassword(creds.passwordHash, input.currentPassword))) {
      throw new AppError('WRONG_CURRENT_PASSWORD', { field: 'currentPassword' });
    }
    const problems = passwordProblems(input.newPassword, await this.passwordPolicy());
    if (problems.length > 0) throw new AppError('WEAK_PASSWORD', { field: 'newPassword', details: { problems } });
    if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED', { field: 'newPassword' });

    const hash = await hashPassword(input.newPassword);
    const now = d.clock.now();
    await d.tx.transaction(async () => {
      await d.auth.setPassword(actor.userId, hash, now);
      const ended = await d.sessions.revokeOthers(actor.userId, actor.sessionId, 'password-changed', now);
      await d.audit.record(ctx, {
        action: 'auth.password.change',
        entityType: 'user',
        entityId: actor.userId,
        after: { endedSessions: ended.length },
      });
      if (ended.length > 0) await d.realtime.publish({ sessions: ended }, { type: 'session.ended' });
    });
  }
}
