import { z } from 'zod';
import { addDays, isoWeekday } from './calendar';
import { normalizeText } from './text';

/**
 * Contracts of "Lịch đơn vị" (lịch công tác tuần, Điều 3.2e, 3.7e): a unit's week of work, by day
 * and morning/afternoon, drafted by the clerk and published by the leader. Every signed-in user
 * sees every unit's published weeks; a unit's editors and publishers also see its drafts.
 */

/** Buổi: sáng / chiều. */
export const SCHEDULE_SESSIONS = ['morning', 'afternoon'] as const;
export const ZScheduleSession = z.enum(SCHEDULE_SESSIONS);
export type TScheduleSession = z.infer<typeof ZScheduleSession>;

export const SCHEDULE_STATUSES = ['draft', 'published'] as const;
export const ZScheduleStatus = z.enum(SCHEDULE_STATUSES);
export type TScheduleStatus = z.infer<typeof ZScheduleStatus>;

/** Longest content of an entry; the other texts (chair, participants, place, preparing unit). */
export const SCHEDULE_CONTENT_MAX = 2000;
export const SCHEDULE_TEXT_MAX = 500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The Monday of the week a date falls in (weeks start on Monday). */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates of a week, Monday to Sunday. */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** True when `day` is one of the seven days of the week starting `weekStart`. */
export function isInWeek(day: string, weekStart: string): boolean {
  return day >= weekStart && day <= addDays(weekStart, 6);
}

/** ISO 8601 week number (1–53) of a date: the week with the year's first Thursday is week 1. */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) + 1;
}

