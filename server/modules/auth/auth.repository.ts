import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { loginAttempts, loginThrottle } from '../../platform/auth/auth.schema';
import { users } from '../users/users.schema';

export interface Credentials {
  id: string;
  username: string;
  passwordHash: string;
  status: string;
  mustChangePassword: boolean;
}

const credentialColumns = {
  id: users.id,
  username: users.username,
  passwordHash: users.passwordHash,
  status: users.status,
  mustChangePassword: users.mustChangePassword,
};

/** SQL of sign-in: credentials, the wrong-password throttle and the attempts log. */
export class AuthRepository {
  constructor(private readonly db: Database) {}

  async findCredentials(username: string): Promise<Credentials | null> {
    const [row] = await this.db.q.select(credentialColumns).from(users).where(eq(users.username, username));
    return row ?? null;
  }

  async findCredentialsById(userId: string): Promise<Credentials | null> {
    const [row] = await this.db.q.select(credentialColumns).from(users).where(eq(users.id, userId));
    return row ?? null;
  }

  async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.q
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, userId));
  }

  /** The throttle row of a username, locked for update inside the current transaction. */
  async throttleForUpdate(username: string) {
    const rows = await this.db.rows(sql`
      SELECT failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil"
      FROM login_throttle WHERE username = ${username} FOR UPDATE`);
    const row = rows[0] as
      | { failures: number; windowStartedAt: string | Date; lockedUntil: string | Date | null }
      | undefined;
    if (!row) return null;
    return {
      failures: Number(row.failures),
      windowStartedAt: new Date(row.windowStartedAt),
      lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
    };
  }

  async saveThrottle(username: string, failures: number, windowStartedAt: Date, lockedUntil: Date | null) {
    await this.db.q
      .insert(loginThrottle)
      .values({ username, failures, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.username, set: { failures, windowStartedAt, lockedUntil } });
  }

  async clearThrottle(username: string): Promise<void> {
    await this.db.q.delete(loginThrottle).where(eq(loginThrottle.username, username));
  }

  async logAttempt(username: string, success: boolean, ip: string | null, at: Date): Promise<void> {
    await this.db.q.insert(loginAttempts).values({ username: username.slice(0, 100), success, ip, at });
  }
}
