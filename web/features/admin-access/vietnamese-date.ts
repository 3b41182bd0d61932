/**
 * Dates typed the Vietnamese way (dd/mm/yyyy) ↔ ISO calendar days (yyyy-mm-dd). The native date
 * input shows the browser's own format (often mm/dd/yyyy), so the filters use text fields.
 */

/** '' → null (no date); a real day as d/m/yyyy or dd/mm/yyyy (also with - or .) → 'yyyy-mm-dd'; else undefined. */
export function parseVietnameseDate(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy'; '' for an empty or malformed value. */
export function formatVietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
