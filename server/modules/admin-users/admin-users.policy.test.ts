import { describe, expect, it } from 'vitest';
import { type Actor, foldPermissions } from '../../platform/authz/actor';
import { canGrant, scopeRank, userAbilities } from './admin-users.policy';
import { generateOneTimePassword } from './one-time-password';

const actor = (scope: string, userId = 'me'): Actor => ({
  userId,
  username: 'x',
  fullName: 'X',
  unitId: 'school',
  unitPath: '/root/school/',
  sessionId: 's',
  locale: 'vi',
  mustChangePassword: false,
  permissions: foldPermissions([{ p: 'admin.users', s: scope }]),
});
const user = (over: Partial<Parameters<typeof userAbilities>[1]> = {}) => ({
  id: 'u1',
  unitId: 'school',
  unitPath: '/root/school/',
  status: 'active',
  lockedOut: false,
  adminRank: 0,
  ...over,
});

describe('user administration policy', () => {
  it('grants no wider scope than the administrator holds, and admin groups only with scope all', () => {
    expect(canGrant(actor('subtree'), { scope: 'subtree' }, { admin: false })).toBe(true);
    expect(canGrant(actor('subtree'), { scope: 'all' }, { admin: false })).toBe(false);
    expect(canGrant(actor('subtree'), { scope: 'own' }, { admin: true })).toBe(false);
    expect(canGrant(actor('all'), { scope: 'all' }, { admin: true })).toBe(true);
    expect(scopeRank('own')).toBeLessThan(scopeRank('subtree'));
  });

  it('offers actions by state: no self-lock, unlock only when locked', () => {
    expect(userAbilities(actor('all', 'u1'), user())).toMatchObject({ lock: false, resetPassword: false, edit: true });
    expect(userAbilities(actor('all'), user())).toMatchObject({ lock: true, unlock: false });
    expect(userAbilities(actor('all'), user({ status: 'disabled' }))).toMatchObject({ lock: false, unlock: true });
    expect(userAbilities(actor('all'), user({ lockedOut: true }))).toMatchObject({ unlock: true });
  });

  it('keeps a narrower administrator away from a wider one', () => {
    const abilities = userAbilities(actor('subtree'), user({ adminRank: 3 }));
    expect(Object.values(abilities).every((v) => v === false)).toBe(true);
  });
});

describe('one-time passwords', () => {
  it('are 12 characters with upper, lower, digit and symbol, and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateOneTimePassword();
      expect(p).toHaveLength(12);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[#@$%]/);
      expect(p).not.toMatch(/[O0lI1]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
