import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { sessions } from './auth.schema';

/** The row the auth hook turns into an Actor. */
export interface SessionActorRow {
  sessionId: string;
  lastSeenAt: Date;
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  mustChangePassword: boolean;
  status: string;
  locale: string | null;
  perms: { p: string; s: string }[];
}

/** The delegator a user acts for, as the auth hook needs it. */
export interface DelegatorRow {
  userId: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  perms: { p: string; s: string }[];
}

/** All SQL of sessions. */
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(row: {
    tokenHash: string;
    userId: string;
    expiresAt: Date;
    now: Date;
    ip: string | null;
    userAgent: string | null;
  }) {
    const [s] = await this.db.q
      .insert(sessions)
      .values({
        tokenHash: row.tokenHash,
        userId: row.userId,
        createdAt: row.now,
        lastSeenAt: row.now,
        expiresAt: row.expiresAt,
        ip: row.ip,
        userAgent: row.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: sessions.id });
    return s.id;
  }

  /** A live session (not revoked, not expired, not idle) with its user and permissions, in one query. */
  async findActor(tokenHash: string, now: Date, idleCutoff: Date): Promise<SessionActorRow | null> {
    const rows = await this.db.rows(sql`
      SELECT s.id AS "sessionId", s.last_seen_at AS "lastSeenAt", u.id AS "userId", u.username,
             u.full_name AS "fullName", u.unit_id AS "unitId", un.path AS "unitPath",
             u.must_change_password AS "mustChangePassword", u.status, p.locale,
             COALESCE((SELECT json_agg(json_build_object('p', gp.permission, 's', ug.scope))
                       FROM user_groups ug
                       JOIN groups g ON g.id = ug.group_id AND g.active
                       JOIN group_permissions gp ON gp.group_id = ug.group_id
                       WHERE ug.user_id = u.id), '[]'::json) AS perms
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN user_preferences p ON p.user_id = u.id
      WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL
        AND s.expires_at > ${now.toISOString()}::timestamptz
        AND s.last_seen_at > ${idleCutoff.toISOString()}::timestamptz`);
    const row = rows[0] as
      | (Omit<SessionActorRow, 'lastSeenAt' | 'perms'> & { lastSeenAt: string | Date; perms: unknown })
      | undefined;
    if (!row) return null;
    const perms = typeof row.perms === 'string' ? JSON.parse(row.perms) : row.perms;
    return { ...row, lastSeenAt: new Date(row.lastSeenAt), perms: perms as SessionActorRow['perms'] };
  }

  /**
   * The delegator behind a delegation from `fromUserId` to `toUserId` that covers `today`
   * (YYYY-MM-DD) and is not revoked, with the delegator's unit and permissions; null when none.
   */
  async findDelegator(fromUserId: string, toUserId: string, today: string): Promise<DelegatorRow | null> {
    const rows = await this.db.rows(sql`
      SELECT u.id AS "userId", u.full_name AS "fullName", u.unit_id AS "unitId", un.path AS "unitPath",
             COALESCE((SELECT json_agg(json_build_object('p', gp.permission, 's', ug.scope))
                       FROM user_groups ug
                       JOIN groups g ON g.id = ug.group_id AND g.active
                       JOIN group_permissions gp ON gp.group_id = ug.group_id
                       WHERE ug.user_id = u.id), '[]'::json) AS perms
      FROM delegations d
      JOIN users u ON u.id = d.from_user_id AND u.status = 'active'
      JOIN units un ON un.id = u.unit_id
      WHERE d.from_user_id = ${fromUserId}::uuid AND d.to_user_id = ${toUserId}::uuid AND d.revoked_at IS NULL
        AND d.starts_on <= ${today}::date AND d.ends_on >= ${today}::date
      LIMIT 1`);
    const row = rows[0] as (Omit<DelegatorRow, 'perms'> & { perms: unknown }) | undefined;
    if (!row) return null;
    const perms = typeof row.perms === 'string' ? JSON.parse(row.perms) : row.perms;
    return { ...row, perms: perms as DelegatorRow['perms'] };
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.db.q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    await this.db.q
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  }

  /** Ends every live session of a user except one; returns the ended ids. */
  async revokeOthers(userId: string, keepSessionId: string | null, reason: string, now: Date): Promise<string[]> {
    const where = keepSessionId
      ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId))
      : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
    const rows = await this.db.q
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(where)
      .returning({ id: sessions.id });
    return rows.map((r) => r.id);
  }
}
