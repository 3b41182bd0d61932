import { count } from 'drizzle-orm';
import { personSortKey } from '../../contracts/text';
import { units } from '../modules/org/org.schema';
import { userPreferences, users } from '../modules/users/users.schema';
import { hashPassword } from '../platform/auth/password';
import { userGroups } from '../platform/authz/authz.schema';
import type { Database } from '../platform/db/database';
import { uuidv7 } from '../platform/db/ids';
import { createBuiltinGroups, oneTimePassword } from './seed-demo';

/**
 * A real deployment (DEMO_SEED=off) starts empty: this creates the root unit, the built-in
 * groups and one administrator `admin` with a one-time password, so the whole organisation can
 * then be set up in the browser. Does nothing when the database already has a user.
 */
export async function bootstrapAdministrator(
  db: Database,
  orgName: string,
): Promise<{ username: string; password: string } | null> {
  const [{ n }] = await db.q.select({ n: count() }).from(users);
  if (n > 0) return null;
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async () => {
    const groupIds = await createBuiltinGroups(db);
    const rootId = uuidv7();
    await db.q.insert(units).values({
      id: rootId,
      parentId: null,
      path: `/${rootId}/`,
      code: 'GOC',
      name: orgName,
      shortName: 'GOC',
      kind: 'department',
    });
    const id = uuidv7();
    const fullName = 'Quản trị hệ thống';
    await db.q.insert(users).values({
      id,
      username: 'admin',
      fullName,
      sortKey: personSortKey(fullName),
      unitId: rootId,
      passwordHash,
      mustChangePassword: true,
    });
    await db.q.insert(userGroups).values({ userId: id, groupId: groupIds.get('quan-tri') as string, scope: 'all' });
    await db.q.insert(userPreferences).values({ userId: id, favourites: ['admin-units', 'admin-users'] });
  });
  return { username: 'admin', password };
}
