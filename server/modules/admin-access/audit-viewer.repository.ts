import { type SQL, sql } from 'drizzle-orm';
import type { TUserPick } from '../../../contracts/admin-access';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import type { UnitScopeSql } from '../../platform/authz/authorize';

/** One audit entry with the names of the actor and of the person they acted for. */
export interface AuditRow {
  id: string;
  at: Date | string;
  actorId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
}

/** Filters in database terms; `fromAt` inclusive, `toAt` exclusive. */
export interface AuditSqlFilters {
  /** Visibility from the policy, on the actor's unit path `un.path`. */
  scope: UnitScopeSql;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  fromAt?: Date;
  toAt?: Date;
}

/** Newest entries scanned for the list of actions (audit_log has no index on action alone). */
const ACTION_FACET_WINDOW = 200_000;

/** Read-only SQL of the audit log viewer. There is deliberately no UPDATE or DELETE here. */
export class AuditViewerRepository {
  constructor(private readonly db: Database) {}

  /** Entries matching the filters, newest first (keyset on id), entries older than `beforeId`. */
  async page(f: AuditSqlFilters, opts: { beforeId?: string; limit: number }): Promise<AuditRow[]> {
    const conds: SQL[] = [f.scope(sql`un.path`)];
    if (f.actorId) conds.push(sql`a.actor_id = ${f.actorId}::uuid`);
    if (f.entityType) conds.push(sql`a.entity_type = ${f.entityType}`);
    if (f.entityId) conds.push(sql`a.entity_id = ${f.entityId}`);
    if (f.action) conds.push(sql`a.action = ${f.action}`);
    if (f.fromAt) conds.push(sql`a.at >= ${f.fromAt.toISOString()}::timestamptz`);
    if (f.toAt) conds.push(sql`a.at < ${f.toAt.toISOString()}::timestamptz`);
    if (opts.beforeId) conds.push(sql`a.id < ${opts.beforeId}::bigint`);
    return this.db.rows<AuditRow>(sql`
      SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.full_name AS "actorName",
             u.username AS "actorUsername", a.on_behalf_of_id AS "onBehalfOfId", ob.full_name AS "onBehalfOfName",
             a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.ip, a.before, a.after
      FROM audit_log a
      LEFT JOIN users u ON u.id = a.actor_id
      LEFT JOIN units un ON un.id = u.unit_id
      LEFT JOIN users ob ON ob.id = a.on_behalf_of_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY a.id DESC
      LIMIT ${opts.limit}`);
  }

  /** Distinct entity types, by a skip scan over audit_entity_idx (one index probe per type). */
  async entityTypes(): Promise<string[]> {
    const rows = await this.db.rows<{ t: string }>(sql`
      WITH RECURSIVE types AS (
        (SELECT entity_type AS t FROM audit_log ORDER BY entity_type LIMIT 1)
        UNION ALL
        SELECT (SELECT entity_type FROM audit_log WHERE entity_type > types.t ORDER BY entity_type LIMIT 1)
        FROM types WHERE types.t IS NOT NULL
      )
      SELECT t FROM types WHERE t IS NOT NULL`);
    return rows.map((r) => r.t);
  }

  /** Distinct actions among the newest entries (bounded so that it stays fast on a large log). */
  async actions(): Promise<string[]> {
    const rows = await this.db.rows<{ action: string }>(sql`
      SELECT DISTINCT action FROM (SELECT action FROM audit_log ORDER BY id DESC LIMIT ${ACTION_FACET_WINDOW}) recent
      ORDER BY action`);
    return rows.map((r) => r.action);
  }

  /** Users (active or not) whose entries the viewer may see, for the "Người thực hiện" filter. */
  async actors(opts: { scope: UnitScopeSql; folded?: string; limit: number }): Promise<TUserPick[]> {
    const conds: SQL[] = [opts.scope(sql`un.path`)];
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(u.full_name)) LIKE ${like} OR u.username LIKE ${like})`);
    }
    return this.db.rows(sql`
      SELECT u.id, u.username, u.full_name AS "fullName", un.name AS "unitName"
      FROM users u JOIN units un ON un.id = u.unit_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY u.sort_key COLLATE "C", u.id
      LIMIT ${opts.limit}`);
  }
}
