import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from './ids';

/** Primary key column: UUIDv7 generated in code. */
export const idColumn = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** Timestamp with time zone, as a JS Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at / updated_at pair filled by the database on insert. */
export const timestamps = () => ({
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
