import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TRealtimeMessage } from '../../contracts/badges';
import { withActingFor } from './acting-for';
import { ME_QUERY_KEY } from './auth';
import { setPushedBadges } from './badges';

const PING_EVERY_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

/** Callbacks of the real-time channel that need the router or i18n. */
export interface RealtimeHandlers {
  onSessionEnded: () => void;
  onNotification: (message: { title: string; body: string; link?: string }) => void;
}

function parseMessage(data: unknown): TRealtimeMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && 'type' in value ? (value as TRealtimeMessage) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one WebSocket to `/api/realtime` open while the shell is mounted: badge counts go into
 * the query cache, notifications to the handler, `session.ended` ends the session here too.
 * Reconnects with exponential backoff; the server sends fresh badges on every connect.
 */
export function useRealtime(handlers: RealtimeHandlers): void {
  const queryClient = useQueryClient();
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempt = 0;
    let pingTimer: ReturnType<typeof setInterval> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const handle = (message: TRealtimeMessage) => {
      if (message.type === 'badges') setPushedBadges(queryClient, message.badges);
      else if (message.type === 'notification') handlersRef.current.onNotification(message);
      else if (message.type === 'session.ended') {
        stopped = true;
        handlersRef.current.onSessionEnded();
      }
    };

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}${withActingFor('/api/realtime')}`);
      socket.onopen = () => {
        attempt = 0;
        pingTimer = setInterval(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
        }, PING_EVERY_MS);
      };
      socket.onmessage = (event) => {
        const message = parseMessage(event.data);
        if (message) handle(message);
      };
      socket.onclose = () => {
        clearInterval(pingTimer);
        if (stopped) return;
        // A refused connection may mean the session is gone: re-check it once per outage.
        if (attempt === 0) void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) + Math.random() * 500;
        attempt += 1;
        retryTimer = setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      socket?.close();
    };
  }, [queryClient]);
}
