import { z } from 'zod';
import { ZLocale } from './auth';

/** Partial update of the signed-in user's own preferences. */
export const ZPreferencesUpdate = z
  .object({
    locale: ZLocale.optional(),
    favourites: z.array(z.string().min(1).max(60)).max(30).optional(),
    pageSize: z.number().int().min(10).max(200).optional(),
  })
  .strict();
export type TPreferencesUpdate = z.infer<typeof ZPreferencesUpdate>;
