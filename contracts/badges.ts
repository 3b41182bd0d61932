import { z } from 'zod';

/**
 * Counters of the top bar (Điều 3.7 f–k). `accountRequests` (3.7f: proposed account changes
 * awaiting a decision) is shown only to administrators holding admin.users.
 */
export const BADGE_KEYS = [
  'accountRequests',
  'opinions',
  'messages',
  'unreadIncoming',
  'unreadOutgoing',
  'tasksWaiting',
] as const;
export type TBadgeKey = (typeof BADGE_KEYS)[number];
export const ZBadges = z.object({
  accountRequests: z.number().int(),
  opinions: z.number().int(),
  messages: z.number().int(),
  unreadIncoming: z.number().int(),
  unreadOutgoing: z.number().int(),
  tasksWaiting: z.number().int(),
});
export type TBadges = z.infer<typeof ZBadges>;

/** Messages the server pushes on the real-time channel `/api/realtime`. */
export type TRealtimeMessage =
  | { type: 'badges'; badges: TBadges }
  | { type: 'notification'; title: string; body: string; link?: string }
  | { type: 'session.ended' }
  | { type: 'pong' };
