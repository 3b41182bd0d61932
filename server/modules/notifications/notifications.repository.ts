import { sql } from 'drizzle-orm';
import type { TNotificationList } from '../../../contracts/notifications';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { isoOrNull as iso } from '../../platform/db/values';

/** SQL of a person's kept notifications. */
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  async list(userId: string, limit: number): Promise<TNotificationList> {
    const [rows, [{ n }]] = await Promise.all([
      this.db.rows<Record<string, unknown>>(sql`
        SELECT id, kind, title, body, link, created_at, read_at FROM notifications
        WHERE user_id = ${userId}::uuid ORDER BY created_at DESC, id DESC LIMIT ${limit}`),
      this.db.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId}::uuid AND read_at IS NULL`),
    ]);
    return {
      unread: Number(n),
      items: rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as string,
        title: r.title as string,
        body: r.body as string,
        link: (r.link as string | null) ?? null,
        createdAt: iso(r.created_at) as string,
        readAt: iso(r.read_at),
      })),
    };
  }

  async markRead(userId: string, ids: readonly string[] | undefined, at: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE notifications SET read_at = ${at.toISOString()}::timestamptz
      WHERE user_id = ${userId}::uuid AND read_at IS NULL
        ${ids ? sql`AND id = ANY(${uuidArray(ids)})` : sql``}`);
  }
}
