import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatVnDate,
  isDateOrEmpty,
  isWorkingDay,
  parseDateText,
  previousWorkingDay,
  vnDate,
  vnInstant,
  vnYear,
} from './calendar';

const cal = { days: [1, 2, 3, 4, 5], holidays: ['2026-09-01', '2026-09-02'] };

describe('Vietnam dates', () => {
  it('takes the date and year in Vietnam time, where a new year starts 7 hours before UTC', () => {
    expect(vnDate(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vnDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vnYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
  it('builds an instant at a Vietnam hour', () => {
    expect(vnInstant('2026-11-25', 8).toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });
  it('steps back over weekends and holidays to the previous working day', () => {
    expect(previousWorkingDay('2026-11-30', cal)).toBe('2026-11-27'); // Monday → Friday
    expect(previousWorkingDay('2026-09-03', cal)).toBe('2026-08-31'); // after Quốc khánh
    expect(isWorkingDay('2026-11-28', cal)).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatVnDate('2026-01-05')).toBe('05/01/2026');
  });
  it('reads a date typed the Vietnamese way', () => {
    expect(parseDateText('25/11/2026')).toBe('2026-11-25');
    expect(parseDateText(' 5/1/2026 ')).toBe('2026-01-05');
    expect(parseDateText('25-11-2026')).toBe('2026-11-25');
    expect(parseDateText('25.11.2026')).toBe('2026-11-25');
    expect(parseDateText('25.11.26')).toBe('2026-11-25');
    expect(parseDateText('25112026')).toBe('2026-11-25');
    expect(parseDateText('251126')).toBe('2026-11-25');
    expect(parseDateText('')).toBe('');
    expect(parseDateText('   ')).toBe('');
  });
  it('refuses what is not a real date', () => {
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
    expect(parseDateText('29/02/2026')).toBeNull();
    expect(parseDateText('12/13/2026')).toBeNull();
    expect(parseDateText('25/11/1850')).toBeNull();
    expect(parseDateText('25/11/2')).toBeNull();
    expect(parseDateText('2026-11-25')).toBeNull();
    expect(parseDateText('hôm nay')).toBeNull();
  });
  it('tells an ISO date or nothing from raw text', () => {
    expect(isDateOrEmpty('')).toBe(true);
    expect(isDateOrEmpty('2026-11-25')).toBe(true);
    expect(isDateOrEmpty('25/11/2026')).toBe(false);
    expect(isDateOrEmpty('25/11/202')).toBe(false);
  });
});

describe('dd/mm/yyyy dates typed in the audit filters (the shared date box)', () => {
  it('reads day first, with or without leading zeros', () => {
    expect(parseDateText('05/09/2026')).toBe('2026-09-05');
    expect(parseDateText('5/9/2026')).toBe('2026-09-05');
    expect(parseDateText(' 31.12.2025 ')).toBe('2025-12-31');
  });

  it('refuses days that do not exist and half-typed text; empty means no date', () => {
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('12/2026')).toBeNull();
    expect(parseDateText('')).toBe('');
  });

  it('shows an ISO day as dd/mm/yyyy', () => {
    expect(formatVnDate('2026-09-05')).toBe('05/09/2026');
    expect(formatVnDate('')).toBe('');
  });
});
