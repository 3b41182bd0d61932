import type { JobRecord } from '../../platform/jobs/jobs';
import type { Platform } from '../../platform/platform';
import type { NotesRepository } from './notes.repository';
import type { RemindPayload } from './notes.service';

/** Title of the reminder notification (the function's name, Điều 3.2d). */
export const REMINDER_TITLE = 'Tích kê điện tử';
/** Longest note excerpt shown in the notification. */
const BODY_MAX = 120;

/**
 * Handler of `notes.remind`: fires only when the note is still live, still has exactly the
 * payload's time and has not fired yet — so a changed or removed reminder never fires, and a
 * reminder fires once even if the job runs again. Notification and reminded_at in one transaction.
 */
export function reminderHandler(platform: Pick<Platform, 'db' | 'realtime' | 'clock'>, notes: NotesRepository) {
  return async (job: JobRecord): Promise<void> => {
    const p = job.payload as Partial<RemindPayload>;
    if (typeof p.noteId !== 'string' || typeof p.remindAt !== 'string') return;
    const wanted = new Date(p.remindAt).getTime();
    await platform.db.transaction(async () => {
      const note = await notes.byId(p.noteId as string);
      if (!note || note.deleted || note.remindedAt) return;
      if (!note.remindAt || new Date(note.remindAt).getTime() !== wanted) return;
      await platform.realtime.publish(
        { users: [note.userId] },
        {
          type: 'notification',
          title: REMINDER_TITLE,
          body: [...note.text].slice(0, BODY_MAX).join(''),
          link: '/app/sticky-notes',
        },
      );
      await notes.markReminded(note.id, platform.clock.now());
    });
  };
}
