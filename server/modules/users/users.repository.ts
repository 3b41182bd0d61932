import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { jobTitles, units } from '../org/org.schema';
import { userPreferences, users } from './users.schema';

export interface UserProfileRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  mustChangePassword: boolean;
  unitId: string;
  unitName: string;
  unitShortName: string;
  jobTitle: string | null;
  locale: string | null;
  favourites: string[] | null;
  pageSize: number | null;
  landingFunction: string | null;
  notifyChannels: string[] | null;
}

/** SQL of a user's own profile and preferences. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async profile(userId: string): Promise<UserProfileRow | null> {
    const [row] = await this.db.q
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        email: users.email,
        phone: users.phone,
        mustChangePassword: users.mustChangePassword,
        unitId: units.id,
        unitName: units.name,
        unitShortName: units.shortName,
        jobTitle: jobTitles.name,
        locale: userPreferences.locale,
        favourites: userPreferences.favourites,
        pageSize: userPreferences.pageSize,
        landingFunction: userPreferences.landingFunction,
        notifyChannels: userPreferences.notifyChannels,
      })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .leftJoin(jobTitles, eq(jobTitles.id, users.jobTitleId))
      .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
      .where(eq(users.id, userId));
    return row ?? null;
  }

  async preferences(userId: string) {
    const [row] = await this.db.q.select().from(userPreferences).where(eq(userPreferences.userId, userId));
    return row ?? null;
  }

  async savePreferences(
    userId: string,
    values: {
      locale: string;
      favourites: string[];
      pageSize: number;
      landingFunction: string | null;
      notifyChannels: string[];
    },
  ) {
    await this.db.q
      .insert(userPreferences)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: userPreferences.userId, set: { ...values, updatedAt: sql`now()` } });
  }
}
