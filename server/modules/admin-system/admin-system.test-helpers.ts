import { sql } from 'drizzle-orm';
import type { TestApp } from '../../test/harness';
export { call, grantAdmin, auditOf } from '../../test/api-helpers';

/** Stored system_settings rows, key → value. */
export async function storedSettings(t: TestApp): Promise<Record<string, unknown>> {
  const rows = await t.db.rows<{ key: string; value: unknown }>(sql`SELECT key, value FROM system_settings`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
