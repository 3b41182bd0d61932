import {
  EMAIL_PROVIDERS,
  SMS_HTTP_METHODS,
  SMS_PROVIDERS,
  type TSettingKey,
  UPLOAD_FILE_TYPES,
} from '../../../contracts/settings';

/** How a setting is edited. */
export type FieldKind =
  | { kind: 'text'; maxLength: number }
  | { kind: 'number'; min: number; max: number; unit: string }
  | { kind: 'switch' }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'fileTypes' }
  | { kind: 'secret' }
  | { kind: 'template' }
  | { kind: 'weekdays' }
  | { kind: 'holidays' };

/** The editor of every system setting; limits mirror contracts/settings.ts for the inputs' hints. */
export const SETTING_FIELDS: Record<TSettingKey, FieldKind> = {
  'org.name': { kind: 'text', maxLength: 300 },
  'org.shortName': { kind: 'text', maxLength: 20 },
  'auth.session.idleMinutes': { kind: 'number', min: 1, max: 10080, unit: 'minutes' },
  'auth.session.absoluteHours': { kind: 'number', min: 1, max: 720, unit: 'hours' },
  'auth.lockout.maxAttempts': { kind: 'number', min: 1, max: 100, unit: 'times' },
  'auth.lockout.windowMinutes': { kind: 'number', min: 1, max: 1440, unit: 'minutes' },
  'auth.lockout.durationMinutes': { kind: 'number', min: 1, max: 1440, unit: 'minutes' },
  'auth.password.minLength': { kind: 'number', min: 6, max: 128, unit: 'characters' },
  'auth.password.requireUpper': { kind: 'switch' },
  'auth.password.requireLower': { kind: 'switch' },
  'auth.password.requireDigit': { kind: 'switch' },
  'auth.password.requireSymbol': { kind: 'switch' },
  'upload.maxFileMb': { kind: 'number', min: 1, max: 200, unit: 'mb' },
  'upload.allowedTypes': { kind: 'fileTypes' },
  'sms.enabled': { kind: 'switch' },
  'sms.provider': { kind: 'select', options: SMS_PROVIDERS },
  'sms.http.url': { kind: 'text', maxLength: 500 },
  'sms.http.method': { kind: 'select', options: SMS_HTTP_METHODS },
  'sms.http.authHeader': { kind: 'secret' },
  'sms.http.bodyTemplate': { kind: 'template' },
  'email.provider': { kind: 'select', options: EMAIL_PROVIDERS },
  'email.from': { kind: 'text', maxLength: 255 },
  'email.smtp.host': { kind: 'text', maxLength: 255 },
  'email.smtp.port': { kind: 'number', min: 1, max: 65535, unit: 'port' },
  'email.smtp.secure': { kind: 'switch' },
  'email.smtp.user': { kind: 'text', maxLength: 255 },
  'email.smtp.password': { kind: 'secret' },
  'work.days': { kind: 'weekdays' },
  'work.holidays': { kind: 'holidays' },
};

/** Settings only relevant to the HTTP gateway: shown when it is chosen. */
export const HTTP_GATEWAY_KEYS: readonly TSettingKey[] = [
  'sms.http.url',
  'sms.http.method',
  'sms.http.authHeader',
  'sms.http.bodyTemplate',
];

/** Settings only relevant to sending through an SMTP server: shown when it is chosen. */
export const SMTP_KEYS: readonly TSettingKey[] = [
  'email.smtp.host',
  'email.smtp.port',
  'email.smtp.secure',
  'email.smtp.user',
  'email.smtp.password',
];

export { UPLOAD_FILE_TYPES };

/** i18n id of a setting: dots are key separators for i18next. */
export function fieldId(key: string): string {
  return key.replace(/\./g, '_');
}
