import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/harness';
export { call } from '../../test/api-helpers';

/** Id of a demo user by username. */
export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`);
  return row.id;
}

/** Id of a built-in group by code. */
export async function groupId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.db.rows<{ id: string }>(sql`SELECT id FROM groups WHERE code = ${code}`);
  return row.id;
}

/**
 * Makes the head of Trường Tiểu học An Minh an administrator of their own school only
 * (built-in `quan-tri` with scope subtree): a sibling of Trường THCS An Minh.
 */
export async function makeSchoolAdmin(t: TestApp, username = 'th.hieutruong'): Promise<void> {
  await t.db.rows(sql`
    INSERT INTO user_groups (user_id, group_id, scope)
    SELECT u.id, g.id, 'subtree' FROM users u, groups g WHERE u.username = ${username} AND g.code = 'quan-tri'`);
}

/** Audit entries of an action, newest first. */
export async function auditRows(t: TestApp, action: string) {
  return t.db.rows<{ entity_id: string | null; before: unknown; after: unknown; actor_id: string | null; ip: string }>(
    sql`SELECT entity_id, before, after, actor_id, ip FROM audit_log WHERE action = ${action} ORDER BY id DESC`,
  );
}
