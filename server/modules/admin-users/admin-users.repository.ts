import { type SQL, sql } from 'drizzle-orm';
import type { TUserStatus } from '../../../contracts/admin-users';
import type { Database } from '../../platform/db/database';
import { escapeLike } from '../../platform/db/like';

/** A user row as lists and the detail view read it. */
export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  jobTitleId: string | null;
  jobTitleName: string | null;
  status: string;
  /** Derived: active | disabled | locked-out. */
  displayStatus: TUserStatus;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
  groupNames: string[];
  adminRank: number;
}

/** New user values, already normalised and hashed. */
export interface NewUser {
  id: string;
  username: string;
  fullName: string;
  sortKey: string;
  unitId: string;
  jobTitleId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  passwordHash: string;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  path: string;
  parentId: string | null;
}

export interface GroupRef {
  id: string;
  code: string | null;
  name: string;
  active: boolean;
  admin: boolean;
}

type Sort = 'name' | 'username' | 'unit' | 'status';

const ADMIN_RANK = sql`COALESCE((SELECT max(CASE ug.scope WHEN 'all' THEN 3 WHEN 'subtree' THEN 2 ELSE 1 END)
    FROM user_groups ug JOIN groups g ON g.id = ug.group_id AND g.active
    WHERE ug.user_id = u.id AND EXISTS (SELECT 1 FROM group_permissions gp
      WHERE gp.group_id = ug.group_id AND gp.permission LIKE 'admin.%')), 0)`;
const DISPLAY_STATUS = sql`CASE WHEN u.status <> 'active' THEN 'disabled'
    WHEN lt.username IS NOT NULL THEN 'locked-out' ELSE 'active' END`;
const STATUS_RANK = sql`CASE WHEN u.status <> 'active' THEN 3 WHEN lt.username IS NOT NULL THEN 2 ELSE 1 END`;

function fromUsers(now: Date): SQL {
  return sql`FROM users u
    JOIN units un ON un.id = u.unit_id
    LEFT JOIN job_titles jt ON jt.id = u.job_title_id
    LEFT JOIN login_throttle lt ON lt.username = u.username AND lt.locked_until > ${now.toISOString()}::timestamptz`;
}

const SELECT_USER = sql`SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.phone, u.address,
    un.id AS "unitId", un.code AS "unitCode", un.name AS "unitName", un.path AS "unitPath",
    jt.id AS "jobTitleId", jt.name AS "jobTitleName", u.status, ${DISPLAY_STATUS} AS "displayStatus",
    lt.locked_until AS "lockedUntil", u.must_change_password AS "mustChangePassword", u.created_at AS "createdAt",
    COALESCE((SELECT json_agg(g.name ORDER BY g.name) FROM user_groups ug JOIN groups g ON g.id = ug.group_id
      WHERE ug.user_id = u.id), '[]'::json) AS "groupNames",
    ${ADMIN_RANK} AS "adminRank"`;

function toUserRow(raw: Record<string, unknown>): UserRow {
  const names = typeof raw.groupNames === 'string' ? JSON.parse(raw.groupNames) : raw.groupNames;
  return {
    ...(raw as unknown as UserRow),
    lockedUntil: raw.lockedUntil ? new Date(raw.lockedUntil as string) : null,
    createdAt: new Date(raw.createdAt as string),
    groupNames: (names as string[]) ?? [],
    adminRank: Number(raw.adminRank),
  };
}

/** All SQL of Quản lý người dùng. */
export class AdminUsersRepository {
  constructor(private readonly db: Database) {}

