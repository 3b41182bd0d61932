import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCatalogEntry, TDocumentType } from '../../../contracts/catalogs';
import { type TestApp, createTestApp } from '../../test/harness';
import { auditOf, call, countRows, grantAdmin } from './catalogs.test-helpers';

describe('Danh mục chuẩn văn bản › loại văn bản, độ mật, độ khẩn, lĩnh vực', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let schoolAdmin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    staff = await t.login('chuyenvien1');
    await grantAdmin(t, 'th.hieutruong', 'subtree');
    schoolAdmin = await t.login('th.hieutruong');
  });
  afterAll(() => t.close());

  const types = async (cookie: string, qs = '') =>
    (await call(t, cookie, 'GET', `/api/catalogs/document-types${qs}`)).json() as TDocumentType[];

  it('serves the ND30 document types with their abbreviations to every signed-in user', async () => {
    const list = await types(staff);
    expect(list).toHaveLength(29);
    expect(list[0]).toMatchObject({ name: 'Nghị quyết', abbreviation: 'NQ' });
    expect(list.find((d) => d.name === 'Quy định')?.abbreviation).toBe('QyĐ');
    expect(list.find((d) => d.name === 'Công văn')?.abbreviation).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/catalogs/document-types' })).statusCode).toBe(401);
  });

  it('serves levels and fields, in rank order, active only unless a catalogs administrator asks', async () => {
    const res = await call(t, staff, 'GET', '/api/catalogs/levels?catalog=urgency');
    expect((res.json() as TCatalogEntry[]).map((e) => e.code)).toEqual(['thuong', 'khan', 'thuong-khan', 'hoa-toc']);
    expect((await call(t, staff, 'GET', '/api/catalogs/levels?catalog=mau-sac')).statusCode).toBe(400);
    expect((await call(t, staff, 'GET', '/api/catalogs/levels?catalog=field&includeInactive=true')).statusCode).toBe(
      403,
    );
    expect((await call(t, staff, 'GET', '/api/catalogs/document-types?includeInactive=true')).statusCode).toBe(403);
    expect(
      (await call(t, schoolAdmin, 'GET', '/api/catalogs/levels?catalog=field&includeInactive=true')).statusCode,
    ).toBe(200);
  });

  it('lists document types for administrators: search without diacritics, sort, page, canManage', async () => {
    const res = await call(t, admin, 'GET', '/api/admin/catalogs/document-types?q=giay&sort=name&dir=desc&pageSize=5');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 5, canManage: true });
    // Vietnamese order, descending: ủy (U) > nghỉ (N) > mời (M) > giới (G).
    expect(page.items.map((d: TDocumentType) => d.name)).toEqual([
      'Giấy ủy quyền',
      'Giấy nghỉ phép',
      'Giấy mời',
      'Giấy giới thiệu',
    ]);
    const second = await call(t, admin, 'GET', '/api/admin/catalogs/document-types?pageSize=10&page=3');
    expect(second.json().items).toHaveLength(9);
    // A school administrator may look but not change; a non-administrator may not even look.
    expect((await call(t, schoolAdmin, 'GET', '/api/admin/catalogs/document-types')).json().canManage).toBe(false);
    expect((await call(t, staff, 'GET', '/api/admin/catalogs/document-types')).statusCode).toBe(403);
    expect((await call(t, staff, 'GET', '/api/admin/catalogs/entries?catalog=field')).statusCode).toBe(403);
  });

  it('adds, edits, deactivates and reactivates a document type with an audit trail', async () => {
    const created = await call(t, admin, 'POST', '/api/admin/catalogs/document-types', {
      name: ' Bản sao y ',
      abbreviation: 'SY',
    });
    expect(created.statusCode).toBe(200);
    const type = created.json() as TDocumentType;
    expect(type).toMatchObject({ name: 'Bản sao y', abbreviation: 'SY', sortOrder: 300, active: true });

    const edited = await call(t, admin, 'PATCH', `/api/admin/catalogs/document-types/${type.id}`, {
      abbreviation: null,
    });
    expect(edited.json()).toMatchObject({ abbreviation: null });
    const off = await call(t, admin, 'POST', `/api/admin/catalogs/document-types/${type.id}/deactivate`);
    expect(off.json().active).toBe(false);
    expect((await types(staff)).some((d) => d.id === type.id)).toBe(false);
    expect((await types(admin, '?includeInactive=true')).some((d) => d.id === type.id)).toBe(true);
    const on = await call(t, admin, 'POST', `/api/admin/catalogs/document-types/${type.id}/activate`);
    expect(on.json().active).toBe(true);
    expect((await auditOf(t, type.id)).map((a) => a.action)).toEqual([
      'catalog.documentType.create',
      'catalog.documentType.update',
      'catalog.documentType.deactivate',
      'catalog.documentType.activate',
    ]);
  });

  it('refuses a duplicate name or abbreviation (any case) and a bad abbreviation, leaving nothing behind', async () => {
    const before = await countRows(t, 'document_types');
    const audits = await countRows(t, 'audit_log');
    const dupName = await call(t, admin, 'POST', '/api/admin/catalogs/document-types', {
      name: 'QUYẾT ĐỊNH',
      abbreviation: 'QDX',
    });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().error).toMatchObject({
      code: 'DUPLICATE',
      fields: [{ path: 'name' }],
      details: { existing: { name: 'Quyết định' } },
    });
    const dupAbbr = await call(t, admin, 'POST', '/api/admin/catalogs/document-types', {
      name: 'Quyết nghị',
      abbreviation: 'QĐ',
    });
    expect(dupAbbr.json().error.fields[0].path).toBe('abbreviation');
    for (const abbreviation of ['qđ', 'Q-Đ', 'QUYETDINHXX', 'Q1']) {
      const bad = await call(t, admin, 'POST', '/api/admin/catalogs/document-types', {
        name: 'Loại mới',
        abbreviation,
      });
      expect(bad.statusCode, abbreviation).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('body.abbreviation');
    }
    expect(
      (await call(t, admin, 'POST', '/api/admin/catalogs/document-types', { name: '', abbreviation: null })).statusCode,
    ).toBe(400);
    const missing = await call(
      t,
      admin,
      'PATCH',
      '/api/admin/catalogs/document-types/00000000-0000-7000-8000-000000000000',
      {
        name: 'X',
      },
    );
    expect(missing.statusCode).toBe(404);
    expect(await countRows(t, 'document_types')).toBe(before);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('adds a field with a stable code, edits its name and rank but never its code', async () => {
    const res = await call(t, admin, 'POST', '/api/admin/catalogs/entries', {
      catalog: 'field',
      code: 'phap-che',
      name: 'Pháp chế',
    });
    expect(res.statusCode).toBe(200);
    const entry = res.json() as TCatalogEntry;
    expect(entry).toMatchObject({ catalog: 'field', code: 'phap-che', rank: 100 });
    const edited = await call(t, admin, 'PATCH', `/api/admin/catalogs/entries/${entry.id}`, {
      name: 'Pháp chế – Thanh tra',
      rank: 95,
    });
    expect(edited.json()).toMatchObject({ name: 'Pháp chế – Thanh tra', rank: 95, code: 'phap-che' });
    expect(
      (await call(t, admin, 'PATCH', `/api/admin/catalogs/entries/${entry.id}`, { code: 'khac-nua' })).statusCode,
    ).toBe(400);
    const dup = await call(t, admin, 'POST', '/api/admin/catalogs/entries', {
      catalog: 'field',
      code: 'khac',
      name: 'Khác nữa',
    });
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'code' }] });
    const badCode = await call(t, admin, 'POST', '/api/admin/catalogs/entries', {
      catalog: 'field',
      code: 'Pháp chế',
      name: 'X',
    });
    expect(badCode.json().error.fields[0].path).toBe('body.code');
    // The same code in another catalog is another entry.
    expect(
      (
        await call(t, admin, 'POST', '/api/admin/catalogs/entries', {
          catalog: 'urgency',
          code: 'phap-che',
          name: 'Thử',
        })
      ).statusCode,
    ).toBe(200);

    const list = await call(t, admin, 'GET', '/api/admin/catalogs/entries?catalog=field&q=phap%20che&status=active');
    expect(list.json()).toMatchObject({ total: 1, items: [{ code: 'phap-che' }] });
    await call(t, admin, 'POST', `/api/admin/catalogs/entries/${entry.id}/deactivate`);
    const inactive = await call(t, admin, 'GET', '/api/admin/catalogs/entries?catalog=field&status=inactive');
    expect(inactive.json().items.map((e: TCatalogEntry) => e.code)).toEqual(['phap-che']);
    expect((await auditOf(t, entry.id)).map((a) => a.action)).toEqual([
      'catalog.entry.create',
      'catalog.entry.update',
      'catalog.entry.deactivate',
    ]);
  });

  it('refuses every write to a non-administrator and to a school administrator', async () => {
    const [type] = await types(admin);
    const levels = (
      await call(t, admin, 'GET', '/api/catalogs/levels?catalog=confidentiality')
    ).json() as TCatalogEntry[];
    const before = await countRows(t, 'audit_log');
    for (const cookie of [staff, schoolAdmin]) {
      const writes = [
        call(t, cookie, 'POST', '/api/admin/catalogs/document-types', { name: 'Loại lạ', abbreviation: 'LL' }),
        call(t, cookie, 'PATCH', `/api/admin/catalogs/document-types/${type.id}`, { name: 'Đổi tên' }),
        call(t, cookie, 'POST', `/api/admin/catalogs/document-types/${type.id}/deactivate`),
        call(t, cookie, 'POST', `/api/admin/catalogs/document-types/${type.id}/activate`),
        call(t, cookie, 'POST', '/api/admin/catalogs/entries', { catalog: 'confidentiality', code: 'x', name: 'X' }),
        call(t, cookie, 'PATCH', `/api/admin/catalogs/entries/${levels[1].id}`, { name: 'Đổi tên' }),
        call(t, cookie, 'POST', `/api/admin/catalogs/entries/${levels[1].id}/deactivate`),
        call(t, cookie, 'POST', `/api/admin/catalogs/entries/${levels[1].id}/activate`),
      ];
      for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    }
    expect(await countRows(t, 'audit_log')).toBe(before);
    expect((await types(staff))[0].name).toBe('Nghị quyết');
  });
});
