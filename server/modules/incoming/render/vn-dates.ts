/**
 * Dates as the records office writes them, in Vietnam time whatever the server's time zone.
 * Values come from the contracts: a calendar date `yyyy-mm-dd` (issued date, due date) is taken
 * as it is; a timestamp (arrival, direction, opinion) is read in Asia/Ho_Chi_Minh.
 */

const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day, month, year (and time) of a contract date or timestamp in Vietnam. */
export function vnParts(value: string | Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  }
  const p = Object.fromEntries(VN_PARTS.formatToParts(new Date(value)).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

function isDate(value: string | Date | null | undefined): value is string | Date {
  return Boolean(value) && !Number.isNaN(new Date(value as string | Date).getTime());
}

/** dd/mm/yyyy; empty for no (or no valid) date. */
export function formatVnDate(value: string | Date | null | undefined): string {
  if (!isDate(value)) return '';
  const d = vnParts(value);
  return `${two(d.day)}/${two(d.month)}/${d.year}`;
}

/** dd/mm/yyyy HH:mm. */
export function formatVnDateTime(value: string | Date): string {
  const d = vnParts(value);
  return `${two(d.day)}/${two(d.month)}/${d.year} ${two(d.hour)}:${two(d.minute)}`;
}

/**
 * "ngày 05 tháng 3 năm 2026" as ND30 (Phụ lục I) writes dates in words: days below 10 and the
 * months 1 and 2 take a leading zero, other months do not.
 */
export function formatVnLongDate(value: string | Date): string {
  const d = vnParts(value);
  const month = d.month <= 2 ? two(d.month) : String(d.month);
  return `ngày ${two(d.day)} tháng ${month} năm ${d.year}`;
}

/**
 * The Vietnam calendar day as a Date at UTC midnight: exceljs writes a Date's UTC fields into the
 * cell, so this shows the right day in Excel whatever the server's or the reader's time zone.
 */
export function vnExcelDate(value: string | Date | null | undefined): Date | null {
  if (!isDate(value)) return null;
  const d = vnParts(value);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}
