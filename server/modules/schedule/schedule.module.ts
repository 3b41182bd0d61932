import type { AppModule } from '../../platform/platform';
import { ScheduleRepository } from './schedule.repository';
import { scheduleRoutes } from './schedule.routes';
import { ScheduleService } from './schedule.service';

/** Module "Lịch đơn vị" (lịch công tác tuần, Điều 3.2e, 3.7e). */
export const scheduleModule: AppModule = {
  name: 'schedule',
  register(app, platform) {
    const schedule = new ScheduleService({
      tx: platform.db,
      schedule: new ScheduleRepository(platform.db),
      audit: platform.audit,
      clock: platform.clock,
    });
    scheduleRoutes(app, { schedule });
  },
};
