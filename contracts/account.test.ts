import { describe, expect, it } from 'vitest';
import { compactPhone, delegationStatus, isIsoDate, isValidPhone, vietnamDate } from './account';

describe('account rules', () => {
  it('accepts Vietnamese mobile and landline numbers as people type them', () => {
    for (const ok of ['0912345678', '0912 345 678', '091.234.5678', '+84 912 345 678', '0297 3866 123'])
      expect(isValidPhone(ok), ok).toBe(true);
    for (const bad of ['12345', '912345678', '0912-345-67', '+85912345678', '09123456789012', 'số máy']) {
      expect(isValidPhone(bad), bad).toBe(false);
    }
    expect(compactPhone('(0297) 3866-123')).toBe('02973866123');
  });

  it('knows real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(isIsoDate('01/03/2026')).toBe(false);
  });

  it('takes today in Vietnam (UTC+7): the day changes at 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-03-10T16:59:59Z'))).toBe('2026-03-10');
    expect(vietnamDate(new Date('2026-03-10T17:00:00Z'))).toBe('2026-03-11');
  });

  it('tells where a delegation stands on a day', () => {
    const d = { startsOn: '2026-03-10', endsOn: '2026-03-12', revokedAt: null };
    expect(delegationStatus(d, '2026-03-09')).toBe('upcoming');
    expect(delegationStatus(d, '2026-03-10')).toBe('active');
    expect(delegationStatus(d, '2026-03-12')).toBe('active');
    expect(delegationStatus(d, '2026-03-13')).toBe('expired');
    expect(delegationStatus({ ...d, revokedAt: '2026-03-11T01:00:00Z' }, '2026-03-11')).toBe('revoked');
  });
});
