import { describe, expect, it } from 'vitest';
import {
  compareEntries,
  groupWeek,
  isInWeek,
  isIsoDate,
  isoWeekNumber,
  weekDays,
  weekSpan,
  weekStartOf,
  ZScheduleEntryCreate,
  ZScheduleEntryUpdate,
} from './schedule';

describe('weeks of the unit schedule', () => {
  it('starts every week on Monday', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-25')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
    expect(weekDays('2026-11-23')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(isInWeek('2026-11-29', '2026-11-23')).toBe(true);
    expect(isInWeek('2026-11-30', '2026-11-23')).toBe(false);
    expect(isInWeek('2026-11-22', '2026-11-23')).toBe(false);
  });

  it('numbers weeks the ISO way and writes their span', () => {
    expect(isoWeekNumber('2026-11-23')).toBe(48);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2025-12-29')).toBe(1);
    expect(weekSpan('2026-11-23')).toBe('23/11 – 29/11/2026');
    expect(weekSpan('2026-12-28')).toBe('28/12 – 03/01/2027');
  });

  it('accepts real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28/02/2026')).toBe(false);
  });

  it('orders lines by day, morning first, then by time with untimed lines last', () => {
    const e = (day: string, session: 'morning' | 'afternoon', startTime: string | null) => ({
      day,
      session,
      startTime,
    });
    const lines = [
      e('2026-11-24', 'morning', '08:00'),
      e('2026-11-23', 'afternoon', '14:00'),
      e('2026-11-23', 'morning', null),
      e('2026-11-23', 'morning', '07:30'),
    ];
    expect([...lines].sort(compareEntries)).toEqual([lines[3], lines[2], lines[1], lines[0]]);
    const grouped = groupWeek('2026-11-23', lines);
    expect(grouped).toHaveLength(7);
    expect(grouped[0].sessions.map((s) => s.entries.length)).toEqual([2, 1]);
    expect(grouped[1].sessions[0].entries).toEqual([lines[0]]);
    expect(grouped[6].sessions.every((s) => s.entries.length === 0)).toBe(true);
  });
});

describe('schedule line input', () => {
  const base = {
    unitId: '0190f000-0000-7000-8000-000000000000',
    weekStart: '2026-11-26',
    day: '2026-11-24',
    session: 'morning',
  };

  it('normalises text, empties to null, the week to its Monday', () => {
    const parsed = ZScheduleEntryCreate.parse({ ...base, content: '  Họp\u0300 ', startTime: '', chair: ' ' });
    expect(parsed).toMatchObject({
      weekStart: '2026-11-23',
      content: 'Họp\u0300'.normalize('NFC'),
      startTime: null,
      chair: null,
    });
  });

  it('refuses a missing content, a bad time or session', () => {
    expect(ZScheduleEntryCreate.safeParse({ ...base, content: ' ' }).success).toBe(false);
    expect(ZScheduleEntryCreate.safeParse({ ...base, content: 'x', startTime: '24:00' }).success).toBe(false);
    expect(ZScheduleEntryCreate.safeParse({ ...base, content: 'x', startTime: '7:30' }).success).toBe(false);
    expect(ZScheduleEntryCreate.safeParse({ ...base, content: 'x', session: 'evening' }).success).toBe(false);
    expect(ZScheduleEntryUpdate.parse({ location: '' })).toEqual({ location: null });
  });
});
