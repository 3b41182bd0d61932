import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { uuidv7 } from '../../platform/db/ids';

/** A delegation with both people, dates as YYYY-MM-DD. */
export interface DelegationRow {
  id: string;
  fromUserId: string;
  fromName: string;
  fromUnitName: string;
  toUserId: string;
  toName: string;
  toUnitName: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  createdAt: string;
  revokedAt: string | null;
}

const SELECT = sql`
  SELECT d.id, d.from_user_id AS "fromUserId", fu.full_name AS "fromName", fun.name AS "fromUnitName",
         d.to_user_id AS "toUserId", tu.full_name AS "toName", tun.name AS "toUnitName",
         d.starts_on::text AS "startsOn", d.ends_on::text AS "endsOn", d.note,
         d.created_at AS "createdAt", d.revoked_at AS "revokedAt"
  FROM delegations d
  JOIN users fu ON fu.id = d.from_user_id JOIN units fun ON fun.id = fu.unit_id
  JOIN users tu ON tu.id = d.to_user_id JOIN units tun ON tun.id = tu.unit_id`;

function toRow(r: Record<string, unknown>): DelegationRow {
  return {
    ...(r as unknown as DelegationRow),
    createdAt: new Date(r.createdAt as string).toISOString(),
    revokedAt: r.revokedAt ? new Date(r.revokedAt as string).toISOString() : null,
  };
}

/** All SQL of delegations (ủy quyền). */
export class DelegationsRepository {
  constructor(private readonly db: Database) {}

  /** Delegations a user gave (`from`) or received (`to`), latest period first. */
  async list(side: 'from' | 'to', userId: string, limit: number): Promise<DelegationRow[]> {
    const col = side === 'from' ? sql`d.from_user_id` : sql`d.to_user_id`;
    const rows = await this.db.rows(
      sql`${SELECT} WHERE ${col} = ${userId}::uuid ORDER BY d.starts_on DESC, d.created_at DESC LIMIT ${limit}`,
    );
    return rows.map(toRow);
  }

  /** One delegation; `lock` holds it until the transaction ends. */
  async find(id: string, lock = false): Promise<DelegationRow | null> {
    const rows = await this.db.rows(sql`${SELECT} WHERE d.id = ${id}::uuid ${lock ? sql`FOR UPDATE OF d` : sql``}`);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** A possible delegate: name, status and unit path. */
  async person(userId: string): Promise<{ id: string; fullName: string; status: string; unitPath: string } | null> {
    const rows = await this.db.rows<{ id: string; fullName: string; status: string; unitPath: string }>(sql`
      SELECT u.id, u.full_name AS "fullName", u.status, un.path AS "unitPath"
      FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = ${userId}::uuid`);
    return rows[0] ?? null;
  }

  /** True when an unrevoked delegation between the same two people overlaps the period. */
  async overlaps(fromUserId: string, toUserId: string, startsOn: string, endsOn: string): Promise<boolean> {
    const rows = await this.db.rows(sql`
      SELECT 1 FROM delegations
      WHERE from_user_id = ${fromUserId}::uuid AND to_user_id = ${toUserId}::uuid AND revoked_at IS NULL
        AND starts_on <= ${endsOn}::date AND ends_on >= ${startsOn}::date
      LIMIT 1`);
    return rows.length > 0;
  }

  async insert(d: {
    fromUserId: string;
    toUserId: string;
    startsOn: string;
    endsOn: string;
    note: string | null;
    now: Date;
  }): Promise<string> {
    const id = uuidv7(d.now.getTime());
    await this.db.rows(sql`
      INSERT INTO delegations (id, from_user_id, to_user_id, starts_on, ends_on, note, created_at)
      VALUES (${id}::uuid, ${d.fromUserId}::uuid, ${d.toUserId}::uuid, ${d.startsOn}::date, ${d.endsOn}::date,
              ${d.note}, ${d.now.toISOString()}::timestamptz)`);
    return id;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.db.rows(
      sql`UPDATE delegations SET revoked_at = ${now.toISOString()}::timestamptz WHERE id = ${id}::uuid`,
    );
  }

  /** Serialises delegations of one delegator (two identical requests at once make one row). */
  async lockUser(userId: string): Promise<void> {
    await this.db.rows(sql`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`);
  }

  /** The language a user reads notifications in. */
  async locale(userId: string): Promise<'vi' | 'en'> {
    const rows = await this.db.rows<{ locale: string }>(
      sql`SELECT locale FROM user_preferences WHERE user_id = ${userId}::uuid`,
    );
    return rows[0]?.locale === 'en' ? 'en' : 'vi';
  }
}
