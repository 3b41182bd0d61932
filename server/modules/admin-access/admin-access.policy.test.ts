import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { type Actor, foldPermissions } from '../../platform/authz/actor';
import {
  assertMayGrant,
  auditScopeSql,
  grantableScopes,
  groupAbilities,
  mayEditGroupWith,
} from './admin-access.policy';

const actor = (perms: Record<string, string>): Actor => ({
  userId: 'u1',
  username: 'u',
  fullName: 'U',
  unitId: 'school',
  unitPath: '/root/school/',
  sessionId: 's',
  locale: 'vi',
  mustChangePassword: false,
  permissions: foldPermissions(Object.entries(perms).map(([p, s]) => ({ p, s }))),
});
const systemAdmin = actor({ 'admin.groups': 'all', 'admin.users': 'all', 'admin.audit': 'all' });
const schoolAdmin = actor({ 'admin.groups': 'subtree', 'admin.users': 'own' });

describe('group policy', () => {
  it('only a system-wide administrator edits groups that carry admin.* permissions', () => {
    expect(mayEditGroupWith(systemAdmin, ['admin.users'])).toBe(true);
    expect(mayEditGroupWith(schoolAdmin, ['admin.users'])).toBe(false);
    expect(mayEditGroupWith(schoolAdmin, ['incoming.view', 'tasks.use'])).toBe(true);
  });

  it('never grants a scope wider than the administrator’s own, nor admin powers they do not hold as widely', () => {
    expect(grantableScopes(systemAdmin, ['tasks.use'])).toEqual(['own', 'subtree', 'all']);
    expect(grantableScopes(schoolAdmin, ['tasks.use'])).toEqual(['own', 'subtree']);
    expect(grantableScopes(schoolAdmin, ['admin.users'])).toEqual(['own']);
    expect(grantableScopes(schoolAdmin, ['admin.settings'])).toEqual([]);
    expect(() => assertMayGrant(schoolAdmin, 'all', ['tasks.use'])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', opts: { field: 'body.scope' } }),
    );
  });

  it('built-in groups can be copied but not edited or switched off', () => {
    const builtin = { builtin: true, active: true, permissions: ['tasks.use'] };
    expect(groupAbilities(systemAdmin, builtin)).toMatchObject({
      update: false,
      editPermissions: false,
      deactivate: false,
      copy: true,
      manageMembers: true,
    });
    const inactive = { builtin: false, active: false, permissions: ['admin.users'] };
    expect(groupAbilities(schoolAdmin, inactive)).toMatchObject({ activate: false, copy: false });
    expect(groupAbilities(systemAdmin, inactive)).toMatchObject({ activate: true, deactivate: false });
  });

  it('limits the audit log to entries whose actor is within the viewer’s units, unless scope is all', () => {
    const dialect = new PgDialect();
    const col = sql.raw('un.path');
    expect(dialect.sqlToQuery(auditScopeSql(systemAdmin, col)).sql).toBe('true');
    const sub = actor({ 'admin.audit': 'subtree' });
    expect(dialect.sqlToQuery(auditScopeSql(sub, col))).toMatchObject({
      sql: 'un.path LIKE $1',
      params: ['/root/school/%'],
    });
    expect(dialect.sqlToQuery(auditScopeSql(actor({}), col)).sql).toBe('false');
  });
});
