import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSortKey } from '../../../contracts/text';
import { type TestApp, createTestApp } from '../../test/harness';

describe('Quản lý người dùng: list, view, create, edit, move, groups', () => {
  let t: TestApp;
  let admin: string;
  let sibling: string;
  let staff: string;
  const ids = new Map<string, string>();
  const units = new Map<string, string>();
  const groups = new Map<string, string>();

  const api = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin/users${url}`, headers: { cookie }, payload });
  const userId = async (username: string) =>
    (await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id;
  const audits = (action: string, entityId: string) =>
    t.db.rows<{ before: unknown; after: Record<string, unknown> }>(
      sql`SELECT before, after FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.rows<{ username: string; id: string }>(sql`SELECT username, id FROM users`))
      ids.set(r.username, r.id);
    for (const r of await t.db.rows<{ code: string; id: string }>(sql`SELECT code, id FROM units`))
      units.set(r.code, r.id);
    for (const r of await t.db.rows<{ code: string; id: string }>(sql`SELECT code, id FROM groups`))
      groups.set(r.code, r.id);
    // A school administrator: quan-tri with scope subtree at Trường Tiểu học An Minh (THAM).
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      VALUES (${ids.get('th.hieutruong')}::uuid, ${groups.get('quan-tri')}::uuid, 'subtree')`);
    admin = await t.login('admin');
    sibling = await t.login('th.hieutruong');
    staff = await t.login('chuyenvien1');
  });
  afterAll(() => t.close());

  it('lists every user for the organisation administrator, in Vietnamese order, with a total', async () => {
    const res = await api(admin, 'GET', '?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(18);
    const names = body.items.map((u: { fullName: string }) => u.fullName);
    expect(names.indexOf('Phạm Ngọc Ánh')).toBeLessThan(names.indexOf('Lâm Quốc Bảo'));
    expect(names.at(-1)).toBe('Dương Thị Yến');
    expect(body.items[0]).toMatchObject({ status: 'active', abilities: { edit: true } });
    const page2 = (await api(admin, 'GET', '?pageSize=5&page=2')).json();
    expect(page2.items.map((u: { fullName: string }) => u.fullName)).toEqual(names.slice(5, 10));
    expect(page2.total).toBe(18);
  });

  it('searches without diacritics on name, username, email and phone', async () => {
    const q = async (text: string) =>
      (await api(admin, 'GET', `?q=${encodeURIComponent(text)}`))
        .json()
        .items.map((u: { username: string }) => u.username);
    expect(await q('duc')).toEqual(['th.gv1']);
    expect(await q('ĐỨC')).toEqual(['th.gv1']);
    expect((await q('thcs.')).sort()).toEqual(['thcs.gv1', 'thcs.gv2', 'thcs.hieutruong', 'thcs.vanthu']);
    expect(await q('mn.vanthu@')).toEqual(['mn.vanthu']);
    const phone = (await t.db.rows<{ phone: string }>(sql`SELECT phone FROM users WHERE username = 'vanthu'`))[0].phone;
    expect(await q(phone)).toEqual(['vanthu']);
    expect(await q('%')).toEqual([]);
  });

  it('filters by unit (with its subtree), group and status, and sorts by any column', async () => {
    const get = async (qs: string) => (await api(admin, 'GET', qs)).json();
    expect((await get(`?unitId=${units.get('PGDDT')}`)).total).toBe(18);
    expect((await get(`?unitId=${units.get('THCSAM')}`)).total).toBe(4);
    const clerks = await get(`?groupId=${groups.get('van-thu')}&sort=username`);
    expect(clerks.items.map((u: { username: string }) => u.username)).toEqual([
      'mn.vanthu',
      'th.vanthu',
      'thcs.vanthu',
      'vanthu',
    ]);
    expect((await get('?status=active')).total).toBe(18);
    expect((await get('?status=disabled')).total).toBe(0);
    const desc = await get('?sort=username&dir=desc&pageSize=5');
    expect(desc.items[0].username).toBe('vanthu');
    const byUnit = await get('?sort=unit&pageSize=200');
    expect(byUnit.items).toHaveLength(18);
    expect((await api(admin, 'GET', `?unitId=${'0'.repeat(8)}-0000-7000-8000-000000000000`)).statusCode).toBe(400);
    expect((await api(admin, 'GET', '?sort=password')).statusCode).toBe(400);
  });

  it('limits a school administrator to their school and refuses non-administrators', async () => {
    const res = await api(sibling, 'GET', '?pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['th.gv1', 'th.gv2', 'th.hieutruong', 'th.vanthu']);
    expect((await api(sibling, 'GET', `?unitId=${units.get('THCSAM')}`)).json().total).toBe(0);
    const options = (await api(sibling, 'GET', '/options')).json();
    expect(options.units.map((u: { code: string }) => u.code)).toEqual(['THAM']);
    expect(options.maxScope).toBe('subtree');
    expect(options.groups.find((g: { code: string }) => g.code === 'quan-tri')).toMatchObject({
      admin: true,
      assignable: false,
    });
    expect((await api(staff, 'GET', '')).statusCode).toBe(403);
    expect((await api(staff, 'GET', '/options')).statusCode).toBe(403);
    expect((await api(staff, 'GET', `/${ids.get('th.gv1')}`)).statusCode).toBe(403);
  });

  it('shows one user with their groups and scopes; hides users outside the scope (404)', async () => {
    const res = await api(admin, 'GET', `/${ids.get('truongphong')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'truongphong',
      unit: { code: 'PGDDT' },
      jobTitle: { name: 'Trưởng phòng' },
      groups: [{ code: 'lanh-dao', scope: 'subtree' }],
    });
    expect((await api(sibling, 'GET', `/${ids.get('thcs.gv1')}`)).statusCode).toBe(404);
    expect((await api(sibling, 'GET', `/${ids.get('th.gv1')}`)).statusCode).toBe(200);
    expect((await api(admin, 'GET', '/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('creates a user with a one-time password that must be changed at the first sign-in', async () => {
    const res = await api(admin, 'POST', '', {
      username: 'Nguyen.Van-An',
      fullName: '  Nguyễn Văn An ',
      unitId: units.get('THCSAM'),
      email: 'An.Nguyen@AnMinh.edu.vn',
      phone: '0912 345 678',
      groups: [{ groupId: groups.get('chuyen-vien'), scope: 'own' }],
    });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({
      username: 'nguyen.van-an',
      fullName: 'Nguyễn Văn An',
      email: 'an.nguyen@anminh.edu.vn',
      phone: '0912345678',
      mustChangePassword: true,
      groups: [{ code: 'chuyen-vien', scope: 'own' }],
    });
    expect(oneTimePassword).toMatch(/^.{12}$/);
    const [row] = await t.db.rows<{ sort_key: string; password_hash: string }>(
      sql`SELECT sort_key, password_hash FROM users WHERE id = ${user.id}::uuid`,
    );
    expect(row.sort_key).toBe(personSortKey('Nguyễn Văn An'));
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [audit] = await audits('user.create', user.id);
    expect(audit.after).toMatchObject({ username: 'nguyen.van-an' });
    expect(JSON.stringify(audit.after)).not.toContain('argon2');

    const cookie = await t.login('nguyen.van-an', oneTimePassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/directory', headers: { cookie } });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses bad input with the field, and a taken username with 409', async () => {
    const base = { username: 'moi.nguoi', fullName: 'Người Mới', unitId: units.get('THAM') };
    const field = async (payload: object) => {
      const res = await api(admin, 'POST', '', { ...base, ...payload });
      return [res.statusCode, res.json().error?.code, res.json().error?.fields?.[0]?.path];
    };
    expect(await field({ username: 'ab' })).toEqual([400, 'VALIDATION_FAILED', 'body.username']);
    expect(await field({ username: 'nguyễn' })).toEqual([400, 'VALIDATION_FAILED', 'body.username']);
    expect(await field({ fullName: ' ' })).toEqual([400, 'VALIDATION_FAILED', 'body.fullName']);
    expect(await field({ phone: '12345' })).toEqual([400, 'VALIDATION_FAILED', 'body.phone']);
    expect(await field({ email: 'khong-phai-email' })).toEqual([400, 'VALIDATION_FAILED', 'body.email']);
    expect(await field({ unitId: '00000000-0000-7000-8000-000000000000' })).toEqual([
      400,
      'VALIDATION_FAILED',
      'unitId',
    ]);
    expect(await field({ jobTitleId: '00000000-0000-7000-8000-000000000000' })).toEqual([
      400,
      'VALIDATION_FAILED',
      'jobTitleId',
    ]);
    expect(await field({ groups: [{ groupId: '00000000-0000-7000-8000-000000000000', scope: 'own' }] })).toEqual([
      400,
      'VALIDATION_FAILED',
      'groups.0.groupId',
    ]);
    expect(await field({ username: 'TH.GV1' })).toEqual([409, 'DUPLICATE', 'username']);
    expect(await field({ phone: '+84912345678' })).toEqual([201, undefined, undefined]);
  });

  it('lets a school administrator create only in their school, with no admin groups or wider scopes', async () => {
    const before = await t.db.rows(sql`SELECT id FROM users`);
    const create = (payload: object) =>
      api(sibling, 'POST', '', {
        username: 'gv.moi',
        fullName: 'Giáo Viên Mới',
        unitId: units.get('THAM'),
        ...payload,
      });
    expect((await create({ unitId: units.get('THCSAM') })).statusCode).toBe(403);
    expect((await create({ groups: [{ groupId: groups.get('quan-tri'), scope: 'own' }] })).statusCode).toBe(403);
    expect((await create({ groups: [{ groupId: groups.get('van-thu'), scope: 'all' }] })).statusCode).toBe(403);
    expect(await t.db.rows(sql`SELECT id FROM users`)).toHaveLength(before.length);
    const ok = await create({ groups: [{ groupId: groups.get('van-thu'), scope: 'subtree' }] });
    expect(ok.statusCode).toBe(201);
    expect(
      (await api(staff, 'POST', '', { username: 'x.y.z', fullName: 'X', unitId: units.get('THAM') })).statusCode,
    ).toBe(403);
  });

  it('edits a user and keeps the Vietnamese sort key in step with the name', async () => {
    const id = ids.get('thcs.gv2') as string;
    const res = await api(admin, 'PATCH', `/${id}`, {
      fullName: 'Hồ Thị Cẩm Vân',
      email: '',
      phone: '+84 912 000 111',
      address: 'Ấp Xẻo Nhàu',
      jobTitleId: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fullName: 'Hồ Thị Cẩm Vân',
      email: null,
      phone: '+84912000111',
      address: 'Ấp Xẻo Nhàu',
      jobTitle: null,
    });
    const [row] = await t.db.rows<{ sort_key: string }>(sql`SELECT sort_key FROM users WHERE id = ${id}::uuid`);
    expect(row.sort_key).toBe(personSortKey('Hồ Thị Cẩm Vân'));
    const [audit] = await audits('user.update', id);
    expect(audit.before).toMatchObject({ fullName: 'Hồ Thị Cẩm Tú' });
    expect(audit.after).toMatchObject({ fullName: 'Hồ Thị Cẩm Vân' });

    const bad = await api(admin, 'PATCH', `/${id}`, { phone: '0123' });
    expect(bad.json().error.fields[0].path).toBe('body.phone');
    expect((await api(admin, 'PATCH', `/${id}`, { password: 'x' })).statusCode).toBe(400);
    expect((await api(sibling, 'PATCH', `/${id}`, { fullName: 'Hack' })).statusCode).toBe(404);
    expect((await api(staff, 'PATCH', `/${id}`, { fullName: 'Hack' })).statusCode).toBe(403);
    expect((await api(admin, 'GET', `/${id}`)).json().fullName).toBe('Hồ Thị Cẩm Vân');
  });

  it('moves a user between units inside the scope only', async () => {
    const id = ids.get('th.gv2') as string;
    expect((await api(sibling, 'POST', `/${id}/move`, { unitId: units.get('THCSAM') })).statusCode).toBe(403);
    expect((await api(sibling, 'POST', `/${ids.get('thcs.gv1')}/move`, { unitId: units.get('THAM') })).statusCode).toBe(
      404,
    );
    expect((await api(staff, 'POST', `/${id}/move`, { unitId: units.get('MNAM') })).statusCode).toBe(403);
    expect((await api(admin, 'POST', `/${id}/move`, { unitId: units.get('THAM') })).statusCode).toBe(409);
    expect((await api(admin, 'POST', `/${id}/move`, {})).statusCode).toBe(400);
    const res = await api(admin, 'POST', `/${id}/move`, { unitId: units.get('MNAM') });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit.code).toBe('MNAM');
    expect((await audits('user.move', id))[0].after).toMatchObject({ unitCode: 'MNAM' });
    // Now outside the school administrator's scope.
    expect((await api(sibling, 'GET', `/${id}`)).statusCode).toBe(404);
    await api(admin, 'POST', `/${id}/move`, { unitId: units.get('THAM') });
  });

  it('sets group memberships within the rules of the actor', async () => {
    const id = ids.get('th.gv1') as string;
    const put = (cookie: string, list: object[]) => api(cookie, 'PUT', `/${id}/groups`, { groups: list });
    const vanThu = { groupId: groups.get('van-thu'), scope: 'own' };
    expect((await put(sibling, [{ groupId: groups.get('quan-tri'), scope: 'own' }])).statusCode).toBe(403);
    expect((await put(sibling, [{ ...vanThu, scope: 'all' }])).statusCode).toBe(403);
    expect((await put(sibling, [vanThu, vanThu])).json().error.fields[0].path).toBe('groups.1.groupId');
    expect((await put(staff, [vanThu])).statusCode).toBe(403);
    expect((await put(sibling, [{ ...vanThu, scope: 'everything' }])).statusCode).toBe(400);
    expect((await api(sibling, 'PUT', `/${ids.get('thcs.gv1')}/groups`, { groups: [vanThu] })).statusCode).toBe(404);

    const res = await put(sibling, [vanThu, { groupId: groups.get('chuyen-vien'), scope: 'subtree' }]);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .groups.map((g: { code: string; scope: string }) => `${g.code}:${g.scope}`)
        .sort(),
    ).toEqual(['chuyen-vien:subtree', 'van-thu:own']);
    const [audit] = await audits('user.groups', id);
    expect(audit.before).toEqual([{ groupId: groups.get('chuyen-vien'), scope: 'own' }]);
    // The organisation administrator may grant administration.
    const adminGrant = await put(admin, [{ groupId: groups.get('quan-tri'), scope: 'own' }]);
    expect(adminGrant.statusCode).toBe(200);
    // …and the school administrator may then not withdraw it.
    expect((await put(sibling, [])).statusCode).toBe(403);
    await put(admin, [{ groupId: groups.get('chuyen-vien'), scope: 'own' }]);
  });

  it('protects an administrator with a wider scope from a narrower one', async () => {
    await t.db.rows(sql`INSERT INTO user_groups (user_id, group_id, scope)
      VALUES (${ids.get('truongphong')}::uuid, ${groups.get('quan-tri')}::uuid, 'subtree')`);
    const tp = await t.login('truongphong');
    const superAdmin = ids.get('admin') as string;
    const seen = await api(tp, 'GET', `/${superAdmin}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toMatchObject({ edit: false, resetPassword: false, lock: false });
    expect((await api(tp, 'POST', `/${superAdmin}/reset-password`, {})).statusCode).toBe(403);
    expect((await api(tp, 'POST', `/${superAdmin}/lock`, {})).statusCode).toBe(403);
    expect((await api(tp, 'PATCH', `/${superAdmin}`, { fullName: 'X' })).statusCode).toBe(403);
  });

  it('documents every route in OpenAPI with request and response schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const paths = spec.paths as Record<string, Record<string, { requestBody?: object; responses?: object }>>;
    for (const action of ['lock', 'unlock', 'reset-password', 'move']) {
      expect(paths[`/api/admin/users/{id}/${action}`].post.requestBody, action).toBeTruthy();
    }
    expect(paths['/api/admin/users'].post.requestBody).toBeTruthy();
    expect(paths['/api/admin/users/import'].post.requestBody).toBeTruthy();
    expect(paths['/api/admin/users/{id}/groups'].put.requestBody).toBeTruthy();
    expect(paths['/api/admin/users/import-template'].get.responses).toBeTruthy();
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(res.statusCode).toBe(401);
    expect(await userId('admin')).toBe(ids.get('admin'));
  });
});
