import { boolean, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { documentTypes } from '../catalogs/catalogs.schema';
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
    /** Internal registers numbered per document type; null for the other registers. */
    documentTypeId: uuid('document_type_id').references(() => documentTypes.id),
    lastNumber: integer('last_number').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique('registers_unit_kind_year_key').on(t.unitId, t.kind, t.year, t.secret, t.documentTypeId).nullsNotDistinct(),
  ],
);
