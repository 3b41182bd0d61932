import { describe, expect, it } from 'vitest';
import { addDays, formatVnDate, isWorkingDay, previousWorkingDay, vnDate, vnInstant, vnYear } from './calendar';

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
});
