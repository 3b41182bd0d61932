import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditRows, call, groupId } from './test-helpers';

describe('Tạo nhóm & phân quyền: groups and their permissions', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    staff = await t.login('chuyenvien1');
  });
  afterAll(() => t.close());

  const groupCount = async () => (await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM groups`))[0].n;

  it('lists the permission catalogue with each code’s module', async () => {
    const res = await call(t, admin, 'GET', '/api/admin/permissions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      expect.arrayContaining([
        { code: 'incoming.register', module: 'incoming' },
        { code: 'incoming.direct', module: 'incoming' },
        { code: 'outgoing.issue', module: 'outgoing' },
        { code: 'admin.users', module: 'admin' },
      ]),
    );
    expect((await call(t, staff, 'GET', '/api/admin/permissions')).statusCode).toBe(403);
  });

  it('lists the built-in groups with permission and member counts, searchable without diacritics', async () => {
    const res = await call(t, admin, 'GET', '/api/admin/groups');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    const vanThu = body.items.find((g: { code: string }) => g.code === 'van-thu');
    expect(vanThu).toMatchObject({ name: 'Văn thư', builtin: true, active: true, permissionCount: 17, memberCount: 4 });
    const found = await call(t, admin, 'GET', `/api/admin/groups?q=${encodeURIComponent('lanh dao')}`);
    expect(found.json().items.map((g: { code: string }) => g.code)).toEqual(['lanh-dao']);
    const byMembers = await call(t, admin, 'GET', '/api/admin/groups?sort=memberCount&dir=desc&pageSize=5');
    expect(byMembers.json().items[0].code).toBe('chuyen-vien');
    const paged = await call(t, admin, 'GET', '/api/admin/groups?pageSize=5&page=2');
    expect(paged.json()).toMatchObject({ items: [], total: 4, page: 2 });
    expect((await call(t, admin, 'GET', '/api/admin/groups?sort=bogus')).statusCode).toBe(400);
    expect((await call(t, staff, 'GET', '/api/admin/groups')).statusCode).toBe(403);
  });

  it('creates a group, audited; refuses a duplicate name (any case) and unknown codes without writing', async () => {
    const res = await call(t, admin, 'POST', '/api/admin/groups', {
      name: '  Tổ văn phòng ',
      description: 'Văn thư và lưu trữ',
      permissions: ['incoming.view', 'incoming.register', 'incoming.view'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'Tổ văn phòng',
      builtin: false,
      code: null,
      permissions: ['incoming.register', 'incoming.view'],
      abilities: { editPermissions: true, deactivate: true, grantableScopes: ['own', 'subtree', 'all'] },
    });
    const [entry] = await auditRows(t, 'group.create');
    expect(entry.entity_id).toBe(created.id);
    expect(entry.after).toMatchObject({ name: 'Tổ văn phòng', permissions: ['incoming.register', 'incoming.view'] });
    expect(entry.ip).toBeTruthy();

    const before = await groupCount();
    const dup = await call(t, admin, 'POST', '/api/admin/groups', { name: 'TỔ VĂN PHÒNG' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'body.name' }] });
    const unknown = await call(t, admin, 'POST', '/api/admin/groups', {
      name: 'Nhóm lạ',
      permissions: ['incoming.view', 'incoming.fly'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body.permissions.1' }] });
    const blank = await call(t, admin, 'POST', '/api/admin/groups', { name: '   ' });
    expect(blank.json().error.fields[0].path).toBe('body.name');
    expect(await groupCount()).toBe(before);
    expect((await call(t, staff, 'POST', '/api/admin/groups', { name: 'X' })).statusCode).toBe(403);
  });

  it('shows a group with its permissions; built-ins are read-only but may be copied', async () => {
    const id = await groupId(t, 'van-thu');
    const res = await call(t, admin, 'GET', `/api/admin/groups/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions).toContain('incoming.register');
    expect(res.json().abilities).toMatchObject({
      update: false,
      editPermissions: false,
      copy: true,
      deactivate: false,
    });
    expect((await call(t, admin, 'GET', '/api/admin/groups/00000000-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await call(t, admin, 'GET', '/api/admin/groups/nope')).statusCode).toBe(400);
    expect((await call(t, staff, 'GET', `/api/admin/groups/${id}`)).statusCode).toBe(403);
  });

  it('refuses to edit a built-in group: permissions, name or deactivation (409 INVALID_STATE)', async () => {
    const id = await groupId(t, 'van-thu');
    const put = await call(t, admin, 'PUT', `/api/admin/groups/${id}/permissions`, ['incoming.view']);
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVALID_STATE');
    expect((await call(t, admin, 'PATCH', `/api/admin/groups/${id}`, { name: 'Văn thư mới' })).statusCode).toBe(409);
    expect((await call(t, admin, 'POST', `/api/admin/groups/${id}/deactivate`)).statusCode).toBe(409);
    const after = await call(t, admin, 'GET', `/api/admin/groups/${id}`);
    expect(after.json()).toMatchObject({ name: 'Văn thư', active: true, permissionCount: 17 });
  });

  it('copies a built-in group into an editable one with the same permissions', async () => {
    const source = await call(t, admin, 'GET', `/api/admin/groups/${await groupId(t, 'van-thu')}`);
    const res = await call(t, admin, 'POST', `/api/admin/groups/${source.json().id}/copy`, { name: 'Văn thư trường' });
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ builtin: false, code: null, memberCount: 0, permissions: source.json().permissions });
    const [entry] = await auditRows(t, 'group.copy');
    expect(entry.after).toMatchObject({ name: 'Văn thư trường', copiedFrom: { code: 'van-thu' } });

    const edited = await call(t, admin, 'PUT', `/api/admin/groups/${copy.id}/permissions`, [
      'incoming.register',
      'incoming.view',
      'reports.registers',
    ]);
    expect(edited.statusCode).toBe(200);
    expect(edited.json().permissions).toEqual(['incoming.register', 'incoming.view', 'reports.registers']);
    const [set] = await auditRows(t, 'group.permissions.set');
    expect(set.before).toMatchObject({ permissions: source.json().permissions });
    expect(set.after).toMatchObject({ added: [], removed: expect.arrayContaining(['outgoing.issue']) });

    const dup = await call(t, admin, 'POST', `/api/admin/groups/${copy.id}/copy`, { name: 'văn thư' });
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'body.name' }] });
    expect((await call(t, staff, 'POST', `/api/admin/groups/${copy.id}/copy`, { name: 'Z' })).statusCode).toBe(403);
  });

  it('renames a group and refuses an unknown code in the permission list without changing it', async () => {
    const created = (
      await call(t, admin, 'POST', '/api/admin/groups', { name: 'Tổ tạm', permissions: ['tasks.use'] })
    ).json();
    const renamed = await call(t, admin, 'PATCH', `/api/admin/groups/${created.id}`, {
      name: 'Tổ chuyên môn',
      description: 'Giáo viên cốt cán',
    });
    expect(renamed.json()).toMatchObject({ name: 'Tổ chuyên môn', description: 'Giáo viên cốt cán' });
    const [entry] = await auditRows(t, 'group.update');
    expect(entry).toMatchObject({ before: { name: 'Tổ tạm' }, after: { name: 'Tổ chuyên môn' } });
    expect((await call(t, admin, 'PATCH', `/api/admin/groups/${created.id}`, {})).statusCode).toBe(400);
    expect((await call(t, admin, 'PATCH', `/api/admin/groups/${created.id}`, { name: 'Văn thư' })).statusCode).toBe(
      409,
    );

    const bad = await call(t, admin, 'PUT', `/api/admin/groups/${created.id}/permissions`, ['tasks.use', 'nope.nope']);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.1');
    const still = await call(t, admin, 'GET', `/api/admin/groups/${created.id}`);
    expect(still.json().permissions).toEqual(['tasks.use']);
    for (const [method, url, payload] of [
      ['PATCH', `/api/admin/groups/${created.id}`, { name: 'A' }],
      ['PUT', `/api/admin/groups/${created.id}/permissions`, ['tasks.use']],
      ['POST', `/api/admin/groups/${created.id}/deactivate`, undefined],
      ['POST', `/api/admin/groups/${created.id}/activate`, undefined],
    ] as const) {
      expect((await call(t, staff, method, url, payload)).statusCode).toBe(403);
    }
  });

  it('deactivates and reactivates a group, audited; repeating either is refused', async () => {
    const g = (await call(t, admin, 'POST', '/api/admin/groups', { name: 'Nhóm tạm ngưng' })).json();
    const off = await call(t, admin, 'POST', `/api/admin/groups/${g.id}/deactivate`);
    expect(off.json()).toMatchObject({ active: false, abilities: { activate: true, deactivate: false } });
    expect((await call(t, admin, 'POST', `/api/admin/groups/${g.id}/deactivate`)).statusCode).toBe(409);
    const inactive = await call(t, admin, 'GET', '/api/admin/groups?status=inactive');
    expect(inactive.json().items.map((i: { id: string }) => i.id)).toEqual([g.id]);
    expect((await call(t, admin, 'POST', `/api/admin/groups/${g.id}/activate`)).json().active).toBe(true);
    const [entry] = await auditRows(t, 'group.activate');
    expect(entry).toMatchObject({ entity_id: g.id, before: { active: false }, after: { active: true } });
  });

  it('two administrators creating the same name at once: one succeeds, the other gets DUPLICATE', async () => {
    const [a, b] = await Promise.all([
      call(t, admin, 'POST', '/api/admin/groups', { name: 'Nhóm đồng thời' }),
      call(t, admin, 'POST', '/api/admin/groups', { name: 'NHÓM ĐỒNG THỜI' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });
});
