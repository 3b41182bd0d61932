/** One line of the before/after view of an audit entry. */
export interface DiffRow {
  key: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as readable text: lists joined with commas, objects as compact JSON; null and [] as null. */
export function displayValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
  return JSON.stringify(value);
}

/** Flattens nested objects into dotted keys (lists stay whole). */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, key, out);
      else out.set(key, v);
    }
  } else if (value !== undefined && value !== null) {
    out.set(prefix || 'value', value);
  }
  return out;
}

/**
 * The before/after values of an audit entry as key/value rows, keys in first-seen order
 * (before's keys, then keys only after has), with `changed` set where the values differ.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.map((key) => {
    const bv = displayValue(b.get(key));
    const av = displayValue(a.get(key));
    return { key, before: bv, after: av, changed: bv !== av };
  });
}
