import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import { ZNotificationList, ZNotificationQuery, ZNotificationRead } from '../../../contracts/notifications';
import { principalOf, signedIn } from '../../platform/authz/actor';
import type { NotificationsRepository } from './notifications.repository';

/** Routes of the kept notifications: /api/notifications/… */
export function notificationRoutes(app: FastifyInstance, repo: NotificationsRepository, now: () => Date) {
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
    handler: (req) => repo.list(principalOf(signedIn(req.ctx)), req.query.limit),
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
      await repo.markRead(principalOf(signedIn(req.ctx)), req.body.ids, now());
      return { ok: true as const };
    },
  });
}
