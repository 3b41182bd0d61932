import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZChangePasswordRequest, ZLoginRequest, ZMe, ZOk, ZPasswordPolicy } from '../../../contracts/auth';
import { ZErrorBody } from '../../../contracts/errors';
import type { SessionResolver } from '../../platform/auth/session-resolver';
import { SESSION_COOKIE } from '../../platform/auth/session-token';
import type { UsersService } from '../users/users.service';
import type { AuthService } from './auth.service';

/** POST /api/auth/login, /logout, /change-password; GET /api/auth/me, /password-policy. */
export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; users: UsersService; resolver: SessionResolver; cookieSecure: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Đăng nhập: mở phiên, đặt cookie phiên httpOnly',
      body: ZLoginRequest,
      response: { 200: ZMe, 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 423: ZErrorBody },
    },
    handler: async (req, reply) => {
      const session = await deps.auth.login(req.body, {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookieSecure,
        path: '/',
        expires: session.expiresAt,
      });
      // The new session is not on this request yet: resolve it for the answer.
      const actor = await deps.resolver.resolve(session.token);
      return reply.code(200).send(await deps.users.me({ actor, ip: req.ip ?? null }));
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'Đăng xuất: kết thúc phiên trên máy chủ', response: { 200: ZOk } },
    handler: async (req, reply) => {
      await deps.auth.logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { access: 'signed-in', duringPasswordChange: true },
    schema: { tags, summary: 'Người dùng đang đăng nhập', response: { 200: ZMe, 401: ZErrorBody } },
    handler: (req) => deps.users.me(req.ctx),
  });

  r.get('/api/auth/password-policy', {
    config: { access: 'signed-in', duringPasswordChange: true },
    schema: { tags, summary: 'Quy tắc độ mạnh mật khẩu', response: { 200: ZPasswordPolicy, 401: ZErrorBody } },
    handler: () => deps.auth.passwordPolicy(),
  });

  r.post('/api/auth/change-password', {
    config: { access: 'signed-in', duringPasswordChange: true },
    schema: {
      tags,
      summary: 'Đổi mật khẩu; kết thúc mọi phiên khác của người dùng',
      body: ZChangePasswordRequest,
      response: { 200: ZOk, 400: ZErrorBody, 401: ZErrorBody, 422: ZErrorBody },
    },
    handler: async (req) => {
      await deps.auth.changePassword(req.ctx, req.body);
      return { ok: true as const };
    },
  });
}
