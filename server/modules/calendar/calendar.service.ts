import { addDays, vnDate, vnInstant } from '../../../contracts/calendar';
import { formatArrivalNumber } from '../../../contracts/incoming';
import {
  CALENDAR_LIMITS,
  expandOccurrences,
  parseRRule,
  seriesEnd,
  type TCalendarEntry,
  type TCalendarEntryInput,
  type TCalendarFeed,
  type TCalendarFeedQuery,
  type TCalendarItem,
  type TCalendarSkip,
  toRRule,
  ZCalendarEntryInput,
  ZCalendarSkip,
} from '../../../contracts/personal-calendar';
import type { Audit } from '../../platform/audit/audit.repository';
import type { RequestContext } from '../../platform/authz/actor';
import type { Clock } from '../../platform/clock';
import type { TxRunner } from '../../platform/db/tx';
import { AppError, notFound } from '../../platform/errors';
import type { JobQueue } from '../../platform/jobs/jobs';
import { calendarOwner } from './calendar.policy';
import { scheduleNextReminder } from './calendar.reminders';
import type { CalendarRepository, EntryFields, EntryRow } from './calendar.repository';

export interface CalendarDeps {
  tx: TxRunner;
  repo: CalendarRepository;
  audit: Audit;
  jobs: JobQueue;
  clock: Clock;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const invalid = (field: string) => new AppError('VALIDATION_FAILED', { field });

/** "HH:MM" of an instant in Vietnam. */
function vnTime(at: Date): string {
  return new Date(at.getTime() + 7 * HOUR).toISOString().slice(11, 16);
}

function atTime(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return vnInstant(date, h, m);
}

/**
 * The stored fields of an entry from the form's local dates and times. A diary entry is one
 * all-day note without recurrence or reminder; a timed entry without an end lasts an hour.
 */
export function toFields(input: TCalendarEntryInput, exdates: string[] = []): EntryFields {
  const i = ZCalendarEntryInput.parse(input);
  const diary = i.kind === 'diary';
  const allDay = diary || i.allDay;
  const endDate = diary ? i.startDate : (i.endDate ?? i.startDate);
  if (endDate < i.startDate) throw invalid('body.endDate');
  let startsAt: Date;
  let endsAt: Date;
  if (allDay) {
    startsAt = vnInstant(i.startDate);
    endsAt = vnInstant(addDays(endDate, 1));
  } else {
    if (!i.startTime) throw invalid('body.startTime');
    startsAt = atTime(i.startDate, i.startTime);
    endsAt = i.endTime ? atTime(endDate, i.endTime) : new Date(startsAt.getTime() + HOUR);
    if (endsAt.getTime() <= startsAt.getTime()) throw invalid('body.endTime');
  }
  if (endsAt.getTime() - startsAt.getTime() > 31 * DAY) throw invalid('body.endDate');
  const rule = diary ? null : (i.recurrence ?? null);
  if (rule?.until && rule.until < i.startDate) throw invalid('body.recurrence.until');
  const rrule = rule ? toRRule(rule) : null;
  const fields = {
    kind: i.kind,
    title: i.title,
    notes: i.notes ?? null,
    location: i.location ?? null,
    withWhom: i.withWhom ?? null,
    allDay,
    startsAt,
    endsAt,
    rrule,
    exdates: rrule ? exdates : [],
    remindMinutes: diary ? null : (i.remindMinutes ?? null),
  };
  return { ...fields, seriesEnd: seriesEnd(fields) };
}

/** An entry as the API shows it, in Vietnam local dates and times. */
export function toApi(e: EntryRow): TCalendarEntry {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    notes: e.notes,
    location: e.location,
    withWhom: e.withWhom,
    allDay: e.allDay,
    startDate: vnDate(e.startsAt),
    startTime: e.allDay ? null : vnTime(e.startsAt),
    endDate: e.allDay ? vnDate(new Date(e.endsAt.getTime() - DAY)) : vnDate(e.endsAt),
    endTime: e.allDay ? null : vnTime(e.endsAt),
    recurrence: e.rrule ? parseRRule(e.rrule) : null,
    exdates: e.exdates,
    remindMinutes: e.remindMinutes,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** Audit snapshot of an entry (its own content: only its owner and auditors read the log). */
function snapshot(e: EntryRow) {
  const { id: _i, userId: _u, createdAt: _c, updatedAt: _up, deleted: _d, seriesEnd: _s, ...rest } = e;
  return rest;
}

/**
 * Lịch cá nhân: the signed-in person's own entries — create, change, remove a series or one
 * occurrence — and the feed of a range with the occurrences expanded and the person's task and
 * document due dates. Nobody else ever reads them (404).
 */
export class CalendarService {
  constructor(private readonly d: CalendarDeps) {}

  async get(ctx: RequestContext, id: string): Promise<TCalendarEntry> {
    const userId = calendarOwner(ctx.actor);
    const entry = await this.d.repo.own(userId, id);
    if (!entry) throw notFound();
    return toApi(entry);
  }

  async create(ctx: RequestContext, input: TCalendarEntryInput): Promise<TCalendarEntry> {
    const userId = calendarOwner(ctx.actor);
    const fields = toFields(input);
    return this.d.tx.transaction(async () => {
      const entry = await this.d.repo.insert(userId, fields);
      await scheduleNextReminder(this.d, entry);
      await this.d.audit.record(ctx, {
        action: 'calendar.create',
        entityType: 'calendar_entry',
        entityId: entry.id,
        after: snapshot(entry),
      });
      return toApi(entry);
    });
  }

  async update(ctx: RequestContext, id: string, input: TCalendarEntryInput): Promise<TCalendarEntry> {
    const userId = calendarOwner(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.repo.own(userId, id, true);
      if (!before) throw notFound();
      const entry = await this.d.repo.update(id, toFields(input, before.exdates));
      await scheduleNextReminder(this.d, entry);
      await this.d.audit.record(ctx, {
        action: 'calendar.update',
        entityType: 'calendar_entry',
        entityId: id,
        before: snapshot(before),
        after: snapshot(entry),
      });
      return toApi(entry);
    });
  }

  /** Removes the entry (every occurrence); the row stays, its reminders never fire. */
  async remove(ctx: RequestContext, id: string): Promise<{ ok: true }> {
    const userId = calendarOwner(ctx.actor);
    return this.d.tx.transaction(async () => {
      const before = await this.d.repo.own(userId, id, true);
      if (!before) throw notFound();
      await this.d.repo.softDelete(id, this.d.clock.now());
      await this.d.audit.record(ctx, {
        action: 'calendar.delete',
        entityType: 'calendar_entry',
        entityId: id,
        before: snapshot(before),
      });
      return { ok: true as const };
    });
  }

  /** Removes one occurrence of a series (by its start date); the others stay. */
  async skip(ctx: RequestContext, id: string, body: TCalendarSkip): Promise<TCalendarEntry> {
    const userId = calendarOwner(ctx.actor);
    const { date } = ZCalendarSkip.parse(body);
    return this.d.tx.transaction(async () => {
      const before = await this.d.repo.own(userId, id, true);
      if (!before) throw notFound();
      const occ = before.rrule
        ? expandOccurrences(before, vnInstant(date), vnInstant(addDays(date, 1))).find((o) => o.date === date)
        : undefined;
      if (!occ) throw invalid('body.date');
      const exdates = [...before.exdates, date].sort();
      const { id: _i, userId: _u, createdAt: _c, updatedAt: _up, deleted: _d, ...fields } = before;
      const entry = await this.d.repo.update(id, { ...fields, exdates });
      await scheduleNextReminder(this.d, entry);
      await this.d.audit.record(ctx, {
        action: 'calendar.skip',
        entityType: 'calendar_entry',
        entityId: id,
        after: { date },
      });
      return toApi(entry);
    });
  }

  /**
   * Everything to show from `from` to `to` (inclusive dates): the person's entries with their
   * occurrences expanded, and the due dates of the tasks and incoming documents they handle.
   */
  async feed(ctx: RequestContext, q: TCalendarFeedQuery): Promise<TCalendarFeed> {
    const userId = calendarOwner(ctx.actor);
    if (q.to < q.from || addDays(q.from, CALENDAR_LIMITS.feedDays) < q.to) throw invalid('querystring.to');
    const from = vnInstant(q.from);
    const to = vnInstant(addDays(q.to, 1));
    const [entries, tasks, docs] = await Promise.all([
      this.d.repo.inRange(userId, from, to),
      this.d.repo.taskDueDates(userId, q.from, q.to),
      this.d.repo.incomingDueDates(userId, q.from, q.to),
    ]);
    const items: TCalendarItem[] = entries.flatMap((e) =>
      expandOccurrences(e, from, to).map((o) => ({
        key: `${e.id}:${o.date}`,
        source: 'entry' as const,
        kind: e.kind,
        entryId: e.id,
        occurrence: o.date,
        recurring: e.rrule !== null,
        title: e.title,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        allDay: e.allDay,
        location: e.location,
        link: null,
        remind: e.remindMinutes !== null,
      })),
    );
    const due = (
      key: string,
      source: 'task' | 'incoming',
      title: string,
      date: string,
      link: string,
    ): TCalendarItem => ({
      key,
      source,
      kind: null,
      entryId: null,
      occurrence: null,
      recurring: false,
      title,
      start: vnInstant(date).toISOString(),
      end: vnInstant(addDays(date, 1)).toISOString(),
      allDay: true,
      location: null,
      link,
      remind: false,
    });
    for (const t of tasks) items.push(due(`task:${t.id}`, 'task', t.title, t.due, `/app/tasks-received?task=${t.id}`));
    for (const d of docs)
      items.push(
        due(
          `incoming:${d.id}`,
          'incoming',
          `Số đến ${formatArrivalNumber(Number(d.arrival_number))}/${d.year} – ${d.subject}`,
          d.due,
          `/app/incoming-view?doc=${d.id}`,
        ),
      );
    items.sort(
      (a, b) => a.start.localeCompare(b.start) || Number(b.allDay) - Number(a.allDay) || a.key.localeCompare(b.key),
    );
    return { items };
  }
}
