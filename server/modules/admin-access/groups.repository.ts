import { type SQL, sql } from 'drizzle-orm';
import type { TGroupMember, TGroupSummary, TUserPick } from '../../../contracts/admin-access';
import type { TPermissionScope } from '../../../contracts/auth';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';
import type { UnitScopeSql } from '../../platform/authz/authorize';

/** A group with its permission codes, as services load it before a change. */
export interface GroupRow {
  id: string;
  code: string | null;
  name: string;
  description: string | null;
  builtin: boolean;
  active: boolean;
  permissions: string[];
}

/** A user as membership rules need them: unit path for the scope check, status. */
export interface MemberCandidateRow {
  id: string;
  username: string;
  fullName: string;
  status: string;
  unitId: string;
  unitPath: string;
}

const SORT_SQL: Record<string, SQL> = {
  name: sql`f_unaccent(lower(g.name))`,
  code: sql`g.code`,
  permissionCount: sql`"permissionCount"`,
  memberCount: sql`"memberCount"`,
};

/** All SQL of groups, group permissions and memberships. */
export class GroupsRepository {
  constructor(private readonly db: Database) {}

  /** One page of groups; `memberScope` limits the counted members to the admin's units. */
  async list(opts: {
    folded?: string;
    status: 'all' | 'active' | 'inactive';
    sort: keyof typeof SORT_SQL;
    dir: 'asc' | 'desc';
    offset: number;
    limit: number;
    memberScope: UnitScopeSql;
  }): Promise<{ items: TGroupSummary[]; total: number }> {
    const conds: SQL[] = [sql`true`];
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(g.name)) LIKE ${like} OR lower(coalesce(g.code, '')) LIKE ${like})`);
    }
    if (opts.status !== 'all') conds.push(sql`g.active = ${opts.status === 'active'}`);
    const where = sql.join(conds, sql` AND `);
    const dir = opts.dir === 'desc' ? sql.raw('DESC NULLS LAST') : sql.raw('ASC NULLS LAST');
    const items = await this.db.rows<TGroupSummary>(sql`
      SELECT g.id, g.code, g.name, g.description, g.builtin, g.active,
             (SELECT count(*) FROM group_permissions gp WHERE gp.group_id = g.id)::int AS "permissionCount",
             (SELECT count(*) FROM user_groups ug JOIN users u ON u.id = ug.user_id JOIN units un ON un.id = u.unit_id
               WHERE ug.group_id = g.id AND ${opts.memberScope(sql`un.path`)})::int AS "memberCount"
      FROM groups g
      WHERE ${where}
      ORDER BY ${SORT_SQL[opts.sort]} ${dir}, f_unaccent(lower(g.name)), g.id
      LIMIT ${opts.limit} OFFSET ${opts.offset}`);
    const [{ n }] = await this.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM groups g WHERE ${where}`);
    return { items, total: n };
  }

  /** A group with its permissions; `lock` takes a row lock so that concurrent edits queue. */
  async find(id: string, lock = false): Promise<GroupRow | null> {
    const rows = await this.db.rows<GroupRow>(sql`
      SELECT g.id, g.code, g.name, g.description, g.builtin, g.active,
             COALESCE((SELECT array_agg(gp.permission ORDER BY gp.permission) FROM group_permissions gp
                        WHERE gp.group_id = g.id), ARRAY[]::text[]) AS permissions
      FROM groups g WHERE g.id = ${id}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows[0] ?? null;
  }

  /** Members of a group within the admin's scope. */
  async countMembers(groupId: string, memberScope: UnitScopeSql): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM user_groups ug JOIN users u ON u.id = ug.user_id JOIN units un ON un.id = u.unit_id
      WHERE ug.group_id = ${groupId}::uuid AND ${memberScope(sql`un.path`)}`);
    return n;
  }

  /** Serialises name checks of concurrent creations and renames (no unique index on lower(name)). */
  async lockNames(): Promise<void> {
    await this.db.rows(sql`SELECT pg_advisory_xact_lock(hashtext('groups.name'))`);
  }

  /** True when another group already has this name, ignoring case. */
  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM groups WHERE lower(name) = lower(${name})
      ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``} LIMIT 1`);
    return rows.length > 0;
  }

  async insert(row: { id: string; name: string; description: string | null; now: Date }): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO groups (id, code, name, description, builtin, active, created_at, updated_at)
      VALUES (${row.id}::uuid, NULL, ${row.name}, ${row.description}, false, true,
              ${row.now.toISOString()}::timestamptz, ${row.now.toISOString()}::timestamptz)`);
  }

  async update(id: string, patch: { name: string; description: string | null; active: boolean }, now: Date) {
    await this.db.rows(sql`
      UPDATE groups SET name = ${patch.name}, description = ${patch.description}, active = ${patch.active},
             updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  /** Replaces the permission codes of a group. */
  async setPermissions(groupId: string, codes: readonly string[]): Promise<void> {
    await this.db.rows(sql`DELETE FROM group_permissions WHERE group_id = ${groupId}::uuid`);
    if (codes.length === 0) return;
    const values = sql.join(
      codes.map((c) => sql`(${groupId}::uuid, ${c})`),
      sql`, `,
    );
    await this.db.rows(sql`INSERT INTO group_permissions (group_id, permission) VALUES ${values}`);
  }

  /** A keyset page of members in Vietnamese name order, limited to the admin's units. */
  async members(opts: {
    groupId: string;
    memberScope: UnitScopeSql;
    folded?: string;
    after?: { sortKey: string; id: string };
    limit: number;
  }): Promise<(Omit<TGroupMember, 'manageable'> & { sortKey: string })[]> {
    const conds: SQL[] = [sql`ug.group_id = ${opts.groupId}::uuid`, opts.memberScope(sql`un.path`)];
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(u.full_name)) LIKE ${like} OR u.username LIKE ${like})`);
    }
    if (opts.after) conds.push(sql`(u.sort_key COLLATE "C", u.id) > (${opts.after.sortKey}, ${opts.after.id}::uuid)`);
    return this.db.rows(sql`
      SELECT u.id AS "userId", u.username, u.full_name AS "fullName", jt.name AS "jobTitle",
             un.id AS "unitId", un.name AS "unitName", u.status, ug.scope, u.sort_key AS "sortKey"
      FROM user_groups ug
      JOIN users u ON u.id = ug.user_id
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE ${sql.join(conds, sql` AND `)}
      ORDER BY u.sort_key COLLATE "C", u.id
      LIMIT ${opts.limit}`);
  }

  /** Active users within the admin's units who are not yet members, matching a search. */
  async candidates(opts: {
    groupId: string;
    memberScope: UnitScopeSql;
    folded?: string;
    limit: number;
  }): Promise<TUserPick[]> {
    const conds: SQL[] = [
      sql`u.status = 'active'`,
      opts.memberScope(sql`un.path`),
      sql`NOT EXISTS (SELECT 1 FROM user_groups ug WHERE ug.group_id = ${opts.groupId}::uuid AND ug.user_id = u.id)`,
    ];
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

  /** The user with their unit path, for the scope check of a membership change. */
  async user(userId: string): Promise<MemberCandidateRow | null> {
    const rows = await this.db.rows<MemberCandidateRow>(sql`
      SELECT u.id, u.username, u.full_name AS "fullName", u.status, un.id AS "unitId", un.path AS "unitPath"
      FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = ${userId}::uuid`);
    return rows[0] ?? null;
  }

  /** The membership's scope, locked for the change, or null. */
  async membership(groupId: string, userId: string): Promise<TPermissionScope | null> {
    const rows = await this.db.rows<{ scope: TPermissionScope }>(sql`
      SELECT scope FROM user_groups WHERE group_id = ${groupId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`);
    return rows[0]?.scope ?? null;
  }

  /** Adds a membership; false when it already existed. */
  async addMember(groupId: string, userId: string, scope: TPermissionScope): Promise<boolean> {
    const rows = await this.db.rows(sql`
      INSERT INTO user_groups (user_id, group_id, scope) VALUES (${userId}::uuid, ${groupId}::uuid, ${scope})
      ON CONFLICT DO NOTHING RETURNING user_id`);
    return rows.length > 0;
  }

  async setMemberScope(groupId: string, userId: string, scope: TPermissionScope): Promise<void> {
    await this.db.rows(sql`
      UPDATE user_groups SET scope = ${scope} WHERE group_id = ${groupId}::uuid AND user_id = ${userId}::uuid`);
  }

  /** Ends a membership (a link, not a record: the audit entry keeps its history). */
  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.db.rows(sql`DELETE FROM user_groups WHERE group_id = ${groupId}::uuid AND user_id = ${userId}::uuid`);
  }

  /** True while at least one active user administers groups system-wide through an active group. */
  async hasSystemAdministrator(): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM user_groups ug
      JOIN groups g ON g.id = ug.group_id AND g.active
      JOIN group_permissions gp ON gp.group_id = g.id AND gp.permission = 'admin.groups'
      JOIN users u ON u.id = ug.user_id AND u.status = 'active'
      WHERE ug.scope = 'all' LIMIT 1`);
    return rows.length > 0;
  }
}
