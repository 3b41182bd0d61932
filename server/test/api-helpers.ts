import { sql } from 'drizzle-orm';
import type { TestApp } from './harness';

/** One API call as a signed-in user; `payload` makes it a JSON request. */
export function call(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Gives `username` the built-in `quan-tri` group with `scope`, as an administrator of their unit would get. */
export async function grantAdmin(t: TestApp, username: string, scope: 'own' | 'subtree' | 'all'): Promise<void> {
  await t.db.rows(sql`
    INSERT INTO user_groups (user_id, group_id, scope)
    SELECT u.id, g.id, ${scope} FROM users u, groups g WHERE u.username = ${username} AND g.code = 'quan-tri'`);
}

/** Audit entries of one entity (a record id, a setting key), oldest first. */
export async function auditOf(t: TestApp, entityId: string) {
  return t.db.rows<{ action: string; before: unknown; after: unknown; actorId: string | null }>(sql`
    SELECT action, before, after, actor_id AS "actorId" FROM audit_log WHERE entity_id = ${entityId} ORDER BY id`);
}

/** Number of rows in a table, to prove a refused write left nothing behind. */
export async function countRows(t: TestApp, table: string): Promise<number> {
  const rows = await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return rows[0]?.n ?? 0;
}
