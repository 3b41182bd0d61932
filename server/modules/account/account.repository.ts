import { type SQL, sql } from 'drizzle-orm';
import type { TAdminProposalQuery } from '../../../contracts/account';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';
import { escapeLike } from '../../platform/db/like';
import { isoOrNull as iso } from '../../platform/db/values';

/** Sort columns of the approval queue. */
const QUEUE_ORDER: Record<TAdminProposalQuery['sort'], SQL> = {
  createdAt: sql`p.created_at`,
  fullName: sql`u.sort_key COLLATE "C"`,
  unit: sql`un.name`,
};

/** The own profile as stored. */
export interface ProfileRow {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  jobTitleId: string | null;
  jobTitleName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** The values a proposal may change: { unitId?, jobTitleId?, address?, phone? }. */
export type ProposalChanges = Partial<Record<'unitId' | 'jobTitleId' | 'address' | 'phone', string>>;

/** A proposal with its author's current values and the display names of what it asks for. */
export interface ProposalRow {
  id: string;
  status: string;
  reason: string | null;
  changes: ProposalChanges;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  curJobTitle: string | null;
  curAddress: string | null;
  curPhone: string | null;
  newUnitName: string | null;
  newUnitPath: string | null;
  newJobTitle: string | null;
}

/** The user row as the audit log keeps it before and after an approved proposal. */
export interface UserAuditRow {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  jobTitleId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: string;
}

const PROPOSAL_SELECT = sql`
  SELECT p.id, p.status, p.reason, p.changes, p.created_at AS "createdAt", p.decided_at AS "decidedAt",
         dby.full_name AS "decidedByName", p.decision_note AS "decisionNote",
         u.id AS "userId", u.username, u.full_name AS "fullName",
         un.id AS "unitId", un.name AS "unitName", un.path AS "unitPath",
         jt.name AS "curJobTitle", u.address AS "curAddress", u.phone AS "curPhone",
         nun.name AS "newUnitName", nun.path AS "newUnitPath", njt.name AS "newJobTitle"
  FROM profile_change_requests p
  JOIN users u ON u.id = p.user_id
  JOIN units un ON un.id = u.unit_id
  LEFT JOIN job_titles jt ON jt.id = u.job_title_id
  LEFT JOIN units nun ON nun.id = (p.changes->>'unitId')::uuid
  LEFT JOIN job_titles njt ON njt.id = (p.changes->>'jobTitleId')::uuid
  LEFT JOIN users dby ON dby.id = p.decided_by`;

function toProposal(row: Record<string, unknown>): ProposalRow {
  const changes = typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes;
  return {
    ...(row as unknown as ProposalRow),
    changes: changes as ProposalChanges,
    createdAt: iso(row.createdAt) as string,
    decidedAt: iso(row.decidedAt),
  };
}

/** All SQL of the own profile and of profile change proposals. */
export class AccountRepository {
  constructor(private readonly db: Database) {}

  async profile(userId: string): Promise<ProfileRow | null> {
    const rows = await this.db.rows<ProfileRow>(sql`
      SELECT u.id, u.username, u.full_name AS "fullName", un.id AS "unitId", un.name AS "unitName",
             un.path AS "unitPath", jt.id AS "jobTitleId", jt.name AS "jobTitleName",
             u.email, u.phone, u.address
      FROM users u
      JOIN units un ON un.id = u.unit_id
      LEFT JOIN job_titles jt ON jt.id = u.job_title_id
      WHERE u.id = ${userId}::uuid`);
    return rows[0] ?? null;
  }

  /** Groups of the user with the scope they hold them in. */
  async groups(userId: string): Promise<{ name: string; scope: string }[]> {
    return this.db.rows(sql`
      SELECT g.name, ug.scope FROM user_groups ug JOIN groups g ON g.id = ug.group_id AND g.active
      WHERE ug.user_id = ${userId}::uuid ORDER BY g.name`);
  }

