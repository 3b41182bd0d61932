import type { z } from 'zod';
import { SETTING_SCHEMAS } from '../../../contracts/settings';

/**
 * System settings (tùy chọn quản trị) with their types and defaults. A row in system_settings
 * overrides a default; administrators change them through admin-system. The schemas live in
 * contracts/settings.ts so that the web validates with the same rules.
 */
export const SETTINGS = SETTING_SCHEMAS;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]>;
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

/** The default of every setting. */
export function defaultSettings(): SettingValues {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SETTINGS)) out[key] = schema.parse(undefined);
  return out as SettingValues;
}
