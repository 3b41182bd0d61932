import { type SQL, sql } from 'drizzle-orm';
import type { TCatalogEntry, TDocumentType, TLevelCatalog } from '../../../contracts/catalogs';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors';
import { vietnameseOrder } from './vietnamese-order';
import { escapeLike } from '../../platform/db/like';

/** What an admin list asks of a repository: text already folded, status, sort and a page. */
export interface ListSpec<S extends string> {
  folded?: string;
  status: 'active' | 'inactive' | 'all';
  sort: S;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** LIKE pattern for a contains-search, with % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** LIKE pattern for a starts-with search. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

export function statusSql(status: ListSpec<string>['status']): SQL {
  if (status === 'all') return sql`true`;
  return status === 'active' ? sql`active` : sql`NOT active`;
}

/**
 * Runs `fn`, turning a unique-index violation (a concurrent save that passed the service's
 * check) into 409 DUPLICATE on `field`. The surrounding transaction is rolled back either way.
 */
export async function uniqueOr409<T>(field: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === '23505' || e.cause?.code === '23505') throw new AppError('DUPLICATE', { field });
    throw err;
  }
}

const TYPE_COLUMNS = sql`id, name, abbreviation, sort_order AS "sortOrder", active`;
const ENTRY_COLUMNS = sql`id, catalog, code, name, rank, active`;

/** SQL of document types and of the small catalogs (levels, fields). */
export class CatalogsRepository {
  constructor(private readonly db: Database) {}

  // ── Document types ──

  async documentTypes(includeInactive: boolean): Promise<TDocumentType[]> {
    return this.db.rows<TDocumentType>(sql`
      SELECT ${TYPE_COLUMNS} FROM document_types
      WHERE ${includeInactive ? sql`true` : sql`active`}
      ORDER BY sort_order, ${vietnameseOrder(sql`name`)}`);
  }

