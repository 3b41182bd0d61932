import { z } from 'zod';
import { ZLocale } from './auth';

/** Channels that carry notifications besides the in-app ones. */
export const NOTIFY_CHANNELS = ['email', 'sms'] as const;
export const ZNotifyChannel = z.enum(NOTIFY_CHANNELS);
export type TNotifyChannel = z.infer<typeof ZNotifyChannel>;

/** Partial update of the signed-in user's own preferences (tùy chọn cá nhân, Điều 3.6a). */
export const ZPreferencesUpdate = z
  .object({
    locale: ZLocale.optional(),
    favourites: z.array(z.string().min(1).max(60)).max(30).optional(),
    pageSize: z.number().int().min(10).max(200).optional(),
    /** Function opened after sign-in (a ready function the user may see); null = home screen. */
    landingFunction: z.string().min(1).max(60).nullable().optional(),
    /** SMS needs a phone number and e-mail an address on the user's profile. */
    notifyChannels: z.array(ZNotifyChannel).max(10).optional(),
  })
  .strict();
export type TPreferencesUpdate = z.infer<typeof ZPreferencesUpdate>;
