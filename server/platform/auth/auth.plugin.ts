import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from '../authz/actor';
import { AppError } from '../errors';
import type { SessionResolver } from './session-resolver';
import { SESSION_COOKIE } from './session-token';

/** How a route may be reached. Every /api route must declare one (checked at start-up). */
export type Access = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable by a user who must change their password first. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: RequestContext;
  }
}

/** The delegator id of the X-On-Behalf-Of header; undefined when absent or empty. */
function onBehalfOfHeader(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  // A repeated header is ambiguous: refused by the resolver as an invalid id.
  if (Array.isArray(value)) return value.join(',');
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Resolves the session cookie to `request.actor` (one query), enforces each route's declared
 * access, and refuses at start-up a route that declares none.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { resolver: SessionResolver }) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('ctx', null as unknown as RequestContext);

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
        throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
      }
    });

    app.addHook('onRequest', async (req) => {
      const config = req.routeOptions.config;
      const isApi = req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');
      // X-On-Behalf-Of (ủy quyền) counts only on signed-in routes: sign-in and sign-out ignore it.
      // A browser cannot set headers on a WebSocket, a frame, an image or a link: reads (GET, the
      // real-time route among them) also take it as ?onBehalfOf=.
      const fromQuery = req.method === 'GET' ? (req.query as { onBehalfOf?: string })?.onBehalfOf : undefined;
      const onBehalfOf =
        config?.access === 'signed-in' ? onBehalfOfHeader(req.headers['x-on-behalf-of'] ?? fromQuery) : undefined;
      req.actor =
        isApi && config?.access ? await opts.resolver.resolve(req.cookies?.[SESSION_COOKIE], onBehalfOf) : null;
      req.ctx = { actor: req.actor, ip: req.ip ?? null };
      if (!isApi || !config?.access || config.access === 'public') return;
      if (!req.actor) throw new AppError('UNAUTHENTICATED');
      if (req.actor.mustChangePassword && !config.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    });
  },
  { name: 'auth' },
);
