import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { foldPermissions } from './actor';
import { authorize, can, unitScopeSql } from './authorize';

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
const school = { unitId: 'school', unitPath: '/root/school/' };
const classUnit = { unitId: 'class', unitPath: '/root/school/class/' };
const sibling = { unitId: 'other', unitPath: '/root/other/' };

describe('policy primitives', () => {
  it('own scope covers only the own unit', () => {
    const a = actor([{ p: 'incoming.view', s: 'own' }]);
    expect(can(a, 'incoming.view', school)).toBe(true);
    expect(can(a, 'incoming.view', classUnit)).toBe(false);
    expect(can(a, 'incoming.view', sibling)).toBe(false);
  });

  it('subtree scope covers the unit and below, never a sibling', () => {
    const a = actor([{ p: 'incoming.view', s: 'subtree' }]);
    expect(can(a, 'incoming.view', classUnit)).toBe(true);
    expect(can(a, 'incoming.view', sibling)).toBe(false);
  });

  it('takes the widest scope held through several groups', () => {
    const a = actor([
      { p: 'incoming.view', s: 'own' },
      { p: 'incoming.view', s: 'all' },
    ]);
    expect(can(a, 'incoming.view', sibling)).toBe(true);
  });

  it('throws FORBIDDEN, or NOT_FOUND when the record must stay hidden', () => {
    const a = actor([]);
    expect(() => authorize(a, 'admin.users')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
    expect(() => authorize(a, 'admin.users', school, true)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => authorize(null, 'admin.users')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('builds the list condition in SQL from the same scope', () => {
    const dialect = new PgDialect();
    const col = sql.raw('u.path');
    expect(dialect.sqlToQuery(unitScopeSql(actor([{ p: 'x', s: 'subtree' }]), 'x', col))).toMatchObject({
      sql: 'u.path LIKE $1',
      params: ['/root/school/%'],
    });
    expect(dialect.sqlToQuery(unitScopeSql(actor([]), 'x', col)).sql).toBe('false');
  });
});
