import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditOf, call, countRows, grantAdmin } from './admin-org.test-helpers';

type Title = { id: string; name: string; rank: number; active: boolean; userCount: number };

describe('Danh mục chức danh', () => {
  let t: TestApp;
  let admin: string;
  const list = async (cookie: string, qs = '') =>
    (await call(t, cookie, 'GET', `/api/admin/job-titles${qs}`)).json() as { items: Title[]; canManage: boolean };
  const idOf = async (name: string) =>
    (await list(admin, '?includeInactive=true')).items.find((i) => i.name === name)!.id;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('lists titles leaders first with the number of people holding each', async () => {
    const res = await list(admin);
    expect(res.canManage).toBe(true);
    expect(res.items.map((i) => i.name)).toEqual([
      'Trưởng phòng',
      'Phó Trưởng phòng',
      'Hiệu trưởng',
      'Phó Hiệu trưởng',
      'Chuyên viên',
      'Văn thư',
      'Giáo viên',
      'Quản trị hệ thống',
    ]);
    expect(res.items.find((i) => i.name === 'Giáo viên')?.userCount).toBe(6);
    const found = await list(admin, `?q=${encodeURIComponent('hieu truong')}`);
    expect(found.items.map((i) => i.name)).toEqual(['Hiệu trưởng', 'Phó Hiệu trưởng']);
  });

  it('breaks equal ranks in Vietnamese alphabetical order', async () => {
    for (const name of ['Đội trưởng', 'Dược sĩ'])
      expect((await call(t, admin, 'POST', '/api/admin/job-titles', { name, rank: 25 })).statusCode).toBe(201);
    const names = (await list(admin)).items.map((i) => i.name);
    expect(names.indexOf('Dược sĩ')).toBe(names.indexOf('Đội trưởng') - 1);
  });

  it('refuses a non-administrator on every route with 403', async () => {
    const cookie = await t.login('chuyenvien1');
    const id = await idOf('Văn thư');
    const answers = await Promise.all([
      call(t, cookie, 'GET', '/api/admin/job-titles'),
      call(t, cookie, 'POST', '/api/admin/job-titles', { name: 'Kế toán' }),
      call(t, cookie, 'PATCH', `/api/admin/job-titles/${id}`, { name: 'X' }),
      call(t, cookie, 'POST', `/api/admin/job-titles/${id}/deactivate`, {}),
      call(t, cookie, 'POST', `/api/admin/job-titles/${id}/activate`, {}),
      call(t, cookie, 'POST', '/api/admin/job-titles/reorder', { ids: [id] }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it('lets a school administrator read but not change the organisation-wide catalogue', async () => {
    await grantAdmin(t, 'th.hieutruong', 'subtree');
    const cookie = await t.login('th.hieutruong');
    const res = await list(cookie);
    expect(res.canManage).toBe(false);
    expect(res.items.length).toBeGreaterThan(0);
    const id = await idOf('Văn thư');
    const before = await countRows(t, 'job_titles');
    const answers = await Promise.all([
      call(t, cookie, 'POST', '/api/admin/job-titles', { name: 'Kế toán' }),
      call(t, cookie, 'PATCH', `/api/admin/job-titles/${id}`, { name: 'X' }),
      call(t, cookie, 'POST', `/api/admin/job-titles/${id}/deactivate`, {}),
      call(t, cookie, 'POST', '/api/admin/job-titles/reorder', { ids: [id] }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403]);
    expect(await countRows(t, 'job_titles')).toBe(before);
  });

  it('creates a title at the end with an audit entry; bad input and duplicates name the field', async () => {
    const res = await call(t, admin, 'POST', '/api/admin/job-titles', { name: '  Kế   toán '.normalize('NFD') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Kế toán', rank: 50, active: true, userCount: 0 });
    expect(await auditOf(t, res.json().id)).toMatchObject([
      { action: 'jobTitle.create', before: null, after: { name: 'Kế toán', rank: 50 } },
    ]);

    const rows = await countRows(t, 'job_titles');
    const audits = await countRows(t, 'audit_log');
    for (const [body, field] of [
      [{ name: '' }, 'body.name'],
      [{ name: 'x'.repeat(121) }, 'body.name'],
      [{ name: 'Thủ quỹ', rank: -1 }, 'body.rank'],
      [{ name: 'Thủ quỹ', extra: 1 }, 'body'],
    ] as const) {
      const bad = await call(t, admin, 'POST', '/api/admin/job-titles', body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe(field);
    }
    const dup = await call(t, admin, 'POST', '/api/admin/job-titles', { name: 'GIÁO VIÊN' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'body.name' }] });
    expect(await countRows(t, 'job_titles')).toBe(rows);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('renames and re-ranks with before/after in the audit log', async () => {
    const id = await idOf('Kế toán');
    const res = await call(t, admin, 'PATCH', `/api/admin/job-titles/${id}`, { name: 'Kế toán trưởng', rank: 15 });
    expect(res.json()).toMatchObject({ name: 'Kế toán trưởng', rank: 15 });
    expect((await auditOf(t, id)).at(-1)).toMatchObject({
      action: 'jobTitle.update',
      before: { name: 'Kế toán', rank: 50 },
      after: { name: 'Kế toán trưởng', rank: 15 },
    });
    const dup = await call(t, admin, 'PATCH', `/api/admin/job-titles/${id}`, { name: 'văn thư' });
    expect(dup.json().error.code).toBe('DUPLICATE');
    const missing = await call(t, admin, 'PATCH', '/api/admin/job-titles/00000000-0000-7000-8000-000000000000', {
      name: 'X',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('deactivates a title still held (holders keep it) and refuses a reactivation that would duplicate', async () => {
    const id = await idOf('Giáo viên');
    const res = await call(t, admin, 'POST', `/api/admin/job-titles/${id}/deactivate`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, userCount: 6 });
    expect((await auditOf(t, id)).at(-1)).toMatchObject({
      action: 'jobTitle.deactivate',
      before: { active: true },
      after: { active: false, holders: 6 },
    });
    const holders = await t.db.rows(sql`SELECT 1 FROM users WHERE job_title_id = ${id}::uuid`);
    expect(holders).toHaveLength(6);
    expect((await list(admin)).items.map((i) => i.name)).not.toContain('Giáo viên');
    expect((await list(admin, '?includeInactive=true')).items.map((i) => i.name)).toContain('Giáo viên');
    expect((await call(t, admin, 'POST', `/api/admin/job-titles/${id}/deactivate`, {})).statusCode).toBe(409);

    // The name is free among active titles now; the old one cannot come back beside the new one.
    const again = await call(t, admin, 'POST', '/api/admin/job-titles', { name: 'Giáo viên' });
    expect(again.statusCode).toBe(201);
    const refused = await call(t, admin, 'POST', `/api/admin/job-titles/${id}/activate`, {});
    expect(refused.json().error.code).toBe('DUPLICATE');
    await call(t, admin, 'PATCH', `/api/admin/job-titles/${again.json().id}`, { name: 'Giáo viên hợp đồng' });
    const back = await call(t, admin, 'POST', `/api/admin/job-titles/${id}/activate`, {});
    expect(back.json()).toMatchObject({ active: true, userCount: 6 });
  });

  it('reorders: the listed titles get 10, 20, 30… and the others follow', async () => {
    const before = (await list(admin, '?includeInactive=true')).items;
    const wanted = [before[2].id, before[0].id];
    const res = await call(t, admin, 'POST', '/api/admin/job-titles/reorder', { ids: wanted });
    expect(res.statusCode).toBe(200);
    const after = res.json().items as Title[];
    expect(after.map((i) => i.id)).toEqual([
      before[2].id,
      before[0].id,
      before[1].id,
      ...before.slice(3).map((i) => i.id),
    ]);
    expect(after.map((i) => i.rank)).toEqual(after.map((_, i) => (i + 1) * 10));
    const [entry] = await t.db.rows<{ before: unknown; after: unknown }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'jobTitle.reorder' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.after).toEqual(after.map((i) => ({ id: i.id, rank: i.rank })));

    const unknown = await call(t, admin, 'POST', '/api/admin/job-titles/reorder', {
      ids: [before[0].id, '00000000-0000-7000-8000-000000000000'],
    });
    expect(unknown.json().error.fields[0].path).toBe('body.ids.1');
    const repeated = await call(t, admin, 'POST', '/api/admin/job-titles/reorder', {
      ids: [before[0].id, before[0].id],
    });
    expect(repeated.statusCode).toBe(400);
    expect((await list(admin, '?includeInactive=true')).items.map((i) => i.rank)).toEqual(after.map((i) => i.rank));
  });

  it('documents every route in OpenAPI with a body on each POST', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const mine = Object.entries(spec.paths as Record<string, Record<string, { requestBody?: object }>>).filter(
      ([p]) => p.startsWith('/api/admin/units') || p.startsWith('/api/admin/job-titles'),
    );
    expect(mine).toHaveLength(10);
    for (const [p, ops] of mine) {
      if (ops.post) expect(ops.post.requestBody, p).toBeTruthy();
    }
  });
});