  /** The user row for the audit log; `lock` holds it until the transaction ends. */
  async userForAudit(userId: string, lock = false): Promise<UserAuditRow | null> {
    const rows = await this.db.rows<UserAuditRow>(sql`
      SELECT id, username, full_name AS "fullName", unit_id AS "unitId", job_title_id AS "jobTitleId",
             email, phone, address, status
      FROM users WHERE id = ${userId}::uuid ${lock ? sql`FOR UPDATE` : sql``}`);
    return rows[0] ?? null;
  }

  async updateEmail(userId: string, email: string | null, now: Date): Promise<void> {
    await this.db.rows(sql`
      UPDATE users SET email = ${email}, updated_at = ${now.toISOString()}::timestamptz WHERE id = ${userId}::uuid`);
  }

  /** Writes the approved changes onto the user row. */
  async applyChanges(userId: string, c: ProposalChanges, now: Date): Promise<void> {
    const sets: SQL[] = [sql`updated_at = ${now.toISOString()}::timestamptz`];
    if (c.unitId) sets.push(sql`unit_id = ${c.unitId}::uuid`);
    if (c.jobTitleId) sets.push(sql`job_title_id = ${c.jobTitleId}::uuid`);
    if (c.address !== undefined) sets.push(sql`address = ${c.address}`);
    if (c.phone !== undefined) sets.push(sql`phone = ${c.phone}`);
    await this.db.rows(sql`UPDATE users SET ${sql.join(sets, sql`, `)} WHERE id = ${userId}::uuid`);
  }

  async unit(id: string): Promise<{ id: string; name: string; path: string; active: boolean } | null> {
    const rows = await this.db.rows<{ id: string; name: string; path: string; active: boolean }>(
      sql`SELECT id, name, path, active FROM units WHERE id = ${id}::uuid`,
    );
    return rows[0] ?? null;
  }

  async jobTitle(id: string): Promise<{ id: string; name: string; active: boolean } | null> {
    const rows = await this.db.rows<{ id: string; name: string; active: boolean }>(
      sql`SELECT id, name, active FROM job_titles WHERE id = ${id}::uuid`,
    );
    return rows[0] ?? null;
  }

  /** Active job titles, leaders first. */
  async jobTitleOptions(): Promise<{ id: string; name: string }[]> {
    return this.db.rows(sql`SELECT id, name FROM job_titles WHERE active ORDER BY rank, name`);
  }

  async hasPending(userId: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM profile_change_requests WHERE user_id = ${userId}::uuid AND status = 'pending' LIMIT 1`);
    return rows.length > 0;
  }

  async insertProposal(p: { userId: string; changes: ProposalChanges; reason: string; now: Date }): Promise<string> {
    const id = uuidv7(p.now.getTime());
    await this.db.rows(sql`
      INSERT INTO profile_change_requests (id, user_id, changes, reason, status, created_at)
      VALUES (${id}::uuid, ${p.userId}::uuid, ${JSON.stringify(p.changes)}::jsonb, ${p.reason}, 'pending',
              ${p.now.toISOString()}::timestamptz)`);
    return id;
  }

  /** One proposal; `lock` holds the proposal row until the transaction ends. */
  async proposal(id: string, lock = false): Promise<ProposalRow | null> {
    const rows = await this.db.rows(
      sql`${PROPOSAL_SELECT} WHERE p.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF p` : sql``}`,
    );
    return rows[0] ? toProposal(rows[0]) : null;
  }

  /** The author's own proposals, newest first. */
  async proposalsOf(userId: string, limit: number): Promise<ProposalRow[]> {
    const rows = await this.db.rows(
      sql`${PROPOSAL_SELECT} WHERE p.user_id = ${userId}::uuid ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}`,
    );
    return rows.map(toProposal);
  }

  async decide(
    id: string,
    d: { status: 'approved' | 'rejected' | 'withdrawn'; by: string | null; note: string | null; now: Date },
  ): Promise<void> {
    await this.db.rows(sql`
      UPDATE profile_change_requests
      SET status = ${d.status}, decided_by = ${d.by}::uuid, decided_at = ${d.now.toISOString()}::timestamptz,
          decision_note = ${d.note}
      WHERE id = ${id}::uuid`);
  }

