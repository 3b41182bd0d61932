import { z } from 'zod';

export const LOCALES = ['vi', 'en'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZPermissionScope = z.enum(['own', 'subtree', 'all']);
export type TPermissionScope = z.infer<typeof ZPermissionScope>;

/** The signed-in user as the web needs it. */
export const ZMe = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  unit: z.object({ id: z.string().uuid(), name: z.string(), shortName: z.string() }),
  jobTitle: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** Permission codes the user holds (any scope); the delegator's while acting for them. */
  permissions: z.array(z.string()),
  /** The delegator whose rights the user works with (header X-On-Behalf-Of), or null. */
  actingFor: z.object({ userId: z.string().uuid(), fullName: z.string() }).nullable().optional(),
  preferences: z.object({
    locale: ZLocale,
    favourites: z.array(z.string()),
    pageSize: z.number().int(),
    /** Function opened after sign-in; null = home screen. */
    landingFunction: z.string().nullable(),
    /** Notification channels besides in-app: 'email', 'sms'. */
    notifyChannels: z.array(z.enum(['email', 'sms'])),
  }),
});
export type TMe = z.infer<typeof ZMe>;

/** Password strength rules, from system settings; the web shows them next to the form. */
export const ZPasswordPolicy = z.object({
  minLength: z.number().int(),
  requireUpper: z.boolean(),
  requireLower: z.boolean(),
  requireDigit: z.boolean(),
  requireSymbol: z.boolean(),
});
export type TPasswordPolicy = z.infer<typeof ZPasswordPolicy>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** Rules a candidate password breaks; empty when it is acceptable. Used by server and web. */
export function passwordProblems(password: string, policy: TPasswordPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push('minLength');
  if (policy.requireUpper && !/\p{Lu}/u.test(password)) problems.push('upper');
  if (policy.requireLower && !/\p{Ll}/u.test(password)) problems.push('lower');
  if (policy.requireDigit && !/\d/.test(password)) problems.push('digit');
  if (policy.requireSymbol && !/[^\p{L}\d]/u.test(password)) problems.push('symbol');
  return problems;
}

export const ZOk = z.object({ ok: z.literal(true) });
