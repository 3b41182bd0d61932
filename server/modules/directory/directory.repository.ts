import { type SQL, sql } from 'drizzle-orm';
import type { TDirectoryEntry } from '../../../contracts/directory';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';

/** SQL of the staff directory: keyset pages in Vietnamese name order. */
export class DirectoryRepository {
  constructor(private readonly db: Database) {}

  async page(opts: {
    scope: SQL;
    folded?: string;
    unitPathPrefix?: string;
    after?: { sortKey: string; id: string };
    limit: number;
  }): Promise<(TDirectoryEntry & { sortKey: string })[]> {
    const conds: SQL[] = [opts.scope];
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(u.full_name)) LIKE ${like} OR f_unaccent(lower(jt.name)) LIKE ${like}
        OR lower(u.email) LIKE ${like} OR regexp_replace(u.phone, '[^0-9]', '', 'g') LIKE ${like})`);
    }
    if (opts.unitPathPrefix) conds.push(sql`un.path LIKE ${`${escapeLike(opts.unitPathPrefix)}%`}`);
    if (opts.after) conds.push(sql`(u.sort_key COLLATE "C", u.id) > (${opts.after.sortKey}, ${opts.after.id}::uuid)`);
    const rows = await this.db.rows(sql`
      SELECT u.id, u.full_name AS "fullName", jt.name AS "jobTitle", un.id AS "unitId", un.name AS "unitName",
             u.phone, u.email, u.sort_key AS "sortKey"
      FROM users u
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY u.sort_key COLLATE "C", u.id
      LIMIT ${opts.limit}`);
    return rows as (TDirectoryEntry & { sortKey: string })[];
  }

  async unitPath(unitId: string): Promise<string | null> {
    const rows = await this.db.rows(sql`SELECT path FROM units WHERE id = ${unitId}::uuid`);
    return (rows[0] as { path: string } | undefined)?.path ?? null;
  }

  async unitOptions(): Promise<{ id: string; name: string; parentId: string | null }[]> {
    const rows = await this.db.rows(sql`
      SELECT id, name, parent_id AS "parentId" FROM units WHERE active ORDER BY path, sort_order`);
    return rows as { id: string; name: string; parentId: string | null }[];
  }
}
