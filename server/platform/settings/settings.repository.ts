import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { systemSettings } from './settings.schema';

/** SQL of system settings. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async all(): Promise<{ key: string; value: unknown }[]> {
    return this.db.q.select({ key: systemSettings.key, value: systemSettings.value }).from(systemSettings);
  }

  async upsert(key: string, value: unknown, userId: string | null): Promise<void> {
    await this.db.q
      .insert(systemSettings)
      .values({ key, value, updatedBy: userId })
      .onConflictDoUpdate({ target: systemSettings.key, set: { value, updatedAt: sql`now()`, updatedBy: userId } });
  }
}