  async documentTypePage(spec: ListSpec<'sortOrder' | 'name' | 'abbreviation'>) {
    const conds = [statusSql(spec.status)];
    if (spec.folded) {
      const like = containsPattern(spec.folded);
      conds.push(
        sql`(f_unaccent(lower(name)) LIKE ${like} OR f_unaccent(lower(coalesce(abbreviation, ''))) LIKE ${like})`,
      );
    }
    const where = sql.join(conds, sql` AND `);
    const order =
      spec.sort === 'sortOrder'
        ? sql`sort_order ${spec.dir === 'desc' ? sql`DESC` : sql`ASC`}, name`
        : vietnameseOrder(spec.sort === 'name' ? sql`name` : sql`coalesce(abbreviation, '')`, spec.dir);
    const [{ total }] = await this.db.rows<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM document_types WHERE ${where}`,
    );
    const items = await this.db.rows<TDocumentType>(sql`
      SELECT ${TYPE_COLUMNS} FROM document_types WHERE ${where}
      ORDER BY ${order}, id LIMIT ${spec.limit} OFFSET ${spec.offset}`);
    return { items, total };
  }

  async documentType(id: string): Promise<TDocumentType | null> {
    const [row] = await this.db.rows<TDocumentType>(sql`SELECT ${TYPE_COLUMNS} FROM document_types WHERE id = ${id}`);
    return row ?? null;
  }

  /** Another type with this name (case-insensitive) or this abbreviation (case-insensitive). */
  async documentTypeClash(
    field: 'name' | 'abbreviation',
    value: string,
    exceptId: string | null,
  ): Promise<TDocumentType | null> {
    const column = field === 'name' ? sql`name` : sql`abbreviation`;
    const [row] = await this.db.rows<TDocumentType>(sql`
      SELECT ${TYPE_COLUMNS} FROM document_types
      WHERE lower(${column}) = lower(${value}) AND id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      LIMIT 1`);
    return row ?? null;
  }

  async nextDocumentTypeOrder(): Promise<number> {
    const [{ next }] = await this.db.rows<{ next: number }>(
      sql`SELECT (coalesce(max(sort_order), 0) + 10)::int AS next FROM document_types`,
    );
    return next;
  }

  async insertDocumentType(values: Omit<TDocumentType, 'id' | 'active'>): Promise<TDocumentType> {
    const [row] = await uniqueOr409('name', () =>
      this.db.rows<TDocumentType>(sql`
        INSERT INTO document_types (id, name, abbreviation, sort_order)
        VALUES (${uuidv7()}, ${values.name}, ${values.abbreviation}, ${values.sortOrder})
        RETURNING ${TYPE_COLUMNS}`),
    );
    return row;
  }

  async updateDocumentType(id: string, values: Omit<TDocumentType, 'id'>): Promise<TDocumentType> {
    const [row] = await uniqueOr409('name', () =>
      this.db.rows<TDocumentType>(sql`
        UPDATE document_types SET name = ${values.name}, abbreviation = ${values.abbreviation},
          sort_order = ${values.sortOrder}, active = ${values.active}, updated_at = now()
        WHERE id = ${id} RETURNING ${TYPE_COLUMNS}`),
    );
    return row;
  }

  // ── Levels and fields ──

  async entries(catalog: TLevelCatalog, includeInactive: boolean): Promise<TCatalogEntry[]> {
    return this.db.rows<TCatalogEntry>(sql`
      SELECT ${ENTRY_COLUMNS} FROM catalog_entries
      WHERE catalog = ${catalog} AND ${includeInactive ? sql`true` : sql`active`}
      ORDER BY rank, ${vietnameseOrder(sql`name`)}`);
  }

  async entryPage(catalog: TLevelCatalog, spec: ListSpec<'rank' | 'name' | 'code'>) {
    const conds = [sql`catalog = ${catalog}`, statusSql(spec.status)];
    if (spec.folded) {
      const like = containsPattern(spec.folded);
      conds.push(sql`(f_unaccent(lower(name)) LIKE ${like} OR code LIKE ${like})`);
    }
    const where = sql.join(conds, sql` AND `);
    const dir = spec.dir === 'desc' ? sql`DESC` : sql`ASC`;
    const order =
      spec.sort === 'rank'
        ? sql`rank ${dir}, name`
        : spec.sort === 'code'
          ? sql`code COLLATE "C" ${dir}`
          : vietnameseOrder(sql`name`, spec.dir);
    const [{ total }] = await this.db.rows<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM catalog_entries WHERE ${where}`,
    );
    const items = await this.db.rows<TCatalogEntry>(sql`
      SELECT ${ENTRY_COLUMNS} FROM catalog_entries WHERE ${where}
      ORDER BY ${order}, id LIMIT ${spec.limit} OFFSET ${spec.offset}`);
    return { items, total };
  }

  async entry(id: string): Promise<TCatalogEntry | null> {
    const [row] = await this.db.rows<TCatalogEntry>(sql`SELECT ${ENTRY_COLUMNS} FROM catalog_entries WHERE id = ${id}`);
    return row ?? null;
  }

  /** Another entry of the same catalog with this code, or with this name (case-insensitive). */
  async entryClash(
    catalog: TLevelCatalog,
    field: 'code' | 'name',
    value: string,
    exceptId: string | null,
  ): Promise<TCatalogEntry | null> {
    const cond = field === 'code' ? sql`code = ${value}` : sql`lower(name) = lower(${value})`;
    const [row] = await this.db.rows<TCatalogEntry>(sql`
      SELECT ${ENTRY_COLUMNS} FROM catalog_entries
      WHERE catalog = ${catalog} AND ${cond}
        AND id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      LIMIT 1`);
    return row ?? null;
  }

  async nextEntryRank(catalog: TLevelCatalog): Promise<number> {
    const [{ next }] = await this.db.rows<{ next: number }>(sql`
      SELECT (coalesce(max(rank) FILTER (WHERE rank < 1000), 0) + 10)::int AS next
      FROM catalog_entries WHERE catalog = ${catalog}`);
    return next;
  }

  async insertEntry(values: Omit<TCatalogEntry, 'id' | 'active'>): Promise<TCatalogEntry> {
    const [row] = await uniqueOr409('code', () =>
      this.db.rows<TCatalogEntry>(sql`
        INSERT INTO catalog_entries (id, catalog, code, name, rank)
        VALUES (${uuidv7()}, ${values.catalog}, ${values.code}, ${values.name}, ${values.rank})
        RETURNING ${ENTRY_COLUMNS}`),
    );
    return row;
  }

  async updateEntry(id: string, values: Pick<TCatalogEntry, 'name' | 'rank' | 'active'>): Promise<TCatalogEntry> {
    const [row] = await this.db.rows<TCatalogEntry>(sql`
      UPDATE catalog_entries SET name = ${values.name}, rank = ${values.rank}, active = ${values.active},
        updated_at = now()
      WHERE id = ${id} RETURNING ${ENTRY_COLUMNS}`);
    return row;
  }
}
