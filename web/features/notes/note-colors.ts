import type { TNoteColor } from '../../../contracts/notes';

/** Mantine palette of each note colour ("purple" is Mantine's grape). */
export const PALETTE: Record<TNoteColor, string> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  purple: 'grape',
  orange: 'orange',
};

/** Card background and accent of a colour; the light variable follows the colour scheme. */
export function noteStyle(color: TNoteColor) {
  const p = PALETTE[color];
  return {
    background: `var(--mantine-color-${p}-light)`,
    borderLeft: `4px solid var(--mantine-color-${p}-filled)`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO → the value of an `<input type="datetime-local">` in local time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) → ISO, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
