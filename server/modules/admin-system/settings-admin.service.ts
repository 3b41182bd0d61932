import {
  isSettingKey,
  maskSetting,
  SECRET_MASK,
  SECRET_SETTINGS,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  settingConflicts,
  type TSettingKey,
  type TSettingsUpdate,
  type TSettingsView,
} from '../../../contracts/settings';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { TxRunner } from '../../platform/db/tx';
import { AppError } from '../../platform/errors';
import { defaultSettings } from '../../platform/settings/settings.catalog';
import type { SettingsService } from '../../platform/settings/settings.service';
import { authorizeSystemSettings } from './admin-system.policy';
import type { SettingsAdminRepository, StoredSetting } from './settings-admin.repository';

export interface SettingsAdminDeps {
  tx: TxRunner;
  repo: SettingsAdminRepository;
  settings: SettingsService;
  audit: Audit;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Effective values: a stored value that still passes its schema, else the default. */
function effective(stored: StoredSetting[]): Record<TSettingKey, unknown> {
  const values = defaultSettings() as Record<TSettingKey, unknown>;
  for (const row of stored) {
    if (!isSettingKey(row.key)) continue;
    const parsed = SETTING_SCHEMAS[row.key].safeParse(row.value);
    if (parsed.success) values[row.key] = parsed.data;
  }
  return values;
}

/**
 * "Tùy chọn quản trị": reads, validates, saves and resets system settings. Every changed key
 * is audited with its before and after value (secrets masked); a save is all-or-nothing.
 */
export class SettingsAdminService {
  constructor(private readonly d: SettingsAdminDeps) {}

  /** Every setting with its value, default and whether it was changed (secrets masked). */
  async view(ctx: RequestContext): Promise<TSettingsView> {
    authorizeSystemSettings(ctx.actor);
    return this.present(await this.d.repo.stored());
  }

  /** Saves several settings at once; the first invalid key answers 400 with field = key and nothing is saved. */
  async update(ctx: RequestContext, body: TSettingsUpdate): Promise<TSettingsView> {
    const actor = authorizeSystemSettings(ctx.actor);
    const changedKeys = await this.d.tx.transaction(async () => {
      const current = effective(await this.d.repo.stored({ forUpdate: true }));
      const next = { ...current };
      for (const [key, raw] of Object.entries(body)) {
        if (!isSettingKey(key))
          throw new AppError('VALIDATION_FAILED', { field: key, details: { rule: 'unknownKey' } });
        // The web shows a secret as the mask; sending the mask back means "keep it".
        if (SECRET_SETTINGS.includes(key) && raw === SECRET_MASK) continue;
        const parsed = SETTING_SCHEMAS[key].safeParse(raw);
        if (!parsed.success) {
          throw new AppError('VALIDATION_FAILED', {
            field: key,
            details: { rule: 'invalid', issues: parsed.error.issues.map((i) => i.message) },
          });
        }
        next[key] = parsed.data;
      }
      this.checkConflicts(next);
      const keys = SETTING_KEYS.filter((key) => !same(current[key], next[key]));
      for (const key of keys) await this.store(ctx, actor.userId, key, current[key], next[key], 'settings.update');
      if (keys.length > 0) await this.d.repo.notifyChanged(keys);
      return keys;
    });
    // This instance need not wait for its own NOTIFY.
    if (changedKeys.length > 0) this.d.settings.invalidate();
    return this.present(await this.d.repo.stored());
  }

  /** Puts one setting back to its default. */
  async reset(ctx: RequestContext, key: string): Promise<TSettingsView> {
    const actor = authorizeSystemSettings(ctx.actor);
    if (!isSettingKey(key)) throw new AppError('NOT_FOUND');
    const changed = await this.d.tx.transaction(async () => {
      const stored = await this.d.repo.stored({ forUpdate: true });
      if (!stored.some((row) => row.key === key)) return false;
      const current = effective(stored);
      const fallback = (defaultSettings() as Record<TSettingKey, unknown>)[key];
      this.checkConflicts({ ...current, [key]: fallback });
      await this.store(ctx, actor.userId, key, current[key], fallback, 'settings.reset');
      await this.d.repo.notifyChanged([key]);
      return true;
    });
    if (changed) this.d.settings.invalidate();
    return this.present(await this.d.repo.stored());
  }

  private checkConflicts(values: Record<TSettingKey, unknown>): void {
    const [conflict] = settingConflicts(values);
    if (conflict) throw new AppError('VALIDATION_FAILED', { field: conflict.key, details: { rule: conflict.rule } });
  }

  /** Writes one value (a default removes the stored row) and audits it, secrets masked. */
  private async store(
    ctx: RequestContext,
    userId: string,
    key: TSettingKey,
    before: unknown,
    after: unknown,
    action: string,
  ): Promise<void> {
    const fallback = (defaultSettings() as Record<TSettingKey, unknown>)[key];
    if (same(after, fallback)) await this.d.repo.remove(key);
    else await this.d.repo.upsert(key, after, userId);
    await this.d.audit.record(ctx, {
      action,
      entityType: 'setting',
      entityId: key,
      before: { value: maskSetting(key, before) },
      after: { value: maskSetting(key, after) },
    });
  }

  private present(stored: StoredSetting[]): TSettingsView {
    const values = effective(stored);
    const defaults = defaultSettings() as Record<TSettingKey, unknown>;
    const byKey = new Map(stored.map((row) => [row.key, row]));
    return {
      items: SETTING_KEYS.map((key) => {
        const row = byKey.get(key);
        return {
          key,
          value: maskSetting(key, values[key]),
          defaultValue: maskSetting(key, defaults[key]),
          changed: Boolean(row),
          secret: SECRET_SETTINGS.includes(key),
          updatedAt: row ? row.updatedAt.toISOString() : null,
          updatedByName: row?.updatedByName ?? null,
        };
      }),
    };
  }
}
