import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';

/** A unit row with the counts the screens show. */
export interface UnitRow {
  id: string;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  shortName: string;
  kind: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  organId: string | null;
  sortOrder: number;
  active: boolean;
  userCount: number;
  childCount: number;
  match: boolean;
}

/** The stored columns of a unit, as written to the audit log. */
export type UnitSnapshot = Omit<UnitRow, 'userCount' | 'childCount' | 'match'>;

/** Columns an administrator writes. */
export type UnitValues = Omit<UnitSnapshot, 'id' | 'parentId' | 'path' | 'active'>;

const COLUMNS = sql.raw(`u.id, u.parent_id AS "parentId", u.path, u.code, u.name, u.short_name AS "shortName",
  u.kind, u.address, u.phone, u.email, u.organ_id AS "organId", u.sort_order AS "sortOrder", u.active`);

// Counts per unit use users_unit_sort_idx (unit_id first) and units_parent_idx.
const COUNTS =
  sql.raw(`(SELECT count(*) FROM users x WHERE x.unit_id = u.id AND x.status = 'active')::int AS "userCount",
  (SELECT count(*) FROM units c WHERE c.parent_id = u.id AND c.active)::int AS "childCount"`);

/** Serialises every change of the unit tree: paths, parents and case-insensitive codes are read then written. */
const TREE_LOCK = 7_341_201;

/** All SQL of "Đơn vị trực thuộc". */
export class UnitsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Units inside `scope`; with a search text, the matching units and their ancestors within the
   * scope (so the tree can show where a match sits), each flagged with `match`.
   */
  async list(opts: { scope: (path: SQL) => SQL; folded?: string; includeInactive: boolean }): Promise<UnitRow[]> {
    const like = opts.folded ? `%${escapeLike(opts.folded)}%` : null;
    const matches = (alias: string) => {
      const a = sql.raw(alias);
      return like
        ? sql`(f_unaccent(lower(${a}.name)) LIKE ${like} OR f_unaccent(lower(${a}.code)) LIKE ${like}
            OR f_unaccent(lower(${a}.short_name)) LIKE ${like})`
        : sql`true`;
    };
    const visible = (alias: string) =>
      sql`${opts.scope(sql.raw(`${alias}.path`))}${opts.includeInactive ? sql`` : sql` AND ${sql.raw(alias)}.active`}`;
    const rows = await this.db.rows<UnitRow>(sql`
      SELECT ${COLUMNS}, ${COUNTS}, ${matches('u')} AS match
      FROM units u
      WHERE ${visible('u')}
        ${
          like
            ? sql`AND EXISTS (SELECT 1 FROM units m WHERE m.path LIKE u.path || '%' AND ${visible('m')} AND ${matches('m')})`
            : sql``
        }
      ORDER BY u.path`);
    return rows;
  }

  async findById(id: string): Promise<(UnitRow & { parentName: string | null }) | null> {
    const rows = await this.db.rows<UnitRow & { parentName: string | null }>(sql`
      SELECT ${COLUMNS}, ${COUNTS}, true AS match, p.name AS "parentName"
      FROM units u LEFT JOIN units p ON p.id = u.parent_id
      WHERE u.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** The stored columns only, for the audit log. */
  async snapshot(id: string): Promise<UnitSnapshot | null> {
    const rows = await this.db.rows<UnitSnapshot>(sql`SELECT ${COLUMNS} FROM units u WHERE u.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** Takes the tree lock until the current transaction ends. */
  async lockTree(): Promise<void> {
    await this.db.rows(sql`SELECT pg_advisory_xact_lock(${TREE_LOCK})`);
  }

  /** True when another unit already has this code, compared case-insensitively. */
  async codeTaken(code: string, exceptId?: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM units WHERE lower(code) = lower(${code})
      ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``} LIMIT 1`);
    return rows.length > 0;
  }

  /** The sort order that puts a new unit after its siblings. */
  async nextSortOrder(parentId: string | null): Promise<number> {
    const rows = await this.db.rows<{ n: number }>(sql`
      SELECT (coalesce(max(sort_order), 0) + 1)::int AS n FROM units
      WHERE ${parentId ? sql`parent_id = ${parentId}::uuid` : sql`parent_id IS NULL`}`);
    return rows[0]?.n ?? 1;
  }

  async insert(unit: UnitValues & { id: string; parentId: string | null; path: string }): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO units (id, parent_id, path, code, name, short_name, kind, address, phone, email, organ_id, sort_order)
      VALUES (${unit.id}::uuid, ${unit.parentId}::uuid, ${unit.path}, ${unit.code}, ${unit.name}, ${unit.shortName},
        ${unit.kind}, ${unit.address}, ${unit.phone}, ${unit.email}, ${unit.organId}, ${unit.sortOrder})`);
  }

  async update(id: string, v: UnitValues): Promise<void> {
    await this.db.rows(sql`
      UPDATE units SET code = ${v.code}, name = ${v.name}, short_name = ${v.shortName}, kind = ${v.kind},
        address = ${v.address}, phone = ${v.phone}, email = ${v.email}, organ_id = ${v.organId},
        sort_order = ${v.sortOrder}, updated_at = now()
      WHERE id = ${id}::uuid`);
  }

  /**
   * Re-parents a unit and rewrites the path of its whole subtree in one statement (the caller's
   * transaction). Returns how many units were rewritten, the unit included.
   */
  async moveSubtree(id: string, parentId: string | null, oldPath: string, newPath: string): Promise<number> {
    await this.db.rows(sql`UPDATE units SET parent_id = ${parentId}::uuid WHERE id = ${id}::uuid`);
    const rows = await this.db.rows(sql`
      UPDATE units SET path = ${newPath} || substr(path, ${oldPath.length + 1}), updated_at = now()
      WHERE path LIKE ${`${escapeLike(oldPath)}%`}
      RETURNING id`);
    return rows.length;
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.db.rows(sql`UPDATE units SET active = ${active}, updated_at = now() WHERE id = ${id}::uuid`);
  }
}
