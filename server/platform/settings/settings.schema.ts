import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns';

/** System settings (tùy chọn quản trị); defaults live in code, rows only for changed values. */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
