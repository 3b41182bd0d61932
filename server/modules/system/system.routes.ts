import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBadges } from '../../../contracts/badges';
import { ZErrorBody } from '../../../contracts/errors';
import type { Database } from '../../platform/db/database';
import type { BadgeService } from '../../platform/realtime/badges';

/** GET /api/health (database reachable) and GET /api/badges. */
export function systemRoutes(app: FastifyInstance, deps: { db: Database; badges: BadgeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (_req, reply) => {
      try {
        await deps.db.ping();
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  });
  r.get('/api/badges', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['system'],
      summary: 'Số đếm trên thanh công cụ (Điều 3.7 g–k)',
      response: { 200: ZBadges, 401: ZErrorBody },
    },
    handler: (req) => deps.badges.forUser(req.ctx.actor?.userId as string),
  });
}