/** "23/11 – 29/11/2026": the span of a week as the schedule's title shows it. */
export function weekSpan(weekStart: string): string {
  const end = addDays(weekStart, 6);
  const dm = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}`;
  return `${dm(weekStart)} – ${dm(end)}/${end.slice(0, 4)}`;
}

/** Orders entries as a schedule reads: by day, morning before afternoon, then by time (untimed last). */
export function compareEntries(
  a: { day: string; session: TScheduleSession; startTime: string | null },
  b: { day: string; session: TScheduleSession; startTime: string | null },
): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.session !== b.session) return a.session === 'morning' ? -1 : 1;
  const ta = a.startTime ?? '99:99';
  const tb = b.startTime ?? '99:99';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** The entries of a week grouped by day then session, every day of the week present (possibly empty). */
export function groupWeek<T extends { day: string; session: TScheduleSession; startTime: string | null }>(
  weekStart: string,
  entries: readonly T[],
): { day: string; sessions: { session: TScheduleSession; entries: T[] }[] }[] {
  const sorted = [...entries].sort(compareEntries);
  return weekDays(weekStart).map((day) => ({
    day,
    sessions: SCHEDULE_SESSIONS.map((session) => ({
      session,
      entries: sorted.filter((e) => e.day === day && e.session === session),
    })),
  }));
}

/** An ISO date `yyyy-mm-dd` that exists. */
export const ZIsoDate = z.string().refine(isIsoDate, { message: 'yyyy-mm-dd' });

/** Optional free text: NFC, trimmed; empty becomes null. */
const ZOptionalText = z
  .string()
  .transform((v) => normalizeText(v))
  .pipe(z.string().max(SCHEDULE_TEXT_MAX))
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** The fields of one line of the schedule, as the clerk types them. */
const entryFields = {
  day: ZIsoDate,
  session: ZScheduleSession,
  /** HH:MM (24 h); empty or null for none. */
  startTime: z
    .string()
    .trim()
    .refine((v) => v === '' || TIME.test(v), { message: 'HH:MM' })
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  content: z
    .string()
    .transform((v) => normalizeText(v))
    .pipe(z.string().min(1).max(SCHEDULE_CONTENT_MAX)),
  chair: ZOptionalText,
  participants: ZOptionalText,
  location: ZOptionalText,
  preparingUnit: ZOptionalText,
};

/** Which unit and week: the week is given by any of its dates and normalised to its Monday. */
export const ZScheduleWeekRef = z.object({
  unitId: z.string().uuid(),
  weekStart: ZIsoDate.transform(weekStartOf),
});
export type TScheduleWeekRef = z.input<typeof ZScheduleWeekRef>;

/** GET /api/schedule/week: unit defaults to the user's own, week to the current one. */
export const ZScheduleWeekQuery = z.object({
  unitId: z.string().uuid().optional(),
  weekStart: ZIsoDate.transform(weekStartOf).optional(),
});

/** POST /api/schedule/entries. */
export const ZScheduleEntryCreate = z.object({
  unitId: z.string().uuid(),
  weekStart: ZIsoDate.transform(weekStartOf),
  day: entryFields.day,
  session: entryFields.session,
  startTime: entryFields.startTime.optional(),
  content: entryFields.content,
  chair: entryFields.chair.optional(),
  participants: entryFields.participants.optional(),
  location: entryFields.location.optional(),
  preparingUnit: entryFields.preparingUnit.optional(),
});
export type TScheduleEntryCreate = z.input<typeof ZScheduleEntryCreate>;
export type TScheduleEntryCreateParsed = z.output<typeof ZScheduleEntryCreate>;

/** PATCH /api/schedule/entries/:id: any field; the day must stay inside the entry's week. */
export const ZScheduleEntryUpdate = z.object(entryFields).partial();
export type TScheduleEntryUpdate = z.input<typeof ZScheduleEntryUpdate>;
export type TScheduleEntryUpdateParsed = z.output<typeof ZScheduleEntryUpdate>;

export const ZScheduleEntryIdParams = z.object({ id: z.string().uuid() });

/** One line of a week as the API returns it. */
export const ZScheduleEntry = z.object({
  id: z.string().uuid(),
  day: z.string(),
  session: ZScheduleSession,
  startTime: z.string().nullable(),
  content: z.string(),
  chair: z.string().nullable(),
  participants: z.string().nullable(),
  location: z.string().nullable(),
  preparingUnit: z.string().nullable(),
  updatedAt: z.string(),
});
export type TScheduleEntry = z.infer<typeof ZScheduleEntry>;

/** A unit as the schedule names it. */
export const ZScheduleUnitRef = z.object({ id: z.string().uuid(), name: z.string(), shortName: z.string() });

/**
 * A unit's week. `status` is 'draft' for a week nobody has published yet (also one with no row);
 * a user who may not see drafts then gets no entries. `unit` is null for an unknown unit.
 */
export const ZScheduleWeek = z.object({
  unit: ZScheduleUnitRef.nullable(),
  weekStart: z.string(),
  weekEnd: z.string(),
  status: ZScheduleStatus,
  publishedAt: z.string().nullable(),
  publishedBy: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  entries: z.array(ZScheduleEntry),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), seeDrafts: z.boolean() }),
});
export type TScheduleWeek = z.infer<typeof ZScheduleWeek>;

/** POST /api/schedule/copy-previous answer: how many lines were copied, and the week after it. */
export const ZScheduleCopyResult = z.object({ copied: z.number().int(), week: ZScheduleWeek });
export type TScheduleCopyResult = z.infer<typeof ZScheduleCopyResult>;

/** GET /api/schedule/units?weekStart: every active unit, the user's own first. */
export const ZScheduleUnitsQuery = z.object({ weekStart: ZIsoDate.transform(weekStartOf).optional() });
export const ZScheduleUnit = ZScheduleUnitRef.extend({
  own: z.boolean(),
  /** The user may edit this unit's schedule (and so sees its drafts). */
  canEdit: z.boolean(),
  /** This unit's week (the one asked for) is published. */
  published: z.boolean(),
});
export type TScheduleUnit = z.infer<typeof ZScheduleUnit>;
export const ZScheduleUnitList = z.array(ZScheduleUnit);
