import { formatVnDate, vnDate } from '../../../contracts/calendar';
import { expandOccurrences, type Occurrence } from '../../../contracts/personal-calendar';
import type { JobRecord } from '../../platform/jobs/jobs';
import type { Notifier } from '../../platform/notify/notifier';
import type { CalendarDeps } from './calendar.service';
import type { CalendarRepository, EntryRow } from './calendar.repository';

/**
 * Reminders of personal calendar entries, as durable jobs: one job for the next occurrence whose
 * reminder time is still ahead; when it runs it notifies (in the app and through the person's
 * chosen channels, by the notifier) and queues the next one. A job only notifies while the entry
 * is live, still reminds that long before, and still has that occurrence — so an edited, skipped
 * or removed occurrence never reminds — and the dedupe key makes each reminder fire once.
 */
export const REMIND_JOB = 'calendar.remind';
/** Title of the notification (the function's name, Điều 3.2c). */
export const REMIND_TITLE = 'Lịch cá nhân';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface RemindPayload {
  entryId: string;
  occurrence: string;
  minutes: number;
}

/** When an occurrence reminds: `minutes` before its start (an all-day one: before 08:00 of its day). */
export function remindAt(e: Pick<EntryRow, 'allDay'>, o: Occurrence, minutes: number): Date {
  const base = e.allDay ? o.start.getTime() + 8 * HOUR : o.start.getTime();
  return new Date(base - minutes * 60_000);
}

/** Queues the reminder of the next occurrence still ahead (call in the transaction of the change). */
export async function scheduleNextReminder(d: Pick<CalendarDeps, 'jobs' | 'clock'>, e: EntryRow): Promise<void> {
  if (e.deleted || e.remindMinutes === null) return;
  const now = d.clock.now();
  const horizon = Math.min(e.seriesEnd.getTime(), now.getTime() + 3 * 365 * DAY) + 1;
  const minutes = e.remindMinutes;
  const next = expandOccurrences(e, new Date(now.getTime() - DAY), new Date(horizon)).find(
    (o) => remindAt(e, o, minutes).getTime() > now.getTime(),
  );
  if (!next) return;
  const payload: RemindPayload = { entryId: e.id, occurrence: next.start.toISOString(), minutes };
  await d.jobs.enqueue(REMIND_JOB, payload, {
    runAt: remindAt(e, next, minutes),
    uniqueKey: `${REMIND_JOB}:${e.id}:${payload.occurrence}:${minutes}`,
  });
}

/** "14:00 25/11/2026 · Phòng họp A" or "25/11/2026 (cả ngày)". */
function whenLine(e: EntryRow, o: Occurrence): string {
  const time = new Date(o.start.getTime() + 7 * HOUR).toISOString().slice(11, 16);
  const when = e.allDay ? `${formatVnDate(o.date)} (cả ngày)` : `${time} ${formatVnDate(o.date)}`;
  return [when, e.location].filter(Boolean).join(' · ');
}

/** Handler of `calendar.remind`. */
export function reminderHandler(
  d: Pick<CalendarDeps, 'tx' | 'jobs' | 'clock'> & { notifier: Notifier; repo: CalendarRepository },
) {
  return async (job: JobRecord): Promise<void> => {
    const p = job.payload as Partial<RemindPayload>;
    if (typeof p.entryId !== 'string' || typeof p.occurrence !== 'string' || typeof p.minutes !== 'number') return;
    const at = new Date(p.occurrence);
    await d.tx.transaction(async () => {
      const e = await d.repo.byId(p.entryId as string);
      if (!e || e.deleted || e.remindMinutes !== p.minutes) return;
      const occ = expandOccurrences(e, new Date(at.getTime() - 1), new Date(at.getTime() + 1)).find(
        (o) => o.start.getTime() === at.getTime(),
      );
      if (occ && d.clock.now().getTime() <= occ.end.getTime())
        await d.notifier.notify([e.userId], {
          kind: REMIND_JOB,
          title: REMIND_TITLE,
          body: `${e.title} – ${whenLine(e, occ)}`,
          link: `/app/calendar-personal?date=${vnDate(occ.start)}`,
          dedupeKey: `${REMIND_JOB}:${e.id}:${p.occurrence}:${p.minutes}`,
        });
      await scheduleNextReminder(d, e);
    });
  };
}
