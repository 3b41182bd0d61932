import { boolean, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns';
import { units } from '../org/org.schema';

/**
 * Registers (sổ văn bản, ND30 Phụ lục IV): one per unit, kind and year, and a separate one for
 * secret documents. `lastNumber` is the last number given; the next is taken with an UPDATE in
 * the registering transaction, so numbers run 1, 2, 3… with no gap and no repeat.
 */
export const registers = pgTable(
  'registers',
  {
    id: idColumn(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** incoming | outgoing | internal */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    secret: boolean('secret').notNull().default(false),
    name: text('name').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('registers_unit_kind_year_key').on(t.unitId, t.kind, t.year, t.secret)],
);
