import { describe, expect, it } from 'vitest';
import { presetOf, presetPeriod, recentMonths } from './period';

describe('report periods', () => {
  it('computes the quick choices on a given day', () => {
    expect(presetPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', '2026-05-02')).toEqual({ from: '2026-04-01', to: '2026-05-02' });
    expect(presetPeriod('thisYear', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(presetOf({ from: '2026-01-01', to: '2026-11-25' }, '2026-11-25')).toBe('thisYear');
    expect(presetOf({ from: '2026-01-02', to: '2026-11-25' }, '2026-11-25')).toBeNull();
  });

  it('lists recent months across the new year', () => {
    expect(recentMonths(3, '2026-02-10')).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
