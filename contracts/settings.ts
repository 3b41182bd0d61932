import { z } from 'zod';

/**
 * Contracts of "Cài đặt tùy chọn" (admin-settings, Điều 3.6a), the system part: every system
 * setting with its type, limits and default. The server's settings catalogue is this object, so
 * the web validates a field with the very schema the server applies.
 */

/** File types an upload may have. */
export const UPLOAD_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png', 'tif'] as const;
/** Where SMS go: a table other software reads (outbox) or an HTTP gateway. */
export const SMS_PROVIDERS = ['outbox', 'http'] as const;
export const SMS_HTTP_METHODS = ['POST', 'PUT'] as const;
/** How email leaves the system: left in the outbox for other software, or sent through an SMTP server. */
export const EMAIL_PROVIDERS = ['outbox', 'smtp'] as const;
/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Short name pattern, as in code notations (PGDĐT). */
export const ORG_SHORT_NAME_PATTERN = /^[A-ZĐ0-9-]+$/;

/**
 * Non-working days of 2026 under Bộ luật Lao động 2019, Điều 112: Tết Dương lịch 01/01; Tết
 * Nguyên đán Bính Ngọ 5 days, 16–20/02 (29 tháng Chạp to mùng 4; mùng 1 is 17/02); Giỗ Tổ Hùng
 * Vương 10/3 âm lịch = Sunday 26/04, so 27/04 is the day in lieu (khoản 3); 30/04; 01/05; Quốc
 * khánh 02/09 with one adjacent day, 01/09 as in 2025. Administrators keep the list up to date.
 */
export const DEFAULT_HOLIDAYS_2026 = [
  '2026-01-01',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-26',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
];

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** Every system setting: key → Zod schema with its default. */
export const SETTING_SCHEMAS = {
  'org.name': z.string().trim().min(1).max(300).default('Phòng Giáo dục và Đào tạo huyện An Minh'),
  'org.shortName': z.string().trim().min(1).max(20).regex(ORG_SHORT_NAME_PATTERN).default('PGDĐT'),
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
  'upload.maxFileMb': z.number().int().min(1).max(200).default(20),
  'upload.allowedTypes': z
    .array(z.enum(UPLOAD_FILE_TYPES))
    .min(1)
    .refine(unique)
    .transform((types) => UPLOAD_FILE_TYPES.filter((t) => types.includes(t)))
    .default([...UPLOAD_FILE_TYPES]),
  'sms.enabled': z.boolean().default(false),
  'sms.provider': z.enum(SMS_PROVIDERS).default('outbox'),
  'sms.http.url': z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).default(''),
  'sms.http.method': z.enum(SMS_HTTP_METHODS).default('POST'),
  /** Value of the Authorization header sent to the gateway; a secret, never shown in clear. */
  'sms.http.authHeader': z.string().trim().max(1000).default(''),
  'sms.http.bodyTemplate': z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((s) => s.includes('{{phone}}') && s.includes('{{text}}'))
    .default('{"to":"{{phone}}","message":"{{text}}"}'),
  'email.provider': z.enum(EMAIL_PROVIDERS).default('outbox'),
  'email.smtp.host': z.string().trim().max(255).default(''),
  'email.smtp.port': z.number().int().min(1).max(65535).default(587),
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  'email.smtp.secure': z.boolean().default(false),
  'email.smtp.user': z.string().trim().max(255).default(''),
  /** Password of the SMTP account; a secret, never shown in clear. */
  'email.smtp.password': z.string().max(500).default(''),
  'email.from': z.union([z.literal(''), z.string().trim().email().max(255)]).default(''),
  'work.days': z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine(unique)
    .transform((days) => [...days].sort((a, b) => a - b))
    .default([1, 2, 3, 4, 5]),
  'work.holidays': z
    .array(z.iso.date())
    .max(366)
    .refine(unique)
    .transform((dates) => [...dates].sort())
    .default([...DEFAULT_HOLIDAYS_2026]),
} as const;

export type TSettingKey = keyof typeof SETTING_SCHEMAS;
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as TSettingKey[];

export function isSettingKey(key: string): key is TSettingKey {
  return Object.hasOwn(SETTING_SCHEMAS, key);
}

