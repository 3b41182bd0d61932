import { sql } from 'drizzle-orm';
import type { TJobTitle } from '../../../contracts/admin-org';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';

/** Serialises job title writes: name uniqueness among active titles is checked, then written. */
const TITLES_LOCK = 7_341_202;

/** All SQL of "Danh mục chức danh". */
export class JobTitlesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Titles with the number of active users holding each (one grouped scan of users), ordered by
   * rank; the service breaks ties in Vietnamese order.
   */
  async list(opts: { folded?: string; includeInactive: boolean }): Promise<TJobTitle[]> {
    const conds = [opts.includeInactive ? sql`true` : sql`jt.active`];
    if (opts.folded) conds.push(sql`f_unaccent(lower(jt.name)) LIKE ${`%${escapeLike(opts.folded)}%`}`);
    return this.db.rows<TJobTitle>(sql`
      SELECT jt.id, jt.name, jt.rank, jt.active, coalesce(h.n, 0)::int AS "userCount"
      FROM job_titles jt
      LEFT JOIN (SELECT job_title_id, count(*) AS n FROM users WHERE status = 'active' AND job_title_id IS NOT NULL
                 GROUP BY job_title_id) h ON h.job_title_id = jt.id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY jt.rank, jt.id`);
  }

  async findById(id: string): Promise<TJobTitle | null> {
    const rows = await this.db.rows<TJobTitle>(sql`
      SELECT jt.id, jt.name, jt.rank, jt.active,
        (SELECT count(*) FROM users u WHERE u.job_title_id = jt.id AND u.status = 'active')::int AS "userCount"
      FROM job_titles jt WHERE jt.id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** Takes the job titles lock until the current transaction ends. */
  async lock(): Promise<void> {
    await this.db.rows(sql`SELECT pg_advisory_xact_lock(${TITLES_LOCK})`);
  }

  /** True when another active title has this name, compared case-insensitively. */
  async activeNameTaken(name: string, exceptId?: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM job_titles WHERE active AND lower(name) = lower(${name})
      ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``} LIMIT 1`);
    return rows.length > 0;
  }

  /** A rank after every existing title. */
  async nextRank(): Promise<number> {
    const rows = await this.db.rows<{ n: number }>(sql`SELECT (coalesce(max(rank), 0) + 10)::int AS n FROM job_titles`);
    return rows[0]?.n ?? 10;
  }

  async insert(t: { id: string; name: string; rank: number }): Promise<void> {
    await this.db.rows(sql`INSERT INTO job_titles (id, name, rank) VALUES (${t.id}::uuid, ${t.name}, ${t.rank})`);
  }

  async update(id: string, v: { name: string; rank: number }): Promise<void> {
    await this.db.rows(sql`
      UPDATE job_titles SET name = ${v.name}, rank = ${v.rank}, updated_at = now() WHERE id = ${id}::uuid`);
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.db.rows(sql`UPDATE job_titles SET active = ${active}, updated_at = now() WHERE id = ${id}::uuid`);
  }

  /** Sets many ranks in one statement. */
  async setRanks(ranks: { id: string; rank: number }[]): Promise<void> {
    if (ranks.length === 0) return;
    const values = sql.join(
      ranks.map((r) => sql`(${r.id}::uuid, ${r.rank}::int)`),
      sql`, `,
    );
    await this.db.rows(sql`
      UPDATE job_titles jt SET rank = v.rank, updated_at = now()
      FROM (VALUES ${values}) AS v(id, rank) WHERE jt.id = v.id`);
  }
}
