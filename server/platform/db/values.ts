/**
 * Column values as the API speaks them, whatever the driver answers (PGlite and pg return
 * timestamps and dates as Date or string).
 */

/** A timestamp as an ISO string, or null. */
export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string).toISOString();
}

/** A `date` column as yyyy-mm-dd, or null. */
export function dateOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}
