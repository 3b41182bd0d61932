import { type DueReminderPayload, scheduleDueReminders } from '../../platform/jobs/due-reminders';
import { formatVnDate } from '../../../contracts/calendar';
import type { JobRecord } from '../../platform/jobs/jobs';
import { assignedLink, NOTIFY_TITLES, receivedLink } from './tasks-assign';
import type { TasksDeps } from './tasks.deps';

/**
 * Nhắc việc of tasks, as durable jobs (the same rules as incoming documents):
 * - `tasks.dueSoon` at 08:00 of the working day before a part's due date, to the person;
 * - `tasks.overdue` at 07:00 of the day after it, to the person and to whoever gave them the part.
 * A job notifies only while the part is still open on an open task with that very due date, and
 * each notification carries a dedupe key, so a retried job, a second app instance or a due date
 * changed back and forth never notifies twice.
 */
export const DUE_SOON_JOB = 'tasks.dueSoon';
export const OVERDUE_JOB = 'tasks.overdue';

type ReminderPayload = DueReminderPayload;

/** Schedules the reminders of a part for its due date (call in the transaction that set it). */
export function scheduleReminders(d: TasksDeps, assignmentId: string, dueDate: string): Promise<void> {
  return scheduleDueReminders(d, { dueSoon: DUE_SOON_JOB, overdue: OVERDUE_JOB }, assignmentId, dueDate);
}

function reminderHandler(d: TasksDeps, kind: 'dueSoon' | 'overdue') {
  return async (job: JobRecord): Promise<void> => {
    const p = job.payload as Partial<ReminderPayload>;
    if (typeof p.assignmentId !== 'string' || typeof p.dueDate !== 'string') return;
    await d.tx.transaction(async () => {
      const a = await d.repo.assignment(p.assignmentId as string);
      if (!a || !['pending', 'in_progress', 'proposed'].includes(a.state)) return;
      const task = await d.repo.core(a.taskId);
      if (task?.status !== 'open') return;
      const due = a.dueDate ?? task.dueDate;
      if (due !== p.dueDate) return;
      const body = `${task.title} – hạn ${formatVnDate(due)}`;
      const key = `tasks.${kind}:${a.id}:${due}`;
      await d.notifier.notify([a.userId], {
        kind: `tasks.${kind}`,
        title: NOTIFY_TITLES[kind],
        body,
        link: receivedLink(task.id),
        dedupeKey: key,
      });
      if (kind === 'overdue' && a.assignedBy !== a.userId)
        await d.notifier.notify([a.assignedBy], {
          kind: 'tasks.overdue',
          title: NOTIFY_TITLES.overdue,
          body: `${a.fullName}: ${body}`,
          link: assignedLink(task.id),
          dedupeKey: key,
        });
    });
  };
}

/** Registers the reminder jobs of the module. */
export function registerReminderJobs(
  runner: { register(kind: string, handler: (job: JobRecord) => Promise<void>): void },
  d: TasksDeps,
): void {
  runner.register(DUE_SOON_JOB, reminderHandler(d, 'dueSoon'));
  runner.register(OVERDUE_JOB, reminderHandler(d, 'overdue'));
}
