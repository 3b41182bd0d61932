import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, parseVietnameseDate } from './vietnamese-date';

describe('dd/mm/yyyy dates', () => {
  it('reads day first, with or without leading zeros', () => {
    expect(parseVietnameseDate('05/09/2026')).toBe('2026-09-05');
    expect(parseVietnameseDate('5/9/2026')).toBe('2026-09-05');
    expect(parseVietnameseDate(' 31.12.2025 ')).toBe('2025-12-31');
  });

  it('refuses days that do not exist and half-typed text; empty means no date', () => {
    expect(parseVietnameseDate('31/02/2026')).toBeUndefined();
    expect(parseVietnameseDate('12/2026')).toBeUndefined();
    expect(parseVietnameseDate('')).toBeNull();
  });

  it('shows an ISO day as dd/mm/yyyy', () => {
    expect(formatVietnameseDate('2026-09-05')).toBe('05/09/2026');
    expect(formatVietnameseDate('')).toBe('');
  });
});
