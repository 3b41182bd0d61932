import type { AppModule } from '../../platform/platform';
import { NotificationsRepository } from './notifications.repository';
import { notificationRoutes } from './notifications.routes';

/** Module notifications: the list of kept in-app notifications, for the resident view (Điều 3.7c). */
export const notificationsModule: AppModule = {
  name: 'notifications',
  async register(app, platform) {
    notificationRoutes(app, new NotificationsRepository(platform.db), () => platform.clock.now());
  },
};
