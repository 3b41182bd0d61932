import { z } from 'zod';
import { addDays, isoWeekday, vnDate, vnInstant } from './calendar';
import { zOptionalText, zText } from './text';

/**
 * Contracts of "Lịch cá nhân" (Điều 3.2c, 4.4): a person's own events, appointments (lịch hẹn)
 * and diary entries (nhật ký) with reminders and recurrence, and the feed that also shows their
 * task and incoming-document due dates. Times are Vietnam local (UTC+7): the form sends a date
 * and an HH:MM, the server keeps instants. Shared by server and web.
 */

export const CALENDAR_KINDS = ['event', 'appointment', 'diary'] as const;
export type TCalendarKind = (typeof CALENDAR_KINDS)[number];

export const CALENDAR_LIMITS = {
  title: 200,
  notes: 5000,
  location: 300,
  withWhom: 300,
  /** Longest "remind before": 30 days. */
  remindMinutes: 30 * 24 * 60,
  /** Widest range the feed expands at once. */
  feedDays: 100,
  /** Most occurrences a series may have. */
  occurrences: 1000,
  interval: 99,
} as const;

export const REPEAT_FREQS = ['daily', 'weekly', 'monthly'] as const;
export type TRepeatFreq = (typeof REPEAT_FREQS)[number];

/**
 * A recurrence with an end: every `interval` days, weeks (on `byDay`, ISO weekdays 1 = Monday …
 * 7 = Sunday; the start's weekday when empty) or months (on the start's day of the month; a month
 * without that day is skipped), until a date (inclusive) or for `count` occurrences.
 */
export const ZRecurrence = z
  .object({
    freq: z.enum(REPEAT_FREQS),
    interval: z.number().int().min(1).max(CALENDAR_LIMITS.interval).default(1),
    byDay: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    until: z.iso.date().nullable().optional(),
    count: z.number().int().min(1).max(CALENDAR_LIMITS.occurrences).nullable().optional(),
  })
  .strict()
  .refine((r) => Boolean(r.until) !== Boolean(r.count), { path: ['until'], message: 'untilOrCount' });
export type TRecurrence = z.output<typeof ZRecurrence>;
export type TRecurrenceInput = z.input<typeof ZRecurrence>;

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The stored rule, RRULE-like: `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20261231` or `…;COUNT=10`. */
export function toRRule(r: TRecurrence): string {
  const parts = [`FREQ=${r.freq.toUpperCase()}`, `INTERVAL=${r.interval}`];
  if (r.freq === 'weekly' && r.byDay.length)
    parts.push(
      `BYDAY=${[...new Set(r.byDay)]
        .sort()
        .map((d) => DAY_CODES[d - 1])
        .join(',')}`,
    );
  if (r.until) parts.push(`UNTIL=${r.until.replaceAll('-', '')}`);
  if (r.count) parts.push(`COUNT=${r.count}`);
  return parts.join(';');
}

/** The rule back as a recurrence; null for a rule it cannot read. */
export function parseRRule(rule: string): TRecurrence | null {
  const map = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = map.get('FREQ')?.toLowerCase();
  if (!freq || !(REPEAT_FREQS as readonly string[]).includes(freq)) return null;
  const until = map.get('UNTIL');
  const parsed = ZRecurrence.safeParse({
    freq,
    interval: Number(map.get('INTERVAL') ?? 1),
    byDay: (map.get('BYDAY')?.split(',') ?? []).map((c) => DAY_CODES.indexOf(c) + 1).filter((d) => d > 0),
    until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : null,
    count: map.has('COUNT') ? Number(map.get('COUNT')) : null,
  });
  return parsed.success ? parsed.data : null;
}

/** One occurrence of an entry: its instants and its start date in Vietnam. */
export interface Occurrence {
  start: Date;
  end: Date;
  date: string;
}

/** What the expansion needs of an entry. */
export interface ExpandableEntry {
  startsAt: Date;
  endsAt: Date;
  rrule: string | null;
  exdates: readonly string[];
}

function monthsAfter(date: string, months: number): string | null {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const candidate = new Date(Date.UTC(ny, nm - 1, d));
  if (candidate.getUTCDate() !== d) return null; // e.g. 31 April: skipped, as RRULE does
  return candidate.toISOString().slice(0, 10);
}

/**
 * The start dates of a series, in order, from its first date; stops at `until`, `count`, the
 * occurrence limit or once past `stopAfter` (a date). Exdates still count towards COUNT.
 */
function seriesDates(first: string, r: TRecurrence, stopAfter: string): string[] {
  const out: string[] = [];
  const limit = r.count ?? CALENDAR_LIMITS.occurrences;
  const last = r.until && r.until < stopAfter ? r.until : stopAfter;
  const push = (d: string) => {
    if (d < first || d > last || out.length >= limit) return false;
    out.push(d);
    return true;
  };
  if (r.freq === 'daily') {
    for (let d = first; d <= last && out.length < limit; d = addDays(d, r.interval)) push(d);
  } else if (r.freq === 'weekly') {
    const days = r.byDay.length ? [...new Set(r.byDay)].sort() : [isoWeekday(first)];
    for (
      let monday = addDays(first, 1 - isoWeekday(first));
      monday <= last && out.length < limit;
      monday = addDays(monday, 7 * r.interval)
    )
      for (const wd of days) push(addDays(monday, wd - 1));
  } else {
    for (let i = 0; out.length < limit && i < CALENDAR_LIMITS.occurrences * 4; i += r.interval) {
      const d = monthsAfter(first, i);
      if (d && d > last) break;
      if (d) push(d);
    }
  }
  return out;
}