/** Settings whose value is never sent back in clear: GET answers SECRET_MASK instead. */
export const SECRET_SETTINGS: readonly TSettingKey[] = ['sms.http.authHeader', 'email.smtp.password'];
/** What a secret that is set looks like to the web; sending it back keeps the stored value. */
export const SECRET_MASK = '••••••••';

/** The value as the web and the audit log may see it. */
export function maskSetting(key: string, value: unknown): unknown {
  if (!SECRET_SETTINGS.includes(key as TSettingKey)) return value;
  return typeof value === 'string' && value !== '' ? SECRET_MASK : '';
}

/** Sections of the "Tùy chọn quản trị" tab, each saved on its own. */
export const SETTING_SECTIONS = [
  { id: 'org', keys: ['org.name', 'org.shortName'] },
  {
    id: 'session',
    keys: [
      'auth.session.idleMinutes',
      'auth.session.absoluteHours',
      'auth.lockout.maxAttempts',
      'auth.lockout.windowMinutes',
      'auth.lockout.durationMinutes',
    ],
  },
  {
    id: 'password',
    keys: [
      'auth.password.minLength',
      'auth.password.requireUpper',
      'auth.password.requireLower',
      'auth.password.requireDigit',
      'auth.password.requireSymbol',
    ],
  },
  { id: 'upload', keys: ['upload.maxFileMb', 'upload.allowedTypes'] },
  {
    id: 'sms',
    keys: [
      'sms.enabled',
      'sms.provider',
      'sms.http.url',
      'sms.http.method',
      'sms.http.authHeader',
      'sms.http.bodyTemplate',
    ],
  },
  {
    id: 'email',
    keys: [
      'email.provider',
      'email.from',
      'email.smtp.host',
      'email.smtp.port',
      'email.smtp.secure',
      'email.smtp.user',
      'email.smtp.password',
    ],
  },
  { id: 'work', keys: ['work.days', 'work.holidays'] },
] as const satisfies readonly { id: string; keys: readonly TSettingKey[] }[];
export type TSettingSection = (typeof SETTING_SECTIONS)[number]['id'];

/**
 * Rules across settings, checked on the values as they would be after a change: an HTTP
 * gateway that is switched on needs its address; the idle timeout fits in the session lifetime.
 */
export function settingConflicts(values: Record<string, unknown>): { key: TSettingKey; rule: string }[] {
  const out: { key: TSettingKey; rule: string }[] = [];
  if (values['sms.enabled'] === true && values['sms.provider'] === 'http' && !values['sms.http.url']) {
    out.push({ key: 'sms.http.url', rule: 'requiredForHttp' });
  }
  if (values['email.provider'] === 'smtp') {
    if (!values['email.smtp.host']) out.push({ key: 'email.smtp.host', rule: 'requiredForSmtp' });
    if (!values['email.from']) out.push({ key: 'email.from', rule: 'requiredForSmtp' });
  }
  const idle = values['auth.session.idleMinutes'];
  const absolute = values['auth.session.absoluteHours'];
  if (typeof idle === 'number' && typeof absolute === 'number' && idle > absolute * 60) {
    out.push({ key: 'auth.session.idleMinutes', rule: 'longerThanAbsolute' });
  }
  return out;
}

// ── API shapes ────────────────────────────────────────────────────────────────

/** One setting as GET /api/admin/settings shows it (secrets masked). */
export const ZSettingItem = z.object({
  key: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  /** A stored value overrides the default. */
  changed: z.boolean(),
  secret: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type TSettingItem = z.infer<typeof ZSettingItem>;

export const ZSettingsView = z.object({ items: z.array(ZSettingItem) });
export type TSettingsView = z.infer<typeof ZSettingsView>;

/** PUT /api/admin/settings: key → new value; all are saved or none. */
export const ZSettingsUpdate = z
  .record(z.string().max(100), z.unknown())
  .refine((body) => Object.keys(body).length > 0 && Object.keys(body).length <= SETTING_KEYS.length);
export type TSettingsUpdate = z.infer<typeof ZSettingsUpdate>;

export const ZSettingKeyParams = z.object({ key: z.string().max(100) });
