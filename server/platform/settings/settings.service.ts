import type { Clock } from '../clock';
import { SETTINGS, type SettingKey, type SettingValue, type SettingValues, defaultSettings } from './settings.catalog';
import type { SettingsRepository } from './settings.repository';

const CACHE_MS = 5_000;

/**
 * Reads system settings with a short cache, so a change made on any instance is in force
 * within seconds without a query on every request.
 */
export class SettingsService {
  private cache: { at: number; values: SettingValues } | null = null;

  constructor(
    private readonly repo: SettingsRepository,
    private readonly clock: Clock,
  ) {}

  async all(): Promise<SettingValues> {
    const now = this.clock.now().getTime();
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache.values;
    const values = defaultSettings() as Record<string, unknown>;
    for (const row of await this.repo.all()) {
      const schema = SETTINGS[row.key as SettingKey];
      const parsed = schema?.safeParse(row.value);
      if (parsed?.success) values[row.key] = parsed.data;
    }
    this.cache = { at: now, values: values as SettingValues };
    return this.cache.values;
  }

  async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
    return (await this.all())[key];
  }

  /** Validates and stores one value; callers audit the change in the same transaction. */
  async set<K extends SettingKey>(key: K, value: unknown, userId: string | null): Promise<SettingValue<K>> {
    const parsed = SETTINGS[key].parse(value) as SettingValue<K>;
    await this.repo.upsert(key, parsed, userId);
    this.cache = null;
    return parsed;
  }

  /** Forgets the cache (tests, and a NOTIFY from another instance). */
  invalidate(): void {
    this.cache = null;
  }
}
