import { vnDate } from '../../../../contracts/calendar';
import { formatDate, formatTime } from '../../../app/format';

/** "25/11/2026 14:05" for an ISO instant (local time); empty for none. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** Today as an ISO date in Vietnam time: the earliest due date a form accepts. */
export function todayIso(): string {
  return vnDate(new Date());
}

/** True when an ISO date lies before today (a due date already passed). */
export function isPast(date: string | null | undefined): boolean {
  return Boolean(date && date.slice(0, 10) < todayIso());
}
