import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';

/** LISTEN/NOTIFY channel on which instances hear that system settings changed. */
export const SETTINGS_CHANNEL = 'co_settings';

/** A stored (changed) setting with who changed it last. */
export interface StoredSetting {
  key: string;
  value: unknown;
  updatedAt: Date;
  updatedByName: string | null;
}

/** SQL of the settings administration: stored values, resets, change notices. */
export class SettingsAdminRepository {
  constructor(private readonly db: Database) {}

  /** Every stored value; locks the rows inside a transaction so that two saves queue up. */
  async stored(opts: { forUpdate?: boolean } = {}): Promise<StoredSetting[]> {
    const rows = await this.db.rows<{ key: string; value: unknown; updatedAt: Date | string; name: string | null }>(sql`
      SELECT s.key, s.value, s.updated_at AS "updatedAt", u.full_name AS name
      FROM system_settings s LEFT JOIN users u ON u.id = s.updated_by
      ${opts.forUpdate ? sql`FOR UPDATE OF s` : sql``}`);
    return rows.map((r) => ({ key: r.key, value: r.value, updatedAt: new Date(r.updatedAt), updatedByName: r.name }));
  }

  async upsert(key: string, value: unknown, userId: string): Promise<void> {
    await this.db.rows(sql`
      INSERT INTO system_settings (key, value, updated_at, updated_by)
      VALUES (${key}, ${JSON.stringify(value)}::jsonb, now(), ${userId}::uuid)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`);
  }

  /**
   * Back to the default: defaults live in code and a row exists only for a changed value
   * (settings.schema.ts), so the row goes; the audit log keeps the old value.
   */
  async remove(key: string): Promise<void> {
    await this.db.rows(sql`DELETE FROM system_settings WHERE key = ${key}`);
  }

  /** Tells every instance (this one too) to drop its settings cache; sent on commit. */
  async notifyChanged(keys: string[]): Promise<void> {
    await this.db.rows(sql`SELECT pg_notify(${SETTINGS_CHANNEL}, ${JSON.stringify(keys)})`);
  }
}
