import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, tstz } from '../../platform/db/columns';
import { units } from '../org/org.schema';
import { users } from '../users/users.schema';

/**
 * Nhóm tương tác (Điều 3.x e): a person's own groups to address many at once — of people
 * (`users`) or of units (`units`, meaning their active members). Removed groups keep their row.
 */
export const interactionGroups = pgTable(
  'interaction_groups',
  {
    id: idColumn(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** users | units */
    kind: text('kind').notNull(),
    removedAt: tstz('removed_at'),
    ...timestamps(),
  },
  (t) => [index('interaction_groups_owner_idx').on(t.ownerId)],
);

/** Members of a group: a person (users groups) or a unit (units groups). */
export const interactionGroupMembers = pgTable(
  'interaction_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => interactionGroups.id),
    userId: uuid('user_id').references(() => users.id),
    unitId: uuid('unit_id').references(() => units.id),
  },
  (t) => [index('interaction_group_members_group_idx').on(t.groupId)],
);
