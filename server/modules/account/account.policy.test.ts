import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/authz/actor';
import { foldPermissions } from '../../platform/authz/actor';
import { authorizeDecide, canDecide, selfIds } from './account.policy';

const school = { unitId: 'school', unitPath: '/root/school/' };
const sibling = { unitId: 'other', unitPath: '/root/other/' };
const admin = (scope: string, extra: Partial<Actor> = {}): Actor => ({
  userId: 'a',
  username: 'a',
  fullName: 'A',
  unitId: 'school',
  unitPath: '/root/school/',
  sessionId: 's',
  locale: 'vi',
  mustChangePassword: false,
  permissions: foldPermissions([{ p: 'admin.users', s: scope }]),
  ...extra,
});

describe('who may decide a proposal', () => {
  it('an administrator whose scope covers the author’s unit and the unit they move to', () => {
    expect(canDecide(admin('subtree'), { userId: 'u', unit: school, newUnit: null })).toBe(true);
    expect(canDecide(admin('subtree'), { userId: 'u', unit: school, newUnit: sibling })).toBe(false);
    expect(canDecide(admin('all'), { userId: 'u', unit: school, newUnit: sibling })).toBe(true);
  });

  it('never the author, nor a delegate acting for the author', () => {
    expect(canDecide(admin('all'), { userId: 'a', unit: school, newUnit: null })).toBe(false);
    const delegate = admin('all', {
      userId: 'd',
      onBehalfOf: { userId: 'a', fullName: 'A', unitId: 'school', unitPath: '/root/school/' },
    });
    expect(selfIds(delegate)).toEqual(['d', 'a']);
    expect(canDecide(delegate, { userId: 'a', unit: school, newUnit: null })).toBe(false);
  });

  it('403 without the permission, 404 outside the scope, 403 for the own proposal', () => {
    const p = { userId: 'u', unit: sibling, newUnit: null };
    expect(() => authorizeDecide(admin('own', { permissions: new Map() }), p)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorizeDecide(admin('subtree'), p)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => authorizeDecide(admin('subtree'), { ...p, unit: school, userId: 'a' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => authorizeDecide(admin('subtree'), null)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
