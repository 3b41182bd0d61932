import { z } from 'zod';

/** A kept in-app notification (assignments, reminders, announcements, receipts …). */
export const ZNotification = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** GET /api/notifications: the newest first, with how many are unread. */
export const ZNotificationQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

/** POST /api/notifications/read: these, or all when `ids` is absent. */
export const ZNotificationRead = z.object({ ids: z.array(z.string().uuid()).max(100).optional() }).strict();
export type TNotificationRead = z.input<typeof ZNotificationRead>;
