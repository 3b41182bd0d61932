import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZMe } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import { ZPreferencesUpdate } from '../../../contracts/preferences';
import type { UsersService } from './users.service';

/** PATCH /api/me/preferences: the user's own language, favourites and page size. */
export function meRoutes(app: FastifyInstance, deps: { users: UsersService }) {
  app.withTypeProvider<ZodTypeProvider>().patch('/api/me/preferences', {
    config: { access: 'signed-in', duringPasswordChange: true },
    schema: {
      tags: ['me'],
      summary: 'Tùy chọn cá nhân và chức năng ưu tiên',
      body: ZPreferencesUpdate,
      response: { 200: ZMe.shape.preferences, 400: ZErrorBody, 401: ZErrorBody },
    },
    handler: (req) => deps.users.updatePreferences(req.ctx, req.body),
  });
}
