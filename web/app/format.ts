/** Formatting of dates and times the Vietnamese way: dd/mm/yyyy and 24-hour HH:mm. */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** dd/mm/yyyy in local time; empty string for an invalid value. */
export function formatDate(value: Date | string): string {
  const date = toDate(value);
  if (!date) return '';
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** HH:mm (24-hour) in local time; empty string for an invalid value. */
export function formatTime(value: Date | string): string {
  const date = toDate(value);
  if (!date) return '';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Weekday name in the given language ("Thứ Hai", "Monday"). */
export function formatWeekday(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long' }).format(value);
}
