import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns';

/** Units of the organisation tree (Phòng GD&ĐT at the root, schools under it). */
export const units = pgTable(
  'units',
  {
    id: idColumn(),
    parentId: uuid('parent_id'),
    /** Materialised path of ids, `/root/child/`, for subtree scopes with an index range scan. */
    path: text('path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Used in code notations, e.g. PGDĐT, THCSAM. */
    shortName: text('short_name').notNull(),
    kind: text('kind').notNull().default('other'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    /** edXML OrganId (QCVN 102:2016). */
    organId: text('organ_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').on(sql`${t.path} text_pattern_ops`),
  ],
);

/** Job titles, ordered leaders first (rank ascending). */
export const jobTitles = pgTable('job_titles', {
  id: idColumn(),
  name: text('name').notNull(),
  rank: integer('rank').notNull().default(100),
  active: boolean('active').notNull().default(true),
  ...timestamps(),
});
