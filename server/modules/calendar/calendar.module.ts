import type { AppModule } from '../../platform/platform';
import { REMIND_JOB, reminderHandler } from './calendar.reminders';
import { CalendarRepository } from './calendar.repository';
import { calendarRoutes } from './calendar.routes';
import { CalendarService } from './calendar.service';

/** Module calendar (Lịch cá nhân, Điều 3.2c, 4.4): routes and the reminder job. */
export const calendarModule: AppModule = {
  name: 'calendar',
  register(app, platform) {
    const repo = new CalendarRepository(platform.db);
    const deps = { tx: platform.db, repo, audit: platform.audit, jobs: platform.jobs, clock: platform.clock };
    calendarRoutes(app, { calendar: new CalendarService(deps) });
    platform.jobRunner.register(REMIND_JOB, reminderHandler({ ...deps, notifier: platform.notifier }));
  },
};