  /** One page of users matching the filters, and the total, in one consistent order. */
  async page(opts: {
    scope: SQL;
    now: Date;
    folded?: string;
    unitPathPrefix?: string;
    groupId?: string;
    status?: TUserStatus;
    sort: Sort;
    dir: 'asc' | 'desc';
    limit: number;
    offset: number;
  }): Promise<{ rows: UserRow[]; total: number }> {
    const conds: SQL[] = [opts.scope];
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(u.full_name)) LIKE ${like} OR u.username LIKE ${like}
        OR lower(u.email) LIKE ${like} OR regexp_replace(u.phone, '[^0-9+]', '', 'g') LIKE ${like})`);
    }
    if (opts.unitPathPrefix) conds.push(sql`un.path LIKE ${`${escapeLike(opts.unitPathPrefix)}%`}`);
    if (opts.groupId) {
      conds.push(
        sql`EXISTS (SELECT 1 FROM user_groups ug WHERE ug.user_id = u.id AND ug.group_id = ${opts.groupId}::uuid)`,
      );
    }
    if (opts.status === 'disabled') conds.push(sql`u.status <> 'active'`);
    if (opts.status === 'locked-out') conds.push(sql`u.status = 'active' AND lt.username IS NOT NULL`);
    if (opts.status === 'active') conds.push(sql`u.status = 'active' AND lt.username IS NULL`);
    const where = sql.join(conds, sql` AND `);
    const dir = sql.raw(opts.dir === 'desc' ? 'DESC' : 'ASC');
    const byName = sql`u.sort_key COLLATE "C" ${dir}, u.id ${dir}`;
    const order = {
      name: byName,
      username: sql`u.username COLLATE "C" ${dir}, u.id ${dir}`,
      unit: sql`un.name ${dir}, ${byName}`,
      status: sql`${STATUS_RANK} ${dir}, ${byName}`,
    }[opts.sort];
    const rows = await this.db.rows(sql`${SELECT_USER} ${fromUsers(opts.now)} WHERE ${where}
      ORDER BY ${order} LIMIT ${opts.limit} OFFSET ${opts.offset}`);
    const [{ n }] = await this.db.rows<{ n: number | string }>(
      sql`SELECT count(*) AS n ${fromUsers(opts.now)} WHERE ${where}`,
    );
    return { rows: rows.map(toUserRow), total: Number(n) };
  }

  async findById(id: string, now: Date): Promise<UserRow | null> {
    const rows = await this.db.rows(sql`${SELECT_USER} ${fromUsers(now)} WHERE u.id = ${id}::uuid`);
    return rows[0] ? toUserRow(rows[0]) : null;
  }

  /** Memberships of a user with the group's code and name. */
  async grantsOf(userId: string): Promise<{ groupId: string; scope: string; code: string | null; name: string }[]> {
    return this.db.rows(sql`SELECT ug.group_id AS "groupId", ug.scope, g.code, g.name
      FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = ${userId}::uuid ORDER BY g.name`);
  }

  async unitById(id: string): Promise<(UnitRef & { active: boolean }) | null> {
    const rows = await this.db.rows<UnitRef & { active: boolean }>(sql`SELECT id, code, name, path,
      parent_id AS "parentId", active FROM units WHERE id = ${id}::uuid`);
    return rows[0] ?? null;
  }

  /** Active units, optionally limited by a scope condition on `un.path`, in tree order. */
  async activeUnits(scope: SQL = sql`true`): Promise<UnitRef[]> {
    return this.db.rows(sql`SELECT un.id, un.code, un.name, un.path, un.parent_id AS "parentId"
      FROM units un WHERE un.active AND ${scope} ORDER BY un.path, un.sort_order`);
  }

  async activeJobTitles(): Promise<{ id: string; name: string }[]> {
    return this.db.rows(sql`SELECT id, name FROM job_titles WHERE active ORDER BY rank, name`);
  }

  async jobTitleActive(id: string): Promise<boolean> {
    const rows = await this.db.rows(sql`SELECT 1 FROM job_titles WHERE id = ${id}::uuid AND active`);
    return rows.length > 0;
  }

  /** Every group (active or not) with whether it carries admin.* permissions. */
  async groups(): Promise<GroupRef[]> {
    return this.db.rows(sql`SELECT g.id, g.code, g.name, g.active,
      EXISTS (SELECT 1 FROM group_permissions gp WHERE gp.group_id = g.id AND gp.permission LIKE 'admin.%') AS admin
      FROM groups g ORDER BY g.name`);
  }

  /** The usernames of this list that already exist. */
  async takenUsernames(usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    const list = sql.join(
      usernames.map((u) => sql`${u}`),
      sql`, `,
    );
    const rows = await this.db.rows<{ username: string }>(sql`SELECT username FROM users WHERE username IN (${list})`);
    return rows.map((r) => r.username);
  }

  async insertUser(u: NewUser, now: Date): Promise<void> {
    await this.db.rows(sql`INSERT INTO users (id, username, full_name, sort_key, unit_id, job_title_id, email, phone,
        address, password_hash, must_change_password, status, created_at, updated_at)
      VALUES (${u.id}::uuid, ${u.username}, ${u.fullName}, ${u.sortKey}, ${u.unitId}::uuid, ${u.jobTitleId}::uuid,
        ${u.email}, ${u.phone}, ${u.address}, ${u.passwordHash}, true, 'active', ${now.toISOString()}::timestamptz,
        ${now.toISOString()}::timestamptz)`);
    await this.db.rows(sql`INSERT INTO user_preferences (user_id) VALUES (${u.id}::uuid)`);
  }

  async updateProfile(
    id: string,
    v: {
      fullName: string;
      sortKey: string;
      email: string | null;
      phone: string | null;
      address: string | null;
      jobTitleId: string | null;
    },
    now: Date,
  ): Promise<void> {
    await this.db.rows(sql`UPDATE users SET full_name = ${v.fullName}, sort_key = ${v.sortKey}, email = ${v.email},
      phone = ${v.phone}, address = ${v.address}, job_title_id = ${v.jobTitleId}::uuid,
      updated_at = ${now.toISOString()}::timestamptz WHERE id = ${id}::uuid`);
  }

  async setUnit(id: string, unitId: string, now: Date): Promise<void> {
    await this.db.rows(sql`UPDATE users SET unit_id = ${unitId}::uuid, updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  async setStatus(id: string, status: 'active' | 'disabled', now: Date): Promise<void> {
    await this.db.rows(sql`UPDATE users SET status = ${status}, updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  /** Sets a one-time password: the user must choose their own at the next sign-in. */
  async setOneTimePassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db.rows(sql`UPDATE users SET password_hash = ${passwordHash}, must_change_password = true,
      password_changed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ${id}::uuid`);
  }

  /** Replaces every membership of a user. */
  async replaceGrants(userId: string, grants: { groupId: string; scope: string }[]): Promise<void> {
    await this.db.rows(sql`DELETE FROM user_groups WHERE user_id = ${userId}::uuid`);
    if (grants.length === 0) return;
    const values = sql.join(
      grants.map((g) => sql`(${userId}::uuid, ${g.groupId}::uuid, ${g.scope})`),
      sql`, `,
    );
    await this.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope) VALUES ${values}`);
  }

  /** Forgets the wrong-password counter of a username (ends a temporary lock). */
  async clearThrottle(username: string): Promise<void> {
    await this.db.rows(sql`DELETE FROM login_throttle WHERE username = ${username}`);
  }
}
