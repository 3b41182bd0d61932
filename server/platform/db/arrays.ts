import { type SQL, sql } from 'drizzle-orm';

/** A uuid[] literal of bound parameters, for `= ANY(...)` and `unnest(...)`; empty gives an empty array. */
export function uuidArray(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`ARRAY[]::uuid[]`;
  return sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
}
