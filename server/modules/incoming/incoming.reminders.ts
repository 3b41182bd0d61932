import { type DueReminderPayload, scheduleDueReminders } from '../../platform/jobs/due-reminders';
import { addDays, formatVnDate, vnDate, vnInstant } from '../../../contracts/calendar';
import type { JobRecord } from '../../platform/jobs/jobs';
import { documentLine, documentLink, NOTIFY_TITLES } from './incoming-distribute';
import type { IncomingDeps } from './incoming.deps';

/**
 * Nhắc việc (automatic reminders) of incoming documents, as durable jobs:
 * - `incoming.dueSoon` at 08:00 of the working day before a handler's due date;
 * - `incoming.overdue` at 07:00 of the day after it;
 * - `incoming.dailySummary` at 07:30 every day: each unit's leaders get the count of overdue documents.
 * A job only notifies when the part is still open with that due date, and every notification
 * carries a dedupe key, so a retried job or a second app instance never notifies twice.
 */
export const DUE_SOON_JOB = 'incoming.dueSoon';
export const OVERDUE_JOB = 'incoming.overdue';
export const DAILY_SUMMARY_JOB = 'incoming.dailySummary';

type ReminderPayload = DueReminderPayload;

/** Schedules the due-soon and overdue reminders of a handler's part (call in the assigning transaction). */
export function scheduleReminders(d: IncomingDeps, assignmentId: string, dueDate: string): Promise<void> {
  return scheduleDueReminders(d, { dueSoon: DUE_SOON_JOB, overdue: OVERDUE_JOB }, assignmentId, dueDate);
}

function reminderHandler(d: IncomingDeps, kind: 'dueSoon' | 'overdue') {
  return async (job: JobRecord): Promise<void> => {
    const p = job.payload as Partial<ReminderPayload>;
    if (typeof p.assignmentId !== 'string' || typeof p.dueDate !== 'string') return;
    await d.tx.transaction(async () => {
      const a = await d.repo.assignment(p.assignmentId as string);
      if (!a || a.dueDate !== p.dueDate || !['pending', 'in_progress', 'delegated'].includes(a.state)) return;
      const doc = await d.repo.core(a.documentId);
      if (doc?.status !== 'in_progress') return;
      await d.notifier.notify([a.userId], {
        kind: `incoming.${kind}`,
        title: NOTIFY_TITLES[kind],
        body: `${documentLine(doc)} – hạn ${formatVnDate(a.dueDate)}`,
        link: documentLink(doc.id),
        dedupeKey: `incoming.${kind}:${a.id}:${a.dueDate}`,
      });
    });
  };
}

/** The next 07:30 (Vietnam time) after now. */
function nextSummaryAt(now: Date): { at: Date; date: string } {
  let date = vnDate(now);
  let at = vnInstant(date, 7, 30);
  if (at.getTime() <= now.getTime()) {
    date = addDays(date, 1);
    at = vnInstant(date, 7, 30);
  }
  return { at, date };
}

/** Makes sure the next daily summary is queued (once, whatever the number of instances). */
export async function ensureDailySummary(d: IncomingDeps): Promise<void> {
  const { at, date } = nextSummaryAt(d.clock.now());
  await d.jobs.enqueue(DAILY_SUMMARY_JOB, { date }, { runAt: at, uniqueKey: `${DAILY_SUMMARY_JOB}:${date}` });
}

function dailySummaryHandler(d: IncomingDeps) {
  return async (job: JobRecord): Promise<void> => {
    const date = (job.payload as { date?: string }).date ?? vnDate(d.clock.now());
    await d.tx.transaction(async () => {
      const units = await d.lists.overdueByUnit(vnDate(d.clock.now()));
      const leaders = await d.repo.holdersIn(
        units.map((u) => u.unit_id),
        'incoming.direct',
      );
      for (const u of units) {
        const ids = leaders.filter((l) => l.unit_id === u.unit_id).map((l) => l.id);
        await d.notifier.notify(ids, {
          kind: 'incoming.dailySummary',
          title: NOTIFY_TITLES.dailySummary,
          body: `${leaders.find((l) => l.unit_id === u.unit_id)?.unit_name ?? ''}: ${u.n} văn bản đến quá hạn xử lý (ngày ${formatVnDate(date)})`,
          link: '/app/incoming-search?status=overdue',
          dedupeKey: `incoming.dailySummary:${date}:${u.unit_id}`,
        });
      }
    });
    await ensureDailySummary(d);
  };
}

/** Registers the reminder jobs of the module. */
export function registerReminderJobs(
  runner: { register(kind: string, handler: (job: JobRecord) => Promise<void>): void },
  d: IncomingDeps,
): void {
  runner.register(DUE_SOON_JOB, reminderHandler(d, 'dueSoon'));
  runner.register(OVERDUE_JOB, reminderHandler(d, 'overdue'));
  runner.register(DAILY_SUMMARY_JOB, dailySummaryHandler(d));
}
