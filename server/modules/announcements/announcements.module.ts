import type { AppModule } from '../../platform/platform';
import { AnnouncementsRepository } from './announcements.repository';
import { announcementsRoutes } from './announcements.routes';
import { AnnouncementsService } from './announcements.service';

/** Module announcements (Gửi thông báo, Điều 3.2f; "Tin nhắn mới" badge, Điều 3.7h). */
export const announcementsModule: AppModule = {
  name: 'announcements',
  register(app, platform) {
    const repo = new AnnouncementsRepository(platform.db);
    const announcements = new AnnouncementsService({
      tx: platform.db,
      repo,
      audit: platform.audit,
      files: platform.files,
      notifier: platform.notifier,
      jobs: platform.jobs,
      realtime: platform.realtime,
      settings: platform.settings,
      clock: platform.clock,
    });
    announcementsRoutes(app, { announcements });
    platform.badges.register('messages', (userId) => repo.unreadCount(userId));
  },
};
