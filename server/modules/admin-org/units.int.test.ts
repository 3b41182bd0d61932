import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditOf, call, countRows, grantAdmin, unitId } from './admin-org.test-helpers';

type Unit = {
  id: string;
  code: string;
  name: string;
  depth: number;
  parentId: string | null;
  active: boolean;
  match: boolean;
  userCount: number;
  childCount: number;
  abilities: Record<string, boolean>;
};

const base = { kind: 'other', sortOrder: undefined } as const;
const newUnit = (parentId: string | null, code: string, extra: object = {}) => ({
  ...base,
  parentId,
  code,
  name: `Tổ ${code}`,
  shortName: code.toUpperCase(),
  ...extra,
});

describe('Đơn vị trực thuộc', () => {
  let t: TestApp;
  let admin: string;
  let ids: Record<'root' | 'MNAM' | 'THAM' | 'THCSAM', string>;
  const list = async (cookie: string, qs = '') =>
    (await call(t, cookie, 'GET', `/api/admin/units${qs}`)).json() as { items: Unit[]; canCreateRoot: boolean };
  const create = async (cookie: string, body: object) => call(t, cookie, 'POST', '/api/admin/units', body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    ids = {
      root: await unitId(t, 'PGDDT'),
      MNAM: await unitId(t, 'MNAM'),
      THAM: await unitId(t, 'THAM'),
      THCSAM: await unitId(t, 'THCSAM'),
    };
  });
  afterAll(() => t.close());

  it('lists the whole tree for an administrator of everything, parents first with depth and counts', async () => {
    const res = await list(admin);
    expect(res.canCreateRoot).toBe(true);
    expect(res.items.map((u) => [u.code, u.depth])).toEqual([
      ['PGDDT', 0],
      ['MNAM', 1],
      ['THAM', 1],
      ['THCSAM', 1],
    ]);
    expect(res.items[0]).toMatchObject({ userCount: 6, childCount: 3, active: true });
    expect(res.items[0].abilities).toEqual({ edit: true, createChild: true, move: true, changeStatus: true });
  });

  it('searches without diacritics on name, code and short name, keeping the ancestors', async () => {
    const res = await list(admin, `?q=${encodeURIComponent('tieu hoc')}`);
    expect(res.items.map((u) => [u.code, u.match])).toEqual([
      ['PGDDT', false],
      ['THAM', true],
    ]);
    const byShort = await list(admin, `?q=${encodeURIComponent('pgdđt')}`);
    expect(byShort.items.map((u) => u.code)).toEqual(['PGDDT']);
    expect((await list(admin, `?q=${encodeURIComponent('%')}`)).items).toHaveLength(0);
    const bad = await call(t, admin, 'GET', '/api/admin/units?includeInactive=maybe');
    expect(bad.json().error.fields[0].path).toBe('querystring.includeInactive');
  });

  it('refuses a non-administrator on every route with 403', async () => {
    const cookie = await t.login('chuyenvien1');
    const id = ids.THAM;
    const answers = await Promise.all([
      call(t, cookie, 'GET', '/api/admin/units'),
      call(t, cookie, 'GET', `/api/admin/units/${id}`),
      create(cookie, newUnit(id, 'X1')),
      call(t, cookie, 'PATCH', `/api/admin/units/${id}`, { name: 'X' }),
      call(t, cookie, 'POST', `/api/admin/units/${id}/move`, { parentId: ids.MNAM }),
      call(t, cookie, 'POST', `/api/admin/units/${id}/deactivate`, {}),
      call(t, cookie, 'POST', `/api/admin/units/${id}/activate`, {}),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await call(t, '', 'GET', '/api/admin/units')).statusCode).toBe(401);
  });

  it('creates a child with NFC text and an audit entry; bad input names the field', async () => {
    const nfd = 'Tổ Toán'.normalize('NFD');
    const res = await create(admin, {
      ...newUnit(ids.THCSAM, 'THCSAM-TOAN'),
      name: `  ${nfd}  `,
      shortName: 'TOAN',
      email: 'To.Toan@AnMinh.edu.vn',
      phone: '0297 3866 124',
      organId: '000.00.31.H33.01',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ name: 'Tổ Toán', depth: 2, parentName: 'Trường THCS An Minh', active: true });
    expect(unit.email).toBe('to.toan@anminh.edu.vn');
    const [entry] = await auditOf(t, unit.id);
    expect(entry).toMatchObject({
      action: 'unit.create',
      before: null,
      after: { code: 'THCSAM-TOAN', name: 'Tổ Toán' },
    });

    const cases: [object, string][] = [
      [{ shortName: 'thcs am' }, 'body.shortName'],
      [{ shortName: 'TỔ' }, 'body.shortName'],
      [{ email: 'khong-phai-email' }, 'body.email'],
      [{ phone: 'goi toi' }, 'body.phone'],
      [{ organId: 'x'.repeat(31) }, 'body.organId'],
      [{ code: 'co dau cach' }, 'body.code'],
      [{ name: '   ' }, 'body.name'],
      [{ parentId: undefined }, 'body.parentId'],
    ];
    for (const [patch, field] of cases) {
      const bad = await create(admin, { ...newUnit(ids.THCSAM, 'BAD'), ...patch });
      expect(bad.statusCode, field).toBe(400);
      expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });

  it('refuses a duplicate code case-insensitively and leaves nothing behind', async () => {
    const units = await countRows(t, 'units');
    const audits = await countRows(t, 'audit_log');
    const res = await create(admin, newUnit(ids.THAM, 'thcsam'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'body.code' }] });
    const patch = await call(t, admin, 'PATCH', `/api/admin/units/${ids.THAM}`, { code: 'Mnam' });
    expect(patch.json().error.code).toBe('DUPLICATE');
    expect(await countRows(t, 'units')).toBe(units);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('renames with before/after in the audit log; an empty patch changes nothing', async () => {
    const res = await call(t, admin, 'PATCH', `/api/admin/units/${ids.MNAM}`, {
      name: 'Trường Mầm non Thị trấn An Minh',
      address: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Trường Mầm non Thị trấn An Minh', address: null, code: 'MNAM' });
    const entries = await auditOf(t, ids.MNAM);
    expect(entries.at(-1)).toMatchObject({
      action: 'unit.update',
      before: { name: 'Trường Mầm non An Minh', address: 'Huyện An Minh, tỉnh Kiên Giang' },
      after: { name: 'Trường Mầm non Thị trấn An Minh', address: null },
    });
    expect((await call(t, admin, 'PATCH', `/api/admin/units/${ids.MNAM}`, {})).statusCode).toBe(200);
    expect(await auditOf(t, ids.MNAM)).toHaveLength(entries.length);
    const unknown = await call(t, admin, 'PATCH', '/api/admin/units/00000000-0000-7000-8000-000000000000', {
      name: 'X',
    });
    expect(unknown.statusCode).toBe(404);
    expect((await call(t, admin, 'PATCH', `/api/admin/units/${ids.MNAM}`, { active: false })).statusCode).toBe(400);
  });

  it('moves a subtree: descendants follow, so a grandchild enters the scope of its new ancestor', async () => {
    const a = (await create(admin, newUnit(ids.THCSAM, 'MOVE-A'))).json();
    const b = (await create(admin, newUnit(a.id, 'MOVE-B'))).json();
    await grantAdmin(t, 'th.hieutruong', 'subtree');
    await grantAdmin(t, 'thcs.hieutruong', 'subtree');
    const thAdmin = await t.login('th.hieutruong');
    const thcsAdmin = await t.login('thcs.hieutruong');
    expect((await call(t, thAdmin, 'GET', `/api/admin/units/${b.id}`)).statusCode).toBe(404);
    expect((await call(t, thcsAdmin, 'GET', `/api/admin/units/${b.id}`)).statusCode).toBe(200);

    const res = await call(t, admin, 'POST', `/api/admin/units/${a.id}/move`, { parentId: ids.THAM });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: ids.THAM, parentName: 'Trường Tiểu học An Minh', depth: 2 });
    const grandchild = await call(t, thAdmin, 'GET', `/api/admin/units/${b.id}`);
    expect(grandchild.statusCode).toBe(200);
    expect(grandchild.json().depth).toBe(3);
    expect((await call(t, thcsAdmin, 'GET', `/api/admin/units/${b.id}`)).statusCode).toBe(404);
    const paths = await t.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${b.id}::uuid`);
    expect(paths[0].path).toBe(`/${ids.root}/${ids.THAM}/${a.id}/${b.id}/`);
    expect((await auditOf(t, a.id)).at(-1)).toMatchObject({
      action: 'unit.move',
      before: { parentId: ids.THCSAM },
      after: { parentId: ids.THAM, descendantsMoved: 1 },
    });

    // Into itself or its own descendant: refused, nothing rewritten.
    for (const target of [a.id, b.id]) {
      const bad = await call(t, admin, 'POST', `/api/admin/units/${a.id}/move`, { parentId: target });
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'ownDescendant' } });
    }
    const again = await t.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${b.id}::uuid`);
    expect(again[0].path).toBe(paths[0].path);
    const root = await call(t, admin, 'POST', `/api/admin/units/${ids.root}/move`, { parentId: b.id });
    expect(root.statusCode).toBe(409);
  });

  it('limits a subtree administrator to their subtree and a sibling unit stays hidden', async () => {
    const thAdmin = await t.login('th.hieutruong'); // quan-tri with scope subtree, granted above
    const res = await list(thAdmin);
    expect(res.canCreateRoot).toBe(false);
    expect(res.items.map((u) => u.code)).toEqual(['THAM', 'MOVE-A', 'MOVE-B']);
    expect(res.items[0].abilities).toEqual({ edit: true, createChild: true, move: false, changeStatus: false });
    expect(res.items[1].abilities).toEqual({ edit: true, createChild: true, move: true, changeStatus: true });

    const sibling = ids.THCSAM;
    expect((await call(t, thAdmin, 'GET', `/api/admin/units/${sibling}`)).statusCode).toBe(404);
    expect((await call(t, thAdmin, 'PATCH', `/api/admin/units/${sibling}`, { name: 'X' })).statusCode).toBe(404);
    expect((await call(t, thAdmin, 'POST', `/api/admin/units/${sibling}/deactivate`, {})).statusCode).toBe(404);
    expect(
      (await call(t, thAdmin, 'POST', `/api/admin/units/${sibling}/move`, { parentId: ids.THAM })).statusCode,
    ).toBe(404);
    const underSibling = await create(thAdmin, newUnit(sibling, 'SIB-1'));
    expect(underSibling.statusCode).toBe(404);
    expect(underSibling.json().error.fields[0].path).toBe('body.parentId');
    const a = await unitId(t, 'MOVE-A');
    const intoSibling = await call(t, thAdmin, 'POST', `/api/admin/units/${a}/move`, { parentId: sibling });
    expect(intoSibling.statusCode).toBe(404);
    expect((await create(thAdmin, newUnit(null, 'ROOT-TH'))).statusCode).toBe(403);
    // Their own scope root: editable, but never moved or deactivated by them.
    expect(
      (await call(t, thAdmin, 'PATCH', `/api/admin/units/${ids.THAM}`, { phone: '0297 3866 555' })).statusCode,
    ).toBe(200);
    expect((await call(t, thAdmin, 'POST', `/api/admin/units/${ids.THAM}/move`, { parentId: a })).statusCode).toBe(403);
    expect((await call(t, thAdmin, 'POST', `/api/admin/units/${ids.THAM}/deactivate`, {})).statusCode).toBe(403);
    expect((await create(thAdmin, newUnit(ids.THAM, 'TH-TO1'))).statusCode).toBe(201);
  });

  it('gives an own-scope administrator their unit only, to edit', async () => {
    await grantAdmin(t, 'mn.vanthu', 'own');
    const cookie = await t.login('mn.vanthu');
    const res = await list(cookie);
    expect(res.items.map((u) => u.code)).toEqual(['MNAM']);
    expect(res.items[0].abilities).toEqual({ edit: true, createChild: false, move: false, changeStatus: false });
    expect((await call(t, cookie, 'PATCH', `/api/admin/units/${ids.MNAM}`, { organId: 'MN.01' })).statusCode).toBe(200);
    expect((await create(cookie, newUnit(ids.MNAM, 'MN-TO1'))).statusCode).toBe(403);
    expect((await call(t, cookie, 'GET', `/api/admin/units/${ids.THAM}`)).statusCode).toBe(404);
  });

  it('deactivates only units without active users or children; reactivation needs an active parent', async () => {
    const busy = await call(t, admin, 'POST', `/api/admin/units/${ids.THCSAM}/deactivate`, {});
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: 'IN_USE', details: { activeUsers: 4, activeChildren: 1 } });

    const a = await unitId(t, 'MOVE-A');
    const b = await unitId(t, 'MOVE-B');
    expect((await call(t, admin, 'POST', `/api/admin/units/${a}/deactivate`, {})).json().error.details).toEqual({
      activeUsers: 0,
      activeChildren: 1,
    });
    const res = await call(t, admin, 'POST', `/api/admin/units/${b}/deactivate`, { reason: 'Sáp nhập' });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await auditOf(t, b)).at(-1)).toMatchObject({
      action: 'unit.deactivate',
      before: { active: true },
      after: { active: false, reason: 'Sáp nhập' },
    });
    expect((await call(t, admin, 'POST', `/api/admin/units/${b}/deactivate`, {})).statusCode).toBe(409);
    expect((await list(admin)).items.map((u) => u.code)).not.toContain('MOVE-B');
    expect((await list(admin, '?includeInactive=true')).items.map((u) => u.code)).toContain('MOVE-B');

    expect((await call(t, admin, 'POST', `/api/admin/units/${a}/deactivate`, {})).statusCode).toBe(200);
    const orphan = await call(t, admin, 'POST', `/api/admin/units/${b}/activate`, {});
    expect(orphan.json().error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'parentInactive' } });
    expect((await create(admin, newUnit(a, 'UNDER-OFF'))).statusCode).toBe(409);
    expect((await call(t, admin, 'POST', `/api/admin/units/${ids.MNAM}/move`, { parentId: a })).statusCode).toBe(409);

    const back = await call(t, admin, 'POST', `/api/admin/units/${a}/activate`, {});
    expect(back.statusCode).toBe(200);
    expect((await auditOf(t, a)).at(-1)).toMatchObject({ action: 'unit.activate', after: { active: true } });
    expect((await call(t, admin, 'POST', `/api/admin/units/${b}/activate`, {})).json().active).toBe(true);
    expect((await call(t, admin, 'POST', `/api/admin/units/${b}/activate`, {})).statusCode).toBe(409);
  });

  it('lets only an administrator of everything create a root or move a unit to the top', async () => {
    const res = await create(
      admin,
      newUnit(null, 'UBND', { name: 'Ủy ban nhân dân huyện An Minh', shortName: 'UBND' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ depth: 0, parentId: null, parentName: null });
    const top = await call(t, admin, 'POST', `/api/admin/units/${await unitId(t, 'MOVE-A')}/move`, { parentId: null });
    expect(top.json()).toMatchObject({ depth: 0, parentId: null });
    const thAdmin = await t.login('th.hieutruong');
    expect((await call(t, thAdmin, 'GET', `/api/admin/units/${top.json().id}`)).statusCode).toBe(404);
  });

  it('rolls a move back whole when a later step fails: no path is half rewritten', async () => {
    const a = await unitId(t, 'MOVE-A');
    const b = await unitId(t, 'MOVE-B');
    const before = await t.db.rows(sql`SELECT id, parent_id, path FROM units ORDER BY id`);
    // Make the audit insert (the last step of the move) fail, as a crash after the rewrite would.
    await t.db.rows(sql`CREATE FUNCTION test_fail_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'unit.move' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
    await t.db.rows(sql`CREATE TRIGGER test_fail_move BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION test_fail_move()`);
    try {
      const res = await call(t, admin, 'POST', `/api/admin/units/${a}/move`, { parentId: ids.THCSAM });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.rows(sql`DROP TRIGGER test_fail_move ON audit_log`);
      await t.db.rows(sql`DROP FUNCTION test_fail_move()`);
    }
    expect(await t.db.rows(sql`SELECT id, parent_id, path FROM units ORDER BY id`)).toEqual(before);
    const paths = await t.db.rows<{ path: string }>(sql`SELECT path FROM units WHERE id = ${b}::uuid`);
    expect(paths[0].path).toBe(`/${a}/${b}/`);
  });

  it('serialises concurrent moves: two units cannot end up under each other', async () => {
    const x = (await create(admin, newUnit(ids.MNAM, 'RACE-X'))).json().id as string;
    const y = (await create(admin, newUnit(ids.MNAM, 'RACE-Y'))).json().id as string;
    const other = await t.another(); // a second app instance (its own pool on a server)
    const [one, two] = await Promise.all([
      call(t, admin, 'POST', `/api/admin/units/${x}/move`, { parentId: y }),
      other.inject({
        method: 'POST',
        url: `/api/admin/units/${y}/move`,
        headers: { cookie: admin },
        payload: { parentId: x },
      }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const rows = await t.db.rows<{ id: string; path: string }>(
      sql`SELECT id, path FROM units WHERE id IN (${x}::uuid, ${y}::uuid)`,
    );
    const roots = rows.filter((r) => !r.path.includes(`/${x}/${y}/`) && !r.path.includes(`/${y}/${x}/`));
    expect(roots).toHaveLength(1);
  });
});
