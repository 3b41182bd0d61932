import type { AppModule } from '../../platform/platform';
import { reminderHandler } from './notes.reminder';
import { NotesRepository } from './notes.repository';
import { notesRoutes } from './notes.routes';
import { NotesService, REMIND_JOB } from './notes.service';

/** Module notes (Tích kê điện tử, Điều 3.2d): routes and the reminder job are registered here. */
export const notesModule: AppModule = {
  name: 'notes',
  register(app, platform) {
    const repo = new NotesRepository(platform.db);
    const notes = new NotesService({
      tx: platform.db,
      notes: repo,
      audit: platform.audit,
      jobs: platform.jobs,
      clock: platform.clock,
    });
    notesRoutes(app, { notes });
    platform.jobRunner.register(REMIND_JOB, reminderHandler(platform, repo));
  },
};
