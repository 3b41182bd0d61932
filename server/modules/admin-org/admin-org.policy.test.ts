import { describe, expect, it } from 'vitest';
import { type Actor, foldPermissions } from '../../platform/authz/actor';
import { authorizeUnit, canManageJobTitles, unitAbilities } from './admin-org.policy';

const actor = (perms: { p: string; s: string }[]): Actor => ({
  userId: 'u1',
  username: 'u',
  fullName: 'U',
  unitId: 'school',
  unitPath: '/root/school/',
  sessionId: 's',
  locale: 'vi',
  mustChangePassword: false,
  permissions: foldPermissions(perms),
});
const root = { id: 'root', path: '/root/', active: true };
const school = { id: 'school', path: '/root/school/', active: true };
const team = { id: 'team', path: '/root/school/team/', active: true };
const sibling = { id: 'other', path: '/root/other/', active: true };
const none = { edit: false, createChild: false, move: false, changeStatus: false };

describe('unit administration abilities', () => {
  it('own scope: edit the own unit only', () => {
    const a = actor([{ p: 'admin.units', s: 'own' }]);
    expect(unitAbilities(a, school)).toEqual({ ...none, edit: true });
    expect(unitAbilities(a, team)).toEqual(none);
  });

  it('subtree scope: everything below the own unit, but the own unit is never moved or stopped', () => {
    const a = actor([{ p: 'admin.units', s: 'subtree' }]);
    expect(unitAbilities(a, school)).toEqual({ edit: true, createChild: true, move: false, changeStatus: false });
    expect(unitAbilities(a, team)).toEqual({ edit: true, createChild: true, move: true, changeStatus: true });
    expect(unitAbilities(a, sibling)).toEqual(none);
    expect(unitAbilities(a, root)).toEqual(none);
  });

  it('all scope: everything', () => {
    const a = actor([{ p: 'admin.units', s: 'all' }]);
    expect(unitAbilities(a, root)).toEqual({ edit: true, createChild: true, move: true, changeStatus: true });
  });

  it('hides units outside the scope (404) and refuses a missing ability inside it (403)', () => {
    const a = actor([{ p: 'admin.units', s: 'subtree' }]);
    expect(() => authorizeUnit(a, sibling)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => authorizeUnit(a, null)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => authorizeUnit(a, school, 'move')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(authorizeUnit(a, team, 'move')).toBe(team);
  });

  it('job titles are written only with scope all', () => {
    expect(canManageJobTitles(actor([{ p: 'admin.jobTitles', s: 'all' }]))).toBe(true);
    expect(canManageJobTitles(actor([{ p: 'admin.jobTitles', s: 'subtree' }]))).toBe(false);
  });
});
