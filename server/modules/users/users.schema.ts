import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { jobTitles, units } from '../org/org.schema';

/** People who sign in. Usernames are stored lower-case. */
export const users = pgTable(
  'users',
  {
    id: idColumn(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    /** Vietnamese order key (given name first), computed in code: see contracts/text.ts. */
    sortKey: text('sort_key').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    jobTitleId: uuid('job_title_id').references(() => jobTitles.id),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** active | disabled (an administrator's lock). Lockout after wrong passwords: login_throttle. */
    status: text('status').notNull().default('active'),
    passwordChangedAt: tstz('password_changed_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    // Sort keys compare byte-wise (see contracts/text.ts), hence COLLATE "C" in the indexes and queries.
    index('users_unit_sort_idx').on(t.unitId, sql`${t.sortKey} COLLATE "C"`, t.id),
    index('users_sort_idx').on(sql`${t.sortKey} COLLATE "C"`, t.id),
    index('users_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);

/** Personal settings (Điều 3.6a "tùy chọn cá nhân", 3.5f favourites). */
export const userPreferences = pgTable('user_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  locale: text('locale').notNull().default('vi'),
  favourites: jsonb('favourites').$type<string[]>().notNull().default([]),
  pageSize: integer('page_size').notNull().default(20),
  /** Function opened after sign-in instead of home; null = home. */
  landingFunction: text('landing_function'),
  /** Channels for notifications besides in-app: 'email', 'sms'. */
  notifyChannels: jsonb('notify_channels').$type<string[]>().notNull().default([]),
  ...timestamps(),
});
