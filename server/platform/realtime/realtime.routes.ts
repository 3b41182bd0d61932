import type { FastifyInstance } from 'fastify';
import type { RealtimeHub } from './hub';

/**
 * WebSocket /api/realtime: badges on connect and whenever they change, notifications, and
 * `session.ended` when the session is ended elsewhere. The client may send `{"type":"ping"}`.
 */
export function realtimeRoutes(app: FastifyInstance, deps: { hub: RealtimeHub }) {
  app.get(
    '/api/realtime',
    {
      websocket: true,
      config: { access: 'signed-in', duringPasswordChange: true },
      schema: { tags: ['realtime'], summary: 'Kênh thời gian thực (WebSocket): số đếm, thông báo' },
    },
    (socket, req) => {
      const actor = req.actor;
      if (!actor) return socket.close(4401, 'unauthenticated');
      // Acting for a delegator, the tab shows the delegator's badges and notifications.
      const conn = {
        userId: actor.onBehalfOf?.userId ?? actor.userId,
        sessionId: actor.sessionId,
        send: (text: string) => {
          if (socket.readyState === socket.OPEN) socket.send(text);
        },
        close: () => socket.close(4000, 'session ended'),
      };
      socket.on('message', (raw: Buffer) => {
        if (raw.length < 100 && raw.toString().includes('"ping"')) conn.send('{"type":"pong"}');
      });
      socket.on('close', () => deps.hub.remove(conn));
      void deps.hub.add(conn).catch((err) => req.log.warn({ err }, 'realtime add failed'));
    },
  );
}
