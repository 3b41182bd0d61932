import { DELEGATION_INVALID, vietnamDate } from '../../../contracts/account';
import { type Actor, foldPermissions } from '../authz/actor';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { SettingsService } from '../settings/settings.service';
import { hashSessionToken } from './session-token';
import type { SessionsRepository } from './sessions.repository';

const TOUCH_EVERY_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer to an X-On-Behalf-Of header that names no delegation valid today. */
export function delegationRefused(): AppError {
  return new AppError('FORBIDDEN', { details: { reason: DELEGATION_INVALID } });
}

/** Turns a session cookie into the Actor behind it, or null when the session is not live. */
export class SessionResolver {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * `onBehalfOf` is the user id of the X-On-Behalf-Of header: honoured only when an unrevoked
   * delegation from that user to the signed-in one covers today (Vietnam date); the Actor then
   * carries the delegator's unit and permissions. Anything else throws 403 FORBIDDEN.
   */
  async resolve(token: string | undefined, onBehalfOf?: string): Promise<Actor | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const idle = await this.settings.get('auth.session.idleMinutes');
    const row = await this.sessions.findActor(hashSessionToken(token), now, new Date(now.getTime() - idle * 60_000));
    if (row?.status !== 'active') return null;
    // A write on every request would be wasteful; a fraction of the idle time is precise enough.
    if (now.getTime() - row.lastSeenAt.getTime() > Math.min(TOUCH_EVERY_MS, (idle * 60_000) / 4)) {
      await this.sessions.touch(row.sessionId, now);
    }
    const actor: Actor = {
      userId: row.userId,
      username: row.username,
      fullName: row.fullName,
      unitId: row.unitId,
      unitPath: row.unitPath,
      sessionId: row.sessionId,
      locale: row.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: row.mustChangePassword,
      permissions: foldPermissions(row.perms),
      onBehalfOf: null,
    };
    return onBehalfOf === undefined ? actor : this.actFor(actor, onBehalfOf, now);
  }

  private async actFor(actor: Actor, fromUserId: string, now: Date): Promise<Actor> {
    if (!UUID.test(fromUserId) || fromUserId === actor.userId) throw delegationRefused();
    const delegator = await this.sessions.findDelegator(fromUserId, actor.userId, vietnamDate(now));
    if (!delegator) throw delegationRefused();
    // The delegate works with the delegator's processing rights, inside the delegator's unit.
    return {
      ...actor,
      unitId: delegator.unitId,
      unitPath: delegator.unitPath,
      permissions: foldPermissions(delegator.perms),
      onBehalfOf: {
        userId: delegator.userId,
        fullName: delegator.fullName,
        unitId: delegator.unitId,
        unitPath: delegator.unitPath,
      },
    };
  }
}
