/**
 * Dates in Vietnam time (UTC+7, no daylight saving) and working days, shared by server and web.
 * A "date" here is an ISO calendar date `yyyy-mm-dd`.
 */

const VN_OFFSET_MS = 7 * 3600_000;

/** The calendar date in Vietnam of an instant. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in Vietnam of an instant (registers number from 1 on 1 January, Vietnam time). */
export function vnYear(at: Date): number {
  return Number(vnDate(at).slice(0, 4));
}

/** The instant of `hh:mm` Vietnam time on a date. */
export function vnInstant(date: string, hour = 0, minute = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS + (hour * 60 + minute) * 60_000);
}

/** The date `days` days after (or before, if negative) a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Working days: weekdays of `work.days` that are not in `work.holidays` (system settings). */
export interface WorkCalendar {
  days: readonly number[];
  holidays: readonly string[];
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  return cal.days.includes(isoWeekday(date)) && !cal.holidays.includes(date);
}

/** The last working day strictly before `date` (for "one working day before it is due"). */
export function previousWorkingDay(date: string, cal: WorkCalendar): string {
  let d = addDays(date, -1);
  for (let i = 0; i < 60 && !isWorkingDay(d, cal); i++) d = addDays(d, -1);
  return d;
}

/** "25/11/2026" from "2026-11-25". */
export function formatVnDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date typed the Vietnamese way into ISO: "25/11/2026", "5/1/2026", "25-11-2026",
 * "25.11.2026", "25112026", and with a two-digit year "25/11/26" (20xx). '' for an empty box,
 * null when it is not a real date (yet).
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(t);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for '' (no date) or an ISO date; a date box holds its raw text while it is not a date. */
export function isDateOrEmpty(value: string): boolean {
  return value === '' || ISO_DATE.test(value);
}
