import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/harness';
export { call, grantAdmin, auditOf, countRows } from '../../test/api-helpers';

/** Unit id by code. */
export async function unitId(t: TestApp, code: string): Promise<string> {
  const rows = await t.db.rows<{ id: string }>(sql`SELECT id FROM units WHERE code = ${code}`);
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return rows[0].id;
}