/**
 * The occurrences of an entry that overlap [from, to) — the entry itself when it does not repeat.
 * Each occurrence keeps the first one's local time of day and length; removed dates are left out.
 */
export function expandOccurrences(e: ExpandableEntry, from: Date, to: Date): Occurrence[] {
  const length = e.endsAt.getTime() - e.startsAt.getTime();
  const first = vnDate(e.startsAt);
  const rule = e.rrule ? parseRRule(e.rrule) : null;
  const timeOfDay = e.startsAt.getTime() - vnInstant(first).getTime();
  const dates = rule ? seriesDates(first, rule, vnDate(to)) : [first];
  const out: Occurrence[] = [];
  for (const date of dates) {
    if (e.exdates.includes(date)) continue;
    const start = new Date(vnInstant(date).getTime() + timeOfDay);
    const end = new Date(start.getTime() + length);
    if (start < to && end > from) out.push({ start, end, date });
  }
  return out;
}

/** When the last occurrence of an entry ends (the entry's end when it does not repeat). */
export function seriesEnd(e: ExpandableEntry): Date {
  const rule = e.rrule ? parseRRule(e.rrule) : null;
  if (!rule) return e.endsAt;
  const dates = seriesDates(vnDate(e.startsAt), rule, rule.until ?? '9999-12-31');
  const last = dates.at(-1) ?? vnDate(e.startsAt);
  const timeOfDay = e.startsAt.getTime() - vnInstant(vnDate(e.startsAt)).getTime();
  return new Date(vnInstant(last).getTime() + timeOfDay + (e.endsAt.getTime() - e.startsAt.getTime()));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * POST /api/calendar/entries and PUT /api/calendar/entries/:id: an entry as the form writes it,
 * in Vietnam local dates and times. All-day entries need no times; a timed entry without an end
 * lasts an hour. A diary entry is one all-day note, without recurrence or reminder.
 */
export const ZCalendarEntryInput = z
  .object({
    kind: z.enum(CALENDAR_KINDS).default('event'),
    title: zText(CALENDAR_LIMITS.title).pipe(z.string().min(1)),
    notes: zOptionalText(CALENDAR_LIMITS.notes),
    location: zOptionalText(CALENDAR_LIMITS.location),
    withWhom: zOptionalText(CALENDAR_LIMITS.withWhom),
    allDay: z.boolean().default(false),
    startDate: z.iso.date(),
    startTime: z.string().regex(HHMM).nullable().optional(),
    endDate: z.iso.date().nullable().optional(),
    endTime: z.string().regex(HHMM).nullable().optional(),
    recurrence: ZRecurrence.nullable().optional(),
    /** Remind this many minutes before (an all-day entry: before 08:00 of its day); null for none. */
    remindMinutes: z.number().int().min(0).max(CALENDAR_LIMITS.remindMinutes).nullable().optional(),
  })
  .strict();
export type TCalendarEntryInput = z.input<typeof ZCalendarEntryInput>;
export type TCalendarEntryInputParsed = z.output<typeof ZCalendarEntryInput>;

export const ZCalendarEntry = z.object({
  id: z.string().uuid(),
  kind: z.enum(CALENDAR_KINDS),
  title: z.string(),
  notes: z.string().nullable(),
  location: z.string().nullable(),
  withWhom: z.string().nullable(),
  allDay: z.boolean(),
  startDate: z.string(),
  startTime: z.string().nullable(),
  endDate: z.string(),
  endTime: z.string().nullable(),
  recurrence: ZRecurrence.nullable(),
  /** Start dates of occurrences removed from the series. */
  exdates: z.array(z.string()),
  remindMinutes: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCalendarEntry = z.infer<typeof ZCalendarEntry>;

export const ZCalendarEntryParams = z.object({ id: z.string().uuid() });

/** POST /api/calendar/entries/:id/skip: removes one occurrence of a series (by its start date). */
export const ZCalendarSkip = z.object({ date: z.iso.date() }).strict();
export type TCalendarSkip = z.input<typeof ZCalendarSkip>;

/** GET /api/calendar/feed: everything to show between two dates (inclusive), at most CALENDAR_LIMITS.feedDays. */
export const ZCalendarFeedQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export type TCalendarFeedQuery = z.infer<typeof ZCalendarFeedQuery>;

/** Where a feed item comes from: the user's own entry, a task due date, an incoming document's due date. */
export const CALENDAR_SOURCES = ['entry', 'task', 'incoming'] as const;
export type TCalendarSource = (typeof CALENDAR_SOURCES)[number];

export const ZCalendarItem = z.object({
  /** Unique in the feed: entry id + occurrence date, or source + id. */
  key: z.string(),
  source: z.enum(CALENDAR_SOURCES),
  kind: z.enum(CALENDAR_KINDS).nullable(),
  entryId: z.string().uuid().nullable(),
  /** Start date of this occurrence (an entry's), for "remove this occurrence". */
  occurrence: z.string().nullable(),
  recurring: z.boolean(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  location: z.string().nullable(),
  /** Opens the task or the document (due dates). */
  link: z.string().nullable(),
  remind: z.boolean(),
});
export type TCalendarItem = z.infer<typeof ZCalendarItem>;

export const ZCalendarFeed = z.object({ items: z.array(ZCalendarItem) });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

/** Choices of "remind before" the form offers, in minutes. */
export const REMIND_CHOICES = [0, 5, 15, 30, 60, 120, 1440, 2880, 10080] as const;
