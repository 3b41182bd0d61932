import { boolean, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../modules/users/users.schema';
import { idColumn, timestamps } from '../db/columns';

/** A named bundle of permissions (nhóm & phân quyền). Built-in groups have a code. */
export const groups = pgTable(
  'groups',
  {
    id: idColumn(),
    code: text('code'),
    name: text('name').notNull(),
    description: text('description'),
    builtin: boolean('builtin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('groups_code_key').on(t.code)],
);

export const groupPermissions = pgTable(
  'group_permissions',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.permission] })],
);

/** Membership with the scope the group's permissions apply to: own unit, subtree or all. */
export const userGroups = pgTable(
  'user_groups',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    scope: text('scope').notNull().default('own'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupId] })],
);
