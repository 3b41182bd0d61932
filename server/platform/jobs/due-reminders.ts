import { addDays, previousWorkingDay, vnInstant } from '../../../contracts/calendar';
import type { Clock } from '../clock';
import type { SettingsService } from '../settings/settings.service';
import type { JobQueue } from './jobs';

/** What a due-date reminder job carries: the part and the due date it was scheduled for. */
export interface DueReminderPayload {
  assignmentId: string;
  dueDate: string;
}

/**
 * Schedules the two reminders of a part with a due date: "sắp đến hạn" at 08:00 on the working
 * day before (working days and holidays from the settings; skipped when that moment has passed)
 * and "quá hạn" at 07:00 the day after. One job per part and due date (unique key), so changing
 * the date back and forth never doubles them. Call in the transaction that set the date.
 */
export async function scheduleDueReminders(
  d: { clock: Clock; settings: SettingsService; jobs: JobQueue },
  jobs: { dueSoon: string; overdue: string },
  assignmentId: string,
  dueDate: string,
): Promise<void> {
  const now = d.clock.now();
  const cal = { days: await d.settings.get('work.days'), holidays: await d.settings.get('work.holidays') };
  const soonAt = vnInstant(previousWorkingDay(dueDate, cal), 8);
  const payload: DueReminderPayload = { assignmentId, dueDate };
  if (soonAt.getTime() > now.getTime())
    await d.jobs.enqueue(jobs.dueSoon, payload, {
      runAt: soonAt,
      uniqueKey: `${jobs.dueSoon}:${assignmentId}:${dueDate}`,
    });
  await d.jobs.enqueue(jobs.overdue, payload, {
    runAt: vnInstant(addDays(dueDate, 1), 7),
    uniqueKey: `${jobs.overdue}:${assignmentId}:${dueDate}`,
  });
}
