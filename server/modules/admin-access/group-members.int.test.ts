import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditRows, call, groupId, makeSchoolAdmin, userId } from './test-helpers';

describe('Tạo nhóm & phân quyền: members and scopes', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let schoolAdmin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    staff = await t.login('chuyenvien1');
    await makeSchoolAdmin(t);
    schoolAdmin = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  const me = async (cookie: string) => (await call(t, cookie, 'GET', '/api/auth/me')).json().permissions as string[];
  const newGroup = async (name: string, permissions: string[] = []) =>
    (await call(t, admin, 'POST', '/api/admin/groups', { name, permissions })).json() as { id: string };

  it('a change of group or membership takes effect at the user’s next request, without signing in again', async () => {
    const g = await newGroup('Nhóm báo cáo', ['reports.summary']);
    const member = await userId(t, 'chuyenvien1');
    expect(await me(staff)).not.toContain('reports.summary');

    expect(
      (await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: member, scope: 'own' })).statusCode,
    ).toBe(201);
    expect(await me(staff)).toContain('reports.summary');

    await call(t, admin, 'PUT', `/api/admin/groups/${g.id}/permissions`, ['reports.summary', 'votes.manage']);
    expect(await me(staff)).toEqual(expect.arrayContaining(['reports.summary', 'votes.manage']));

    await call(t, admin, 'POST', `/api/admin/groups/${g.id}/deactivate`);
    expect(await me(staff)).not.toContain('votes.manage');
    await call(t, admin, 'POST', `/api/admin/groups/${g.id}/activate`);
    expect(await me(staff)).toContain('votes.manage');

    const removed = await call(t, admin, 'DELETE', `/api/admin/groups/${g.id}/members/${member}`);
    expect(removed.statusCode).toBe(200);
    expect(await me(staff)).not.toContain('reports.summary');
    const [entry] = await auditRows(t, 'group.member.remove');
    expect(entry).toMatchObject({ entity_id: g.id, before: { username: 'chuyenvien1', scope: 'own' } });
  });

  it('adds members with a scope, lists them with unit and scope, changes the scope; all audited', async () => {
    const g = await newGroup('Tổ công tác', ['tasks.assign']);
    const thcs = await userId(t, 'thcs.gv1');
    const add = await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: thcs, scope: 'subtree' });
    expect(add.statusCode).toBe(201);
    const [added] = await auditRows(t, 'group.member.add');
    expect(added).toMatchObject({ entity_id: g.id, after: { userId: thcs, username: 'thcs.gv1', scope: 'subtree' } });

    const again = await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: thcs, scope: 'own' });
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'body.userId' }] });
    const list = await call(t, admin, 'GET', `/api/admin/groups/${g.id}/members`);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        username: 'thcs.gv1',
        unitName: 'Trường THCS An Minh',
        scope: 'subtree',
        status: 'active',
        manageable: true,
      }),
    ]);
    const candidates = await call(
      t,
      admin,
      'GET',
      `/api/admin/groups/${g.id}/candidates?q=${encodeURIComponent('lam quoc')}`,
    );
    expect(candidates.json().map((c: { username: string }) => c.username)).toEqual(['thcs.hieutruong']);
    const none = await call(t, admin, 'GET', `/api/admin/groups/${g.id}/candidates?q=thcs.gv1`);
    expect(none.json()).toEqual([]);

    const patched = await call(t, admin, 'PATCH', `/api/admin/groups/${g.id}/members/${thcs}`, { scope: 'own' });
    expect(patched.statusCode).toBe(200);
    const [changed] = await auditRows(t, 'group.member.update');
    expect(changed).toMatchObject({ before: { scope: 'subtree' }, after: { scope: 'own' } });
    expect(
      (await call(t, admin, 'PATCH', `/api/admin/groups/${g.id}/members/${thcs}`, { scope: 'wide' })).statusCode,
    ).toBe(400);
  });

  it('pages members in name order and searches without diacritics', async () => {
    const id = await groupId(t, 'chuyen-vien');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { userId: string }[]; nextCursor: string | null } = (
        await call(t, admin, 'GET', `/api/admin/groups/${id}/members?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const found = await call(t, admin, 'GET', `/api/admin/groups/${id}/members?q=${encodeURIComponent('xuan')}`);
    expect(found.json().items.map((i: { fullName: string }) => i.fullName)).toEqual(['Phạm Thị Thanh Xuân']);
    expect((await call(t, admin, 'GET', `/api/admin/groups/${id}/members?cursor=xyz`)).statusCode).toBe(400);
  });

  it('refuses bad member input: unknown user, disabled user, unknown group, missing membership', async () => {
    const g = await newGroup('Nhóm kiểm tra');
    const unknown = await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, {
      userId: '00000000-0000-7000-8000-000000000000',
      scope: 'own',
    });
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.userId' }] });
    const disabled = await userId(t, 'mn.gv2');
    await t.db.rows(sql`UPDATE users SET status = 'disabled' WHERE id = ${disabled}::uuid`);
    const res = await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: disabled, scope: 'own' });
    expect(res.json().error.code).toBe('INVALID_STATE');
    await t.db.rows(sql`UPDATE users SET status = 'active' WHERE id = ${disabled}::uuid`);
    const noGroup = await call(t, admin, 'POST', '/api/admin/groups/00000000-0000-7000-8000-000000000000/members', {
      userId: disabled,
      scope: 'own',
    });
    expect(noGroup.statusCode).toBe(404);
    expect((await call(t, admin, 'DELETE', `/api/admin/groups/${g.id}/members/${disabled}`)).statusCode).toBe(404);
    expect((await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: disabled })).statusCode).toBe(
      400,
    );
  });

  it('a non-administrator is refused on every member route', async () => {
    const g = await newGroup('Nhóm riêng');
    const u = await userId(t, 'chuyenvien2');
    for (const [method, url, payload] of [
      ['GET', `/api/admin/groups/${g.id}/members`, undefined],
      ['GET', `/api/admin/groups/${g.id}/candidates`, undefined],
      ['POST', `/api/admin/groups/${g.id}/members`, { userId: u, scope: 'own' }],
      ['PATCH', `/api/admin/groups/${g.id}/members/${u}`, { scope: 'own' }],
      ['DELETE', `/api/admin/groups/${g.id}/members/${u}`, undefined],
    ] as const) {
      expect((await call(t, staff, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('keeps at least one system-wide administrator: removing or narrowing the last one is refused, nothing changes', async () => {
    const quanTri = await groupId(t, 'quan-tri');
    const self = await userId(t, 'admin');
    const before = (await auditRows(t, 'group.member.remove')).length;
    const res = await call(t, admin, 'DELETE', `/api/admin/groups/${quanTri}/members/${self}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'lastAdministrator' } });
    expect(
      (await call(t, admin, 'PATCH', `/api/admin/groups/${quanTri}/members/${self}`, { scope: 'own' })).statusCode,
    ).toBe(409);
    expect(await me(admin)).toContain('admin.groups');
    expect((await auditRows(t, 'group.member.remove')).length).toBe(before);
  });

  describe('an administrator of a sibling unit (Tiểu học, scope subtree)', () => {
    it('cannot add a THCS user to a group, nor change or remove members outside their school', async () => {
      const g = await newGroup('Tổ khối 5', ['tasks.use']);
      const thcs = await userId(t, 'thcs.gv1');
      const res = await call(t, schoolAdmin, 'POST', `/api/admin/groups/${g.id}/members`, {
        userId: thcs,
        scope: 'own',
      });
      expect(res.statusCode).toBe(403);
      expect((await call(t, admin, 'GET', `/api/admin/groups/${g.id}/members`)).json().items).toEqual([]);
      await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: thcs, scope: 'own' });
      expect((await call(t, schoolAdmin, 'DELETE', `/api/admin/groups/${g.id}/members/${thcs}`)).statusCode).toBe(403);
      expect(
        (await call(t, schoolAdmin, 'PATCH', `/api/admin/groups/${g.id}/members/${thcs}`, { scope: 'own' })).statusCode,
      ).toBe(403);
    });

    it('adds users of their own school, up to their own scope, and sees only their school’s members', async () => {
      const g = await newGroup('Tổ khối 4', ['tasks.use']);
      const th = await userId(t, 'th.gv1');
      expect(
        (await call(t, schoolAdmin, 'POST', `/api/admin/groups/${g.id}/members`, { userId: th, scope: 'subtree' }))
          .statusCode,
      ).toBe(201);
      const wide = await call(t, schoolAdmin, 'PATCH', `/api/admin/groups/${g.id}/members/${th}`, { scope: 'all' });
      expect(wide.statusCode).toBe(403);
      expect(wide.json().error.fields[0].path).toBe('body.scope');
      await call(t, admin, 'POST', `/api/admin/groups/${g.id}/members`, {
        userId: await userId(t, 'thcs.gv2'),
        scope: 'own',
      });
      const seen = await call(t, schoolAdmin, 'GET', `/api/admin/groups/${g.id}/members`);
      expect(seen.json().items.map((m: { username: string }) => m.username)).toEqual(['th.gv1']);
      expect((await call(t, schoolAdmin, 'GET', `/api/admin/groups/${g.id}`)).json().memberCount).toBe(1);
      const picks = await call(t, schoolAdmin, 'GET', `/api/admin/groups/${g.id}/candidates?limit=50`);
      expect(picks.json().every((p: { unitName: string }) => p.unitName === 'Trường Tiểu học An Minh')).toBe(true);
    });

    it('cannot create, copy or edit groups that carry admin.* permissions, nor remove the system administrator', async () => {
      const create = await call(t, schoolAdmin, 'POST', '/api/admin/groups', {
        name: 'Quản trị trường',
        permissions: ['admin.users'],
      });
      expect(create.statusCode).toBe(403);
      const quanTri = await groupId(t, 'quan-tri');
      expect((await call(t, schoolAdmin, 'POST', `/api/admin/groups/${quanTri}/copy`, { name: 'QT' })).statusCode).toBe(
        403,
      );
      const plain = await newGroup('Tổ khối 3', ['tasks.use']);
      const escalate = await call(t, schoolAdmin, 'PUT', `/api/admin/groups/${plain.id}/permissions`, [
        'tasks.use',
        'admin.audit',
      ]);
      expect(escalate.statusCode).toBe(403);
      expect((await call(t, schoolAdmin, 'GET', `/api/admin/groups/${quanTri}`)).json().abilities).toMatchObject({
        copy: false,
        adminPermissions: false,
        grantableScopes: ['own', 'subtree'],
      });
      const sysAdmin = await userId(t, 'admin');
      expect(
        (await call(t, schoolAdmin, 'DELETE', `/api/admin/groups/${quanTri}/members/${sysAdmin}`)).statusCode,
      ).toBe(403);
      // Plain groups are theirs to manage.
      const own = await call(t, schoolAdmin, 'POST', '/api/admin/groups', {
        name: 'Tổ khối 2',
        permissions: ['tasks.use'],
      });
      expect(own.statusCode).toBe(201);
    });
  });
});
