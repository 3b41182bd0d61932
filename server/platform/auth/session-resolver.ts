import { type Actor, foldPermissions } from '../authz/actor';
import type { Clock } from '../clock';
import type { SettingsService } from '../settings/settings.service';
import { hashSessionToken } from './session-token';
import type { SessionsRepository } from './sessions.repository';

const TOUCH_EVERY_MS = 60_000;

/** Turns a session cookie into the Actor behind it, or null when the session is not live. */
export class SessionResolver {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async resolve(token: string | undefined): Promise<Actor | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const idle = await this.settings.get('auth.session.idleMinutes');
    const row = await this.sessions.findActor(hashSessionToken(token), now, new Date(now.getTime() - idle * 60_000));
    if (row?.status !== 'active') return null;
    // A write on every request would be wasteful; a fraction of the idle time is precise enough.
    if (now.getTime() - row.lastSeenAt.getTime() > Math.min(TOUCH_EVERY_MS, (idle * 60_000) / 4)) {
      await this.sessions.touch(row.sessionId, now);
    }
    return {
      userId: row.userId,
      username: row.username,
      fullName: row.fullName,
      unitId: row.unitId,
      unitPath: row.unitPath,
      sessionId: row.sessionId,
      locale: row.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: row.mustChangePassword,
      permissions: foldPermissions(row.perms),
    };
  }
}
