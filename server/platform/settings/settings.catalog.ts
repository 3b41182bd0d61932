import { z } from 'zod';

/**
 * System settings (tùy chọn quản trị) with their types and defaults. A row in
 * system_settings overrides a default; administrators change them (issue: administration).
 */
export const SETTINGS = {
  'org.name': z.string().min(1).max(300).default('Phòng Giáo dục và Đào tạo huyện An Minh'),
  'auth.lockout.maxAttempts': z.number().int().min(1).max(100).default(5),
  'auth.lockout.windowMinutes': z.number().int().min(1).max(1440).default(15),
  'auth.lockout.durationMinutes': z.number().int().min(1).max(1440).default(15),
  'auth.session.idleMinutes': z.number().int().min(1).max(10080).default(60),
  'auth.session.absoluteHours': z.number().int().min(1).max(720).default(12),
  'auth.password.minLength': z.number().int().min(6).max(128).default(8),
  'auth.password.requireUpper': z.boolean().default(true),
  'auth.password.requireLower': z.boolean().default(true),
  'auth.password.requireDigit': z.boolean().default(true),
  'auth.password.requireSymbol': z.boolean().default(false),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]>;
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

/** The default of every setting. */
export function defaultSettings(): SettingValues {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SETTINGS)) out[key] = schema.parse(undefined);
  return out as SettingValues;
}
