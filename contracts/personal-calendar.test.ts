import { describe, expect, it } from 'vitest';
import { vnInstant } from './calendar';
import { expandOccurrences, parseRRule, seriesEnd, toRRule, ZRecurrence } from './personal-calendar';

const at = (date: string, h = 0, m = 0) => vnInstant(date, h, m);
const dates = (rrule: string, start: string, from: string, to: string, exdates: string[] = []) =>
  expandOccurrences({ startsAt: at(start, 9), endsAt: at(start, 10), rrule, exdates }, at(from), at(to)).map(
    (o) => o.date,
  );

describe('recurrence rules', () => {
  it('writes and reads the RRULE-like text', () => {
    const r = ZRecurrence.parse({ freq: 'weekly', byDay: [3, 1], until: '2026-12-31' });
    expect(toRRule(r)).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=20261231');
    expect(parseRRule(toRRule(r))).toEqual({
      freq: 'weekly',
      interval: 1,
      byDay: [1, 3],
      until: '2026-12-31',
      count: null,
    });
    expect(toRRule(ZRecurrence.parse({ freq: 'daily', interval: 2, count: 5 }))).toBe('FREQ=DAILY;INTERVAL=2;COUNT=5');
    expect(parseRRule('FREQ=YEARLY;COUNT=2')).toBeNull();
    expect(ZRecurrence.safeParse({ freq: 'daily' }).success).toBe(false);
    expect(ZRecurrence.safeParse({ freq: 'daily', count: 3, until: '2026-01-01' }).success).toBe(false);
  });

  it('expands daily, weekly and monthly series in Vietnam time, inside the range only', () => {
    expect(dates('FREQ=DAILY;INTERVAL=2;COUNT=4', '2026-03-02', '2026-03-01', '2026-04-01')).toEqual([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-08',
    ]);
    // Every other week on Monday and Thursday, starting on a Thursday.
    expect(
      dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20260331', '2026-03-05', '2026-03-01', '2026-04-30'),
    ).toEqual(['2026-03-05', '2026-03-16', '2026-03-19', '2026-03-30']);
    // The 31st: months without it are skipped.
    expect(dates('FREQ=MONTHLY;INTERVAL=1;COUNT=4', '2026-01-31', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
    ]);
    expect(dates('FREQ=DAILY;INTERVAL=1;UNTIL=20260310', '2026-03-02', '2026-03-05', '2026-03-07')).toEqual([
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(dates('FREQ=DAILY;INTERVAL=1;COUNT=3', '2026-03-02', '2026-03-01', '2026-03-10', ['2026-03-03'])).toEqual([
      '2026-03-02',
      '2026-03-04',
    ]);
  });

  it('keeps the time of day and the length of each occurrence, and knows when the series ends', () => {
    const e = {
      startsAt: at('2026-03-02', 14, 30),
      endsAt: at('2026-03-02', 16),
      rrule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=3',
      exdates: [],
    };
    const occ = expandOccurrences(e, at('2026-03-01'), at('2026-04-01'));
    expect(occ.map((o) => [o.start.toISOString(), o.end.toISOString()])).toEqual([
      ['2026-03-02T07:30:00.000Z', '2026-03-02T09:00:00.000Z'],
      ['2026-03-09T07:30:00.000Z', '2026-03-09T09:00:00.000Z'],
      ['2026-03-16T07:30:00.000Z', '2026-03-16T09:00:00.000Z'],
    ]);
    expect(seriesEnd(e).toISOString()).toBe('2026-03-16T09:00:00.000Z');
    expect(seriesEnd({ ...e, rrule: null }).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
});