  /** One page of the approval queue; `scope` limits it to the units the administrator manages. */
  async queue(opts: {
    scope: SQL;
    excludeUserIds: string[];
    status: string;
    folded?: string;
    sort: TAdminProposalQuery['sort'];
    dir: 'asc' | 'desc';
    limit: number;
    offset: number;
  }): Promise<{ rows: ProposalRow[]; total: number }> {
    const conds: SQL[] = [opts.scope, sql`p.status = ${opts.status}`];
    conds.push(
      sql`p.user_id NOT IN (${sql.join(
        opts.excludeUserIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    if (opts.folded) {
      const like = `%${escapeLike(opts.folded)}%`;
      conds.push(sql`(f_unaccent(lower(u.full_name)) LIKE ${like} OR lower(u.username) LIKE ${like}
        OR f_unaccent(lower(un.name)) LIKE ${like})`);
    }
    const where = sql.join(conds, sql` AND `);
    const dir = opts.dir === 'desc' ? sql`DESC` : sql`ASC`;
    const order = sql`${QUEUE_ORDER[opts.sort]} ${dir}, p.created_at ${dir}, p.id ${dir}`;
    const rows = await this.db.rows(
      sql`${PROPOSAL_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ${opts.limit} OFFSET ${opts.offset}`,
    );
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM profile_change_requests p
      JOIN users u ON u.id = p.user_id JOIN units un ON un.id = u.unit_id
      WHERE ${where}`);
    return { rows: rows.map(toProposal), total: n };
  }

  /**
   * Pending proposals `userId` may decide as an administrator: authors in units their
   * admin.users grants cover (own unit, subtree or all), never their own.
   */
  async pendingCountFor(userId: string): Promise<number> {
    const [{ n }] = await this.db.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n
      FROM profile_change_requests p
      JOIN users pu ON pu.id = p.user_id
      JOIN units pun ON pun.id = pu.unit_id
      WHERE p.status = 'pending' AND p.user_id <> ${userId}::uuid
        AND EXISTS (${adminGrantCovering(sql`a.id = ${userId}::uuid`, sql`pun.id`, sql`pun.path`)})`);
    return n;
  }

  /** Active administrators whose admin.users grant covers the unit (their badge counts its proposals). */
  async adminsCovering(unitId: string, unitPath: string): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(sql`
      SELECT DISTINCT a.id FROM users a
      WHERE EXISTS (${adminGrantCovering(sql`a2.id = a.id`, sql`${unitId}::uuid`, sql`${unitPath}::text`, 'a2')})`);
    return rows.map((r) => r.id);
  }

  /** The language a user reads notifications in. */
  async locale(userId: string): Promise<'vi' | 'en'> {
    const rows = await this.db.rows<{ locale: string }>(
      sql`SELECT locale FROM user_preferences WHERE user_id = ${userId}::uuid`,
    );
    return rows[0]?.locale === 'en' ? 'en' : 'vi';
  }
}

/**
 * `EXISTS` body: an active user (alias `a`) matching `who` holds admin.users through an active
 * group with a scope that covers the unit (`unitId`, `unitPath`).
 */
function adminGrantCovering(who: SQL, unitId: SQL, unitPath: SQL, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`
    SELECT 1 FROM users ${a}
    JOIN units au ON au.id = ${a}.unit_id
    JOIN user_groups ug ON ug.user_id = ${a}.id
    JOIN groups g ON g.id = ug.group_id AND g.active
    JOIN group_permissions gp ON gp.group_id = g.id AND gp.permission = 'admin.users'
    WHERE ${who} AND ${a}.status = 'active'
      AND (ug.scope = 'all' OR (ug.scope = 'subtree' AND starts_with(${unitPath}, au.path))
           OR (ug.scope = 'own' AND au.id = ${unitId}))`;
}
