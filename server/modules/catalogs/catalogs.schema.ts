import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../platform/db/columns';

/** Document types with their ND30 Phụ lục III abbreviation (null for Công văn, Thư công). */
export const documentTypes = pgTable(
  'document_types',
  {
    id: idColumn(),
    name: text('name').notNull(),
    abbreviation: text('abbreviation'),
    sortOrder: integer('sort_order').notNull().default(100),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('document_types_name_key').on(sql`lower(${t.name})`)],
);

/**
 * Issuing organs (cơ quan ban hành) of incoming documents. `nameKey` is the name folded
 * (no diacritics, lower case, single spaces, no punctuation) to find near-identical names.
 */
export const issuingOrgans = pgTable(
  'issuing_organs',
  {
    id: idColumn(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    shortName: text('short_name'),
    /** edXML OrganId when known. */
    organId: text('organ_id'),
    address: text('address'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('issuing_organs_name_key_key').on(t.nameKey),
    index('issuing_organs_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  ],
);

/**
 * Small catalogs: confidentiality levels, urgency levels, fields (lĩnh vực). `catalog` names the
 * list; `code` is stable (used by rules, e.g. confidentiality `mat`), `rank` orders the entries.
 */
export const catalogEntries = pgTable(
  'catalog_entries',
  {
    id: idColumn(),
    catalog: text('catalog').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    rank: integer('rank').notNull().default(100),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex('catalog_entries_catalog_code_key').on(t.catalog, t.code)],
);
