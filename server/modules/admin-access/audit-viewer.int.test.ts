import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry } from '../../../contracts/admin-access';
import { type TestApp, createTestApp } from '../../test/harness';
import { formatVietnamTime } from './audit-export';
import { call, makeSchoolAdmin, userId } from './test-helpers';

/** Today and yesterday as calendar days in Vietnam time. */
function vietnamDay(offsetDays = 0): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('Nhật ký hệ thống (audit log viewer)', () => {
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
    await t.login('th.gv1');
    await t.login('thcs.gv1');
    await call(t, admin, 'POST', '/api/admin/groups', { name: 'Nhóm nhật ký', permissions: ['tasks.use'] });
    await call(t, staff, 'PATCH', '/api/me/preferences', { pageSize: 50 });
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mn.gv1', password: 'sai' } });
  });
  afterAll(() => t.close());

  const list = async (cookie: string, qs = '') =>
    (await call(t, cookie, 'GET', `/api/admin/audit${qs}`)).json() as {
      items: TAuditEntry[];
      nextCursor: string | null;
    };

  it('lists entries newest first with actor name, IP and before/after values', async () => {
    const res = await call(t, admin, 'GET', '/api/admin/audit?limit=5');
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: TAuditEntry[] };
    const ids = items.map((i) => BigInt(i.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    const prefs = (await list(admin, '?action=user.preferences.update')).items[0];
    expect(prefs).toMatchObject({
      actorName: 'Lê Hoàng Nam',
      actorUsername: 'chuyenvien1',
      entityType: 'user',
      before: { pageSize: 20 },
      after: { pageSize: 50 },
    });
    expect(prefs.ip).toBeTruthy();
    expect(new Date(prefs.at).getTime()).toBeGreaterThan(Date.now() - 600_000);
    const locked = (await list(admin, '?action=auth.locked')).items[0];
    expect(locked).toMatchObject({ actorId: null, actorName: null, entityType: 'user' });
  });

  it('pages with a cursor without repeats', async () => {
    const all = (await list(admin, '?limit=200')).items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(admin, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await call(t, admin, 'GET', '/api/admin/audit?cursor=abc')).statusCode).toBe(400);
  });

  it('filters by user, record, action and date', async () => {
    const nam = await userId(t, 'chuyenvien1');
    const byActor = await list(admin, `?actorId=${nam}`);
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((i) => i.actorId === nam)).toBe(true);
    const byRecord = await list(admin, `?entityType=user&entityId=${nam}`);
    expect(byRecord.items.map((i) => i.action)).toEqual(['user.preferences.update']);
    const byAction = await list(admin, '?action=group.create');
    expect(byAction.items).toHaveLength(1);
    expect(byAction.items[0].after).toMatchObject({ name: 'Nhóm nhật ký' });
    expect((await list(admin, `?from=${vietnamDay()}&to=${vietnamDay()}`)).items.length).toBeGreaterThan(5);
    expect((await list(admin, `?to=${vietnamDay(-1)}`)).items).toEqual([]);
    expect((await list(admin, `?from=${vietnamDay(1)}`)).items).toEqual([]);
    const reversed = await call(t, admin, 'GET', `/api/admin/audit?from=${vietnamDay()}&to=${vietnamDay(-1)}`);
    expect(reversed.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'querystring.to' }] });
    expect((await call(t, admin, 'GET', '/api/admin/audit?from=31/12/2025')).statusCode).toBe(400);
    expect((await call(t, admin, 'GET', '/api/admin/audit?actorId=x')).statusCode).toBe(400);
  });

  it('offers the actions and entity types present, and people to filter by', async () => {
    const facets = (await call(t, admin, 'GET', '/api/admin/audit/facets')).json();
    expect(facets.actions).toEqual(expect.arrayContaining(['auth.login', 'group.create', 'user.preferences.update']));
    expect(facets.entityTypes).toEqual(expect.arrayContaining(['group', 'session', 'user']));
    const people = (await call(t, admin, 'GET', `/api/admin/audit/actors?q=${encodeURIComponent('hoang nam')}`)).json();
    expect(people.map((p: { username: string }) => p.username)).toEqual(['chuyenvien1']);
  });

  it('an administrator with a unit scope sees only entries of people in their units', async () => {
    const items = (await list(schoolAdmin, '?limit=200')).items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.actorUsername))).toEqual(new Set(['th.hieutruong', 'th.gv1']));
    const actors = (await call(t, schoolAdmin, 'GET', '/api/admin/audit/actors?limit=50')).json();
    expect(actors.every((p: { unitName: string }) => p.unitName === 'Trường Tiểu học An Minh')).toBe(true);
    const thcs = await userId(t, 'thcs.gv1');
    expect((await list(schoolAdmin, `?actorId=${thcs}`)).items).toEqual([]);
  });

  it('refuses a non-administrator', async () => {
    for (const url of [
      '/api/admin/audit',
      '/api/admin/audit/export',
      '/api/admin/audit/facets',
      '/api/admin/audit/actors',
    ]) {
      expect((await call(t, staff, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
  });

  it('exports a valid XLSX whose first data row is the newest entry, then records the export', async () => {
    await call(t, admin, 'POST', '/api/admin/groups', { name: 'Nhóm xuất Excel' });
    const newest = (await list(admin, '?limit=1')).items[0];
    expect(newest.action).toBe('group.create');
    const res = await call(t, admin, 'GET', '/api/admin/audit/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="nhat-ky-\d{8}\.xlsx"/);
    const ws = await readXlsx(res.rawPayload);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Thời gian',
      'Người thực hiện',
      'Thay mặt',
      'Hành động',
      'Đối tượng',
      'Mã đối tượng',
      'Địa chỉ IP',
      'Trước',
      'Sau',
    ]);
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(formatVietnamTime(newest.at));
    expect(String(first.getCell(1).value)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(first.getCell(2).value).toBe(`${newest.actorName} (${newest.actorUsername})`);
    expect(first.getCell(4).value).toBe(newest.action);
    expect(first.getCell(5).value).toBe(newest.entityType);
    expect(first.getCell(6).value).toBe(newest.entityId);
    expect(first.getCell(7).value).toBe(newest.ip);
    expect(JSON.parse(String(first.getCell(9).value))).toMatchObject({ name: 'Nhóm xuất Excel' });
    expect(ws.rowCount).toBe(1 + Number(res.headers['x-export-rows']));
    expect(res.headers['x-export-truncated']).toBe('false');
    const recorded = (await list(admin, '?action=audit.export')).items[0];
    expect(recorded.after).toMatchObject({ rows: ws.rowCount - 1, truncated: false });
  });

  it('applies the filters to the export', async () => {
    const res = await call(t, admin, 'GET', '/api/admin/audit/export?action=user.preferences.update');
    const ws = await readXlsx(res.rawPayload);
    expect(ws.rowCount).toBe(2);
    expect(JSON.parse(String(ws.getRow(2).getCell(9).value))).toMatchObject({ pageSize: 50 });
    expect((await call(t, admin, 'GET', '/api/admin/audit/export?from=2026-13-01')).statusCode).toBe(400);
  });

  it('is append-only: no route changes or deletes an entry, and the table refuses it', async () => {
    const [{ id }] = (await list(admin, '?limit=1')).items;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await call(
        t,
        admin,
        method,
        `/api/admin/audit/${id}`,
        method === 'DELETE' ? undefined : { action: 'x' },
      );
      expect(res.statusCode, method).toBe(404);
    }
    await expect(t.db.q.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = ${id}::bigint`)).rejects.toThrow();
    await expect(t.db.q.execute(sql`DELETE FROM audit_log WHERE id = ${id}::bigint`)).rejects.toThrow();
    expect((await list(admin, '?limit=200')).items.find((i) => i.id === id)?.action).not.toBe('x');
  });
});
