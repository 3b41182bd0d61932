import { sql } from 'drizzle-orm';
import type { TIssuingOrgan, TIssuingOrganOption, TSimilarOrgan } from '../../../contracts/catalogs';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { containsPattern, type ListSpec, prefixPattern, statusSql, uniqueOr409 } from './catalogs.repository';
import { vietnameseOrder } from './vietnamese-order';

const COLUMNS = sql`id, name, short_name AS "shortName", organ_id AS "organId", address, email, active`;

/** Fields stored for an organ; `nameKey` is organNameKey(name). */
export interface OrganValues {
  name: string;
  nameKey: string;
  shortName: string | null;
  organId: string | null;
  address: string | null;
  email: string | null;
}

/**
 * SQL of issuing organs. Searches run on name_key (the folded name), which has a trigram GIN
 * index: LIKE '%…%' and the % similarity operator both use it.
 */
export class IssuingOrgansRepository {
  constructor(private readonly db: Database) {}

  /** Active organs whose folded name starts with or contains `key`: prefix matches first, then the closest. */
  async search(key: string, limit: number): Promise<TIssuingOrganOption[]> {
    if (!key) {
      return this.db.rows<TIssuingOrganOption>(sql`
        SELECT id, name, short_name AS "shortName" FROM issuing_organs WHERE active
        ORDER BY ${vietnameseOrder(sql`name`)}, id LIMIT ${limit}`);
    }
    const prefix = prefixPattern(key);
    return this.db.rows<TIssuingOrganOption>(sql`
      SELECT id, name, short_name AS "shortName" FROM issuing_organs
      WHERE active AND (name_key LIKE ${containsPattern(key)}
        OR f_unaccent(lower(coalesce(short_name, ''))) LIKE ${prefix})
      ORDER BY (name_key LIKE ${prefix}) DESC, similarity(name_key, ${key}) DESC, ${vietnameseOrder(sql`name`)}, id
      LIMIT ${limit}`);
  }

  /** Organs (active or not) whose folded name is more than `threshold` similar to `key`, closest first. */
  async similar(key: string, threshold: number, limit: number): Promise<TSimilarOrgan[]> {
    const rows = await this.db.rows<TSimilarOrgan>(sql`
      SELECT id, name, short_name AS "shortName", active, similarity(name_key, ${key})::float8 AS similarity
      FROM issuing_organs
      WHERE name_key % ${key} AND similarity(name_key, ${key}) > ${threshold}
      ORDER BY similarity DESC, ${vietnameseOrder(sql`name`)}
      LIMIT ${limit}`);
    return rows.map((r) => ({ ...r, similarity: Math.round(Number(r.similarity) * 100) / 100 }));
  }

  async page(spec: ListSpec<'name' | 'shortName'>, searchKey: string | undefined) {
    const conds = [statusSql(spec.status)];
    if (spec.folded) {
      const like = containsPattern(spec.folded);
      const keyLike = containsPattern(searchKey || spec.folded);
      conds.push(sql`(name_key LIKE ${keyLike} OR f_unaccent(lower(name)) LIKE ${like}
        OR f_unaccent(lower(coalesce(short_name, ''))) LIKE ${like})`);
    }
    const where = sql.join(conds, sql` AND `);
    const order = vietnameseOrder(spec.sort === 'name' ? sql`name` : sql`coalesce(short_name, '')`, spec.dir);
    const [{ total }] = await this.db.rows<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM issuing_organs WHERE ${where}`,
    );
    const items = await this.db.rows<TIssuingOrgan>(sql`
      SELECT ${COLUMNS} FROM issuing_organs WHERE ${where}
      ORDER BY ${order}, id LIMIT ${spec.limit} OFFSET ${spec.offset}`);
    return { items, total };
  }

  async byId(id: string): Promise<TIssuingOrgan | null> {
    const [row] = await this.db.rows<TIssuingOrgan>(sql`SELECT ${COLUMNS} FROM issuing_organs WHERE id = ${id}`);
    return row ?? null;
  }

  /** The organ holding this folded name, other than `exceptId`. */
  async byKey(nameKey: string, exceptId: string | null = null): Promise<TIssuingOrgan | null> {
    const [row] = await this.db.rows<TIssuingOrgan>(sql`
      SELECT ${COLUMNS} FROM issuing_organs
      WHERE name_key = ${nameKey} AND id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid`);
    return row ?? null;
  }

  async insert(values: OrganValues): Promise<TIssuingOrgan> {
    const [row] = await uniqueOr409('name', () =>
      this.db.rows<TIssuingOrgan>(sql`
        INSERT INTO issuing_organs (id, name, name_key, short_name, organ_id, address, email)
        VALUES (${uuidv7()}, ${values.name}, ${values.nameKey}, ${values.shortName}, ${values.organId},
          ${values.address}, ${values.email})
        RETURNING ${COLUMNS}`),
    );
    return row;
  }

  /**
   * Inserts unless an organ with the same key exists (two clerks typing the same new organ at
   * once both get the one row); returns null when it existed.
   */
  async insertIfAbsent(values: Pick<OrganValues, 'name' | 'nameKey'>): Promise<TIssuingOrgan | null> {
    const [row] = await this.db.rows<TIssuingOrgan>(sql`
      INSERT INTO issuing_organs (id, name, name_key) VALUES (${uuidv7()}, ${values.name}, ${values.nameKey})
      ON CONFLICT (name_key) DO NOTHING
      RETURNING ${COLUMNS}`);
    return row ?? null;
  }

  async update(id: string, values: OrganValues & { active: boolean }): Promise<TIssuingOrgan> {
    const [row] = await uniqueOr409('name', () =>
      this.db.rows<TIssuingOrgan>(sql`
        UPDATE issuing_organs SET name = ${values.name}, name_key = ${values.nameKey},
          short_name = ${values.shortName}, organ_id = ${values.organId}, address = ${values.address},
          email = ${values.email}, active = ${values.active}, updated_at = now()
        WHERE id = ${id} RETURNING ${COLUMNS}`),
    );
    return row;
  }
}
