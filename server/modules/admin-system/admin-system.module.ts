import type { Unlisten } from '../../platform/db/database';
import type { AppModule } from '../../platform/platform';
import { SETTINGS_CHANNEL, SettingsAdminRepository } from './settings-admin.repository';
import { settingsAdminRoutes } from './settings-admin.routes';
import { SettingsAdminService } from './settings-admin.service';

/**
 * Module admin-system: "Cài đặt tùy chọn" › "Tùy chọn quản trị" (system settings).
 *
 * Settings changes reach every instance through LISTEN/NOTIFY: a save sends NOTIFY
 * 'co_settings' in its transaction (delivered on commit) and each instance LISTENs and drops
 * its settings cache, so a new lockout rule applies at the next sign-in everywhere. The 5 s
 * cache of SettingsService remains the fallback should a notice be lost (listener reconnecting).
 */
export const adminSystemModule: AppModule = {
  name: 'admin-system',
  register(app, platform) {
    const service = new SettingsAdminService({
      tx: platform.db,
      repo: new SettingsAdminRepository(platform.db),
      settings: platform.settings,
      audit: platform.audit,
    });
    settingsAdminRoutes(app, { settings: service });

    let unlisten: Unlisten | null = null;
    app.addHook('onReady', async () => {
      unlisten = await platform.db.listen(SETTINGS_CHANNEL, () => platform.settings.invalidate());
    });
    app.addHook('onClose', async () => {
      await unlisten?.();
    });
  },
};
