import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import {
  type TNotificationList,
  ZNotificationList,
  ZNotificationQuery,
  ZNotificationRead,
} from '../../../contracts/notifications';
import type { RequestContext } from '../../platform/authz/actor';
import { uuidArray } from '../../platform/db/arrays';
import type { Database } from '../../platform/db/database';
import { isoOrNull as iso } from '../../platform/db/values';
import { AppError } from '../../platform/errors';
import type { AppModule } from '../../platform/platform';

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

/** The person the notifications are for (the delegator while acting for them). */
function owner(ctx: RequestContext): string {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor.onBehalfOf?.userId ?? ctx.actor.userId;
}

function notificationRoutes(app: FastifyInstance, repo: NotificationsRepository, now: () => Date) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'signed-in' as const };
  const tags = ['notifications'];
  r.get('/api/notifications', {
    config,
    schema: {
      tags,
      summary: 'Thông báo của tôi, mới nhất trước (cửa sổ thường trực)',
      querystring: ZNotificationQuery,
      response: { 200: ZNotificationList, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req) => repo.list(owner(req.ctx), req.query.limit),
  });
  r.post('/api/notifications/read', {
    config,
    schema: {
      tags,
      summary: 'Đánh dấu đã đọc (các thông báo đã chọn, hoặc tất cả)',
      body: ZNotificationRead,
      response: { 200: ZOk, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: async (req) => {
      await repo.markRead(owner(req.ctx), req.body.ids, now());
      return { ok: true as const };
    },
  });
}

/** Module notifications: the list of kept in-app notifications, for the resident view (Điều 3.7c). */
export const notificationsModule: AppModule = {
  name: 'notifications',
  async register(app, platform) {
    notificationRoutes(app, new NotificationsRepository(platform.db), () => platform.clock.now());
  },
};
