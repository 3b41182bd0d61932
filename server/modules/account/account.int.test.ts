import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

describe('Thông tin tài khoản: hồ sơ, thư điện tử, đề xuất thay đổi', () => {
  let t: TestApp;
  let nam: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    nam = await t.login('chuyenvien1');
    for (const r of await t.db.rows<{ k: string; id: string }>(sql`
      SELECT 'unit:' || code AS k, id FROM units UNION ALL SELECT 'title:' || name, id FROM job_titles`))
      ids[r.k] = r.id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, payload });
  const audits = (action: string) =>
    t.db.rows<{ actor_id: string; before: unknown; after: unknown; entity_id: string }>(
      sql`SELECT actor_id, before, after, entity_id FROM audit_log WHERE action = ${action} ORDER BY id`,
    );

  it('shows the own profile with unit, job title, groups and no proposals yet', async () => {
    const res = await call('GET', '/api/account', nam);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'chuyenvien1',
      fullName: 'Lê Hoàng Nam',
      unit: { name: 'Phòng Giáo dục và Đào tạo huyện An Minh' },
      jobTitle: { name: 'Chuyên viên' },
      email: 'chuyenvien1@anminh.edu.vn',
      address: null,
      groups: [{ name: 'Chuyên viên, giáo viên', scope: 'own' }],
      proposals: [],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
  });

  it('lists active job titles for the proposal form', async () => {
    const res = await call('GET', '/api/account/job-titles', nam);
    expect(res.json()[0]).toEqual({ id: ids['title:Trưởng phòng'], name: 'Trưởng phòng' });
  });

  it('edits the own e-mail directly, audited, and refuses a bad address or another field', async () => {
    const res = await call('PATCH', '/api/account/contact', nam, { email: ' Nam.LH@AnMinh.edu.vn ' });
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('nam.lh@anminh.edu.vn');
    const [row] = await audits('account.contact.update');
    expect(row).toMatchObject({
      before: { email: 'chuyenvien1@anminh.edu.vn' },
      after: { email: 'nam.lh@anminh.edu.vn' },
    });

    const bad = await call('PATCH', '/api/account/contact', nam, { email: 'khong-phai-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.email');
    // The phone is used for SMS: it changes only through a proposal.
    const phone = await call('PATCH', '/api/account/contact', nam, { email: null, phone: '0911111111' });
    expect(phone.statusCode).toBe(400);
    const cleared = await call('PATCH', '/api/account/contact', nam, { email: null });
    expect(cleared.json().email).toBeNull();
  });

  it('files a proposal with the values checked, shown as current → proposed', async () => {
    const res = await call('POST', '/api/account/proposals', nam, {
      phone: '0912 345 999',
      address: '  Khu phố 2,   thị trấn Thứ Mười Một ',
      jobTitleId: ids['title:Phó Trưởng phòng'],
      reason: 'Đổi số điện thoại và được bổ nhiệm',
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ status: 'pending', abilities: { withdraw: true } });
    expect(p.changes).toEqual([
      { field: 'jobTitle', current: 'Chuyên viên', proposed: 'Phó Trưởng phòng' },
      { field: 'address', current: null, proposed: 'Khu phố 2, thị trấn Thứ Mười Một' },
      { field: 'phone', current: expect.any(String), proposed: '0912345999' },
    ]);
    const [audit] = await audits('account.proposal.create');
    expect(audit.entity_id).toBe(p.id);
    // Nothing changed on the user yet.
    expect((await call('GET', '/api/account', nam)).json()).toMatchObject({
      jobTitle: { name: 'Chuyên viên' },
      proposals: [{ id: p.id, status: 'pending' }],
    });
  });

  it('allows one pending proposal per person (409) and lets the author withdraw it once', async () => {
    const second = await call('POST', '/api/account/proposals', nam, { address: 'Ấp Xẻo Nhàu', reason: 'Chuyển nhà' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('INVALID_STATE');

    const [{ id }] = (await call('GET', '/api/account', nam)).json().proposals;
    const other = await t.login('chuyenvien2');
    expect((await call('POST', `/api/account/proposals/${id}/withdraw`, other, {})).statusCode).toBe(404);
    const res = await call('POST', `/api/account/proposals/${id}/withdraw`, nam, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', abilities: { withdraw: false } });
    expect((await call('POST', `/api/account/proposals/${id}/withdraw`, nam, {})).json().error.code).toBe(
      'INVALID_STATE',
    );
    expect(await audits('account.proposal.withdraw')).toHaveLength(1);
    // Withdrawn: a new one may be filed.
    const again = await call('POST', '/api/account/proposals', nam, { address: 'Ấp Xẻo Nhàu', reason: 'Chuyển nhà' });
    expect(again.statusCode).toBe(200);
    await call('POST', `/api/account/proposals/${again.json().id}/withdraw`, nam, {});
  });

  it('refuses bad proposals with the field, and writes nothing', async () => {
    const before = await t.db.rows(sql`SELECT count(*)::int AS n FROM profile_change_requests`);
    const cases: [object, string][] = [
      [{ reason: 'Không có gì' }, 'body'],
      [{ phone: '12345', reason: 'x' }, 'body.phone'],
      [{ phone: '0912345678901', reason: 'x' }, 'body.phone'],
      [{ unitId: '00000000-0000-7000-8000-000000000000', reason: 'x' }, 'body.unitId'],
      [{ unitId: 'abc', reason: 'x' }, 'body.unitId'],
      [{ jobTitleId: '00000000-0000-7000-8000-000000000000', reason: 'x' }, 'body.jobTitleId'],
      [{ jobTitleId: ids['title:Chuyên viên'], reason: 'x' }, 'body.jobTitleId'],
      [{ unitId: ids['unit:PGDDT'], reason: 'x' }, 'body.unitId'],
      [{ address: 'Ấp 1' }, 'body.reason'],
      [{ address: 'Ấp 1', reason: '   ' }, 'body.reason'],
      [{ address: 'Ấp 1', reason: 'x', email: 'a@b.vn' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/account/proposals', nam, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields?.[0]?.path ?? 'body', JSON.stringify(payload)).toBe(field);
    }
    expect(await t.db.rows(sql`SELECT count(*)::int AS n FROM profile_change_requests`)).toEqual(before);
  });

  it('refuses a unit or job title that is no longer in use', async () => {
    await t.db.rows(sql`UPDATE units SET active = false WHERE code = 'MNAM'`);
    const res = await call('POST', '/api/account/proposals', nam, {
      unitId: ids['unit:MNAM'],
      reason: 'Chuyển trường',
    });
    expect(res.json().error.fields[0].path).toBe('body.unitId');
    await t.db.rows(sql`UPDATE units SET active = true WHERE code = 'MNAM'`);
  });

  it('serialises two proposals sent at the same moment: one is filed, the other is refused', async () => {
    const cookie = await t.login('th.gv2');
    const send = (address: string) => call('POST', '/api/account/proposals', cookie, { address, reason: 'Chuyển nhà' });
    const codes = (await Promise.all([send('Ấp A'), send('Ấp B')])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
  });
});
