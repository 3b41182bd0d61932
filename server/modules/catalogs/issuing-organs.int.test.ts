import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIssuingOrgan, TIssuingOrganOption, TSimilarOrgan } from '../../../contracts/catalogs';
import type { RequestContext } from '../../platform/authz/actor';
import { type TestApp, createTestApp } from '../../test/harness';
import { createIssuingOrganService } from './catalogs.module';
import { auditOf, call, countRows, grantAdmin } from './catalogs.test-helpers';

describe('Danh mục chuẩn văn bản › cơ quan ban hành', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let schoolAdmin: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    staff = await t.login('vanthu');
    await grantAdmin(t, 'th.hieutruong', 'subtree');
    schoolAdmin = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  const create = (body: object, cookie = admin) => call(t, cookie, 'POST', '/api/admin/catalogs/issuing-organs', body);
  const search = async (q: string, cookie = staff) =>
    (
      await call(t, cookie, 'GET', `/api/catalogs/issuing-organs?q=${encodeURIComponent(q)}`)
    ).json() as TIssuingOrganOption[];

  it('adds organs with their details and audits them', async () => {
    for (const [key, body] of [
      ['ubndTinh', { name: 'Ủy ban nhân dân tỉnh Kiên Giang', shortName: 'UBND tỉnh', organId: '000.00.00.H33' }],
      ['sgd', { name: 'Sở Giáo dục và Đào tạo Kiên Giang', shortName: 'SGDĐT', email: 'SGDDT@KIENGIANG.edu.vn' }],
      ['ubndHuyen', { name: 'UBND huyện An Minh', address: 'Thị trấn Thứ Mười Một' }],
      ['anGiang', { name: 'UBND tỉnh An Giang' }],
      ['bo', { name: 'Bộ Giáo dục và Đào tạo', shortName: 'BGDĐT' }],
    ] as const) {
      const res = await create(body);
      expect(res.statusCode, res.body).toBe(200);
      ids[key] = (res.json() as TIssuingOrgan).id;
    }
    const sgd = await call(t, admin, 'GET', '/api/admin/catalogs/issuing-organs?q=so%20giao');
    expect(sgd.json().items[0]).toMatchObject({ shortName: 'SGDĐT', email: 'sgddt@kiengiang.edu.vn', active: true });
    expect(await auditOf(t, ids.sgd)).toEqual([expect.objectContaining({ action: 'catalog.organ.create' })]);
  });

  it('refuses an organ whose name folds to an existing one, naming the existing organ', async () => {
    const before = await countRows(t, 'issuing_organs');
    for (const name of ['UBND tỉnh Kiên Giang', 'Sở GD&ĐT Kiên Giang', 'ỦY BAN NHÂN DÂN H. AN MINH']) {
      const res = await create({ name });
      expect(res.statusCode, name).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'name' }] });
    }
    const dup = await create({ name: 'Sở GD&ĐT Kiên Giang' });
    expect(dup.json().error.details.existing).toEqual({ id: ids.sgd, name: 'Sở Giáo dục và Đào tạo Kiên Giang' });
    // Renaming another organ onto an existing key is refused the same way.
    const rename = await call(t, admin, 'PATCH', `/api/admin/catalogs/issuing-organs/${ids.anGiang}`, {
      name: 'UBND tỉnh Kiên Giang',
    });
    expect(rename.statusCode).toBe(409);
    expect((await create({ name: '...' })).json().error.fields[0].path).toBe('name');
    expect((await create({ name: 'Cơ quan X', email: 'khong-phai-email' })).json().error.fields[0].path).toBe(
      'body.email',
    );
    expect(await countRows(t, 'issuing_organs')).toBe(before);
  });

  it('warns early about near-identical names so the clerk picks the existing organ', async () => {
    const res = await call(
      t,
      staff,
      'GET',
      `/api/catalogs/issuing-organs/similar?name=${encodeURIComponent('Sở GD-ĐT tỉnh Kiên Giang')}`,
    );
    expect(res.statusCode).toBe(200);
    const similar = res.json() as TSimilarOrgan[];
    expect(similar[0]).toMatchObject({ id: ids.sgd, active: true });
    expect(similar[0].similarity).toBeGreaterThan(0.6);
    const none = await call(
      t,
      staff,
      'GET',
      `/api/catalogs/issuing-organs/similar?name=${encodeURIComponent('Công an huyện')}`,
    );
    expect(none.json()).toEqual([]);
    expect((await call(t, staff, 'GET', '/api/catalogs/issuing-organs/similar?name=')).statusCode).toBe(400);
  });

  it('finds organs as the user types, without diacritics and through abbreviations', async () => {
    const kienGiang = await search('kien giang');
    expect(kienGiang.map((o) => o.id).sort()).toEqual([ids.ubndTinh, ids.sgd].sort());
    expect(kienGiang[0]).toHaveProperty('shortName');
    expect((await search('UBND')).map((o) => o.id)).toEqual(
      expect.arrayContaining([ids.ubndTinh, ids.ubndHuyen, ids.anGiang]),
    );
    // A prefix match comes before a match inside the name.
    expect((await search('so giao'))[0].id).toBe(ids.sgd);
    expect((await search('bgddt'))[0].id).toBe(ids.bo);
    expect(await search('%')).toEqual([]);
    expect((await call(t, staff, 'GET', '/api/catalogs/issuing-organs?limit=2')).json()).toHaveLength(2);
  });

  it('deactivates an organ ("Ngừng sử dụng") so that forms stop offering it, and reactivates it', async () => {
    const off = await call(t, admin, 'POST', `/api/admin/catalogs/issuing-organs/${ids.anGiang}/deactivate`);
    expect(off.json().active).toBe(false);
    expect((await search('an giang')).map((o) => o.id)).not.toContain(ids.anGiang);
    // Still proposed as a possible duplicate, marked inactive, so nobody re-creates it.
    const similar = await call(t, staff, 'GET', '/api/catalogs/issuing-organs/similar?name=UBND%20tinh%20An%20Giang');
    expect(similar.json()[0]).toMatchObject({ id: ids.anGiang, active: false });
    const inactive = await call(t, admin, 'GET', '/api/admin/catalogs/issuing-organs?status=inactive');
    expect(inactive.json()).toMatchObject({ total: 1, items: [{ id: ids.anGiang }] });
    await call(t, admin, 'POST', `/api/admin/catalogs/issuing-organs/${ids.anGiang}/activate`);
    expect((await auditOf(t, ids.anGiang)).map((a) => a.action)).toEqual([
      'catalog.organ.create',
      'catalog.organ.deactivate',
      'catalog.organ.activate',
    ]);
  });

  it('edits an organ and keeps its folded key in step with the name', async () => {
    const res = await call(t, admin, 'PATCH', `/api/admin/catalogs/issuing-organs/${ids.ubndHuyen}`, {
      name: 'Ủy ban nhân dân huyện An Minh',
      address: '',
    });
    expect(res.json()).toMatchObject({ name: 'Ủy ban nhân dân huyện An Minh', address: null });
    const [row] = await t.db.rows<{ name_key: string }>(
      sql`SELECT name_key FROM issuing_organs WHERE id = ${ids.ubndHuyen}`,
    );
    expect(row.name_key).toBe('uy ban nhan dan huyen an minh');
  });

  it('lists organs sorted by name in Vietnamese order, with paging', async () => {
    const page = (await call(t, admin, 'GET', '/api/admin/catalogs/issuing-organs?sort=name&pageSize=5')).json();
    expect(page.total).toBe(5);
    expect(page.items.map((o: TIssuingOrgan) => o.name)).toEqual([
      'Bộ Giáo dục và Đào tạo',
      'Sở Giáo dục và Đào tạo Kiên Giang',
      'UBND tỉnh An Giang',
      'Ủy ban nhân dân huyện An Minh',
      'Ủy ban nhân dân tỉnh Kiên Giang',
    ]);
  });

  it('finds or creates an organ for a document form, once, whatever the spelling', async () => {
    const service = createIssuingOrganService(t.app.platform);
    const [clerk] = await t.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'vanthu'`);
    const ctx = { actor: { userId: clerk.id, permissions: new Map() }, ip: null } as unknown as RequestContext;
    const found = await service.findOrCreateIssuingOrgan(ctx, 'Sở GD&ĐT Kiên Giang');
    expect(found).toMatchObject({ id: ids.sgd, created: false });
    const [a, b] = await Promise.all([
      service.findOrCreateIssuingOrgan(ctx, 'Phòng GD&ĐT huyện U Minh Thượng'),
      service.findOrCreateIssuingOrgan(ctx, 'Phòng Giáo dục và Đào tạo huyện U Minh Thượng'),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(await auditOf(t, a.id)).toEqual([
      expect.objectContaining({ action: 'catalog.organ.create', actorId: clerk.id }),
    ]);
  });

  it('refuses every admin route to a non-administrator and writes to a school administrator', async () => {
    const before = await countRows(t, 'audit_log');
    expect((await call(t, staff, 'GET', '/api/admin/catalogs/issuing-organs')).statusCode).toBe(403);
    expect((await call(t, schoolAdmin, 'GET', '/api/admin/catalogs/issuing-organs')).json().canManage).toBe(false);
    for (const cookie of [staff, schoolAdmin]) {
      const writes = [
        create({ name: 'Cơ quan lạ' }, cookie),
        call(t, cookie, 'PATCH', `/api/admin/catalogs/issuing-organs/${ids.bo}`, { name: 'Bộ GD' }),
        call(t, cookie, 'POST', `/api/admin/catalogs/issuing-organs/${ids.bo}/deactivate`),
        call(t, cookie, 'POST', `/api/admin/catalogs/issuing-organs/${ids.bo}/activate`),
      ];
      for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    }
    expect(await countRows(t, 'audit_log')).toBe(before);
  });
});
